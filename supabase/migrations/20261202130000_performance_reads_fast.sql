-- The performance pages at the reference department's size (npm run bench):
-- * The targets grid reads a year's rows of one KPI (a region's thousand people and
--   territories) with quarters and the year made by the KPI's rule. Made per row by a function
--   call for each of five figures, that took ~140 ms for a region; as plain expressions over
--   each quarter's sum, count and last figure, and with an index for the grid's filter, a few
--   ms. Same columns, same figures (the targets tests check sum, average and last).
-- * The read policies (and the targets write checks) that compare a row's territory with the
--   caller's scope as an array took ~100 ms more for HR on a month's evaluations: for scope
--   "all" the array is every territory (a thousand) and each row searched it. They now ask
--   first whether the caller may touch every row (once per statement), which is the same
--   answer: these tables' rows always have a territory, so "every territory" and "every row"
--   are the same set.

-- =============================================================================
-- Indexes
-- =============================================================================
create index targets_kpi_year_idx on public.targets (kpi_id, year);

-- =============================================================================
-- Views
-- =============================================================================
create or replace view public.target_totals
with (security_invoker = true)
as
select t.id, t.kpi_id, t.year, t.territory_id, t.staff_id, t.months, t.overridden, t.override_reason,
       t.overridden_by, t.overridden_at, t.version, t.updated_at,
       case k.year_aggregation when 'sum' then case when p.n1 > 0 then p.s1 end when 'average' then round(p.s1 / nullif(p.n1, 0), 2) else p.l1 end as q1,
       case k.year_aggregation when 'sum' then case when p.n2 > 0 then p.s2 end when 'average' then round(p.s2 / nullif(p.n2, 0), 2) else p.l2 end as q2,
       case k.year_aggregation when 'sum' then case when p.n3 > 0 then p.s3 end when 'average' then round(p.s3 / nullif(p.n3, 0), 2) else p.l3 end as q3,
       case k.year_aggregation when 'sum' then case when p.n4 > 0 then p.s4 end when 'average' then round(p.s4 / nullif(p.n4, 0), 2) else p.l4 end as q4,
       case k.year_aggregation when 'sum' then case when (p.n1 + p.n2 + p.n3 + p.n4) > 0 then (p.s1 + p.s2 + p.s3 + p.s4) end when 'average' then round((p.s1 + p.s2 + p.s3 + p.s4) / nullif((p.n1 + p.n2 + p.n3 + p.n4), 0), 2) else coalesce(p.l4, p.l3, p.l2, p.l1) end as year_total
  from public.targets t
  join public.kpis k on k.id = t.kpi_id
 -- Each quarter's sum (of the months with a figure), how many have one, and the last of them.
 cross join lateral (select coalesce(t.months[1], 0) + coalesce(t.months[2], 0) + coalesce(t.months[3], 0) as s1, num_nonnulls(t.months[1], t.months[2], t.months[3]) as n1, coalesce(t.months[3], t.months[2], t.months[1]) as l1,
                 coalesce(t.months[4], 0) + coalesce(t.months[5], 0) + coalesce(t.months[6], 0) as s2, num_nonnulls(t.months[4], t.months[5], t.months[6]) as n2, coalesce(t.months[6], t.months[5], t.months[4]) as l2,
                 coalesce(t.months[7], 0) + coalesce(t.months[8], 0) + coalesce(t.months[9], 0) as s3, num_nonnulls(t.months[7], t.months[8], t.months[9]) as n3, coalesce(t.months[9], t.months[8], t.months[7]) as l3,
                 coalesce(t.months[10], 0) + coalesce(t.months[11], 0) + coalesce(t.months[12], 0) as s4, num_nonnulls(t.months[10], t.months[11], t.months[12]) as n4, coalesce(t.months[12], t.months[11], t.months[10]) as l4) p;
comment on view public.target_totals is 'Targets with quarters and the year made from their months by the KPI''s rule (sum, average, last, over the months with a figure), as the caller may read them.';

-- =============================================================================
-- Read policies
-- =============================================================================
alter policy "people with targets read permission in scope can read annual ta" on public.annual_targets
  using ((select private.allows_all('targets', 'read')) or ((territory_id = ANY (( SELECT private.territory_scope('targets'::text, 'read'::text, false) AS territory_scope)::uuid[])) OR ((staff_id = ( SELECT private.my_staff_id() AS my_staff_id)) AND (( SELECT private.allowed_owner('targets'::text, 'read'::text) AS allowed_owner) IS NOT NULL))));
alter policy "people with kpi_actuals read permission in scope can read actua" on public.kpi_actuals
  using ((select private.allows_all('kpi_actuals', 'read')) or ((territory_id = ANY (( SELECT private.territory_scope('kpi_actuals'::text, 'read'::text, false) AS territory_scope)::uuid[])) OR ((staff_id = ( SELECT private.my_staff_id() AS my_staff_id)) AND (( SELECT private.allowed_owner('kpi_actuals'::text, 'read'::text) AS allowed_owner) IS NOT NULL))));
alter policy "people with evaluations read permission in scope can read evalu" on public.evaluations
  using ((select private.allows_all('evaluations', 'read')) or ((territory_id = ANY (( SELECT private.territory_scope('evaluations'::text, 'read'::text, false) AS territory_scope)::uuid[])) OR ((staff_id = ( SELECT private.my_staff_id() AS my_staff_id)) AND (( SELECT private.allowed_owner('evaluations'::text, 'read'::text) AS allowed_owner) IS NOT NULL))));
alter policy "people with periods read permission in scope or who asked can r" on public.amendments
  using ((select private.allows_all('periods', 'read')) or ((territory_id = ANY (( SELECT private.territory_scope('periods'::text, 'read'::text, false) AS territory_scope)::uuid[])) OR (requested_by = ( SELECT auth.uid() AS uid))));
alter policy "people with rewards read permission in scope or their own can r" on public.rewards
  using ((select private.allows_all('rewards', 'read')) or ((territory_id = ANY (( SELECT private.territory_scope('rewards'::text, 'read'::text, false) AS territory_scope)::uuid[])) OR ((staff_id = ( SELECT private.my_staff_id() AS my_staff_id)) AND (( SELECT private.allowed_owner('rewards'::text, 'read'::text) AS allowed_owner) IS NOT NULL))));
alter policy "people with customers read permission in scope can read custome" on public.customers
  using ((select private.allows_all('customers', 'read')) or (territory_id = ANY (( SELECT private.territory_scope('customers'::text, 'read'::text) AS territory_scope)::uuid[])));
alter policy "people with personal_goals read permission in scope or their ow" on public.personal_goals
  using ((select private.allows_all('personal_goals', 'read')) or ((territory_id = ANY (( SELECT private.territory_scope('personal_goals'::text, 'read'::text, false) AS territory_scope)::uuid[])) OR ((staff_id = ( SELECT private.my_staff_id() AS my_staff_id)) AND (( SELECT private.allowed_owner('personal_goals'::text, 'read'::text) AS allowed_owner) IS NOT NULL))));
alter policy "people with periods read permission in scope can read closes" on public.period_closes
  using ((select private.allows_all('periods', 'read')) or (territory_id = ANY (( SELECT private.territory_scope('periods'::text, 'read'::text, false) AS territory_scope)::uuid[])));
alter policy "people with targets read permission in scope can read targets" on public.targets
  using ((select private.allows_all('targets', 'read')) or ((territory_id = ANY (( SELECT private.territory_scope('targets'::text, 'read'::text, false) AS territory_scope)::uuid[])) OR ((staff_id = ( SELECT private.my_staff_id() AS my_staff_id)) AND (( SELECT private.allowed_owner('targets'::text, 'read'::text) AS allowed_owner) IS NOT NULL))));

-- The split writes a year's targets for everyone as HR: its rows' checks ask the same first.
alter policy "people with targets create permission in scope can add targets" on public.targets
  with check ((select private.allows_all('targets', 'create')) or (territory_id = ANY (( SELECT private.territory_scope('targets'::text, 'create'::text, false) AS territory_scope)::uuid[])));
alter policy "people with targets update permission in scope can change targe" on public.targets
  using ((select private.allows_all('targets', 'update')) or (territory_id = ANY (( SELECT private.territory_scope('targets'::text, 'update'::text, false) AS territory_scope)::uuid[])))
  with check ((select private.allows_all('targets', 'update')) or (territory_id = ANY (( SELECT private.territory_scope('targets'::text, 'update'::text, false) AS territory_scope)::uuid[])));
