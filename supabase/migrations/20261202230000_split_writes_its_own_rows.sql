-- The split writes its people's rows as the row trigger would. For each of the 48,570 rows a
-- company's split writes, the trigger that checks a target by hand (its key fixed, the person's
-- territory held that year, an override's who and when) ran only to set who wrote it: the split
-- places each person under the territory they held, never changes a key and never overrides a
-- person's row. The split now says who wrote its rows itself (updated_by, from the runner's
-- id, never from the client), and the trigger is no longer called for them (about 0.4 s of a 4.8 s split). Territory rows,
-- and every write by hand, still pass through it.

-- =============================================================================
-- The split writes who wrote its people's rows
-- =============================================================================
CREATE OR REPLACE FUNCTION public.split_targets(p_year integer, p_kpi uuid DEFAULT NULL::uuid)
 RETURNS TABLE(people integer, rows_written integer, rows_removed integer)
 LANGUAGE plpgsql
 SET search_path TO ''
 SET enable_nestloop TO 'off'
AS $function$
begin
  if p_year is null or p_year not between 2000 and 2100 then
    raise exception using errcode = '22023', detail = 'year_out_of_range', message = 'Give a year between 2000 and 2100.';
  end if;
  if p_kpi is not null and not exists (select 1 from public.kpis k where k.id = p_kpi) then
    raise exception using errcode = 'PT404', detail = 'kpi_not_found', message = 'No KPI with this id that you may read.';
  end if;
  perform set_config('app.target_split', 'on', true);
  perform set_config('app.audit_run', jsonb_build_object('computation', 'split_targets', 'year', p_year, 'kpi_id', p_kpi,
                                                         'tables', array['targets'])::text, true);
  return query
  with src as materialized (
    select a.id, a.kpi_id, a.staff_id, a.amount, k.year_aggregation as rule,
           case k.unit when 'count' then 0 else 2 end as scale, a.distribution_id
      from public.annual_targets a
      join public.kpis k on k.id = a.kpi_id
     where a.year = p_year and (p_kpi is null or a.kpi_id = p_kpi)
  ),
  -- Each profile's share of the year reached at the end of each month: element 1 is the
  -- start of January (0), element i + 1 the end of month i.
  shares as materialized (
    select d.id as distribution_id,
           array(select case when m.i = 0 then 0
                             when d.month_percents is null then m.i * 100.0 / 12
                             else (select coalesce(sum(p), 0) from unnest(d.month_percents[1:m.i]) p) end
                   from generate_series(0, 12) m(i) order by m.i) as reached
      from public.distribution_profiles d
  ),
  -- The territory each person held on the first of each month (their assignment history, or
  -- their record where it does not reach back), January to December: once per person.
  held as materialized (
    select h.staff_id, array_agg(h.territory_id order by h.i) as territories
      from (select distinct on (p.staff_id, m.i) p.staff_id, m.i, coalesce(ta.territory_id, st.territory_id) as territory_id
              from (select distinct s.staff_id from src s) p
              join public.staff st on st.id = p.staff_id
             cross join generate_series(1, 12) m(i)
              left join public.territory_assignments ta
                on ta.staff_id = p.staff_id and ta.valid_from <= make_date(p_year, m.i, 1)
               and (ta.valid_to is null or ta.valid_to > make_date(p_year, m.i, 1))
             order by p.staff_id, m.i, ta.valid_from desc nulls last) h
     group by h.staff_id
  ),
  -- Each month's amount: the difference of the rounded cumulative amounts, so the months add
  -- up exactly to the year (a KPI that is not added up keeps the annual figure every month).
  split as materialized (
    select s.kpi_id, s.staff_id, h.territories,
           case when s.rule = 'sum'
                then array[round(s.amount * r.reached[2] / 100, s.scale) - round(s.amount * r.reached[1] / 100, s.scale),
                           round(s.amount * r.reached[3] / 100, s.scale) - round(s.amount * r.reached[2] / 100, s.scale),
                           round(s.amount * r.reached[4] / 100, s.scale) - round(s.amount * r.reached[3] / 100, s.scale),
                           round(s.amount * r.reached[5] / 100, s.scale) - round(s.amount * r.reached[4] / 100, s.scale),
                           round(s.amount * r.reached[6] / 100, s.scale) - round(s.amount * r.reached[5] / 100, s.scale),
                           round(s.amount * r.reached[7] / 100, s.scale) - round(s.amount * r.reached[6] / 100, s.scale),
                           round(s.amount * r.reached[8] / 100, s.scale) - round(s.amount * r.reached[7] / 100, s.scale),
                           round(s.amount * r.reached[9] / 100, s.scale) - round(s.amount * r.reached[8] / 100, s.scale),
                           round(s.amount * r.reached[10] / 100, s.scale) - round(s.amount * r.reached[9] / 100, s.scale),
                           round(s.amount * r.reached[11] / 100, s.scale) - round(s.amount * r.reached[10] / 100, s.scale),
                           round(s.amount * r.reached[12] / 100, s.scale) - round(s.amount * r.reached[11] / 100, s.scale),
                           round(s.amount * r.reached[13] / 100, s.scale) - round(s.amount * r.reached[12] / 100, s.scale)]
                else array_fill(s.amount, array[12]) end as amounts
      from src s
      join held h on h.staff_id = s.staff_id
      join shares r on r.distribution_id = s.distribution_id
  ),
  -- One row per person, KPI and territory held that year, with the months held there.
  desired as (
    select x.kpi_id, x.staff_id, t.territory_id,
           array[case when x.territories[1] = t.territory_id then x.amounts[1] end,
                 case when x.territories[2] = t.territory_id then x.amounts[2] end,
                 case when x.territories[3] = t.territory_id then x.amounts[3] end,
                 case when x.territories[4] = t.territory_id then x.amounts[4] end,
                 case when x.territories[5] = t.territory_id then x.amounts[5] end,
                 case when x.territories[6] = t.territory_id then x.amounts[6] end,
                 case when x.territories[7] = t.territory_id then x.amounts[7] end,
                 case when x.territories[8] = t.territory_id then x.amounts[8] end,
                 case when x.territories[9] = t.territory_id then x.amounts[9] end,
                 case when x.territories[10] = t.territory_id then x.amounts[10] end,
                 case when x.territories[11] = t.territory_id then x.amounts[11] end,
                 case when x.territories[12] = t.territory_id then x.amounts[12] end]::numeric(16, 2)[] as months
      from split x
     cross join lateral (select distinct u.territory_id from unnest(x.territories) u(territory_id)
                          where u.territory_id is not null) t
  ),
  written as (
    insert into public.targets as t (kpi_id, year, territory_id, staff_id, months, updated_by)
    select d.kpi_id, p_year, d.territory_id, d.staff_id, d.months, (select auth.uid()) from desired d
    on conflict (kpi_id, year, staff_id, territory_id) where staff_id is not null
    do update set months = excluded.months, updated_by = excluded.updated_by
     where t.months is distinct from excluded.months
    returning 1
  ),
  removed as (
    delete from public.targets t
     using src s
     where t.kpi_id = s.kpi_id and t.staff_id = s.staff_id and t.year = p_year
       and not exists (select 1 from desired d where d.kpi_id = t.kpi_id and d.staff_id = t.staff_id and d.territory_id = t.territory_id)
    returning 1
  )
  select (select count(distinct s.staff_id) from src s)::integer, (select count(*) from written)::integer,
         (select count(*) from removed)::integer;
  perform set_config('app.target_split', '', true);
  perform set_config('app.audit_run', '', true);
end;
$function$;

-- =============================================================================
-- Triggers
-- =============================================================================
drop trigger targets_before_write on public.targets;
create trigger targets_before_write before insert or update on public.targets
  for each row
  when (new.staff_id is null or coalesce(current_setting('app.target_split', true), '') <> 'on')
  execute function private.target_before_write();
