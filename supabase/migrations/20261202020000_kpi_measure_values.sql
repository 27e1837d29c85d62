-- The measures of the KPI registry, computed: one set-based function gives, for a period and
-- a list of people, each person's value of a measure (with the KPI's optional filters), 0
-- where there is nothing (visit-plan compliance: none when nothing was planned).
--
-- Sales, profit and collections count each person's credited share of a sale (sale_credits),
-- so a split sale is counted once across its people; customers and new customers count a
-- customer for every person credited with one of its sales in the period (a new customer's
-- first sale); visits are the person's own; overdue visits are the customers the person owns
-- that are overdue at the period's end; rules acknowledged is the share of the rules that apply
-- to the person's position whose current version they have acknowledged.
--
-- Values are about people: they are computed from all of a person's records (a manager sees
-- the whole figure of someone they may read, even for a sale made in another territory), and
-- only for people the caller may read (the staff read rule, checked inside).

-- =============================================================================
-- Private functions
-- =============================================================================
create or replace function private.measure_values(
  p_measure text, p_from date, p_to date, p_staff uuid[],
  p_tier uuid default null, p_product_line uuid default null, p_customer_status public.customer_status default null)
returns table (staff_id uuid, value numeric)
language sql
stable
security definer
set search_path = ''
as $$
  with people as (
    select s.id, s.position_id
      from public.staff s
     where s.id = any (p_staff)
       and ((select private.caller_bypasses_rls())
            or (select private.allows_all('staff', 'read'))
            or s.territory_id in (select private.allowed_territories('staff', 'read'))
            or s.user_id = (select private.allowed_owner('staff', 'read')))
  ),
  -- Each person's credited share of the period's sales, with the customer's filters.
  credited as (
    select c.staff_id, s.id as sale_id, s.customer_id, s.amount * c.share_percent / 100 as amount,
           (s.amount - s.cost) * c.share_percent / 100 as profit, c.share_percent
      from public.sale_credits c
      join public.sales s on s.id = c.sale_id
      join public.customers cu on cu.id = s.customer_id
     where p_measure in ('sales_amount', 'profit_contribution', 'distinct_customers')
       and c.staff_id in (select p.id from people p)
       and s.sale_date between p_from and p_to
       and (p_tier is null or cu.tier_id = p_tier)
       and (p_product_line is null or s.product_line_id = p_product_line)
       and (p_customer_status is null or cu.status = p_customer_status)
  ),
  collected as (
    select c.staff_id, sum(pay.amount * c.share_percent / 100) as value
      from public.payments pay
      join public.sales s on s.id = pay.sale_id
      join public.sale_credits c on c.sale_id = s.id
      join public.customers cu on cu.id = s.customer_id
     where p_measure = 'payments_collected'
       and c.staff_id in (select p.id from people p)
       and pay.paid_on between p_from and p_to
       and (p_tier is null or cu.tier_id = p_tier)
       and (p_customer_status is null or cu.status = p_customer_status)
     group by c.staff_id
  ),
  -- A customer's first sale (of the product line, when filtered) and who is credited with it.
  first_sales as (
    select distinct on (s.customer_id) s.customer_id, s.id as sale_id, s.sale_date
      from public.sales s
      join public.customers cu on cu.id = s.customer_id
     where p_measure = 'new_customers'
       and (p_tier is null or cu.tier_id = p_tier)
       and (p_product_line is null or s.product_line_id = p_product_line)
     order by s.customer_id, s.sale_date, s.id
  ),
  new_customers as (
    select c.staff_id, count(distinct f.customer_id) as value
      from first_sales f
      join public.sale_credits c on c.sale_id = f.sale_id
     where f.sale_date between p_from and p_to
       and c.staff_id in (select p.id from people p)
     group by c.staff_id
  ),
  visits as (
    select v.staff_id, count(*) as value
      from public.visits v
      join public.customers cu on cu.id = v.customer_id
     where p_measure in ('visits_done', 'visit_plan_compliance')
       and v.staff_id in (select p.id from people p)
       and v.visited_on between p_from and p_to
       and (p_tier is null or cu.tier_id = p_tier)
       and (p_customer_status is null or cu.status = p_customer_status)
     group by v.staff_id
  ),
  planned as (
    select vp.staff_id, sum(vp.planned_visits) as value
      from public.visit_plans vp
     where p_measure = 'visit_plan_compliance'
       and vp.staff_id in (select p.id from people p)
       and vp.month between date_trunc('month', p_from)::date and p_to
     group by vp.staff_id
  ),
  -- Customers each person owns that are overdue at the period's end (as overdue_customers
  -- counts them: the last visit up to that day, or the day they entered their tier).
  overdue as (
    select cu.owner_id as staff_id, count(*) as value
      from public.customers cu
      join public.customer_tiers t on t.id = cu.tier_id and t.visit_interval_days is not null
      cross join lateral (
        select max(v.visited_on) as last_visit_on from public.visits v
         where v.customer_id = cu.id and v.visited_on <= p_to
      ) lv
     where p_measure = 'overdue_visits'
       and cu.owner_id in (select p.id from people p)
       and cu.status <> 'lost'
       and (p_tier is null or cu.tier_id = p_tier)
       and coalesce(lv.last_visit_on, cu.tier_since) + t.visit_interval_days < p_to
     group by cu.owner_id
  ),
  -- The rules in force (published, not retired) that apply to each person's position, and which
  -- of them they acknowledged.
  rules as (
    select p.id as staff_id, count(*) as applying,
           count(*) filter (where exists (
             select 1 from public.acknowledgements a
              where a.regulation_id = r.id and a.version_number = r.current_version and a.staff_id = p.id)) as acknowledged
      from people p
      join public.regulations r on r.current_version is not null and r.status <> 'retired'
       and (r.applies_to_all_positions
            or exists (select 1 from public.regulation_positions rp where rp.regulation_id = r.id and rp.position_id = p.position_id))
     where p_measure = 'rules_acknowledged'
     group by p.id
  )
  select p.id,
         case p_measure
           when 'sales_amount' then round(coalesce((select sum(c.amount) from credited c where c.staff_id = p.id), 0), 2)
           when 'profit_contribution' then round(coalesce((select sum(c.profit) from credited c where c.staff_id = p.id), 0), 2)
           when 'payments_collected' then round(coalesce((select x.value from collected x where x.staff_id = p.id), 0), 2)
           when 'distinct_customers' then coalesce((select count(distinct c.customer_id) from credited c where c.staff_id = p.id), 0)
           when 'new_customers' then coalesce((select x.value from new_customers x where x.staff_id = p.id), 0)
           when 'visits_done' then coalesce((select x.value from visits x where x.staff_id = p.id), 0)
           when 'visit_plan_compliance' then (
             select round(coalesce((select x.value from visits x where x.staff_id = p.id), 0) * 100.0 / nullif(pl.value, 0), 2)
               from planned pl where pl.staff_id = p.id)
           when 'overdue_visits' then coalesce((select x.value from overdue x where x.staff_id = p.id), 0)
           when 'rules_acknowledged' then (
             select round(x.acknowledged * 100.0 / nullif(x.applying, 0), 2) from rules x where x.staff_id = p.id)
         end::numeric
    from people p
$$;
comment on function private.measure_values(text, date, date, uuid[], uuid, uuid, public.customer_status) is
  'One registry measure for a period and the given people the caller may read (the staff read rule): each person''s value, computed from all of their records; 0 where nothing counts (compliance and rules: none when nothing was planned or applies).';

-- =============================================================================
-- Public functions
-- =============================================================================
create or replace function public.kpi_measure_values(
  p_measure text, p_from date, p_to date, p_staff uuid[],
  p_tier uuid default null, p_product_line uuid default null, p_customer_status public.customer_status default null)
returns table (staff_id uuid, value numeric)
language plpgsql
stable
set search_path = ''
as $$
declare
  v_measure public.kpi_measures;
begin
  select * into v_measure from public.kpi_measures m where m.code = p_measure;
  if v_measure.code is null then
    raise exception using errcode = '22023', detail = 'measure_unknown', message = format('There is no measure "%s".', p_measure);
  end if;
  if p_from is null or p_to is null or p_to < p_from then
    raise exception using errcode = '22023', detail = 'period_invalid', message = 'The period must have a start on or before its end.';
  end if;
  if p_to - p_from > 3660 then
    raise exception using errcode = '22023', detail = 'period_too_long', message = 'A period can be at most ten years long.';
  end if;
  if cardinality(coalesce(p_staff, '{}')) > 10000 then
    raise exception using errcode = '22023', detail = 'too_many_people', message = 'At most 10,000 people at a time.';
  end if;
  if (p_tier is not null and not 'tier' = any (v_measure.filters))
     or (p_product_line is not null and not 'product_line' = any (v_measure.filters))
     or (p_customer_status is not null and not 'customer_status' = any (v_measure.filters)) then
    raise exception using errcode = '22023', detail = 'kpi_filter_not_understood',
      message = format('The measure "%s" does not take that filter.', v_measure.name_en);
  end if;
  return query
    select m.staff_id, m.value
      from private.measure_values(p_measure, p_from, p_to, coalesce(p_staff, '{}'), p_tier, p_product_line, p_customer_status) m;
end;
$$;
comment on function public.kpi_measure_values(text, date, date, uuid[], uuid, uuid, public.customer_status) is
  'A registry measure''s value per person for a period (with the filters the measure takes), for the people given that you may read.';

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.measure_values(text, date, date, uuid[], uuid, uuid, public.customer_status) from public;
grant execute on function private.measure_values(text, date, date, uuid[], uuid, uuid, public.customer_status) to authenticated, service_role;
revoke all on function public.kpi_measure_values(text, date, date, uuid[], uuid, uuid, public.customer_status) from public, anon;
grant execute on function public.kpi_measure_values(text, date, date, uuid[], uuid, uuid, public.customer_status) to authenticated, service_role;
