-- The performance pages at the reference department's size (npm run bench):
-- * The targets grid reads a year's rows of one KPI (a region's thousand people and
--   territories) with quarters and the year made by the KPI's rule. Made per row by a function
--   call for each of five figures, that took ~140 ms for a region; as plain expressions over
--   each quarter's sum, count and last figure, and with an index for the grid's filter, a few
--   ms. Same columns, same figures (the targets tests check sum, average and last).
-- * The targets write checks compare each written row's territory with the caller's scope as
--   an array: for HR (scope "all": every territory, a thousand) the split checked 48,000 rows
--   against it. They now ask first whether the caller may write every row (once per
--   statement), the same answer: a target always has a territory. (The read policies stay as
--   they are: asked that way, a manager's list no longer uses the territory index, 18 ms to
--   174 ms for a region's customers.)

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
-- Write checks
-- =============================================================================
-- The split writes a year's targets for everyone as HR: its rows' checks ask the same first.
alter policy "people with targets create permission in scope can add targets" on public.targets
  with check ((select private.allows_all('targets', 'create')) or (territory_id = ANY (( SELECT private.territory_scope('targets'::text, 'create'::text, false) AS territory_scope)::uuid[])));
alter policy "people with targets update permission in scope can change targe" on public.targets
  using ((select private.allows_all('targets', 'update')) or (territory_id = ANY (( SELECT private.territory_scope('targets'::text, 'update'::text, false) AS territory_scope)::uuid[])))
  with check ((select private.allows_all('targets', 'update')) or (territory_id = ANY (( SELECT private.territory_scope('targets'::text, 'update'::text, false) AS territory_scope)::uuid[])));
