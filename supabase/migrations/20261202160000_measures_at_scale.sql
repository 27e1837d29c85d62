-- The registry's measures at the department's size: each measure is one grouped pass over the
-- period's records, joined to the people once (it was a lookup per person into the period's
-- rows, and for new customers a scan of every customer's first sale per person: run_evaluations
-- for 4,400 people did not finish in 15 minutes). Same values, same signature, same rules.
--
-- A new customer's first sale is found from the period's sales: a customer whose sale in the
-- period has no earlier sale (of the product line, when filtered) had its first sale in the
-- period, and the earliest of them (by date, then id) is that first sale.
--
-- The computation's own actuals take their territory and position from the evaluation it
-- computes (the person's assignment that month, looked up once per person by run_evaluations)
-- instead of looking the assignment up again for every actual.

-- =============================================================================
-- Private functions
-- =============================================================================
create or replace function private.measure_values(
  p_measure text, p_from date, p_to date, p_staff uuid[],
  p_tier uuid default null, p_product_line uuid default null, p_customer_status public.customer_status default null)
returns table (staff_id uuid, value numeric)
language plpgsql
stable
security definer
set search_path = ''
as $fn$
begin
  -- Planned for the call's own values (how many people, which measure), not a generic plan
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
       where $1 in ('sales_amount', 'profit_contribution', 'distinct_customers')
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
       where $1 = 'payments_collected'
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
       where $1 = 'new_customers'
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
       where $1 in ('visits_done', 'visit_plan_compliance')
         and v.staff_id in (select p.id from people p)
         and v.visited_on between $2 and $3
         and ($5 is null or cu.tier_id = $5)
         and ($7 is null or cu.status = $7)
       group by v.staff_id
    ),
    planned as materialized (
      select vp.staff_id, sum(vp.planned_visits) as value
        from public.visit_plans vp
       where $1 = 'visit_plan_compliance'
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
       where $1 = 'overdue_visits'
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
       where $1 = 'rules_acknowledged'
       group by p.id
    ),
    -- The measure asked for, per person who has one (every other branch is empty).
    measured as (
      select c.staff_id,
             case $1 when 'sales_amount' then c.amount when 'profit_contribution' then c.profit
                            else c.customers end::numeric as value
        from credited c
      union all
      select x.staff_id, x.value from collected x
      union all
      select x.staff_id, x.value from new_customers x
      union all
      select x.staff_id, x.value from visits x where $1 = 'visits_done'
      union all
      select pl.staff_id, round(coalesce(v.value, 0) * 100.0 / nullif(pl.value, 0), 2)
        from planned pl left join visits v on v.staff_id = pl.staff_id
      union all
      select x.staff_id, x.value from overdue x
      union all
      select x.staff_id, round(x.acknowledged * 100.0 / nullif(x.applying, 0), 2) from rules x
    )
    select p.id,
           case when $1 in ('sales_amount', 'profit_contribution', 'payments_collected')
                  then round(coalesce(m.value, 0), 2)
                when $1 in ('visit_plan_compliance', 'rules_acknowledged') then m.value
                when $1 in ('distinct_customers', 'new_customers', 'visits_done', 'overdue_visits')
                  then coalesce(m.value, 0)
           end::numeric
      from people p
      left join measured m on m.staff_id = p.id
  $q$ using p_measure, p_from, p_to, p_staff, p_tier, p_product_line, p_customer_status;
end;
$fn$;
comment on function private.measure_values(text, date, date, uuid[], uuid, uuid, public.customer_status) is
  'One registry measure for a period and the given people the caller may read (the staff read rule): each person''s value, computed from all of their records in one grouped pass per measure; 0 where nothing counts (compliance and rules: none when nothing was planned or applies).';

-- =============================================================================
-- Trigger functions
-- =============================================================================
create or replace function private.kpi_actual_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_at record;
  v_computing boolean := coalesce(current_setting('app.evaluation_writes', true), '') = 'on';
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
$$;
comment on function private.kpi_actual_before_write() is 'Trigger: an actual''s territory and position are the person''s that month (refused without a territory; the computation passes its evaluation''s); recorded_by is the writer; only the computation writes computed actuals; a percentage written by a person is at most 100; qualitative KPIs have no actuals.';
