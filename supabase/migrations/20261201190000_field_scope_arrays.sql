-- Field data read through its territory index.
-- The read policies on customers, visits, sales, credits, payments and plans said "everything,
-- or a territory in this set, or in that set": an OR the planner cannot answer from an index,
-- so every list and count read the whole table and tested each row (a salesperson's 118
-- customers cost a scan of 100,000; their visits a scan of 500,000). The same rule is now one
-- array of territories, worked out once per statement (every territory for people who see all
-- of them), and `territory_id = any (array)` is answered from the territory index, in one
-- descent per territory. Who may read what is unchanged; tests/db/matrix-walk.test.ts and
-- field-data.test.ts check it both ways for every role. Plan vs done counts visits from
-- monthly counts kept by trigger, and plans through a staff index.

-- =============================================================================
-- The scope as an array
-- =============================================================================
-- private.territory_scope: the territories whose rows the signed-in person may touch for
-- resource x action: every territory for scope 'all'; else those they are responsible for
-- ('territory'), and their own staff record's territory ('own', unless p_with_own is false).
create or replace function private.territory_scope(p_resource text, p_action text, p_with_own boolean default true)
returns uuid[]
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_scopes public.permission_scope[] := private.my_scopes(p_resource, p_action);
  v_user uuid := (select auth.uid());
begin
  if 'all' = any (v_scopes) then
    return array(select t.id from public.territories t);
  end if;
  return array(
    select r.id from unnest(private.responsible_territories(v_user)) r(id) where 'territory' = any (v_scopes)
    union
    select s.territory_id from public.staff s
     where p_with_own and 'own' = any (v_scopes) and s.user_id = v_user and s.territory_id is not null);
end;
$$;
comment on function private.territory_scope(text, text, boolean) is
  'Policy helper: the territories whose rows the signed-in person may touch for this action, as one array (every territory for scope all; with their own territory for scope own unless p_with_own is false).';
revoke execute on function private.territory_scope(text, text, boolean) from public;
grant execute on function private.territory_scope(text, text, boolean) to authenticated;

-- =============================================================================
-- Read policies
-- =============================================================================
drop policy "people with customers read permission in scope can read customers" on public.customers;
create policy "people with customers read permission in scope can read customers" on public.customers
  for select to authenticated
  using (territory_id = any ((select private.territory_scope('customers', 'read'))::uuid[]));

drop policy "people with visits read permission in scope can read visits" on public.visits;
create policy "people with visits read permission in scope can read visits" on public.visits
  for select to authenticated
  using (territory_id = any ((select private.territory_scope('visits', 'read'))::uuid[]));

drop policy "people with sales read permission in scope can read sales" on public.sales;
create policy "people with sales read permission in scope can read sales" on public.sales
  for select to authenticated
  using (territory_id = any ((select private.territory_scope('sales', 'read'))::uuid[]));

drop policy "people with sales read permission in scope can read credits" on public.sale_credits;
create policy "people with sales read permission in scope can read credits" on public.sale_credits
  for select to authenticated
  using (territory_id = any ((select private.territory_scope('sales', 'read'))::uuid[]));

drop policy "people with payments read permission in scope can read payments" on public.payments;
create policy "people with payments read permission in scope can read payments" on public.payments
  for select to authenticated
  using (territory_id = any ((select private.territory_scope('payments', 'read'))::uuid[]));

-- Plans: a salesperson's own plan is theirs by staff record, not by territory.
drop policy "people with visit_plans read permission in scope can read plans" on public.visit_plans;
create policy "people with visit_plans read permission in scope can read plans" on public.visit_plans
  for select to authenticated
  using (
    territory_id = any ((select private.territory_scope('visit_plans', 'read', false))::uuid[])
    or (staff_id = (select private.my_staff_id()) and (select private.allowed_owner('visit_plans', 'read')) is not null)
  );

-- =============================================================================
-- Plan vs done
-- =============================================================================
-- Counting a month's visits and plans for the people listed. A policy's array test runs per
-- row, and for people who see every territory that is a thousand comparisons a row: these
-- helpers count first and test the scope (the caller's own read scope, as the policies say)
-- on the counts, visits from monthly counts kept by trigger. Nothing is counted that the
-- caller could not read.
-- Whether the role running the statement reads past RLS (the service role, the database's
-- own roles): the counts below are then of every row, as a table read would be.
create or replace function private.caller_bypasses_rls()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select r.rolbypassrls or r.rolsuper from pg_catalog.pg_roles r
                    where r.rolname = coalesce(nullif(current_setting('role'), 'none'), session_user)), false)
$$;
comment on function private.caller_bypasses_rls() is
  'True when the role the statement runs as (SET ROLE, else the login) bypasses row-level security.';
revoke execute on function private.caller_bypasses_rls() from public;
grant execute on function private.caller_bypasses_rls() to authenticated, service_role;

-- Visits per person, territory and month, kept by the visits' statement triggers (one
-- grouped upsert per statement, so an import of thousands of visits adds one statement).
create table private.visit_month_counts (
  staff_id uuid not null,
  month date not null,
  territory_id uuid not null,
  n integer not null check (n >= 0),
  primary key (staff_id, month, territory_id)
);
comment on table private.visit_month_counts is
  'Visits per salesperson, month and territory (the territory of the visit), kept by triggers on public.visits; plan vs done reads it.';
alter table private.visit_month_counts enable row level security;
revoke all on private.visit_month_counts from public, anon, authenticated;

insert into private.visit_month_counts (staff_id, month, territory_id, n)
select v.staff_id, date_trunc('month', v.visited_on::timestamp)::date, v.territory_id, count(*)
  from public.visits v
 group by 1, 2, 3;

create or replace function private.count_visit_months()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    with gone as (
      select o.staff_id, date_trunc('month', o.visited_on::timestamp)::date as month, o.territory_id, count(*) as n
        from old_rows o group by 1, 2, 3
    )
    update private.visit_month_counts c set n = c.n - g.n
      from gone g
     where c.staff_id = g.staff_id and c.month = g.month and c.territory_id = g.territory_id;
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    insert into private.visit_month_counts as c (staff_id, month, territory_id, n)
    select r.staff_id, date_trunc('month', r.visited_on::timestamp)::date, r.territory_id, count(*)
      from new_rows r group by 1, 2, 3
     order by 1, 2, 3
    on conflict (staff_id, month, territory_id) do update set n = c.n + excluded.n;
  end if;
  return null;
end;
$$;
comment on function private.count_visit_months() is 'Trigger: keeps private.visit_month_counts in step with the visits a statement inserts, changes or deletes.';
revoke execute on function private.count_visit_months() from public;

create trigger visits_count_months_insert after insert on public.visits
  referencing new table as new_rows for each statement execute function private.count_visit_months();
create trigger visits_count_months_update after update on public.visits
  referencing old table as old_rows new table as new_rows for each statement execute function private.count_visit_months();
create trigger visits_count_months_delete after delete on public.visits
  referencing old table as old_rows for each statement execute function private.count_visit_months();

create or replace function private.visits_per_month(p_staff uuid[], p_from_month date, p_to_month date)
returns table(staff_id uuid, month date, n bigint)
language sql
stable
security definer
set search_path = ''
as $$
  select c.staff_id, c.month, sum(c.n)::bigint
    from private.visit_month_counts c
   where c.staff_id in (select unnest(p_staff))
     and c.month between p_from_month and p_to_month
     and ((select private.caller_bypasses_rls())
          or c.territory_id = any ((select private.territory_scope('visits', 'read'))::uuid[]))
   group by 1, 2
$$;
comment on function private.visits_per_month(uuid[], date, date) is
  'Visits per person and month (months p_from_month to p_to_month), counting only visits the signed-in person may read (their visits read scope).';
revoke execute on function private.visits_per_month(uuid[], date, date) from public;
grant execute on function private.visits_per_month(uuid[], date, date) to authenticated, service_role;

create or replace function private.plans_per_month(p_staff uuid[], p_from date, p_to date)
returns table(staff_id uuid, month date, n bigint)
language sql
stable
security definer
set search_path = ''
as $$
  with summed as materialized (
    select vp.staff_id, vp.month, vp.territory_id, sum(vp.planned_visits) as n
      from public.visit_plans vp
     where vp.staff_id in (select unnest(p_staff))
       and vp.month between p_from and p_to
     group by 1, 2, 3
  )
  select s.staff_id, s.month, sum(s.n)::bigint
    from summed s
   where (select private.caller_bypasses_rls())
      or s.territory_id = any ((select private.territory_scope('visit_plans', 'read', false))::uuid[])
      or (s.staff_id = (select private.my_staff_id()) and (select private.allowed_owner('visit_plans', 'read')) is not null)
   group by 1, 2
$$;
comment on function private.plans_per_month(uuid[], date, date) is
  'Planned visits per person and month between two dates, counting only plans the signed-in person may read (as the visit_plans read policy says).';
revoke execute on function private.plans_per_month(uuid[], date, date) from public;
grant execute on function private.plans_per_month(uuid[], date, date) to authenticated, service_role;

create or replace function public.visit_plan_vs_done(p_from date, p_to date, p_territory uuid default null)
returns table(month date, staff_id uuid, full_name text, territory_id uuid, planned bigint, done bigint)
language sql
stable
set search_path = ''
as $$
  with months as (
    select m::date as month
      from generate_series(date_trunc('month', p_from), date_trunc('month', least(p_to, p_from + 1830)), interval '1 month') m
  ),
  sub as (
    select s.id from public.territories s, public.territories root
     where root.id = p_territory and s.path operator(extensions.<@) root.path
  ),
  -- The salespeople listed: those the caller may read (staff RLS).
  people as materialized (
    select s.id, s.full_name, s.territory_id
      from public.staff s
      join public.positions pos on pos.id = s.position_id and pos.default_role_code = 'salesperson'
     where s.status <> 'left' and s.territory_id is not null
       and (p_territory is null or s.territory_id in (select id from sub))
  ),
  ids as (select coalesce(array_agg(id), '{}') as a from people),
  planned as (
    select c.* from ids, private.plans_per_month(ids.a, date_trunc('month', p_from)::date, p_to) c
  ),
  done as (
    select c.* from ids,
           private.visits_per_month(ids.a, date_trunc('month', p_from)::date, date_trunc('month', p_to)::date) c
  )
  select m.month, p.id, p.full_name, p.territory_id, coalesce(pl.n, 0)::bigint, coalesce(d.n, 0)::bigint
    from months m
   cross join people p
    left join planned pl on pl.staff_id = p.id and pl.month = m.month
    left join done d on d.staff_id = p.id and d.month = m.month
   order by m.month, p.full_name
$$;

-- =============================================================================
-- Indexes
-- =============================================================================
-- Plans by person and month, carrying what plan vs done sums (an index-only read).
create index visit_plans_staff_idx on public.visit_plans (staff_id, month) include (territory_id, planned_visits);
-- Customers by tier within the reader's territories: the overdue list starts from the tiers
-- that have a visit interval and reads only the reader's customers in them.
drop index public.customers_tier_idx;
create index customers_tier_idx on public.customers (tier_id, territory_id);
