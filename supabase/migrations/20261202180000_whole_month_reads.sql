-- Reading a whole month of actuals or evaluations, or every reward, fast for everyone. The read
-- rules compared each row's territory with the reader's territories one by one
-- (`territory_id = any (array)`): for HR, who reads all 1,000 territories, that was up to a
-- thousand comparisons per row, 48,570 rows for a month of actuals (614 ms a page, ten times
-- the same page read past RLS). The same rule now asks whether the territory is in the
-- reader's set, which Postgres answers from a hash (one lookup per row whatever the set's
-- size), and first whether the reader reads every territory (then no row is looked up at all).
-- The rules themselves are unchanged: same territories, same own rows.
--
-- The lists read in the order they open (the month's actuals newest first, the month's
-- evaluations best first, rewards newest first) and count their rows: each gets one index in
-- that order that also holds what the rule reads (territory and person), so the page is the
-- index's first entries and the count never visits the table.

-- =============================================================================
-- Indexes
-- =============================================================================
create index kpi_actuals_month_list_idx on public.kpi_actuals (month, updated_at desc, territory_id, staff_id);
create index evaluations_month_list_idx on public.evaluations (month, total_score desc nulls last, id, territory_id, staff_id);
create index rewards_list_idx on public.rewards (awarded_on desc, territory_id, staff_id);

-- =============================================================================
-- Policies
-- =============================================================================
drop policy "people with kpi_actuals read permission in scope can read actua" on public.kpi_actuals;
create policy "people with kpi_actuals read permission in scope can read actuals" on public.kpi_actuals
  for select to authenticated
  using ((select private.allows_all('kpi_actuals', 'read'))
         or territory_id in (select unnest(private.territory_scope('kpi_actuals', 'read', false)))
         or (staff_id = (select private.my_staff_id())
             and (select private.allowed_owner('kpi_actuals', 'read')) is not null));

drop policy "people with evaluations read permission in scope can read evalu" on public.evaluations;
create policy "people with evaluations read permission in scope can read evaluations" on public.evaluations
  for select to authenticated
  using ((select private.allows_all('evaluations', 'read'))
         or territory_id in (select unnest(private.territory_scope('evaluations', 'read', false)))
         or (staff_id = (select private.my_staff_id())
             and (select private.allowed_owner('evaluations', 'read')) is not null));

drop policy "people with rewards read permission in scope or their own can r" on public.rewards;
create policy "people with rewards read permission in scope or their own can read rewards" on public.rewards
  for select to authenticated
  using ((select private.allows_all('rewards', 'read'))
         or territory_id in (select unnest(private.territory_scope('rewards', 'read', false)))
         or (staff_id = (select private.my_staff_id())
             and (select private.allowed_owner('rewards', 'read')) is not null));
