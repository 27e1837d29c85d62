-- A person's targets against actuals month by month for a year ("My performance", and the
-- person's page): the target of each month (their rows in every territory they held), the
-- stored actual (computed when the month was evaluated, entered or imported) or, for a month
-- not yet evaluated, the KPI's measure computed now. Read as the caller: targets and actuals
-- through RLS, measures only for people the caller may read.

-- =============================================================================
-- Public functions
-- =============================================================================
create or replace function public.performance_months(p_staff uuid, p_year integer)
returns table (kpi_id uuid, month integer, target numeric, actual numeric, source text)
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_year is null or p_year not between 2000 and 2100 then
    raise exception using errcode = '22023', detail = 'year_out_of_range', message = 'Give a year between 2000 and 2100.';
  end if;
  if not exists (select 1 from public.staff s where s.id = p_staff) then
    raise exception using errcode = 'PT404', detail = 'staff_not_found', message = 'No person with this id that you may read.';
  end if;
  return query
  with months as (
    select m.m from generate_series(1, 12) m(m)
  ),
  targeted as (
    select t.kpi_id, m.m, sum(t.months[m.m]) as target
      from public.targets t cross join months m
     where t.staff_id = p_staff and t.year = p_year
     group by t.kpi_id, m.m
  ),
  stored as (
    select a.kpi_id, extract(month from a.month)::integer as m, a.value, a.source::text as source
      from public.kpi_actuals a
     where a.staff_id = p_staff and a.month >= make_date(p_year, 1, 1) and a.month < make_date(p_year + 1, 1, 1)
  ),
  used as (
    select distinct x.kpi_id from targeted x union select distinct s.kpi_id from stored s
  ),
  live as (
    select k.id as kpi_id, m.m,
           (select v.value from private.measure_values(
                     k.measure_code, make_date(p_year, m.m, 1), (make_date(p_year, m.m, 1) + interval '1 month - 1 day')::date,
                     array[p_staff], k.filter_tier_id, k.filter_product_line_id, k.filter_customer_status) v) as value
      from public.kpis k
      join used u on u.kpi_id = k.id
     cross join months m
     where k.measure_code is not null and make_date(p_year, m.m, 1) <= current_date
       and not exists (select 1 from stored s where s.kpi_id = k.id and s.m = m.m)
  )
  select u.kpi_id, m.m, tg.target,
         coalesce(s.value, l.value),
         case when s.value is not null then s.source when l.value is not null then 'live' end
    from used u
   cross join months m
    left join targeted tg on tg.kpi_id = u.kpi_id and tg.m = m.m
    left join stored s on s.kpi_id = u.kpi_id and s.m = m.m
    left join live l on l.kpi_id = u.kpi_id and l.m = m.m
   order by u.kpi_id, m.m;
end;
$$;
comment on function public.performance_months(uuid, integer) is
  'A person''s target and actual per KPI and month of a year, as the caller may read them: stored actuals, or for months not evaluated yet the measure computed now (source live).';

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function public.performance_months(uuid, integer) from public, anon;
grant execute on function public.performance_months(uuid, integer) to authenticated, service_role;
