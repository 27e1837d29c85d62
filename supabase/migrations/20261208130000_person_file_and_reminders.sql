-- The person's file (001) and reminders in the panel. The file brings one person's record
-- together: position and territory with their history, custom fields, targets and evaluations,
-- violations and rewards, attendance, training record, suggestions, plans and summaries. It is
-- read with the caller's own rights (security invoker), so each section shows only what the
-- matrix lets the caller read: a colleague sees less than the manager; the person sees all of
-- their own. The reminders are what is due for the signed-in person (the monthly plan by the
-- 3rd, summaries, an evaluation to acknowledge, an improvement plan's deadline, a required
-- training, rules to acknowledge, and for reviewers what waits for them), computed in the
-- database. The access explainer learns the new resources.

-- =============================================================================
-- The person's file
-- =============================================================================
-- (plpgsql: its plan is kept for the session, not made again on every call.)
create or replace function public.person_file(p_staff uuid)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return (
  with person as (
    select s.id, s.full_name, s.email::text as email, s.phone, s.status, s.hire_date, s.status_changed_on, s.custom_fields,
           s.position_id, p.title_en as position_en, p.title_es as position_es, p.title_zh as position_zh,
           s.territory_id, t.code as territory_code, t.name as territory_name,
           s.manager_id, m.full_name as manager_name, (s.user_id = (select auth.uid())) as is_me
      from public.staff s
      left join public.positions p on p.id = s.position_id
      left join public.territories t on t.id = s.territory_id
      left join public.staff m on m.id = s.manager_id
     where s.id = p_staff
  )
  select case when not exists (select 1 from person) then null else jsonb_build_object(
    'person', (select to_jsonb(x) from person x),
    'positions', coalesce((
      select jsonb_agg(jsonb_build_object('valid_from', a.valid_from, 'valid_to', a.valid_to,
                                          'position_en', p.title_en, 'position_es', p.title_es, 'position_zh', p.title_zh,
                                          'territory_code', t.code, 'manager_name', m.full_name)
                       order by a.valid_from desc)
        from public.staff_assignments a
        left join public.positions p on p.id = a.position_id
        left join public.territories t on t.id = a.territory_id
        left join public.staff m on m.id = a.manager_id
       where a.staff_id = p_staff), '[]'),
    'territories', coalesce((
      select jsonb_agg(jsonb_build_object('valid_from', a.valid_from, 'valid_to', a.valid_to, 'territory_code', t.code,
                                          'territory_name', t.name, 'reason', a.reason) order by a.valid_from desc)
        from public.territory_assignments a
        left join public.territories t on t.id = a.territory_id
       where a.staff_id = p_staff), '[]'),
    'targets', coalesce((
      select jsonb_agg(jsonb_build_object('kpi_code', k.code, 'kpi_en', k.name_en, 'kpi_es', k.name_es, 'kpi_zh', k.name_zh,
                                          'unit', k.unit, 'year', x.year,
                                          'total', (select sum(v) from unnest(x.months) v)) order by k.code)
        from public.targets x
        join public.kpis k on k.id = x.kpi_id
       where x.staff_id = p_staff and x.year = extract(year from current_date)), '[]'),
    'evaluations', coalesce((
      select jsonb_agg(e order by e.month desc)
        from (select e.id, e.month, e.status, e.total_score, b.code as band_code, e.band_outcome
                from public.evaluations e
                left join public.rating_bands b on b.id = e.band_id
               where e.staff_id = p_staff
               order by e.month desc limit 12) e), '[]'),
    'violations', coalesce((
      select jsonb_agg(v order by v.occurred_on desc)
        from (select v.id, v.occurred_on, v.status, v.description, r.code as regulation_code
                from public.violations v
                left join public.regulations r on r.id = v.regulation_id
               where v.staff_id = p_staff
               order by v.occurred_on desc limit 20) v), '[]'),
    'rewards', coalesce((
      select jsonb_agg(r order by r.awarded_on desc)
        from (select r.id, r.awarded_on, r.kind, r.amount, r.status, r.reason
                from public.rewards r
               where r.staff_id = p_staff
               order by r.awarded_on desc limit 20) r), '[]'),
    'attendance', coalesce((
      select jsonb_object_agg(a.mark, a.n)
        from (select a.mark, count(*) as n
                from public.meeting_attendance a
                join public.meetings m on m.id = a.meeting_id
               where a.staff_id = p_staff and a.mark is not null and m.held_on > current_date - 365
               group by a.mark) a), '{}'),
    'training', coalesce((
      select jsonb_agg(x order by x.held_on desc)
        from (select r.meeting_id, r.title, r.held_on, r.duration_minutes, r.trainer, r.mark, r.assessment_score,
                     r.pass_score, r.completed, tt.code as topic_code, tt.name_en as topic_en, tt.name_es as topic_es,
                     tt.name_zh as topic_zh
                from public.training_records r
                left join public.training_topics tt on tt.id = r.topic_id
               where r.staff_id = p_staff
               order by r.held_on desc limit 50) x), '[]'),
    'suggestions', coalesce((
      select jsonb_agg(x order by x.submitted_at desc)
        from (select s.id, s.title, s.area, s.status, s.submitted_at, s.author_hidden
                from (select v.id from public.suggestions v where v.staff_id = p_staff
                      union
                      select a.suggestion_id from public.suggestion_authors a where a.staff_id = p_staff) mine
                join public.suggestions s on s.id = mine.id
               order by s.submitted_at desc limit 20) x), '[]'),
    'plans', coalesce((
      select jsonb_agg(x order by x.month desc)
        from (select mp.id, mp.month, mp.status, mp.sales_target, mp.visits_planned
                from public.monthly_plans mp
               where mp.staff_id = p_staff
               order by mp.month desc limit 12) x), '[]'),
    'summaries', coalesce((
      select jsonb_agg(x order by x.period_start desc)
        from (select su.id, su.period, su.period_start, su.period_end, su.status, su.sales_amount, su.visits_done,
                     su.visits_planned
                from public.summaries su
               where su.staff_id = p_staff
               order by su.period_start desc limit 12) x), '[]')
  ) end);
end;
$$;
comment on function public.person_file(uuid) is
  'One person''s file: who they are (position, territory, manager, custom fields), position and territory history, this year''s targets, the last evaluations, violations and rewards, a year of attendance, the training record, suggestions, plans and summaries. Each section through the caller''s own policies (null when the caller may not read the person).';

-- =============================================================================
-- Reminders
-- =============================================================================
-- What is due for the signed-in person. Kinds: plan_due (this month's plan, by the 3rd),
-- summary_due (last month's by the 5th, last week's by Tuesday), evaluation_to_acknowledge,
-- improvement_plan_due (deadline within 14 days), training_required, rules_to_acknowledge (how
-- many), to_review (plans and summaries submitted in one's scope, how many). Security definer so
-- the bell costs a few index lookups, not every table's policies: it reads only the caller's own
-- records, each kind only when the caller's matrix lets them write or read that kind (their own
-- plans and summaries, their own evaluations), the rules that apply to them, and counts of what
-- waits in the scope where they may both read and update plans and summaries.
create or replace function private.my_reminders()
returns table (kind text, due_on date, overdue boolean, subject_id uuid, subject_date date, subject text, items integer)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
  -- (plpgsql: the plan is kept for the session; the bell asks every minute.)
  return query
  with me as materialized (
    select s.id, s.position_id, s.hire_date, private.is_sales_position(s.position_id) as sells,
           private.allows_some('monthly_plans', 'create') as writes_plans,
           private.allows_some('summaries', 'create') as writes_summaries,
           private.allows_some('evaluations', 'read') as reads_evaluations
      from public.staff s
     where s.user_id = (select auth.uid()) and s.status = 'active'
  ),
  today as (
    select current_date as d, date_trunc('month', current_date)::date as month,
           (date_trunc('week', current_date) - interval '7 days')::date as last_week
  ),
  -- The rules in force that apply to the caller's position.
  rules as materialized (
    select r.id, r.code, r.current_version
      from me
      join public.regulations r on r.current_version is not null and r.status <> 'retired'
       and (r.applies_to_all_positions
            or exists (select 1 from public.regulation_positions rp where rp.regulation_id = r.id and rp.position_id = me.position_id))
  ),
  -- Where the caller reviews: read and update scope of plans and of summaries.
  review as materialized (
    select a.all_plans, a.all_summaries,
           case when a.all_plans then '{}'::uuid[]
                else array(select unnest(private.territory_scope('monthly_plans', 'update', false))
                           intersect select unnest(private.territory_scope('monthly_plans', 'read', false))) end as plan_places,
           case when a.all_summaries then '{}'::uuid[]
                else array(select unnest(private.territory_scope('summaries', 'update', false))
                           intersect select unnest(private.territory_scope('summaries', 'read', false))) end as summary_places
      from (select private.allows_all('monthly_plans', 'update') and private.allows_all('monthly_plans', 'read') as all_plans,
                   private.allows_all('summaries', 'update') and private.allows_all('summaries', 'read') as all_summaries) a
  ),
  due as (
    select 'plan_due' as kind, today.month + 2 as due_on,
           (select mp.id from public.monthly_plans mp where mp.staff_id = me.id and mp.month = today.month) as subject_id,
           today.month as subject_date, null::text as subject, 1 as items
      from me cross join today
     where me.sells and me.writes_plans and me.hire_date <= today.d
       and not exists (select 1 from public.monthly_plans mp
                        where mp.staff_id = me.id and mp.month = today.month and mp.status <> 'draft')
    union all
    select 'summary_due', today.month + 4,
           (select su.id from public.summaries su where su.staff_id = me.id and su.period = 'month'
                                                   and su.period_start = (today.month - interval '1 month')::date),
           (today.month - interval '1 month')::date, 'month', 1
      from me cross join today
     where me.sells and me.writes_summaries and me.hire_date < today.month
       and not exists (select 1 from public.summaries su
                        where su.staff_id = me.id and su.period = 'month'
                          and su.period_start = (today.month - interval '1 month')::date and su.status <> 'draft')
    union all
    select 'summary_due', today.last_week + 8,
           (select su.id from public.summaries su where su.staff_id = me.id and su.period = 'week' and su.period_start = today.last_week),
           today.last_week, 'week', 1
      from me cross join today
     where me.sells and me.writes_summaries and me.hire_date < today.last_week
       and not exists (select 1 from public.summaries su
                        where su.staff_id = me.id and su.period = 'week' and su.period_start = today.last_week
                          and su.status <> 'draft')
    union all
    select 'evaluation_to_acknowledge', null::date, e.id, e.month, null, 1
      from me join public.evaluations e on e.staff_id = me.id and e.status = 'approved'
     where me.reads_evaluations
    union all
    select 'improvement_plan_due', ip.deadline, e.id, e.month, left(ip.areas, 120), 1
      from me
      join public.evaluations e on e.staff_id = me.id
      join public.improvement_plans ip on ip.evaluation_id = e.id
     where me.reads_evaluations and ip.completed_on is null and ip.deadline <= current_date + 14
    union all
    select 'training_required', me.hire_date + rt.due_within_days, x.id, null, x.code, 1
      from me
      join rules x on true
      join public.regulation_trainings rt on rt.regulation_id = x.id
     where not exists (select 1 from private.trainings_completed(array[me.id], '1900-01-01', '2999-12-31', rt.topic_id))
    union all
    select 'rules_to_acknowledge', null, null, null, null, count(*)::integer
      from me
      join rules x on true
     where not exists (select 1 from public.acknowledgements a
                        where a.regulation_id = x.id and a.version_number = x.current_version and a.staff_id = me.id)
    having count(*) > 0
    union all
    -- Each branch an index-only scan of the submitted ones (everyone's, or per place).
    select 'to_review', null, null, null, null, count(*)::integer
      from review v
     cross join lateral (
       select mp.staff_id from public.monthly_plans mp where v.all_plans and mp.status = 'submitted'
       union all
       select mp.staff_id from unnest(v.plan_places) p(id)
         join public.monthly_plans mp on mp.territory_id = p.id and mp.status = 'submitted'
        where not v.all_plans
       union all
       select su.staff_id from public.summaries su where v.all_summaries and su.status = 'submitted'
       union all
       select su.staff_id from unnest(v.summary_places) p(id)
         join public.summaries su on su.territory_id = p.id and su.status = 'submitted'
        where not v.all_summaries) w
     where w.staff_id is distinct from (select m.id from me m)
    having count(*) > 0
  )
  select d.kind, d.due_on, coalesce(d.due_on < current_date, false), d.subject_id, d.subject_date, d.subject, d.items
    from due d
   order by d.due_on nulls last, d.kind;
end;
$$;
comment on function private.my_reminders() is
  'What is due for the signed-in person: this month''s plan (by the 3rd), last month''s and last week''s summaries, evaluations to acknowledge, improvement plans whose deadline is near, required trainings, rules to acknowledge (how many), and plans and summaries waiting for their review (how many). Only the caller''s own records, each kind as their matrix lets them see it, and counts in the scope where they may read and update plans and summaries.';

create or replace function public.my_reminders()
returns table (kind text, due_on date, overdue boolean, subject_id uuid, subject_date date, subject text, items integer)
language sql
stable
set search_path = ''
as $$
  select * from private.my_reminders()
$$;
comment on function public.my_reminders() is
  'What is due for the signed-in person (the bell''s list): see private.my_reminders.';

create or replace function public.my_reminder_count()
returns integer
language sql
stable
set search_path = ''
as $$
  select coalesce(sum(r.items), 0)::integer from private.my_reminders() r
$$;
comment on function public.my_reminder_count() is 'How many things are due for the signed-in person (the bell''s number).';

-- The review queue counts submitted plans and summaries by territory.
create index monthly_plans_submitted_idx on public.monthly_plans (territory_id) include (staff_id) where status = 'submitted';
create index summaries_submitted_idx on public.summaries (territory_id) include (staff_id) where status = 'submitted';

-- =============================================================================
-- The access explainer learns suggestions, plans and summaries
-- =============================================================================
CREATE OR REPLACE FUNCTION private.record_facts(p_resource text, p_action text, p_row jsonb, p_user uuid)
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
    when 'personal_goals', 'monthly_plans', 'summaries' then
      select s.user_id into v_staff from public.staff s where s.id = (p_row ->> 'staff_id')::uuid;
      return query select (p_row ->> 'territory_id')::uuid, true,
                          p_user is not null and v_staff.user_id is not distinct from p_user, true;
    when 'targets', 'kpi_actuals', 'evaluations', 'rewards', 'violations' then
      select s.user_id into v_staff from public.staff s where s.id = (p_row ->> 'staff_id')::uuid;
      return query select (p_row ->> 'territory_id')::uuid, true,
                          p_user is not null and v_staff.user_id is not distinct from p_user, p_action = 'read';
    when 'meetings' then
      v_mine := p_user is not null and (
        case when p_row ? 'staff_id'
             then exists (select 1 from public.staff s where s.id = (p_row ->> 'staff_id')::uuid and s.user_id = p_user)
             else exists (select 1 from public.meeting_attendance a join public.staff s on s.id = a.staff_id
                           where a.meeting_id = (p_row ->> 'id')::uuid and s.user_id = p_user) end);
      return query select (p_row ->> 'territory_id')::uuid, true, v_mine, p_action = 'read';
    when 'discount_requests' then
      -- Asking is in one's own territory; reading, changing and withdrawing one's own request.
      v_own_territory := p_user is not null and (p_row ->> 'territory_id')::uuid in (select private.own_territories(p_user));
      v_mine := p_user is not null
                and exists (select 1 from public.staff s where s.id = (p_row ->> 'requested_by')::uuid and s.user_id = p_user);
      return query select (p_row ->> 'territory_id')::uuid, true,
                          case when p_action = 'create' then v_own_territory else v_mine end,
                          p_action in ('read', 'create', 'update', 'delete');
    when 'suggestions' then
      -- Submitting is one's own; one reads the suggestions one wrote, hidden or not.
      v_mine := p_user is not null and exists (
        select 1 from public.suggestion_authors a join public.staff s on s.id = a.staff_id
         where a.suggestion_id = (p_row ->> 'id')::uuid and s.user_id = p_user);
      return query select (p_row ->> 'territory_id')::uuid, true,
                          case when p_action = 'create' then p_user is not null else v_mine end,
                          p_action in ('read', 'create');
    else
      return query select null::uuid, false, false, false;
  end case;
end;
$function$;

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function public.person_file(uuid) from public, anon;
grant execute on function public.person_file(uuid) to authenticated, service_role;
revoke all on function private.my_reminders() from public;
grant execute on function private.my_reminders() to authenticated, service_role;
revoke all on function public.my_reminders() from public, anon;
grant execute on function public.my_reminders() to authenticated, service_role;
revoke all on function public.my_reminder_count() from public, anon;
grant execute on function public.my_reminder_count() to authenticated, service_role;
