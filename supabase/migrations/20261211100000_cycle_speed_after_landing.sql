-- After the evaluation cycle's speed migration (20261210100000): a refused split names the person,
-- not a territory the caller may not read; the targets grid plans its rows for each call's
-- levels; the measures read the period's sale credits once.

-- ---------------------------------------------------------------------------------------------
-- The split: a refusal names the person
-- ---------------------------------------------------------------------------------------------
-- A row the caller may not add was refused naming the territory the person held, which the caller
-- may not be allowed to read. It now names the person, whose annual target the caller reads.
create or replace function private.split_targets(p_year integer, p_kpi uuid)
returns table (people integer, rows_written integer, rows_removed integer)
language plpgsql
security definer
set search_path = ''
set enable_nestloop = off
as $$
declare
  v_bypass boolean := private.caller_bypasses_rls();
  v_all_read boolean := private.allows_all('targets', 'read');
  v_read uuid[] := private.territory_scope('targets', 'read', false);
  v_own uuid := case when private.allowed_owner('targets', 'read') is not null then private.my_staff_id() end;
  v_all_update boolean := private.allows_all('targets', 'update');
  v_update uuid[] := private.territory_scope('targets', 'update', false);
  v_all_create boolean := private.allows_all('targets', 'create');
  v_create uuid[] := private.territory_scope('targets', 'create', false);
  v_all_delete boolean := private.allows_all('targets', 'delete');
  v_delete uuid[] := private.territory_scope('targets', 'delete', false);
  v_people integer;
  v_written integer;
  v_removed integer;
  v_refused uuid;
begin
  if p_year is null or p_year not between 2000 and 2100 then
    raise exception using errcode = '22023', detail = 'year_out_of_range', message = 'Give a year between 2000 and 2100.';
  end if;
  if p_kpi is not null and not exists (select 1 from public.kpis k where k.id = p_kpi) then
    raise exception using errcode = 'PT404', detail = 'kpi_not_found', message = 'No KPI with this id that you may read.';
  end if;
  -- Whoever may change no territory's targets is told so, not answered with nothing written.
  if not v_bypass and not v_all_update and cardinality(v_update) = 0 then
    raise exception using errcode = '42501', detail = 'not_allowed', message = 'You may not split targets.';
  end if;
  perform set_config('app.target_split', 'on', true);
  perform set_config('app.audit_run', jsonb_build_object('computation', 'split_targets', 'year', p_year, 'kpi_id', p_kpi,
                                                         'tables', array['targets'])::text, true);
  with src as materialized (
    select a.id, a.kpi_id, a.staff_id, a.amount, k.year_aggregation as rule,
           case k.unit when 'count' then 0 else 2 end as scale, a.distribution_id
      from public.annual_targets a
      join public.kpis k on k.id = a.kpi_id
     where a.year = p_year and (p_kpi is null or a.kpi_id = p_kpi)
       -- The annual targets the caller may read (the read rule of annual_targets).
       and (v_bypass or v_all_read or a.territory_id = any (v_read) or (v_own is not null and a.staff_id = v_own))
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
     -- (most people hold one territory all year: no distinct to sort for them)
     cross join lateral unnest(case when x.territories[1] = all (x.territories) then array[x.territories[1]]
                                    else array(select distinct u.territory_id from unnest(x.territories) u(territory_id)
                                                where u.territory_id is not null) end) t(territory_id)
  ),
  -- The rows there are changed in place and the missing ones added: an upsert would first try
  -- to add each of the 48,000 rows a year holds, firing the insert triggers for each.
  -- Each write keeps to the rules of who may change, add and remove targets where: a row the
  -- caller may not change or remove is left as it is, one they may not add is refused below.
  changed as (
    update public.targets t set months = d.months, updated_by = (select auth.uid())
      from desired d
     where t.kpi_id = d.kpi_id and t.year = p_year and t.staff_id = d.staff_id and t.territory_id = d.territory_id
       and t.months is distinct from d.months
       and (v_bypass or v_all_update or t.territory_id = any (v_update))
    returning 1
  ),
  missing as (
    select d.* from desired d
     where not exists (select 1 from public.targets x
                        where x.kpi_id = d.kpi_id and x.year = p_year and x.staff_id = d.staff_id and x.territory_id = d.territory_id)
  ),
  added as (
    insert into public.targets as t (kpi_id, year, territory_id, staff_id, months, updated_by)
    select d.kpi_id, p_year, d.territory_id, d.staff_id, d.months, (select auth.uid()) from missing d
     where v_bypass or v_all_create or d.territory_id = any (v_create)
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
       and (v_bypass or v_all_delete or t.territory_id = any (v_delete))
    returning 1
  )
  select (select count(distinct s.staff_id) from src s)::integer, ((select count(*) from changed) + (select count(*) from added))::integer,
         (select count(*) from removed)::integer,
         (select d.staff_id from missing d where not (v_bypass or v_all_create or d.territory_id = any (v_create)) limit 1)
    into v_people, v_written, v_removed, v_refused;
  if v_refused is not null then
    -- Named by the person, whose annual target the caller reads: the territory may be one they
    -- may not read.
    raise exception using errcode = '42501', detail = 'territory_not_allowed',
      message = format('The split would add targets for %s in a territory where you may not add targets.',
                       (select st.full_name from public.staff st where st.id = v_refused));
  end if;
  perform set_config('app.target_split', '', true);
  perform set_config('app.audit_run', '', true);
  return query select v_people, v_written, v_removed;
end;
$$;


comment on function private.split_targets(integer, uuid) is 'Splits a year''s annual targets (one KPI or all) the caller may read into months by their distribution profiles, under the territory each person held on the first of each month, within the caller''s rules for changing, adding and removing targets (a row they may not add is refused, naming the person); months add up exactly to the annual amount; a second run writes nothing.';

-- ---------------------------------------------------------------------------------------------
-- The targets grid, level by level, planned for each call
-- ---------------------------------------------------------------------------------------------
-- As a SQL function the planner read the whole year's rows against HR's read rule and hashed all
-- 5,000 people for the names (a manager's opening 32.5 ms p50). The levels are now read into
-- arrays first, then each shown territory's rows through the (territory, year, KPI) index; the
-- final select is planned for each call's arrays (a cached generic plan read HR's whole year,
-- 5,900 rows, through the read rule's territory list: 21.7 ms against 4.0 ms p50).
create or replace function public.target_grid(p_year integer, p_kpi uuid, p_opened uuid[] default '{}')
returns setof public.target_totals
language plpgsql
stable
-- (a level is tens of lines: the planner then looks each line's person up, not all 5,000 people)
rows 50
set search_path = ''
as $$
declare
  v_opened uuid[];
  v_shown uuid[];
begin
  -- The levels first, as arrays: the rows are then read territory by territory through the
  -- (territory, year, KPI) index, not the whole year's rows checked against the read rule.
  select array_agg(t.id) into v_opened
    from public.territories t
   where t.parent_id is null
      or t.id = any (p_opened)
      or not exists (select 1 from public.territories p where p.id = t.parent_id);
  select array_agg(t.id) into v_shown
    from public.territories t
   where t.id = any (v_opened) or t.parent_id = any (v_opened);
  -- Planned for these levels on every call: a cached generic plan does not know the arrays, and
  -- read HR's every territory of the year (5,900 rows) through the read rule's territory list
  -- instead of the shown ones' (100): 19 ms against 2 ms.
  return query execute $q$
    select x.*
      from public.target_totals x
     where x.territory_id = any ($1)
       and x.year = $2 and x.kpi_id = $3
       and (x.staff_id is null or x.territory_id = any ($4))
  $q$ using coalesce(v_shown, '{}'), p_year, p_kpi, coalesce(v_opened, '{}');
end;
$$;


-- ---------------------------------------------------------------------------------------------
-- Measures: the period's sale credits read once, customers only when a filter asks
-- ---------------------------------------------------------------------------------------------
-- New customers hashed all one million sale credits to find the credits of their first sales,
-- beside the credited amounts that had already read them: in the reference set's first month,
-- where every customer is new, 780 ms of a run's 2.2 s of measures. Both now read the period's
-- credits once. The customers were joined to every sale and visit even with no tier or status
-- filter; now only a filter reads them. The same values for every measure and filter (compared
-- on the reference set); the first month's measures 0.6-0.7 s against 1.2-1.7 s.
create or replace function private.measures_values(p_measures text[], p_from date, p_to date, p_staff uuid[], p_tier uuid DEFAULT NULL::uuid, p_product_line uuid DEFAULT NULL::uuid, p_customer_status public.customer_status DEFAULT NULL::public.customer_status)
 RETURNS TABLE(staff_id uuid, measure text, value numeric)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
 SET enable_nestloop TO 'on'
AS $function$
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
    -- The credits of the period's sales, of the people asked for, read once for the measures that
    -- count sales (and for new customers: their first sale's credits). A customer's tier or
    -- status is looked up only when a filter asks for it.
    month_credits as materialized (
      select c.staff_id, c.sale_id, c.share_percent, s.amount, s.cost, s.customer_id,
             ($7 is null or s.customer_id in (select cu.id from public.customers cu where cu.status = $7))
               as status_kept
        from public.sales s
        join public.sale_credits c on c.sale_id = s.id
       where $1 && array['sales_amount', 'profit_contribution', 'distinct_customers', 'new_customers']
         and c.staff_id in (select p.id from people p)
         and s.sale_date between $2 and $3
         and ($5 is null or s.customer_id in (select cu.id from public.customers cu where cu.tier_id = $5))
         and ($6 is null or s.product_line_id = $6)
    ),
    -- Each person's credited share of the period's sales, with the customer's filters.
    credited as materialized (
      select c.staff_id, sum(c.amount * c.share_percent / 100) as amount,
             sum((c.amount - c.cost) * c.share_percent / 100) as profit, count(distinct c.customer_id) as customers
        from month_credits c
       where $1 && array['sales_amount', 'profit_contribution', 'distinct_customers']
         and c.status_kept
       group by c.staff_id
    ),
    collected as materialized (
      select c.staff_id, sum(pay.amount * c.share_percent / 100) as value
        from public.payments pay
        join public.sales s on s.id = pay.sale_id
        join public.sale_credits c on c.sale_id = s.id
       where 'payments_collected' = any ($1)
         and c.staff_id in (select p.id from people p)
         and pay.paid_on between $2 and $3
         and ($5 is null or s.customer_id in (select cu.id from public.customers cu where cu.tier_id = $5))
         and ($7 is null or s.customer_id in (select cu.id from public.customers cu where cu.status = $7))
       group by c.staff_id
    ),
    -- Customers whose first sale (of the product line, when filtered) falls in the period, and
    -- that sale: the earliest of the period's sales of a customer with none before the period.
    first_sales as materialized (
      select distinct on (s.customer_id) s.customer_id, s.id as sale_id
        from public.sales s
       where 'new_customers' = any ($1)
         and s.sale_date between $2 and $3
         and ($5 is null or s.customer_id in (select cu.id from public.customers cu where cu.tier_id = $5))
         and ($6 is null or s.product_line_id = $6)
         and not exists (select 1 from public.sales e
                          where e.customer_id = s.customer_id and e.sale_date < $2
                            and ($6 is null or e.product_line_id = $6))
       order by s.customer_id, s.sale_date, s.id
    ),
    new_customers as materialized (
      select c.staff_id, count(distinct f.customer_id) as value
        from first_sales f
        join month_credits c on c.sale_id = f.sale_id
       group by c.staff_id
    ),
    visits as materialized (
      select v.staff_id, count(*) as value
        from public.visits v
       where $1 && array['visits_done', 'visit_plan_compliance']
         and v.staff_id in (select p.id from people p)
         and v.visited_on between $2 and $3
         and ($5 is null or v.customer_id in (select cu.id from public.customers cu where cu.tier_id = $5))
         and ($7 is null or v.customer_id in (select cu.id from public.customers cu where cu.status = $7))
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
    -- Points of the confirmed and closed violations that happened in the period.
    discipline as materialized (
      select d.staff_id, d.value
        from private.discipline_points($2, $3, array(select p.id from people p)) d
       where 'discipline_points' = any ($1)
    ),
    -- Training sessions of the period each person completed.
    trained as materialized (
      select c.staff_id, c.sessions as value
        from private.trainings_completed(array(select p.id from people p), $2, $3) c
       where 'training_completed' = any ($1)
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
      union all
      select x.staff_id, 'discipline_points', x.value from discipline x
      union all
      select x.staff_id, 'training_completed', x.value from trained x
    )
    select p.id, q.measure,
           case when q.measure in ('sales_amount', 'profit_contribution', 'payments_collected')
                  then round(coalesce(m.value, 0), 2)
                when q.measure in ('visit_plan_compliance', 'rules_acknowledged') then m.value
                when q.measure in ('distinct_customers', 'new_customers', 'visits_done', 'overdue_visits', 'discipline_points',
                                   'training_completed')
                  then coalesce(m.value, 0)
           end::numeric
      from people p
     cross join unnest ($1) q(measure)
      left join measured m on m.staff_id = p.id and m.measure = q.measure
  $q$ using p_measures, p_from, p_to, p_staff, p_tier, p_product_line, p_customer_status;
end;
$function$;
