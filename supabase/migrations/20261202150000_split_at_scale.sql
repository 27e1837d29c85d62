-- Splitting a year's targets for everyone (5,000 people x 10 KPIs) took ~50 s, most of it in
-- two places:
-- * the split computed each month's amount with a function call per month and row and looked
--   up the territory held per person, KPI and month (600,000 lookups); it now makes each
--   profile's cumulative shares once, the territories held once per person (a set-based join
--   on the assignment history), and each row's twelve amounts as one array;
-- * the roll-up summed each territory's people and children with a correlated scan per
--   territory and KPI; it now sums each level's territories in one grouped pass.
-- Same rows, same figures (checked against the previous definitions on the reference
-- department: identical targets for every KPI, person and territory).

-- =============================================================================
-- Functions
-- =============================================================================
create or replace function public.split_targets(p_year integer, p_kpi uuid default null)
returns table(people integer, rows_written integer, rows_removed integer)
language plpgsql
set search_path = ''
as $$
begin
  if p_year is null or p_year not between 2000 and 2100 then
    raise exception using errcode = '22023', detail = 'year_out_of_range', message = 'Give a year between 2000 and 2100.';
  end if;
  if p_kpi is not null and not exists (select 1 from public.kpis k where k.id = p_kpi) then
    raise exception using errcode = 'PT404', detail = 'kpi_not_found', message = 'No KPI with this id that you may read.';
  end if;
  perform set_config('app.target_split', 'on', true);
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
    insert into public.targets as t (kpi_id, year, territory_id, staff_id, months)
    select d.kpi_id, p_year, d.territory_id, d.staff_id, d.months from desired d
    on conflict (kpi_id, year, staff_id, territory_id) where staff_id is not null
    do update set months = excluded.months
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
end;
$$;
comment on function public.split_targets(integer, uuid) is 'Splits a year''s annual targets (one KPI or all) you may read into months by their distribution profiles, under the territory each person held on the first of each month; months add up exactly to the annual amount; a second run writes nothing. Returns people, rows written and rows removed.';

create or replace function private.roll_up_targets(p_keys private.target_key[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_level integer;
  v_deepest integer;
begin
  select max(extensions.nlevel(t.path)) into v_deepest
    from unnest(p_keys) k join public.territories t on t.id = k.territory_id;
  for v_level in reverse coalesce(v_deepest, 0) .. 1 loop
    with touched as materialized (
      -- The territories of this level at or above a touched one, for KPIs that add up.
      select distinct k.kpi_id, k.year, anc.id as territory_id
        from unnest(p_keys) k
        join public.kpis kp on kp.id = k.kpi_id and kp.year_aggregation = 'sum'
        join public.territories tt on tt.id = k.territory_id
        join public.territories anc on anc.path operator(extensions.@>) tt.path
       where extensions.nlevel(anc.path) = v_level
    ),
    -- What each is made of: its people's rows and its child territories' rows.
    parts as (
      select a.kpi_id, a.year, a.territory_id, x.months
        from touched a
        join public.targets x on x.territory_id = a.territory_id and x.year = a.year and x.kpi_id = a.kpi_id and x.staff_id is not null
      union all
      select a.kpi_id, a.year, a.territory_id, x.months
        from touched a
        join public.territories ct on ct.parent_id = a.territory_id
        join public.targets x on x.territory_id = ct.id and x.year = a.year and x.kpi_id = a.kpi_id and x.staff_id is null
    ),
    sums as (
      select c.kpi_id, c.year, c.territory_id, sum(c.months[1]) as m1, sum(c.months[2]) as m2, sum(c.months[3]) as m3, sum(c.months[4]) as m4, sum(c.months[5]) as m5, sum(c.months[6]) as m6, sum(c.months[7]) as m7, sum(c.months[8]) as m8, sum(c.months[9]) as m9, sum(c.months[10]) as m10, sum(c.months[11]) as m11, sum(c.months[12]) as m12
        from parts c group by c.kpi_id, c.year, c.territory_id
    )
    insert into public.targets as t (kpi_id, year, territory_id, staff_id, months)
    select a.kpi_id, a.year, a.territory_id, null, array[coalesce(s.m1, 0), coalesce(s.m2, 0), coalesce(s.m3, 0), coalesce(s.m4, 0), coalesce(s.m5, 0), coalesce(s.m6, 0), coalesce(s.m7, 0), coalesce(s.m8, 0), coalesce(s.m9, 0), coalesce(s.m10, 0), coalesce(s.m11, 0), coalesce(s.m12, 0)]::numeric(16, 2)[]
      from touched a
      left join sums s on s.kpi_id = a.kpi_id and s.year = a.year and s.territory_id = a.territory_id
    on conflict (kpi_id, year, territory_id) where staff_id is null
    do update set months = excluded.months
     where not t.overridden and t.months is distinct from excluded.months;
  end loop;
end;
$$;
comment on function private.roll_up_targets(private.target_key[]) is 'Makes every un-overridden ancestor of the touched territories (themselves included) the sum of its people and child territories, deepest first, one grouped pass per level; KPIs that add up only.';
