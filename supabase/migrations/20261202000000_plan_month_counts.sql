-- Planned visits per person, territory and month, kept by statement triggers on
-- public.visit_plans, as private.visit_month_counts is for visits done: plan vs done reads a
-- row per person and month instead of every plan line (a line per customer).

-- ---------------------------------------------------------------------------------------
-- The counts
-- ---------------------------------------------------------------------------------------
create table private.visit_plan_month_counts (
  staff_id uuid not null,
  month date not null,
  territory_id uuid not null,
  n integer not null check (n >= 0),
  primary key (staff_id, month, territory_id)
);
comment on table private.visit_plan_month_counts is
  'Visits planned per salesperson, month and territory (the sum of the plan lines'' planned_visits), kept by triggers on public.visit_plans; plan vs done reads it.';
alter table private.visit_plan_month_counts enable row level security;
revoke all on private.visit_plan_month_counts from public, anon, authenticated;

insert into private.visit_plan_month_counts (staff_id, month, territory_id, n)
select vp.staff_id, vp.month, vp.territory_id, sum(vp.planned_visits)
  from public.visit_plans vp
 group by 1, 2, 3;

-- ---------------------------------------------------------------------------------------
-- Kept in step: one grouped update and one grouped upsert per statement
-- ---------------------------------------------------------------------------------------
create or replace function private.count_plan_months()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    with gone as (
      select o.staff_id, o.month, o.territory_id, sum(o.planned_visits) as n
        from old_rows o group by 1, 2, 3
    )
    update private.visit_plan_month_counts c set n = c.n - g.n
      from gone g
     where c.staff_id = g.staff_id and c.month = g.month and c.territory_id = g.territory_id;
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    insert into private.visit_plan_month_counts as c (staff_id, month, territory_id, n)
    select r.staff_id, r.month, r.territory_id, sum(r.planned_visits)
      from new_rows r group by 1, 2, 3
     order by 1, 2, 3
    on conflict (staff_id, month, territory_id) do update set n = c.n + excluded.n;
  end if;
  return null;
end;
$$;
comment on function private.count_plan_months() is
  'Trigger: keeps private.visit_plan_month_counts in step with the plan lines a statement inserts, changes or deletes.';
revoke execute on function private.count_plan_months() from public;

create trigger visit_plans_count_months_insert after insert on public.visit_plans
  referencing new table as new_rows for each statement execute function private.count_plan_months();
create trigger visit_plans_count_months_update after update on public.visit_plans
  referencing old table as old_rows new table as new_rows for each statement execute function private.count_plan_months();
create trigger visit_plans_count_months_delete after delete on public.visit_plans
  referencing old table as old_rows for each statement execute function private.count_plan_months();

-- ---------------------------------------------------------------------------------------
-- Plans per month read the counts, with the visit_plans read policy's rule
-- ---------------------------------------------------------------------------------------
create or replace function private.plans_per_month(p_staff uuid[], p_from date, p_to date)
returns table(staff_id uuid, month date, n bigint)
language sql
stable
security definer
set search_path = ''
as $$
  select c.staff_id, c.month, sum(c.n)::bigint
    from private.visit_plan_month_counts c
   where c.staff_id in (select unnest(p_staff))
     and c.month between p_from and p_to
     and ((select private.caller_bypasses_rls())
          or c.territory_id = any ((select private.territory_scope('visit_plans', 'read', false))::uuid[])
          or (c.staff_id = (select private.my_staff_id())
              and (select private.allowed_owner('visit_plans', 'read')) is not null))
   group by 1, 2
$$;
comment on function private.plans_per_month(p_staff uuid[], p_from date, p_to date) is
  'Planned visits per person and month between two dates, counting only plans the signed-in person may read (as the visit_plans read policy says).';
