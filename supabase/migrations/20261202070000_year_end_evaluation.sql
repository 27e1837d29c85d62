-- The year-end evaluation (seeds 000 §7, 002 §5): a person's approved months of a year made
-- into one evaluation by each KPI's rule. Targets and actuals add up (sum), average, or take
-- the last month's; a qualitative KPI's scores average; the achievement is scored with the
-- cap and floor of the template the year ended on, then weighted, totalled and banded like a
-- month. Read as the caller (their evaluations through RLS), so it never shows more.

-- =============================================================================
-- Public functions
-- =============================================================================
create or replace function public.year_end_evaluation(p_staff uuid, p_year integer)
returns table (kpi_id uuid, sort_order integer, weight numeric, rule public.kpi_year_aggregation, months integer,
               target numeric, actual numeric, manual_score numeric, achievement numeric, total_score numeric,
               band_id uuid)
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_year is null or p_year not between 2000 and 2100 then
    raise exception using errcode = '22023', detail = 'year_out_of_range', message = 'Give a year between 2000 and 2100.';
  end if;
  return query
  with approved as (
    select e.id, e.month, e.template_id
      from public.evaluations e
     where e.staff_id = p_staff and e.status in ('approved', 'acknowledged')
       and e.month >= make_date(p_year, 1, 1) and e.month < make_date(p_year + 1, 1, 1)
  ),
  -- The template the year ended on: the latest approved month's.
  final as (
    select a.template_id from approved a order by a.month desc limit 1
  ),
  per_kpi as (
    select l.kpi_id, k.year_aggregation as rule, k.kind, k.direction, k.scale_max, count(*)::integer as months,
           case k.year_aggregation
             when 'sum' then sum(l.target)
             when 'average' then round(avg(l.target), 2)
             else (array_agg(l.target order by a.month desc))[1] end as target,
           case k.year_aggregation
             when 'sum' then sum(l.actual)
             when 'average' then round(avg(l.actual), 2)
             else (array_agg(l.actual order by a.month desc))[1] end as actual,
           round(avg(l.manual_score), 2) as manual_score
      from approved a
      join public.evaluation_lines l on l.evaluation_id = a.id
      join public.kpis k on k.id = l.kpi_id
     group by l.kpi_id, k.year_aggregation, k.kind, k.direction, k.scale_max
  ),
  scored as (
    select p.kpi_id, t.sort_order, t.weight, p.rule, p.months, p.target, p.actual, p.manual_score,
           case when p.kind = 'qualitative' then public.qualitative_achievement(p.manual_score, p.scale_max)
                else public.kpi_achievement(p.direction, p.actual, p.target, t.cap_percent, t.floor_percent) end as achievement
      from per_kpi p
      join public.evaluation_template_kpis t on t.kpi_id = p.kpi_id and t.template_id = (select f.template_id from final f)
  ),
  total as (
    select round(sum(s.weight * coalesce(s.achievement, 0)) / 100, 2) as score from scored s
  )
  select s.kpi_id, s.sort_order, s.weight, s.rule, s.months, s.target, s.actual, s.manual_score, s.achievement,
         (select x.score from total x), (select b.id from public.rating_band_for((select x.score from total x)) b)
    from scored s
   order by s.sort_order;
end;
$$;
comment on function public.year_end_evaluation(uuid, integer) is
  'A person''s year-end evaluation from their approved months as the caller may read them: per KPI the months'' targets and actuals by the KPI''s year-end rule (sum, average, last), scores averaged, achievement with the cap and floor of the year''s last template, the weighted total and the band.';

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function public.year_end_evaluation(uuid, integer) from public, anon;
grant execute on function public.year_end_evaluation(uuid, integer) to authenticated, service_role;
