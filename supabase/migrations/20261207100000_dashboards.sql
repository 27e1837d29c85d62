-- Dashboards (000, 003, 004: leaders follow each region's and each person's completion, see
-- orders in time and analyse every customer tier): one page of cards, each one function that
-- reads through the caller's RLS, so a salesperson sees their own figures, a manager their
-- subtree and HR and the auditor everything, with no rule of its own to keep in step. The
-- ranking of salespeople is the one card with a permission of its own (managers and HR; the
-- seeds warn against pitting people against each other), and HR can switch it off.

-- =============================================================================
-- Settings
-- =============================================================================
create table public.dashboard_settings (
  id boolean primary key default true check (id),
  show_ranking boolean not null default true,
  updated_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.dashboard_settings is
  'The department''s dashboard settings, one row: whether the ranking of salespeople is shown at all (to those whose matrix lets them rank).';
create index dashboard_settings_updated_by_idx on public.dashboard_settings (updated_by);
insert into public.dashboard_settings (id) values (true);

create trigger dashboard_settings_touch before update on public.dashboard_settings
  for each row execute function private.touch_row();

create or replace function private.dashboard_settings_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  new.id := old.id;
  new.updated_by := (select auth.uid());
  return new;
end;
$$;
comment on function private.dashboard_settings_before_write() is 'Trigger: the settings row stays the one row and keeps who changed it last.';
create trigger dashboard_settings_before_write before update on public.dashboard_settings
  for each row execute function private.dashboard_settings_before_write();
select private.enable_audit('public.dashboard_settings', '{id}');

-- =============================================================================
-- Sales per territory and month, kept by the database
-- =============================================================================
-- A territory and everything under it, of the territories the caller may read (the cards'
-- "optionally in a territory subtree").
create or replace function private.subtree(p_root uuid)
returns setof uuid
language sql
stable
set search_path = ''
as $$
  select d.id from public.territories d join public.territories r on r.id = p_root
   where d.path operator(extensions.<@) r.path
$$;
comment on function private.subtree(uuid) is 'The ids of a territory and its descendants that the caller may read (none for no territory).';

-- The sales card sums a year of a subtree's sales, collections and open amounts: read from the
-- sales lines themselves that is every line of the subtree (90,000 for a region, 460,000 for the
-- department) on each visit. These totals are kept as the lines are written, like the visit-plan
-- counts: one row per territory and month, changed by the statement that changes the lines.
create table private.sales_month_totals (
  territory_id uuid not null references public.territories (id) on delete cascade,
  month date not null check (month = date_trunc('month', month)::date),
  sales integer not null default 0,
  amount numeric(16,2) not null default 0,
  profit numeric(16,2) not null default 0,
  -- Payments against the sales of this month (their open amount is amount - paid).
  paid numeric(16,2) not null default 0,
  -- Payments received in this month (by the payment's territory).
  collected numeric(16,2) not null default 0,
  -- Customers whose first sale was made in this month, here.
  new_customers integer not null default 0,
  primary key (territory_id, month)
);
comment on table private.sales_month_totals is
  'Kept by the sales and payments triggers: per territory and month, the sales made (count, amount, profit), what has been paid against them, the payments received and the customers whose first sale it was. Read through private.sales_per_month, which applies the sales and payments read rules.';

-- Each customer's first sale, so a sale written before it moves the "new customer" to its month.
create table private.customer_first_sales (
  customer_id uuid primary key references public.customers (id) on delete cascade,
  first_sale_on date not null,
  territory_id uuid not null references public.territories (id) on delete cascade
);
comment on table private.customer_first_sales is
  'Kept by the sales triggers: the day and territory of each customer''s first sale (the new-customer count of sales_month_totals).';
create index customer_first_sales_territory_idx on private.customer_first_sales (territory_id);

create or replace function private.add_sales_month_deltas(p_deltas jsonb)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into private.sales_month_totals as m (territory_id, month, sales, amount, profit, paid, collected, new_customers)
  select d.territory_id, d.month, sum(d.sales), sum(d.amount), sum(d.profit), sum(d.paid), sum(d.collected), sum(d.new_customers)
    from jsonb_to_recordset(p_deltas) as d(territory_id uuid, month date, sales integer, amount numeric, profit numeric,
                                          paid numeric, collected numeric, new_customers integer)
   where d.territory_id is not null
   group by d.territory_id, d.month
  on conflict (territory_id, month) do update
     set sales = m.sales + excluded.sales, amount = m.amount + excluded.amount, profit = m.profit + excluded.profit,
         paid = m.paid + excluded.paid, collected = m.collected + excluded.collected,
         new_customers = m.new_customers + excluded.new_customers
$$;
comment on function private.add_sales_month_deltas(jsonb) is 'Adds signed amounts to the kept sales totals of each territory and month given.';

-- A customer's first sale after a write: recomputed for the customers the statement touched,
-- and the new-customer count moved from the old first month to the new one.
create or replace function private.refresh_first_sales(p_customers uuid[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_deltas jsonb;
begin
  with now_first as (
    select c.id as customer_id, f.sale_date, f.territory_id
      from unnest(p_customers) c(id)
      left join lateral (
        select s.sale_date, s.territory_id from public.sales s
         where s.customer_id = c.id and s.territory_id is not null
         order by s.sale_date, s.created_at, s.id limit 1
      ) f on true
  ),
  before as (
    select k.customer_id, k.first_sale_on, k.territory_id from private.customer_first_sales k
     where k.customer_id = any (p_customers)
  ),
  changed as (
    select n.customer_id, b.first_sale_on as old_day, b.territory_id as old_territory, n.sale_date as new_day, n.territory_id as new_territory
      from now_first n left join before b on b.customer_id = n.customer_id
     where (b.first_sale_on, b.territory_id) is distinct from (n.sale_date, n.territory_id)
  ),
  removed as (
    delete from private.customer_first_sales k using changed c where k.customer_id = c.customer_id and c.new_day is null
  ),
  upserted as (
    insert into private.customer_first_sales (customer_id, first_sale_on, territory_id)
    select c.customer_id, c.new_day, c.new_territory from changed c where c.new_day is not null
    on conflict (customer_id) do update set first_sale_on = excluded.first_sale_on, territory_id = excluded.territory_id
  )
  select jsonb_agg(d) into v_deltas
    from (
      select c.old_territory as territory_id, date_trunc('month', c.old_day)::date as month, -1 as new_customers
        from changed c where c.old_day is not null
      union all
      select c.new_territory, date_trunc('month', c.new_day)::date, 1 from changed c where c.new_day is not null
    ) d;
  if v_deltas is not null then
    perform private.add_sales_month_deltas(
      (select jsonb_agg(x || '{"sales": 0, "amount": 0, "profit": 0, "paid": 0, "collected": 0}'::jsonb) from jsonb_array_elements(v_deltas) x));
  end if;
end;
$$;
comment on function private.refresh_first_sales(uuid[]) is 'Recomputes the first sale of the given customers and moves their new-customer count to its month.';

create or replace function private.sales_keep_totals()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_deltas jsonb;
  v_customers uuid[];
begin
  if tg_op = 'INSERT' then
    select jsonb_agg(d) into v_deltas
      from (select n.territory_id, date_trunc('month', n.sale_date)::date as month, count(*) as sales, sum(n.amount) as amount,
                   sum(n.profit) as profit, 0 as paid, 0 as collected, 0 as new_customers
              from new_rows n group by 1, 2) d;
    -- New lines can only bring a first sale forward: only customers without one, or with a
    -- later one, are looked at again.
    select array_agg(n.customer_id) into v_customers
      from (select r.customer_id, min(r.sale_date) as first_day from new_rows r group by r.customer_id) n
      left join private.customer_first_sales f on f.customer_id = n.customer_id
     where f.customer_id is null or n.first_day <= f.first_sale_on;
  elsif tg_op = 'DELETE' then
    -- A sale with payments cannot be deleted (payments restrict it): nothing paid to take back.
    select jsonb_agg(d) into v_deltas
      from (select o.territory_id, date_trunc('month', o.sale_date)::date as month, -count(*) as sales, -sum(o.amount) as amount,
                   -sum(o.profit) as profit, 0 as paid, 0 as collected, 0 as new_customers
              from old_rows o group by 1, 2) d;
    select array_agg(distinct o.customer_id) into v_customers from old_rows o;
  else
    -- Only lines whose place, month or figures changed; what was paid against them moves with them.
    with moved as (
      select o.id, o.territory_id as old_territory, date_trunc('month', o.sale_date)::date as old_month, o.amount as old_amount,
             o.profit as old_profit, n.territory_id as new_territory, date_trunc('month', n.sale_date)::date as new_month,
             n.amount as new_amount, n.profit as new_profit, o.customer_id as old_customer, n.customer_id as new_customer,
             o.sale_date <> n.sale_date as redated
        from old_rows o join new_rows n on n.id = o.id
       where (o.territory_id, date_trunc('month', o.sale_date), o.amount, o.profit, o.customer_id, o.sale_date)
             is distinct from (n.territory_id, date_trunc('month', n.sale_date), n.amount, n.profit, n.customer_id, n.sale_date)
    ),
    paid as (
      select p.sale_id, sum(p.amount) as amount from public.payments p where p.sale_id in (select m.id from moved m) group by p.sale_id
    )
    select jsonb_agg(d),
           (select array_agg(distinct c) from moved m, unnest(array[m.old_customer, m.new_customer]) c
             where m.redated or m.old_customer <> m.new_customer or m.old_territory is distinct from m.new_territory)
      into v_deltas, v_customers
      from (
        select x.territory_id, x.month, sum(x.sales) as sales, sum(x.amount) as amount, sum(x.profit) as profit,
               sum(x.paid) as paid, 0 as collected, 0 as new_customers
          from (
            select m.old_territory as territory_id, m.old_month as month, -1 as sales, -m.old_amount as amount,
                   -m.old_profit as profit, -coalesce(p.amount, 0) as paid
              from moved m left join paid p on p.sale_id = m.id
            union all
            select m.new_territory, m.new_month, 1, m.new_amount, m.new_profit, coalesce(p.amount, 0)
              from moved m left join paid p on p.sale_id = m.id
          ) x
         group by x.territory_id, x.month
      ) d;
  end if;
  if v_deltas is not null then
    perform private.add_sales_month_deltas(v_deltas);
  end if;
  if cardinality(v_customers) > 0 then
    perform private.refresh_first_sales(v_customers);
  end if;
  return null;
end;
$$;
comment on function private.sales_keep_totals() is 'Trigger (statement, transition tables): keeps sales_month_totals and the customers'' first sales as sales lines are written.';

create or replace function private.payments_keep_totals()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_side record;
  v_deltas jsonb;
begin
  -- Inserted rows count in, deleted ones out; an update is both.
  for v_side in
    select x.rows, x.sign from (values ('new_rows', 1), ('old_rows', -1)) x(rows, sign)
     where (x.rows = 'new_rows' and tg_op in ('INSERT', 'UPDATE')) or (x.rows = 'old_rows' and tg_op in ('DELETE', 'UPDATE'))
  loop
    execute format($q$
      select jsonb_agg(d)
        from (
          -- received in the payment's month, by the payment's territory
          select c.territory_id, date_trunc('month', c.paid_on)::date as month, 0 as sales, 0 as amount, 0 as profit,
                 0 as paid, %2$s * sum(c.amount) as collected, 0 as new_customers
            from %1$I c group by 1, 2
          union all
          -- paid against the sale's month, by the sale's territory
          select s.territory_id, date_trunc('month', s.sale_date)::date, 0, 0, 0, %2$s * sum(c.amount), 0, 0
            from %1$I c join public.sales s on s.id = c.sale_id group by 1, 2
        ) d$q$, v_side.rows, v_side.sign)
      into v_deltas;
    if v_deltas is not null then
      perform private.add_sales_month_deltas(v_deltas);
    end if;
  end loop;
  return null;
end;
$$;
comment on function private.payments_keep_totals() is 'Trigger (statement, transition tables): keeps the paid and collected amounts of sales_month_totals as payments are written.';

create trigger sales_keep_totals_insert after insert on public.sales
  referencing new table as new_rows for each statement execute function private.sales_keep_totals();
create trigger sales_keep_totals_update after update on public.sales
  referencing old table as old_rows new table as new_rows for each statement execute function private.sales_keep_totals();
create trigger sales_keep_totals_delete after delete on public.sales
  referencing old table as old_rows for each statement execute function private.sales_keep_totals();
create trigger payments_keep_totals_insert after insert on public.payments
  referencing new table as new_rows for each statement execute function private.payments_keep_totals();
create trigger payments_keep_totals_update after update on public.payments
  referencing old table as old_rows new table as new_rows for each statement execute function private.payments_keep_totals();
create trigger payments_keep_totals_delete after delete on public.payments
  referencing old table as old_rows for each statement execute function private.payments_keep_totals();

-- The achievement and month cards read one KPI's actuals of a year in the caller's territories:
-- with the territory in the index the policy's territory list is part of the index search.
drop index public.kpi_actuals_kpi_month_idx;
create index kpi_actuals_kpi_month_idx on public.kpi_actuals (kpi_id, month, territory_id);

-- Rebuilds both kept tables from the lines (this migration, and a bulk load that ran with the
-- triggers off).
create or replace function private.rebuild_sales_month_totals()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from private.sales_month_totals where true;
  delete from private.customer_first_sales where true;
  insert into private.customer_first_sales (customer_id, first_sale_on, territory_id)
  select distinct on (s.customer_id) s.customer_id, s.sale_date, s.territory_id
    from public.sales s where s.territory_id is not null
   order by s.customer_id, s.sale_date, s.created_at, s.id;
  insert into private.sales_month_totals (territory_id, month, sales, amount, profit, paid, collected, new_customers)
  select x.territory_id, x.month, sum(x.sales), sum(x.amount), sum(x.profit), sum(x.paid), sum(x.collected), sum(x.new_customers)
    from (
      select s.territory_id, date_trunc('month', s.sale_date)::date as month, count(*) as sales, sum(s.amount) as amount,
             sum(s.profit) as profit, 0 as paid, 0 as collected, 0 as new_customers
        from public.sales s where s.territory_id is not null group by 1, 2
      union all
      select s.territory_id, date_trunc('month', s.sale_date)::date, 0, 0, 0, sum(p.amount), 0, 0
        from public.payments p join public.sales s on s.id = p.sale_id where s.territory_id is not null group by 1, 2
      union all
      select p.territory_id, date_trunc('month', p.paid_on)::date, 0, 0, 0, 0, sum(p.amount), 0
        from public.payments p where p.territory_id is not null group by 1, 2
      union all
      select f.territory_id, date_trunc('month', f.first_sale_on)::date, 0, 0, 0, 0, 0, count(*)
        from private.customer_first_sales f group by 1, 2
    ) x
   group by x.territory_id, x.month;
end;
$$;
comment on function private.rebuild_sales_month_totals() is 'Recomputes sales_month_totals and customer_first_sales from every sales line and payment.';
select private.rebuild_sales_month_totals();

-- The kept totals of the territories one may read, per month: sales figures by the sales read
-- rule, paid and collected by the payments one (the same rows the lines'' policies show).
create or replace function private.sales_per_month(p_from date, p_to date, p_territory uuid default null)
returns table (territory_id uuid, month date, sales bigint, amount numeric, profit numeric, paid numeric, collected numeric,
               new_customers bigint)
language sql
stable
security definer
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
  with sub as (
    select private.subtree(p_territory) as id
  ),
  -- The service role (RLS bypassed) reads every territory, as it reads every line.
  sales_scope as (
    select case when (select private.caller_bypasses_rls()) then array(select t.id from public.territories t)
                else (select private.territory_scope('sales', 'read'))::uuid[] end as ids
  ),
  payments_scope as (
    select case when (select private.caller_bypasses_rls()) then array(select t.id from public.territories t)
                else (select private.territory_scope('payments', 'read'))::uuid[] end as ids
  )
  select t.territory_id, t.month,
         case when t.territory_id in (select unnest(ids) from sales_scope) then t.sales end::bigint,
         case when t.territory_id in (select unnest(ids) from sales_scope) then t.amount end,
         case when t.territory_id in (select unnest(ids) from sales_scope) then t.profit end,
         case when t.territory_id in (select unnest(ids) from sales_scope)
               and t.territory_id in (select unnest(ids) from payments_scope) then t.paid end,
         case when t.territory_id in (select unnest(ids) from payments_scope) then t.collected end,
         case when t.territory_id in (select unnest(ids) from sales_scope) then t.new_customers end::bigint
    from private.sales_month_totals t
   where t.month between date_trunc('month', p_from)::date and p_to
     and (t.territory_id in (select unnest(ids) from sales_scope) or t.territory_id in (select unnest(ids) from payments_scope))
     and (p_territory is null or t.territory_id in (select id from sub))
$$;
comment on function private.sales_per_month(date, date, uuid) is
  'The kept sales totals per territory and month between two dates (optionally in a subtree), only for territories whose sales (or, for the payment figures, payments) the signed-in person may read.';

-- =============================================================================
-- Shared checks
-- =============================================================================
create or replace function private.dashboard_check_period(p_year integer, p_from_month integer, p_to_month integer)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_year is null or p_year not between 2000 and 2100 then
    raise exception using errcode = '22023', detail = 'year_out_of_range', message = 'Choose a year between 2000 and 2100.';
  end if;
  if p_from_month is null or p_to_month is null or p_from_month not between 1 and 12 or p_to_month not between 1 and 12
     or p_from_month > p_to_month then
    raise exception using errcode = '22023', detail = 'months_out_of_range',
      message = 'Choose months from 1 to 12, the first not after the last.';
  end if;
end;
$$;
comment on function private.dashboard_check_period(integer, integer, integer) is 'Refuses (400) a dashboard period outside 2000-2100 or months outside 1-12 or in the wrong order.';

-- =============================================================================
-- Achievement by territory, drilling down the tree
-- =============================================================================
-- Every card function plans each call for its own arguments and caller (force_custom_plan): a
-- plan made once for any caller reads a whole department where a region was asked for.
-- Targets are the people's own (a territory's override is a planning figure, not a sum of what
-- its people were asked for), actuals as recorded under the assignment of their month.
create or replace function public.dashboard_achievement(
  p_kpi uuid, p_year integer, p_from_month integer default 1, p_to_month integer default 12, p_parent uuid default null)
returns table (territory_id uuid, code text, name text, has_children boolean, target numeric, actual numeric, achievement numeric)
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform private.dashboard_check_period(p_year, p_from_month, p_to_month);
  return query
  with visible as materialized (
    select t.id, t.parent_id, t.code, t.name, t.path from public.territories t
  ),
  shown as (
    select v.* from visible v
     where case when p_parent is null then v.parent_id is null or v.parent_id not in (select x.id from visible x)
                else v.parent_id = p_parent end
  ),
  figures as (
    select g.territory_id, sum(g.target) as target, sum(g.actual) as actual
      from (
        select tg.territory_id, (select sum(m) from unnest(tg.months[p_from_month:p_to_month]) m) as target, 0::numeric as actual
          from public.targets tg
         where tg.kpi_id = p_kpi and tg.year = p_year and tg.staff_id is not null
           and tg.territory_id = any (array(select v.id from visible v))
        union all
        -- (only figures placed in a territory one sees count: said here, it is also the index search)
        select a.territory_id, 0, a.value
          from public.kpi_actuals a
         where a.kpi_id = p_kpi and a.month between make_date(p_year, p_from_month, 1) and make_date(p_year, p_to_month, 1)
           and a.territory_id = any (array(select v.id from visible v))
      ) g
     group by g.territory_id
  ),
  placed as (
    select v.path, f.target, f.actual from figures f join visible v on v.id = f.territory_id
  )
  select s.id, s.code, s.name,
         exists (select 1 from visible c where c.parent_id = s.id),
         coalesce(sum(p.target), 0)::numeric(16,2), coalesce(sum(p.actual), 0)::numeric(16,2),
         case when sum(p.target) > 0 then round(100 * sum(p.actual) / sum(p.target), 1) end
    from shown s
    left join placed p on p.path operator(extensions.<@) s.path
   group by s.id, s.code, s.name
   order by s.code;
end;
$$;
comment on function public.dashboard_achievement(uuid, integer, integer, integer, uuid) is
  'Per territory under p_parent (the topmost ones you may read when none): the people''s targets of a KPI for the months of a year, the actuals recorded in its subtree, and actual / target in percent. Through your RLS.';

-- =============================================================================
-- Target vs actual, month by month
-- =============================================================================
create or replace function public.dashboard_months(p_kpi uuid, p_year integer, p_territory uuid default null)
returns table (month integer, target numeric, goal numeric, actual numeric)
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform private.dashboard_check_period(p_year, 1, 12);
  return query
  with sub as (
    select private.subtree(p_territory) as id
  ),
  targets as (
    select m.n, sum(tg.months[m.n]) as amount
      from public.targets tg cross join generate_series(1, 12) m(n)
     where tg.kpi_id = p_kpi and tg.year = p_year and tg.staff_id is not null
       and (p_territory is null or tg.territory_id in (select id from sub))
     group by m.n
  ),
  goals as (
    select m.n, sum(g.months[m.n]) as amount
      from public.personal_goals g cross join generate_series(1, 12) m(n)
     where g.kpi_id = p_kpi and g.year = p_year
       and (p_territory is null or g.territory_id in (select id from sub))
     group by m.n
  ),
  -- The actuals placed in the territories one sees (the index search), and one's own placed
  -- elsewhere (a person who moved keeps their past months).
  visible as (
    select array(select t.id from public.territories t
                  where p_territory is null or t.id in (select id from sub)) as ids
  ),
  actuals as (
    select extract(month from x.month)::integer as n, sum(x.value) as amount
      from (
        select a.month, a.value
          from public.kpi_actuals a
         where a.kpi_id = p_kpi and a.month between make_date(p_year, 1, 1) and make_date(p_year, 12, 1)
           and a.territory_id = any ((select ids from visible)::uuid[])
        union all
        select a.month, a.value
          from public.kpi_actuals a
         where p_territory is null
           and a.kpi_id = p_kpi and a.month between make_date(p_year, 1, 1) and make_date(p_year, 12, 1)
           and a.staff_id = (select private.my_staff_id())
           and not a.territory_id = any ((select ids from visible)::uuid[])
      ) x
     group by 1
  )
  select m.n, coalesce(t.amount, 0)::numeric(16,2), g.amount::numeric(16,2), coalesce(a.amount, 0)::numeric(16,2)
    from generate_series(1, 12) m(n)
    left join targets t on t.n = m.n
    left join goals g on g.n = m.n
    left join actuals a on a.n = m.n
   order by m.n;
end;
$$;
comment on function public.dashboard_months(uuid, integer, uuid) is
  'Per month of a year: the people''s targets of a KPI, their self-set goals (none where nobody set one) and the actuals recorded, optionally in a territory subtree. Through your RLS.';

-- =============================================================================
-- Bands of the latest evaluations, improvement plans due
-- =============================================================================
create or replace function public.dashboard_bands(p_territory uuid default null, p_month date default null)
returns table (month date, band_id uuid, code text, name_en text, name_es text, name_zh text, lower_bound numeric,
               outcome public.band_outcome, evaluations bigint, drafts bigint)
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
declare
  v_month date;
begin
  if p_month is not null then
    v_month := date_trunc('month', p_month)::date;
  else
    select max(e.month) into v_month
      from public.evaluations e
     where e.band_id is not null
       and (p_territory is null or e.territory_id in (
             select private.subtree(p_territory) as id));
  end if;
  return query
  with counted as (
    select e.band_id, count(*) as n, count(*) filter (where e.status = 'draft') as drafts
      from public.evaluations e
     where e.month = v_month and e.band_id is not null
       and (p_territory is null or e.territory_id in (
             select private.subtree(p_territory) as id))
     group by e.band_id
  )
  select v_month, b.id, b.code, b.name_en, b.name_es, b.name_zh, b.lower_bound, b.outcome,
         coalesce(c.n, 0), coalesce(c.drafts, 0)
    from public.rating_bands b
    left join counted c on c.band_id = b.id
   where v_month is not null
   order by b.lower_bound desc;
end;
$$;
comment on function public.dashboard_bands(uuid, date) is
  'Per rating band: the evaluations of a month (the latest month with a computed band when none is given) in that band, and how many are still drafts, optionally in a territory subtree. Through your RLS.';

create or replace function public.dashboard_plans(p_territory uuid default null, p_soon_days integer default 14)
returns table (open bigint, due_soon bigint, missed bigint, met bigint)
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  if p_soon_days is null or p_soon_days not between 0 and 365 then
    raise exception using errcode = '22023', detail = 'days_out_of_range', message = 'Choose from 0 to 365 days.';
  end if;
  return query
  select count(*) filter (where s.status = 'open'),
         count(*) filter (where s.status = 'open' and s.deadline <= current_date + p_soon_days),
         count(*) filter (where s.status = 'missed'),
         count(*) filter (where s.status = 'met')
    from public.improvement_plan_status s
    join public.evaluations e on e.id = s.evaluation_id
   where p_territory is null or e.territory_id in (
           select private.subtree(p_territory) as id);
end;
$$;
comment on function public.dashboard_plans(uuid, integer) is
  'Improvement plans: still open, open and due within p_soon_days, missed and met, optionally in a territory subtree. Through your RLS.';

-- =============================================================================
-- Overdue visits by tier, visit-plan compliance
-- =============================================================================
create or replace function public.dashboard_overdue(p_territory uuid default null)
returns table (tier_id uuid, code text, name_en text, name_es text, name_zh text, visit_interval_days integer,
               customers bigint, overdue bigint, oldest_days integer)
language sql
stable
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
  with sub as (
    select private.subtree(p_territory) as id
  ),
  customers as (
    select c.tier_id, count(*) as n
      from public.customers c
     where c.status <> 'lost' and (p_territory is null or c.territory_id in (select id from sub))
     group by c.tier_id
  ),
  overdue as (
    select o.tier_id, count(*) as n, max(o.days_overdue) as oldest
      from public.overdue_customers(current_date, null, p_territory) o
     group by o.tier_id
  )
  select t.id, t.code, t.name_en, t.name_es, t.name_zh, t.visit_interval_days,
         coalesce(c.n, 0), coalesce(o.n, 0), o.oldest
    from public.customer_tiers t
    left join customers c on c.tier_id = t.id
    left join overdue o on o.tier_id = t.id
   where t.visit_interval_days is not null
   order by t.sort_order, t.code
$$;
comment on function public.dashboard_overdue(uuid) is
  'Per tier with a visit interval: the customers (not lost) and those whose visit is overdue today, with the oldest days overdue, optionally in a territory subtree. Through your RLS.';

create or replace function public.dashboard_visit_compliance(p_from date, p_to date, p_territory uuid default null)
returns table (month date, planned bigint, done bigint, compliance numeric)
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  if p_from is null or p_to is null or p_from > p_to or p_to - p_from > 1830 then
    raise exception using errcode = '22023', detail = 'dates_out_of_range',
      message = 'Choose a span of at most five years, its start not after its end.';
  end if;
  return query
  select v.month, sum(v.planned)::bigint, sum(v.done)::bigint,
         round(sum(v.done) * 100.0 / nullif(sum(v.planned), 0), 1)
    from public.visit_plan_vs_done(p_from, p_to, p_territory) v
   group by v.month
   order by v.month;
end;
$$;
comment on function public.dashboard_visit_compliance(date, date, uuid) is
  'Per month: visits the current salespeople you may read planned and made, and done / planned in percent (the visit_plan_compliance measure''s rule), optionally in a territory subtree.';

-- =============================================================================
-- Sales and collection
-- =============================================================================
create or replace function public.dashboard_sales(p_year integer, p_territory uuid default null)
returns table (month integer, amount numeric, profit numeric, collected numeric, new_customers bigint, new_customers_goal numeric)
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform private.dashboard_check_period(p_year, 1, 12);
  return query
  with sub as (
    select private.subtree(p_territory) as id
  ),
  kept as (
    select extract(month from k.month)::integer as n, sum(k.amount) as amount, sum(k.profit) as profit,
           sum(k.collected) as collected, sum(k.new_customers) as new_customers
      from private.sales_per_month(make_date(p_year, 1, 1), make_date(p_year, 12, 31), p_territory) k
     group by 1
  ),
  goal_kpi as (
    select k.id from public.kpis k where k.measure_code = 'new_customers' and k.active
     order by k.sort_order, k.code limit 1
  ),
  goals as (
    select m.n, sum(tg.months[m.n]) as amount
      from public.targets tg cross join generate_series(1, 12) m(n)
     where tg.kpi_id = (select id from goal_kpi) and tg.year = p_year and tg.staff_id is not null
       and (p_territory is null or tg.territory_id in (select id from sub))
     group by m.n
  )
  select m.n, coalesce(k.amount, 0)::numeric(16,2), coalesce(k.profit, 0)::numeric(16,2), coalesce(k.collected, 0)::numeric(16,2),
         coalesce(k.new_customers, 0)::bigint, g.amount::numeric(16,2)
    from generate_series(1, 12) m(n)
    left join kept k on k.n = m.n
    left join goals g on g.n = m.n
   order by m.n;
end;
$$;
comment on function public.dashboard_sales(integer, uuid) is
  'Per month of a year: sales amount and profit contribution, payments collected, new customers (whose first sale it was) and the people''s new-customer targets, optionally in a territory subtree: from the kept monthly totals of the territories whose sales (and payments) you may read.';

create or replace function public.dashboard_outstanding(p_territory uuid default null)
returns table (months_ago integer, sales_month date, sold numeric, outstanding numeric)
language sql
stable
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
  -- Age in whole months since the sale: this month's sales, last month's, two months ago, and
  -- three or more (everything older together).
  with this_month as (select date_trunc('month', current_date)::date as m),
  ages as (
    select a as months_ago, ((select m from this_month) - make_interval(months => a))::date as sales_month from generate_series(0, 3) a
  ),
  kept as (
    select least(((extract(year from age((select m from this_month), k.month)) * 12)
                  + extract(month from age((select m from this_month), k.month)))::integer, 3) as months_ago,
           k.amount, k.amount - k.paid as outstanding
      from private.sales_per_month(date '2000-01-01', (select m from this_month), p_territory) k
     where k.paid is not null
  )
  select a.months_ago, a.sales_month, coalesce(sum(k.amount), 0)::numeric(16,2), coalesce(sum(k.outstanding), 0)::numeric(16,2)
    from ages a
    left join kept k on k.months_ago = a.months_ago
   group by a.months_ago, a.sales_month
   order by a.months_ago
$$;
comment on function public.dashboard_outstanding(uuid) is
  'What is still to collect by the age of the sale in months: sold this month, last month, two months ago, and three or more (with the month it starts), with the amount sold then, optionally in a territory subtree; from the kept monthly totals of the territories whose sales and payments you may read.';

-- =============================================================================
-- Violations by rule and month, acknowledgement coverage
-- =============================================================================
create or replace function public.dashboard_violations(p_from date, p_to date, p_territory uuid default null)
returns table (month date, regulation_id uuid, code text, title_en text, title_es text, title_zh text, violations bigint)
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  if p_from is null or p_to is null or p_from > p_to or p_to - p_from > 1830 then
    raise exception using errcode = '22023', detail = 'dates_out_of_range',
      message = 'Choose a span of at most five years, its start not after its end.';
  end if;
  return query
  with counted as (
    select date_trunc('month', v.occurred_on)::date as month, v.regulation_id, count(*) as n
      from public.violations v
     where v.occurred_on between p_from and p_to and v.status <> 'dismissed'
       and (p_territory is null or v.territory_id in (
             select private.subtree(p_territory) as id))
     group by 1, 2
  )
  select c.month, c.regulation_id, r.code, rv.title_en, rv.title_es, rv.title_zh, c.n
    from counted c
    join public.regulations r on r.id = c.regulation_id
    left join public.regulation_versions rv on rv.regulation_id = r.id and rv.version_number = r.current_version
   order by c.month, r.code;
end;
$$;
comment on function public.dashboard_violations(date, date, uuid) is
  'Violations not dismissed, counted per month and rule, from p_from to p_to, optionally in a territory subtree. Through your RLS.';

create or replace function public.dashboard_acknowledgements(p_territory uuid default null)
returns table (regulation_id uuid, code text, title_en text, title_es text, title_zh text, applicable bigint, acknowledged bigint,
               coverage numeric)
language sql
stable
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
  with root as (
    select t.path::text as path from public.territories t where t.id = p_territory
  ),
  people as materialized (
    select s.id, s.position_id
      from public.staff s
     where s.status = 'active'
       and (p_territory is null or s.territory_path like (select root.path from root) || '%')
  ),
  per_position as (
    select p.position_id, count(*) as n from people p group by p.position_id
  ),
  rules as materialized (
    select r.id, r.code, r.current_version, r.applies_to_all_positions
      from public.regulations r
     where r.status = 'published' and r.current_version is not null
  ),
  -- A rule for every position applies to everyone counted; another to the people of its positions.
  applicable as (
    select r.id, (select sum(pp.n) from per_position pp) as n from rules r where r.applies_to_all_positions
    union all
    select rp.regulation_id, sum(pp.n)
      from public.regulation_positions rp
      join per_position pp on pp.position_id = rp.position_id
     where rp.regulation_id in (select r.id from rules r where not r.applies_to_all_positions)
     group by rp.regulation_id
  ),
  acknowledged as (
    select r.id, count(*) as n
      from rules r
      join public.acknowledgements a on a.regulation_id = r.id and a.version_number = r.current_version
      join people p on p.id = a.staff_id
     where r.applies_to_all_positions
        or exists (select 1 from public.regulation_positions rp where rp.regulation_id = r.id and rp.position_id = p.position_id)
     group by r.id
  )
  select r.id, r.code, rv.title_en, rv.title_es, rv.title_zh, coalesce(ap.n, 0)::bigint, coalesce(ak.n, 0)::bigint,
         round(coalesce(ak.n, 0) * 100.0 / nullif(ap.n, 0), 1)
    from rules r
    left join public.regulation_versions rv on rv.regulation_id = r.id and rv.version_number = r.current_version
    left join applicable ap on ap.id = r.id
    left join acknowledged ak on ak.id = r.id
   order by r.code
$$;
comment on function public.dashboard_acknowledgements(uuid) is
  'Per published rule: the active people you may read it applies to, how many acknowledged the version in force, and the coverage in percent, optionally in a territory subtree. Through your RLS.';

-- =============================================================================
-- The ranking (managers and HR, when switched on)
-- =============================================================================
create or replace function public.dashboard_ranking(
  p_kpi uuid, p_year integer, p_from_month integer default 1, p_to_month integer default 12, p_territory uuid default null)
returns table (rank bigint, staff_id uuid, full_name text, territory_id uuid, target numeric, actual numeric, achievement numeric)
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
declare
  v_scope uuid[];
begin
  perform private.dashboard_check_period(p_year, p_from_month, p_to_month);
  if not private.allows_some('dashboards', 'rank') then
    raise exception using errcode = '42501', detail = 'not_allowed', message = 'Only managers and HR see the ranking.';
  end if;
  if not coalesce((select d.show_ranking from public.dashboard_settings d), false) then
    raise exception using errcode = '42501', detail = 'ranking_off', message = 'The ranking is switched off.';
  end if;
  -- The people of the territories one may rank (a manager's responsibility, everyone for HR).
  v_scope := private.territory_scope('dashboards', 'rank', false);
  return query
  with people as materialized (
    select s.id, s.full_name, s.territory_id
      from public.staff s
     where s.status <> 'left' and s.territory_id = any (v_scope)
       and (p_territory is null or s.territory_id in (
             select private.subtree(p_territory) as id))
  ),
  targets as (
    select tg.staff_id, sum((select sum(m) from unnest(tg.months[p_from_month:p_to_month]) m)) as amount
      from public.targets tg
     where tg.kpi_id = p_kpi and tg.year = p_year and tg.staff_id in (select id from people)
     group by tg.staff_id
  ),
  actuals as (
    select a.staff_id, sum(a.value) as amount
      from public.kpi_actuals a
     where a.kpi_id = p_kpi and a.month between make_date(p_year, p_from_month, 1) and make_date(p_year, p_to_month, 1)
       and a.staff_id in (select id from people)
     group by a.staff_id
  ),
  scored as (
    select p.id, p.full_name, p.territory_id, t.amount as target, coalesce(a.amount, 0) as actual,
           round(100 * coalesce(a.amount, 0) / t.amount, 1) as achievement
      from people p
      join targets t on t.staff_id = p.id and t.amount > 0
      left join actuals a on a.staff_id = p.id
  )
  select rank() over (order by s.achievement desc), s.id, s.full_name, s.territory_id,
         s.target::numeric(16,2), s.actual::numeric(16,2), s.achievement
    from scored s
   order by 1, s.full_name;
end;
$$;
comment on function public.dashboard_ranking(uuid, integer, integer, integer, uuid) is
  'People with a target of the KPI in the period, ranked by actual / target, within your rank scope (403 for anyone else, or when HR switched the ranking off), optionally in a territory subtree. Through your RLS.';

-- =============================================================================
-- Row-level security
-- =============================================================================
alter table public.dashboard_settings enable row level security;
create policy "people with dashboards read permission can read dashboard settings" on public.dashboard_settings
  for select to authenticated
  using ((select private.allows_some('dashboards', 'read')));
create policy "people with dashboards update permission can change dashboard settings" on public.dashboard_settings
  for update to authenticated
  using ((select private.allows_all('dashboards', 'update')))
  with check ((select private.allows_all('dashboards', 'update')));

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on public.dashboard_settings from anon, authenticated, service_role;
grant select on public.dashboard_settings to authenticated, service_role;
grant update (show_ranking, version) on public.dashboard_settings to authenticated, service_role;

revoke all on function private.dashboard_settings_before_write() from public;
revoke all on function private.add_sales_month_deltas(jsonb) from public;
revoke all on function private.refresh_first_sales(uuid[]) from public;
revoke all on function private.sales_keep_totals() from public;
revoke all on function private.payments_keep_totals() from public;
revoke all on function private.rebuild_sales_month_totals() from public;
revoke all on function private.sales_per_month(date, date, uuid) from public;
grant execute on function private.sales_per_month(date, date, uuid) to authenticated, service_role;
revoke all on private.sales_month_totals, private.customer_first_sales from public, anon, authenticated;
revoke all on function private.dashboard_check_period(integer, integer, integer) from public;
revoke all on function private.subtree(uuid) from public;
grant execute on function private.subtree(uuid) to authenticated, service_role;
grant execute on function private.dashboard_check_period(integer, integer, integer) to authenticated, service_role;

do $$
declare
  f text;
begin
  foreach f in array array[
    'public.dashboard_achievement(uuid, integer, integer, integer, uuid)',
    'public.dashboard_months(uuid, integer, uuid)',
    'public.dashboard_bands(uuid, date)',
    'public.dashboard_plans(uuid, integer)',
    'public.dashboard_overdue(uuid)',
    'public.dashboard_visit_compliance(date, date, uuid)',
    'public.dashboard_sales(integer, uuid)',
    'public.dashboard_outstanding(uuid)',
    'public.dashboard_violations(date, date, uuid)',
    'public.dashboard_acknowledgements(uuid)',
    'public.dashboard_ranking(uuid, integer, integer, integer, uuid)']
  loop
    execute format('revoke all on function %s from public, anon', f);
    execute format('grant execute on function %s to authenticated, service_role', f);
  end loop;
end;
$$;

select private.refresh_audit_read_policy();

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.permission_actions (code, is_write, label_en, label_es, label_zh, sort_order) values
  ('rank', false, 'Rank people', 'Clasificar personas', '排名', 120);
insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('dashboards', 'capability', '{all,territory,own}', 'Dashboards', 'Paneles', '仪表板', 40);
insert into public.resource_actions (resource, action)
select 'dashboards', a from unnest(array['read', 'update', 'rank']) a;

-- Everyone has a dashboard (its cards read through each table's own rules); managers rank the
-- people of their subtree, HR everyone, and HR switches the ranking on and off.
insert into public.role_permissions (role_code, resource, action, scope)
select 'hr_admin', 'dashboards', a, 'all'::public.permission_scope from unnest(array['read', 'update', 'rank']) a
union all
select 'manager', 'dashboards', a, 'territory' from unnest(array['read', 'rank']) a
union all
select 'auditor', 'dashboards', 'read', 'all'
union all
select 'salesperson', 'dashboards', 'read', 'own';
