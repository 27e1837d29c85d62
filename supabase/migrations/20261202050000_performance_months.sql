-- A person's targets against actuals month by month for a year ("My performance", and the
-- person's page), with their own goal beside the company's target (003 ch.4: the annual summary
-- reports both): the target of each month (their rows in every territory they held), the
-- stored actual (computed when the month was evaluated, entered or imported) or, for a month
-- not yet evaluated, the KPI's measure computed now. Read as the caller: targets, actuals and
-- goals through RLS, measures only for people the caller may read.

-- =============================================================================
-- Tables
-- =============================================================================
create table public.personal_goals (
  id uuid primary key default gen_random_uuid(),
  staff_id uuid not null references public.staff (id) on delete cascade,
  kpi_id uuid not null references public.kpis (id) on delete restrict,
  year smallint not null check (year between 2000 and 2100),
  -- January to December; a month without a goal is null.
  months numeric(16, 2)[] not null default array_fill(null::numeric(16, 2), array[12]) check (
    array_ndims(months) = 1 and cardinality(months) = 12 and 0 <= all (months)),
  note text not null default '' check (length(note) <= 1000),
  -- The person's territory (set by the database; the scope it is read in).
  territory_id uuid not null references public.territories (id) on delete restrict,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint personal_goals_once unique (staff_id, kpi_id, year)
);
comment on table public.personal_goals is
  'A person''s own monthly goals for a KPI and year, beside the company''s target; territory_id is set by the database.';

create index personal_goals_kpi_idx on public.personal_goals (kpi_id);
create index personal_goals_territory_idx on public.personal_goals (territory_id, year);

create or replace function private.personal_goal_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and (new.staff_id, new.kpi_id, new.year) is distinct from (old.staff_id, old.kpi_id, old.year) then
    raise exception using errcode = '23514', detail = 'goal_key_fixed', message = 'A goal''s person, KPI and year cannot change.';
  end if;
  select s.territory_id into new.territory_id from public.staff s where s.id = new.staff_id;
  if new.territory_id is null then
    raise exception using errcode = '23514', detail = 'goal_person_without_territory',
      message = 'This person has no territory; goals are kept by territory.';
  end if;
  return new;
end;
$$;
comment on function private.personal_goal_before_write() is 'Trigger: a goal''s key is fixed and its territory is its person''s.';

create trigger personal_goals_touch before insert or update on public.personal_goals for each row execute function private.touch_row();
create trigger personal_goals_before_write before insert or update on public.personal_goals
  for each row execute function private.personal_goal_before_write();
select private.enable_audit('public.personal_goals');

-- =============================================================================
-- Row-level security
-- =============================================================================
alter table public.personal_goals enable row level security;

create policy "people with personal_goals read permission in scope or their own can read goals" on public.personal_goals
  for select to authenticated
  using (
    territory_id = any ((select private.territory_scope('personal_goals', 'read', false))::uuid[])
    or (staff_id = (select private.my_staff_id()) and (select private.allowed_owner('personal_goals', 'read')) is not null)
  );
create policy "people with personal_goals create permission set their own goals" on public.personal_goals
  for insert to authenticated
  with check (
    territory_id = any ((select private.territory_scope('personal_goals', 'create', false))::uuid[])
    or (staff_id = (select private.my_staff_id()) and (select private.allowed_owner('personal_goals', 'create')) is not null)
  );
create policy "people with personal_goals update permission change their own goals" on public.personal_goals
  for update to authenticated
  using (
    territory_id = any ((select private.territory_scope('personal_goals', 'update', false))::uuid[])
    or (staff_id = (select private.my_staff_id()) and (select private.allowed_owner('personal_goals', 'update')) is not null)
  )
  with check (
    territory_id = any ((select private.territory_scope('personal_goals', 'update', false))::uuid[])
    or (staff_id = (select private.my_staff_id()) and (select private.allowed_owner('personal_goals', 'update')) is not null)
  );
create policy "people with personal_goals delete permission remove their own goals" on public.personal_goals
  for delete to authenticated
  using (
    territory_id = any ((select private.territory_scope('personal_goals', 'delete', false))::uuid[])
    or (staff_id = (select private.my_staff_id()) and (select private.allowed_owner('personal_goals', 'delete')) is not null)
  );

-- =============================================================================
-- Public functions
-- =============================================================================
create or replace function public.performance_months(p_staff uuid, p_year integer)
returns table (kpi_id uuid, month integer, target numeric, actual numeric, source text, goal numeric)
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
  goals as (
    select g.kpi_id, m.m, g.months[m.m] as goal
      from public.personal_goals g cross join months m
     where g.staff_id = p_staff and g.year = p_year
  ),
  stored as (
    select a.kpi_id, extract(month from a.month)::integer as m, a.value, a.source::text as source
      from public.kpi_actuals a
     where a.staff_id = p_staff and a.month >= make_date(p_year, 1, 1) and a.month < make_date(p_year + 1, 1, 1)
  ),
  used as (
    select distinct x.kpi_id from targeted x union select distinct s.kpi_id from stored s
    union select distinct g.kpi_id from goals g
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
         case when s.value is not null then s.source when l.value is not null then 'live' end,
         g.goal
    from used u
   cross join months m
    left join targeted tg on tg.kpi_id = u.kpi_id and tg.m = m.m
    left join stored s on s.kpi_id = u.kpi_id and s.m = m.m
    left join live l on l.kpi_id = u.kpi_id and l.m = m.m
    left join goals g on g.kpi_id = u.kpi_id and g.m = m.m
   order by u.kpi_id, m.m;
end;
$$;
comment on function public.performance_months(uuid, integer) is
  'A person''s target, actual and own goal per KPI and month of a year, as the caller may read them: stored actuals, or for months not evaluated yet the measure computed now (source live).';

-- =============================================================================
-- Grants (functions)
-- =============================================================================
revoke all on function public.performance_months(uuid, integer) from public, anon;
grant execute on function public.performance_months(uuid, integer) to authenticated, service_role;

-- =============================================================================
-- The explainer and impact counts
-- =============================================================================
-- As before, with goals: in the person's territory, and one's own for every action.
create or replace function private.record_facts(p_resource text, p_action text, p_row jsonb, p_user uuid)
 RETURNS TABLE(territory_id uuid, territory_applies boolean, is_own boolean, own_applies boolean)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_staff record;
  v_own_territory boolean;
  v_mine boolean;
begin
  case p_resource
    when 'staff' then
      return query select (p_row ->> 'territory_id')::uuid, true,
                          (p_row ->> 'user_id')::uuid is not distinct from p_user and p_user is not null,
                          p_action in ('read', 'update');
    when 'territories' then
      return query select case when p_action = 'create' then (p_row ->> 'parent_id')::uuid else (p_row ->> 'id')::uuid end, true,
                          (p_row ->> 'id')::uuid in (select private.own_territories(p_user)),
                          p_action = 'read';
    when 'territory_assignments' then
      select s.user_id into v_staff from public.staff s where s.id = (p_row ->> 'staff_id')::uuid;
      return query select (p_row ->> 'territory_id')::uuid, p_action in ('read', 'update'),
                          v_staff.user_id is not distinct from p_user and p_user is not null, p_action = 'read';
    when 'profiles' then
      return query select null::uuid, false, (p_row ->> 'id')::uuid = p_user, p_action in ('read', 'update');
    when 'user_roles' then
      return query select null::uuid, false, (p_row ->> 'user_id')::uuid = p_user, p_action = 'read';
    when 'acknowledgements' then
      select s.user_id, s.territory_id into v_staff from public.staff s where s.id = (p_row ->> 'staff_id')::uuid;
      return query select v_staff.territory_id, true, v_staff.user_id is not distinct from p_user and p_user is not null, true;
    when 'regulations' then
      return query select null::uuid, false,
        exists (select 1 from public.regulations r
                 where r.id = (p_row ->> 'id')::uuid and r.current_version is not null
                   and (r.applies_to_all_positions
                        or exists (select 1 from public.regulation_positions rp join public.staff s on s.position_id = rp.position_id
                                    where rp.regulation_id = r.id and s.user_id = p_user and s.status <> 'left'))),
        p_action = 'read';
    when 'customers', 'visits', 'visit_plans', 'sales', 'payments' then
      v_own_territory := p_user is not null and (p_row ->> 'territory_id')::uuid in (select private.own_territories(p_user));
      v_mine := p_user is not null
                and exists (select 1 from public.staff s where s.id = (p_row ->> 'staff_id')::uuid and s.user_id = p_user);
      return query select (p_row ->> 'territory_id')::uuid, true,
        case p_resource
          when 'customers' then v_own_territory
          when 'visits' then v_own_territory and (p_action = 'read' or v_mine)
          when 'visit_plans' then case when p_action = 'read' then v_mine else v_own_territory and v_mine end
          else v_own_territory
        end,
        case p_resource
          when 'customers' then p_action in ('read', 'create', 'update')
          when 'visits' then p_action in ('read', 'create', 'update')
          when 'visit_plans' then true
          else p_action = 'read'
        end;
    when 'personal_goals' then
      select s.user_id into v_staff from public.staff s where s.id = (p_row ->> 'staff_id')::uuid;
      return query select (p_row ->> 'territory_id')::uuid, true,
                          p_user is not null and v_staff.user_id is not distinct from p_user, true;
    when 'targets', 'kpi_actuals', 'evaluations' then
      select s.user_id into v_staff from public.staff s where s.id = (p_row ->> 'staff_id')::uuid;
      return query select (p_row ->> 'territory_id')::uuid, true,
                          p_user is not null and v_staff.user_id is not distinct from p_user, p_action = 'read';
    else
      return query select null::uuid, false, false, false;
  end case;
end;
$function$;

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.personal_goal_before_write() from public;
revoke all on public.personal_goals from anon, authenticated, service_role;
grant select, insert, update, delete on public.personal_goals to authenticated, service_role;

select private.refresh_audit_read_policy();

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('personal_goals', 'table', '{all,territory,own}', 'Own goals', 'Metas propias', '个人目标', 435);
insert into public.resource_actions (resource, action)
select 'personal_goals', a from unnest(array['read', 'create', 'update', 'delete']) a;

-- A person sets their own goals; their manager (subtree), HR and the auditor read them.
insert into public.role_permissions (role_code, resource, action, scope)
select 'salesperson', 'personal_goals', a, 'own'::public.permission_scope from unnest(array['read', 'create', 'update', 'delete']) a
union all
select 'manager', 'personal_goals', 'read', 'territory'
union all
select r, 'personal_goals', 'read', 'all' from unnest(array['hr_admin', 'auditor']) r;
