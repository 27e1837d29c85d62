-- A month's evaluation run for everyone took 8.5 s, and 2.9 s of it was calling the scoring
-- maths: a SQL function that pins its search_path is neither inlined nor kept planned between
-- calls, so each of the 44,000 calls (every line written, then checked when scored) planned
-- its body again (66 us a call). The same maths in PL/pgSQL, still pinned, keeps its plan for
-- the session: 3 us a call, and the numbers are the same (the scoring tests say so).
--
-- The run also checked every actual and evaluation it wrote against the month's close, row by
-- row (26,000 calls), though it only writes the evaluations of subtrees whose month is open
-- and their actuals. Inside a run (app.evaluation_writes = 'run') those checks are skipped;
-- every other write, by a person or by a function, is checked as before. A computed actual
-- already kept under a territory whose month is closed (the person was moved there afterwards)
-- is left as it is.
--
-- A month nobody had evaluated yet (no statistics for it) took 27 s: the check that an actual
-- is already there was planned as a look-up by month alone, and went through every row the
-- statement had just written. The month's actuals are now read once, before the writing.
--
-- The run computed each measured KPI by its own pass over the field data (a month's sales were
-- read three times for amount, profit and customers). The measures of the KPIs that take the
-- same filters are now computed together (private.measures_values), and written by one
-- statement; private.measure_values is that function for one measure.

-- =============================================================================
-- Scoring maths
-- =============================================================================
create or replace function public.kpi_achievement(p_direction public.kpi_direction, p_actual numeric, p_target numeric,
                                                  p_cap numeric default 120, p_floor numeric default null)
 returns numeric
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_raw numeric;
begin
  v_raw := case
             when p_actual is null or p_target is null or p_target < 0 or p_actual < 0 then null
             when p_direction = 'higher_is_better' then
               case when p_target = 0 then null else p_actual / p_target * 100 end
             when p_actual = 0 then coalesce(p_cap, 100)
             else p_target / p_actual * 100
           end;
  if v_raw is null then
    return null;
  end if;
  if p_floor is not null and v_raw < p_floor then
    return 0;
  end if;
  return round(least(v_raw, coalesce(p_cap, v_raw)), 2);
end;
$function$;

create or replace function public.qualitative_achievement(p_score numeric, p_scale_max smallint)
 returns numeric
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  return case
           when p_score is null or p_scale_max is null then null
           when p_score < 1 or p_score > p_scale_max then null
           else round(p_score / p_scale_max * 100, 2)
         end;
end;
$function$;

create or replace function private.line_achievement(p_kind public.kpi_kind, p_direction public.kpi_direction,
                                                    p_scale_max smallint, p_manual_score numeric, p_actual numeric,
                                                    p_target numeric, p_cap numeric, p_floor numeric)
 returns numeric
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  return case when p_kind = 'qualitative' then public.qualitative_achievement(p_manual_score, p_scale_max)
              else public.kpi_achievement(p_direction, p_actual, p_target, p_cap, p_floor) end;
end;
$function$;

-- =============================================================================
-- Month-close checks: done once by the run, row by row for everything else
-- =============================================================================
drop trigger kpi_actuals_not_closed on public.kpi_actuals;
create trigger kpi_actuals_not_closed before insert or update or delete on public.kpi_actuals
  for each row when (coalesce(current_setting('app.evaluation_writes', true), '') <> 'run')
  execute function private.actual_not_closed();

drop trigger evaluations_not_closed on public.evaluations;
create trigger evaluations_not_closed before insert or update or delete on public.evaluations
  for each row when (coalesce(current_setting('app.evaluation_writes', true), '') <> 'run')
  execute function private.evaluation_not_closed();

-- A computed actual written inside a run is completed by the run, as one written by any
-- other computation.
drop trigger kpi_actuals_before_write on public.kpi_actuals;
create trigger kpi_actuals_before_write before insert or update on public.kpi_actuals
  for each row when (new.source <> 'computed' or new.territory_id is null or new.position_id is null
                     or coalesce(current_setting('app.evaluation_writes', true), '') not in ('on', 'run'))
  execute function private.kpi_actual_before_write();

-- =============================================================================
-- The run says so for its whole transaction
-- =============================================================================
CREATE OR REPLACE FUNCTION private.kpi_actual_before_write()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_at record;
  v_computing boolean := coalesce(current_setting('app.evaluation_writes', true), '') in ('on', 'run');
begin
  -- The computation writes each person's actuals with the territory and position of the
  -- evaluation it computes (their assignment that month); everything else is looked up here.
  if not (v_computing and new.territory_id is not null and new.position_id is not null) then
    select * into v_at from private.assignment_on(new.staff_id, new.month);
    if v_at.territory_id is null then
      raise exception using errcode = '23514', detail = 'actual_person_without_territory',
        message = 'This person had no territory that month; actuals are kept by territory.';
    end if;
    new.territory_id := v_at.territory_id;
    new.position_id := v_at.position_id;
  end if;
  new.recorded_by := (select auth.uid());
  -- Computed actuals come from the evaluation functions only (which say so for their
  -- transaction): what a person writes is entered, and only for KPIs without a measure.
  if not v_computing then
    if exists (select 1 from public.kpis k where k.id = new.kpi_id and k.measure_code is not null) then
      raise exception using errcode = '23514', detail = 'actual_is_computed',
        message = format('"%s" is computed from the field data; its actuals cannot be entered.',
                         (select k.name_en from public.kpis k where k.id = new.kpi_id));
    end if;
    new.source := case when new.source = 'imported' then 'imported'::public.kpi_actual_source else 'entered' end;
    if exists (select 1 from public.kpis k where k.id = new.kpi_id and k.kind = 'qualitative') then
      raise exception using errcode = '23514', detail = 'actual_is_scored',
        message = format('"%s" is scored in the evaluation, not kept as an actual.', (select k.name_en from public.kpis k where k.id = new.kpi_id));
    end if;
    -- What a person writes as a percentage is one (a computed rate may pass 100: more visits than planned).
    if new.value > 100 and exists (select 1 from public.kpis k where k.id = new.kpi_id and k.unit = 'percent') then
      raise exception using errcode = '23514', detail = 'actual_percent_above_100',
        message = format('"%s" is a percentage: at most 100, not %s.', (select k.name_en from public.kpis k where k.id = new.kpi_id), new.value);
    end if;
  end if;
  return new;
end;
$function$;

-- =============================================================================
-- Measures computed together
-- =============================================================================
-- Several registry measures for a period and the given people the caller may read, in one pass
-- over each kind of record (a month's sales are read once for the amount, the profit and the
-- customers): one row per person and measure asked for.
create function private.measures_values(p_measures text[], p_from date, p_to date, p_staff uuid[],
                                        p_tier uuid default null, p_product_line uuid default null,
                                        p_customer_status public.customer_status default null)
 returns table(staff_id uuid, measure text, value numeric)
 language plpgsql
 stable security definer
 set search_path to ''
 set enable_nestloop to on
as $function$
begin
  -- Planned for the call's own values (how many people, which measures), not a generic plan
  -- that guesses ten people and loops over every sale of each.
  return query execute $q$
    with people as materialized (
      select s.id, s.position_id
        from public.staff s
       where s.id = any ($4)
         and ((select private.caller_bypasses_rls())
              or (select private.allows_all('staff', 'read'))
              or s.territory_id in (select private.allowed_territories('staff', 'read'))
              or s.user_id = (select private.allowed_owner('staff', 'read')))
    ),
    -- Each person's credited share of the period's sales, with the customer's filters.
    credited as materialized (
      select c.staff_id, sum(s.amount * c.share_percent / 100) as amount,
             sum((s.amount - s.cost) * c.share_percent / 100) as profit, count(distinct s.customer_id) as customers
        from public.sale_credits c
        join public.sales s on s.id = c.sale_id
        join public.customers cu on cu.id = s.customer_id
       where $1 && array['sales_amount', 'profit_contribution', 'distinct_customers']
         and c.staff_id in (select p.id from people p)
         and s.sale_date between $2 and $3
         and ($5 is null or cu.tier_id = $5)
         and ($6 is null or s.product_line_id = $6)
         and ($7 is null or cu.status = $7)
       group by c.staff_id
    ),
    collected as materialized (
      select c.staff_id, sum(pay.amount * c.share_percent / 100) as value
        from public.payments pay
        join public.sales s on s.id = pay.sale_id
        join public.sale_credits c on c.sale_id = s.id
        join public.customers cu on cu.id = s.customer_id
       where 'payments_collected' = any ($1)
         and c.staff_id in (select p.id from people p)
         and pay.paid_on between $2 and $3
         and ($5 is null or cu.tier_id = $5)
         and ($7 is null or cu.status = $7)
       group by c.staff_id
    ),
    -- Customers whose first sale (of the product line, when filtered) falls in the period, and
    -- that sale: the earliest of the period's sales of a customer with none before the period.
    first_sales as materialized (
      select distinct on (s.customer_id) s.customer_id, s.id as sale_id
        from public.sales s
        join public.customers cu on cu.id = s.customer_id
       where 'new_customers' = any ($1)
         and s.sale_date between $2 and $3
         and ($5 is null or cu.tier_id = $5)
         and ($6 is null or s.product_line_id = $6)
         and not exists (select 1 from public.sales e
                          where e.customer_id = s.customer_id and e.sale_date < $2
                            and ($6 is null or e.product_line_id = $6))
       order by s.customer_id, s.sale_date, s.id
    ),
    new_customers as materialized (
      select c.staff_id, count(distinct f.customer_id) as value
        from first_sales f
        join public.sale_credits c on c.sale_id = f.sale_id
       where c.staff_id in (select p.id from people p)
       group by c.staff_id
    ),
    visits as materialized (
      select v.staff_id, count(*) as value
        from public.visits v
        join public.customers cu on cu.id = v.customer_id
       where $1 && array['visits_done', 'visit_plan_compliance']
         and v.staff_id in (select p.id from people p)
         and v.visited_on between $2 and $3
         and ($5 is null or cu.tier_id = $5)
         and ($7 is null or cu.status = $7)
       group by v.staff_id
    ),
    planned as materialized (
      select vp.staff_id, sum(vp.planned_visits) as value
        from public.visit_plans vp
       where 'visit_plan_compliance' = any ($1)
         and vp.staff_id in (select p.id from people p)
         and vp.month between date_trunc('month', $2)::date and $3
       group by vp.staff_id
    ),
    -- Customers each person owns that are overdue at the period's end (as overdue_customers
    -- counts them: the last visit up to that day, or the day they entered their tier).
    overdue as materialized (
      select cu.owner_id as staff_id, count(*) as value
        from public.customers cu
        join public.customer_tiers t on t.id = cu.tier_id and t.visit_interval_days is not null
        cross join lateral (
          select max(v.visited_on) as last_visit_on from public.visits v
           where v.customer_id = cu.id and v.visited_on <= $3
        ) lv
       where 'overdue_visits' = any ($1)
         and cu.owner_id in (select p.id from people p)
         and cu.status <> 'lost'
         and ($5 is null or cu.tier_id = $5)
         and coalesce(lv.last_visit_on, cu.tier_since) + t.visit_interval_days < $3
       group by cu.owner_id
    ),
    -- The rules in force (published, not retired) that apply to each person's position, and which
    -- of them they acknowledged.
    rules as materialized (
      select p.id as staff_id, count(*) as applying,
             count(*) filter (where exists (
               select 1 from public.acknowledgements a
                where a.regulation_id = r.id and a.version_number = r.current_version and a.staff_id = p.id)) as acknowledged
        from people p
        join public.regulations r on r.current_version is not null and r.status <> 'retired'
         and (r.applies_to_all_positions
              or exists (select 1 from public.regulation_positions rp where rp.regulation_id = r.id and rp.position_id = p.position_id))
       where 'rules_acknowledged' = any ($1)
       group by p.id
    ),
    -- Each measure asked for, per person who has one (every other branch is empty).
    measured as (
      select c.staff_id, 'sales_amount' as measure, c.amount as value from credited c where 'sales_amount' = any ($1)
      union all
      select c.staff_id, 'profit_contribution', c.profit from credited c where 'profit_contribution' = any ($1)
      union all
      select c.staff_id, 'distinct_customers', c.customers from credited c where 'distinct_customers' = any ($1)
      union all
      select x.staff_id, 'payments_collected', x.value from collected x
      union all
      select x.staff_id, 'new_customers', x.value from new_customers x
      union all
      select x.staff_id, 'visits_done', x.value from visits x where 'visits_done' = any ($1)
      union all
      select pl.staff_id, 'visit_plan_compliance', round(coalesce(v.value, 0) * 100.0 / nullif(pl.value, 0), 2)
        from planned pl left join visits v on v.staff_id = pl.staff_id
      union all
      select x.staff_id, 'overdue_visits', x.value from overdue x
      union all
      select x.staff_id, 'rules_acknowledged', round(x.acknowledged * 100.0 / nullif(x.applying, 0), 2) from rules x
    )
    select p.id, q.measure,
           case when q.measure in ('sales_amount', 'profit_contribution', 'payments_collected')
                  then round(coalesce(m.value, 0), 2)
                when q.measure in ('visit_plan_compliance', 'rules_acknowledged') then m.value
                when q.measure in ('distinct_customers', 'new_customers', 'visits_done', 'overdue_visits')
                  then coalesce(m.value, 0)
           end::numeric
      from people p
     cross join unnest ($1) q(measure)
      left join measured m on m.staff_id = p.id and m.measure = q.measure
  $q$ using p_measures, p_from, p_to, p_staff, p_tier, p_product_line, p_customer_status;
end;
$function$;
comment on function private.measures_values(text[], date, date, uuid[], uuid, uuid, public.customer_status) is 'Registry measures for a period and the given people the caller may read (the staff read rule): each person''s value of each measure asked for, computed from all of their records in one grouped pass per kind of record; 0 where nothing counts (compliance and rules: none when nothing was planned or applies).';
revoke all on function private.measures_values(text[], date, date, uuid[], uuid, uuid, public.customer_status) from public;

create or replace function private.measure_values(p_measure text, p_from date, p_to date, p_staff uuid[],
                                                  p_tier uuid default null, p_product_line uuid default null,
                                                  p_customer_status public.customer_status default null)
 returns table(staff_id uuid, value numeric)
 language sql
 stable security definer
 set search_path to ''
as $function$
  select m.staff_id, m.value
    from private.measures_values(array[p_measure], p_from, p_to, p_staff, p_tier, p_product_line, p_customer_status) m
$function$;

-- A month written in this transaction has no statistics yet: counted as empty, its rows were
-- joined by nested loops, each going through the whole month (60 s for a month run twice
-- before the statistics caught up). The actuals' statement joins by hashing, which does not
-- depend on that count; the measures, a function of their own, keep the planner's choice.
CREATE OR REPLACE FUNCTION private.compute_actuals_for(p_ids uuid[])
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
 SET enable_nestloop TO off
AS $function$
declare
  v_month date;
  v_group record;
  v_written integer := 0;
  v_count integer;
  -- Inside a run the run's own setting stays (it also stands for the month-close check it made).
  v_outer text := coalesce(current_setting('app.evaluation_writes', true), '');
begin
  if v_outer <> 'run' then
    perform set_config('app.evaluation_writes', 'on', true);
  end if;
  for v_month in select distinct e.month from public.evaluations e where e.id = any (p_ids) loop
    -- The measured KPIs of these evaluations' templates, by the filters they take: each group's
    -- measures are computed together, and written by one statement.
    for v_group in
      select k.filter_tier_id as tier, k.filter_product_line_id as product_line, k.filter_customer_status as customer_status,
             array_agg(distinct k.measure_code) as measures
        from public.kpis k
       where k.measure_code is not null
         and k.id in (select l.kpi_id from public.evaluation_template_kpis l
                       where l.template_id in (select e.template_id from public.evaluations e
                                                where e.id = any (p_ids) and e.month = v_month))
       group by 1, 2, 3
    loop
      insert into public.kpi_actuals as a (staff_id, kpi_id, month, value, source, territory_id, position_id, recorded_by)
      -- The month's actuals as they were before this statement, read once: probed row by row,
      -- a month with no statistics yet was looked up by month alone, through every row this
      -- statement had just added (27 s for a quiet month's 17,000 actuals).
      with existing as materialized (
        select x.staff_id, x.kpi_id, x.source, x.value
          from public.kpi_actuals x
         where x.month = v_month
           and x.staff_id in (select y.staff_id from public.evaluations y where y.id = any (p_ids) and y.month = v_month)
      )
      select e.staff_id, k.id, v_month, coalesce(m.value, 0), 'computed', e.territory_id, e.position_id, (select auth.uid())
        from public.evaluations e
        join public.evaluation_template_kpis l on l.template_id = e.template_id
        join public.kpis k on k.id = l.kpi_id and k.measure_code = any (v_group.measures)
         and k.filter_tier_id is not distinct from v_group.tier
         and k.filter_product_line_id is not distinct from v_group.product_line
         and k.filter_customer_status is not distinct from v_group.customer_status
        left join private.measures_values(
               v_group.measures, v_month, (v_month + interval '1 month - 1 day')::date,
               array(select x.staff_id from public.evaluations x where x.id = any (p_ids) and x.month = v_month),
               v_group.tier, v_group.product_line, v_group.customer_status) m
          on m.staff_id = e.staff_id and m.measure = k.measure_code
       where e.id = any (p_ids) and e.month = v_month
         and (m.value is not null or k.unit in ('amount', 'count'))
         -- An actual already there with this value, or entered or imported (kept), is not
         -- proposed at all: its row triggers would run for a write that does not happen.
         and not exists (select 1 from existing x
                          where x.staff_id = e.staff_id and x.kpi_id = k.id
                            and (x.source <> 'computed' or x.value = coalesce(m.value, 0)))
      on conflict (staff_id, kpi_id, month) do update set value = excluded.value, recorded_by = excluded.recorded_by
       where a.source = 'computed' and a.value is distinct from excluded.value
         and (v_outer <> 'run' or not private.month_closed(a.month, a.territory_id));
      get diagnostics v_count = row_count;
      v_written := v_written + v_count;
    end loop;
  end loop;
  perform set_config('app.evaluation_writes', v_outer, true);
  return v_written;
end;
$function$;

CREATE OR REPLACE FUNCTION private.run_evaluations(p_month date, p_territory uuid DEFAULT NULL::uuid)
 RETURNS TABLE(people integer, computed integer, left_alone integer)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_month date := date_trunc('month', p_month)::date;
  v_scope uuid[] := private.territory_scope('evaluations', 'create', false);
  v_ids uuid[];
  v_people integer;
  v_left integer;
begin
  if p_month is null then
    raise exception using errcode = '22023', detail = 'month_required', message = 'Choose the month to evaluate.';
  end if;
  if v_month > date_trunc('month', current_date)::date then
    raise exception using errcode = '22023', detail = 'month_not_started',
      message = format('%s has not started yet: a month is evaluated from its first day on.', to_char(v_month, 'YYYY-MM'));
  end if;
  if cardinality(v_scope) = 0 then
    raise exception using errcode = '42501', detail = 'not_allowed', message = 'You may not run evaluations.';
  end if;
  if p_territory is not null and not p_territory = any (v_scope) then
    raise exception using errcode = 'PT404', detail = 'territory_not_found', message = 'No territory with this id that you may evaluate.';
  end if;

  -- The month's close is checked here, once per territory (closed subtrees are left alone), not
  -- by each row written.
  perform set_config('app.evaluation_writes', 'run', true);
  perform set_config('app.audit_run', jsonb_build_object('computation', 'run_evaluations', 'month', v_month,
                                                         'territory_id', p_territory,
                                                         'tables', array['evaluations', 'kpi_actuals', 'evaluation_lines'])::text, true);
  with candidates as (
    select s.id as staff_id, a.position_id, a.manager_id, a.territory_id
      from public.staff s
     cross join lateral private.assignment_on(s.id, v_month) a
     where s.hire_date <= (v_month + interval '1 month - 1 day')::date
       and (s.status <> 'left' or s.status_changed_on >= v_month)
  ),
  scoped as (
    select c.*, (select t.id from public.evaluation_templates t
                  where t.position_id = c.position_id and t.published_at is not null and t.valid_from <= v_month
                  order by t.valid_from desc limit 1) as template_id
      from candidates c
     where c.territory_id = any (v_scope)
       and (p_territory is null
            or c.territory_id in (select d.id from public.territories d join public.territories r on r.id = p_territory
                                   where d.path operator(extensions.<@) r.path))
  ),
  written as (
    insert into public.evaluations as e (staff_id, month, template_id, position_id, territory_id, manager_id)
    select s.staff_id, v_month, s.template_id, s.position_id, s.territory_id, s.manager_id
      from scoped s
     where s.template_id is not null and not private.month_closed(v_month, s.territory_id)
    on conflict (staff_id, month) do update
       set template_id = excluded.template_id, position_id = excluded.position_id,
           territory_id = excluded.territory_id, manager_id = excluded.manager_id
     where e.status = 'draft'
    returning e.id
  )
  select array_agg(w.id), (select count(*) from scoped s where s.template_id is not null)
    into v_ids, v_people from written w;
  v_ids := coalesce(v_ids, '{}');
  v_left := coalesce(v_people, 0) - cardinality(v_ids);
  perform private.compute_actuals_for(v_ids);
  perform private.fill_evaluation_lines(v_ids);
  perform set_config('app.audit_run', '', true);
  perform set_config('app.evaluation_writes', '', true);
  return query select coalesce(v_people, 0)::integer, cardinality(v_ids)::integer, v_left::integer;
end;
$function$;


-- =============================================================================
-- Lines read their targets and actuals by joins
-- =============================================================================
-- Each line looked its target and actual up by two correlated subqueries, and the planner
-- repeated them for the achievement (88,000 index probes for a month's run): the month's
-- targets and actuals of the people evaluated are now joined once.
CREATE OR REPLACE FUNCTION private.fill_evaluation_lines(p_ids uuid[])
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  delete from public.evaluation_lines l
   using public.evaluations e
   where e.id = l.evaluation_id and e.id = any (p_ids)
     and not exists (select 1 from public.evaluation_template_kpis t where t.template_id = e.template_id and t.kpi_id = l.kpi_id);
  -- A new line is written scored (its manual score is still empty), so scoring afterwards has
  -- nothing to rewrite for it; a line that was there is rescored there, keeping its manual score.
  insert into public.evaluation_lines as l (evaluation_id, kpi_id, weight, cap_percent, floor_percent, sort_order, target, actual, achievement)
  with evaluated as materialized (
    select e.id, e.staff_id, e.month, e.template_id from public.evaluations e where e.id = any (p_ids)
  ),
  months as materialized (
    select distinct v.month from evaluated v
  ),
  month_targets as materialized (
    select g.staff_id, g.kpi_id, m.month, sum(g.months[extract(month from m.month)::integer]) as target
      from months m
      join public.targets g on g.year = extract(year from m.month)
     where g.staff_id in (select v.staff_id from evaluated v)
     group by g.staff_id, g.kpi_id, m.month
  ),
  month_actuals as materialized (
    select a.staff_id, a.kpi_id, a.month, a.value
      from public.kpi_actuals a
      join months m on m.month = a.month
     where a.staff_id in (select v.staff_id from evaluated v)
  )
  select f.id, f.kpi_id, f.weight, f.cap_percent, f.floor_percent, f.sort_order, f.target, f.actual,
         private.line_achievement(f.kind, f.direction, f.scale_max, null, f.actual, f.target, f.cap_percent, f.floor_percent)
    from (select e.id, t.kpi_id, t.weight, t.cap_percent, t.floor_percent, t.sort_order, k.kind, k.direction, k.scale_max,
                 case when k.kind = 'quantitative' then g.target end as target, a.value as actual
            from evaluated e
            join public.evaluation_template_kpis t on t.template_id = e.template_id
            join public.kpis k on k.id = t.kpi_id
            left join month_targets g on g.staff_id = e.staff_id and g.kpi_id = t.kpi_id and g.month = e.month
            left join month_actuals a on a.staff_id = e.staff_id and a.kpi_id = t.kpi_id and a.month = e.month
          offset 0) f
  on conflict (evaluation_id, kpi_id) do update
     set weight = excluded.weight, cap_percent = excluded.cap_percent, floor_percent = excluded.floor_percent,
         sort_order = excluded.sort_order, target = excluded.target, actual = excluded.actual
   where (l.weight, l.cap_percent, l.floor_percent, l.sort_order, l.target, l.actual)
         is distinct from (excluded.weight, excluded.cap_percent, excluded.floor_percent, excluded.sort_order, excluded.target, excluded.actual);
  perform private.score_evaluations(p_ids);
end;
$function$;
