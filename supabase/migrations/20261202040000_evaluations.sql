-- Evaluations: assignments kept as history, actuals per person, KPI and month, and the
-- monthly evaluation computed set-based and moved through its workflow (seeds 000 §7, 002 §5).
--
-- Each person's position, manager and territory are kept effective-dated (staff_assignments,
-- kept by trigger from the staff record), so a promotion or a move is history, not an
-- overwrite. Actuals are computed by each KPI's measure, entered (manual KPIs) or imported,
-- and store the assignment they were computed under. run_evaluations computes, for a month
-- and a territory subtree, every evaluated person's draft: the template in force for the
-- position they held, per-KPI target (from the targets), actual, achievement, the weighted
-- total and the band, in a few set-based statements. The workflow moves an evaluation from
-- draft to submitted (by a manager, with the manual scores and a comment) to approved (by the
-- next level: someone other than the submitter whose reach starts above the submitter's; an
-- improvement-plan band needs a plan) to acknowledged (by the person, with a comment). Rows
-- change only through these functions, which check the matrix themselves.

-- =============================================================================
-- Types
-- =============================================================================
create type public.kpi_actual_source as enum ('computed', 'entered', 'imported');
create type public.evaluation_status as enum ('draft', 'submitted', 'approved', 'acknowledged');

-- =============================================================================
-- Tables
-- =============================================================================
create table public.staff_assignments (
  id uuid primary key default gen_random_uuid(),
  staff_id uuid not null references public.staff (id) on delete cascade,
  position_id uuid not null references public.positions (id) on delete restrict,
  manager_id uuid references public.staff (id) on delete set null,
  territory_id uuid references public.territories (id) on delete restrict,
  valid_from date not null,
  valid_to date,
  created_at timestamptz not null default now(),
  constraint staff_assignments_order check (valid_to is null or valid_to > valid_from),
  constraint staff_assignments_no_overlap exclude using gist (staff_id with =, daterange(valid_from, valid_to) with &&)
);
comment on table public.staff_assignments is
  'Each person''s position, manager and territory over time (from, to; open = current), kept by the database from the staff record: promotions and moves are history, not overwrites.';

create table public.kpi_actuals (
  id uuid primary key default gen_random_uuid(),
  staff_id uuid not null references public.staff (id) on delete restrict,
  kpi_id uuid not null references public.kpis (id) on delete restrict,
  month date not null check (extract(day from month) = 1),
  value numeric(16, 2) not null check (value >= 0),
  source public.kpi_actual_source not null default 'entered',
  -- The assignment the actual belongs to (set by the database).
  territory_id uuid not null references public.territories (id) on delete restrict,
  position_id uuid not null references public.positions (id) on delete restrict,
  note text not null default '' check (length(note) <= 1000),
  recorded_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint kpi_actuals_once unique (staff_id, kpi_id, month)
);
comment on table public.kpi_actuals is
  'Actuals per person, KPI and month: computed by the KPI''s measure, entered by a manager, or imported; with the territory and position the person held that month (set by the database).';

create table public.evaluations (
  id uuid primary key default gen_random_uuid(),
  staff_id uuid not null references public.staff (id) on delete restrict,
  month date not null check (extract(day from month) = 1),
  template_id uuid not null references public.evaluation_templates (id) on delete restrict,
  -- The assignment it was computed under.
  position_id uuid not null references public.positions (id) on delete restrict,
  territory_id uuid not null references public.territories (id) on delete restrict,
  manager_id uuid references public.staff (id) on delete set null,
  status public.evaluation_status not null default 'draft',
  total_score numeric(6, 2),
  band_id uuid references public.rating_bands (id) on delete restrict,
  band_outcome public.band_outcome,
  manager_comment text not null default '' check (length(manager_comment) <= 4000),
  person_comment text not null default '' check (length(person_comment) <= 4000),
  return_reason text not null default '' check (length(return_reason) <= 1000),
  computed_at timestamptz,
  submitted_by uuid references public.profiles (id) on delete set null,
  submitted_at timestamptz,
  approved_by uuid references public.profiles (id) on delete set null,
  approved_at timestamptz,
  acknowledged_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint evaluations_once unique (staff_id, month)
);
comment on table public.evaluations is
  'A person''s evaluation for a month: the template, position, territory and manager it was computed under, the total and band, and its workflow (draft, submitted, approved, acknowledged) with who and when. Written only by the evaluation functions.';

create table public.evaluation_lines (
  id uuid primary key default gen_random_uuid(),
  evaluation_id uuid not null references public.evaluations (id) on delete cascade,
  kpi_id uuid not null references public.kpis (id) on delete restrict,
  weight numeric(5, 2) not null,
  cap_percent numeric(6, 2) not null,
  floor_percent numeric(6, 2),
  sort_order integer not null default 100,
  target numeric(16, 2),
  actual numeric(16, 2),
  -- A qualitative KPI's score on its scale, given by the manager.
  manual_score numeric(4, 2),
  achievement numeric(6, 2),
  constraint evaluation_lines_once unique (evaluation_id, kpi_id)
);
comment on table public.evaluation_lines is
  'An evaluation''s KPIs as computed: weight, cap and floor from the template, target, actual (or the manager''s score on the scale) and the achievement.';

create table public.improvement_plans (
  id uuid primary key default gen_random_uuid(),
  evaluation_id uuid not null unique references public.evaluations (id) on delete restrict,
  areas text not null check (length(btrim(areas)) between 3 and 2000),
  actions text not null check (length(btrim(actions)) between 3 and 4000),
  deadline date not null,
  follow_up_owner_id uuid not null references public.staff (id) on delete restrict,
  completed_on date,
  created_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.improvement_plans is
  'The improvement plan an evaluation in an improvement-plan band is approved with: areas, actions, deadline and who follows it up; completed_on marks it done (met when by the deadline).';

create index staff_assignments_staff_idx on public.staff_assignments (staff_id, valid_from desc);
create index staff_assignments_position_idx on public.staff_assignments (position_id);
create index staff_assignments_manager_idx on public.staff_assignments (manager_id);
create index staff_assignments_territory_idx on public.staff_assignments (territory_id);
create index kpi_actuals_kpi_month_idx on public.kpi_actuals (kpi_id, month);
create index kpi_actuals_territory_idx on public.kpi_actuals (territory_id, month);
create index kpi_actuals_position_idx on public.kpi_actuals (position_id);
create index kpi_actuals_recorded_by_idx on public.kpi_actuals (recorded_by);
create index evaluations_month_territory_idx on public.evaluations (month, territory_id);
create index evaluations_territory_idx on public.evaluations (territory_id);
create index evaluations_template_idx on public.evaluations (template_id);
create index evaluations_position_idx on public.evaluations (position_id);
create index evaluations_manager_idx on public.evaluations (manager_id);
create index evaluations_band_idx on public.evaluations (band_id);
create index evaluations_submitted_by_idx on public.evaluations (submitted_by);
create index evaluations_approved_by_idx on public.evaluations (approved_by);
create index evaluation_lines_kpi_idx on public.evaluation_lines (kpi_id);
create index improvement_plans_owner_idx on public.improvement_plans (follow_up_owner_id);
create index improvement_plans_created_by_idx on public.improvement_plans (created_by);

-- =============================================================================
-- Assignments as history
-- =============================================================================
insert into public.staff_assignments (staff_id, position_id, manager_id, territory_id, valid_from)
select s.id, s.position_id, s.manager_id, s.territory_id, least(s.hire_date, current_date) from public.staff s;

-- A change of position, manager or territory closes the current assignment today and opens
-- the next (a second change the same day corrects today's).
create or replace function private.staff_assignment_history()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and (new.position_id, new.manager_id, new.territory_id) is not distinct from (old.position_id, old.manager_id, old.territory_id) then
    return null;
  end if;
  if tg_op = 'UPDATE' then
    delete from public.staff_assignments a where a.staff_id = new.id and a.valid_to is null and a.valid_from >= current_date;
    update public.staff_assignments a set valid_to = current_date where a.staff_id = new.id and a.valid_to is null;
  end if;
  insert into public.staff_assignments (staff_id, position_id, manager_id, territory_id, valid_from)
  values (new.id, new.position_id, new.manager_id, new.territory_id,
          case when tg_op = 'INSERT' then least(new.hire_date, current_date) else current_date end);
  return null;
end;
$$;
comment on function private.staff_assignment_history() is 'Trigger: keeps staff_assignments, the effective-dated history of each person''s position, manager and territory.';

create trigger staff_assignment_history after insert or update of position_id, manager_id, territory_id on public.staff
  for each row execute function private.staff_assignment_history();

-- A person's assignment on a day (their current one when the history does not reach back).
create or replace function private.assignment_on(p_staff uuid, p_day date)
returns table (position_id uuid, manager_id uuid, territory_id uuid)
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(a.position_id, s.position_id), case when a.id is null then s.manager_id else a.manager_id end,
         case when a.id is null then s.territory_id else a.territory_id end
    from public.staff s
    left join lateral (
      select x.* from public.staff_assignments x
       where x.staff_id = s.id and x.valid_from <= p_day and (x.valid_to is null or x.valid_to > p_day)
       order by x.valid_from desc limit 1) a on true
   where s.id = p_staff
$$;
comment on function private.assignment_on(uuid, date) is 'A person''s position, manager and territory on a day, from the history (the current record when it does not reach back).';

-- =============================================================================
-- Scope helpers
-- =============================================================================
-- Whether the signed-in person may take an action on an evaluation (its territory in their
-- scope, or their own when the matrix gives them their own rows).
create or replace function private.may_evaluate(p_evaluation public.evaluations, p_action text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select p_evaluation.territory_id = any (private.territory_scope('evaluations', p_action, false))
      or (private.allowed_owner('evaluations', p_action) is not null
          and p_evaluation.staff_id = private.my_staff_id())
$$;
comment on function private.may_evaluate(public.evaluations, text) is
  'Whether the signed-in person may take this matrix action on this evaluation (its territory in scope, or their own).';

-- How high a person's reach over a territory starts: the tree level of the highest territory
-- above (or at) it that they are responsible for; 0 for those who see all of it; null: none.
create or replace function private.reach_level(p_user uuid, p_territory uuid, p_action text)
returns integer
language sql
stable
security definer
set search_path = ''
as $$
  select case
           when 'all' = any (private.user_scopes(p_user, 'evaluations', p_action, false)) then 0
           else (select min(extensions.nlevel(a.path))
                   from public.territories t
                   join public.territories a on a.path operator(extensions.@>) t.path
                  where t.id = p_territory and a.id = any (private.responsible_territories(p_user)))
         end
$$;
comment on function private.reach_level(uuid, uuid, text) is
  'The tree level where a person''s reach over a territory starts for an evaluation action (0: everything; null: no reach).';

-- =============================================================================
-- Scoring
-- =============================================================================
-- Achievement per line, the weighted total and the band, for the given evaluations.
create or replace function private.score_evaluations(p_ids uuid[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.evaluation_lines l
     set achievement = case when k.kind = 'qualitative' then public.qualitative_achievement(l.manual_score, k.scale_max)
                            else public.kpi_achievement(k.direction, l.actual, l.target, l.cap_percent, l.floor_percent) end
    from public.kpis k
   where k.id = l.kpi_id and l.evaluation_id = any (p_ids)
     and l.achievement is distinct from (
       case when k.kind = 'qualitative' then public.qualitative_achievement(l.manual_score, k.scale_max)
            else public.kpi_achievement(k.direction, l.actual, l.target, l.cap_percent, l.floor_percent) end);
  update public.evaluations e
     set total_score = s.total, band_id = b.id, band_outcome = b.outcome, computed_at = now()
    from (select l.evaluation_id, round(sum(l.weight * coalesce(l.achievement, 0)) / 100, 2) as total
            from public.evaluation_lines l where l.evaluation_id = any (p_ids) group by l.evaluation_id) s
    left join lateral (select r.id, r.outcome from public.rating_band_for(s.total) r) b on true
   where e.id = s.evaluation_id;
end;
$$;
comment on function private.score_evaluations(uuid[]) is 'Scores evaluations: each line''s achievement by its KPI''s rule, the weighted total and the band.';

-- =============================================================================
-- Before-write triggers
-- =============================================================================
create or replace function private.kpi_actual_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_at record;
begin
  select * into v_at from private.assignment_on(new.staff_id, new.month);
  if v_at.territory_id is null then
    raise exception using errcode = '23514', detail = 'actual_person_without_territory',
      message = 'This person had no territory that month; actuals are kept by territory.';
  end if;
  new.territory_id := v_at.territory_id;
  new.position_id := v_at.position_id;
  new.recorded_by := (select auth.uid());
  -- Computed actuals come from the evaluation functions only (which say so for their
  -- transaction): what a person writes is entered, and only for KPIs without a measure.
  if coalesce(current_setting('app.evaluation_writes', true), '') <> 'on' then
    if exists (select 1 from public.kpis k where k.id = new.kpi_id and k.measure_code is not null) then
      raise exception using errcode = '23514', detail = 'actual_is_computed',
        message = format('"%s" is computed from the field data; its actuals cannot be entered.',
                         (select k.name_en from public.kpis k where k.id = new.kpi_id));
    end if;
    new.source := case when new.source = 'imported' then 'imported'::public.kpi_actual_source else 'entered' end;
  end if;
  return new;
end;
$$;
comment on function private.kpi_actual_before_write() is
  'Trigger: an actual''s territory and position are the person''s that month (refused without a territory); recorded_by is the writer; only the computation writes computed actuals.';

create or replace function private.improvement_plan_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and (new.evaluation_id <> old.evaluation_id) then
    raise exception using errcode = '23514', detail = 'plan_evaluation_fixed', message = 'A plan belongs to its evaluation.';
  end if;
  if tg_op = 'INSERT' then
    new.created_by := (select auth.uid());
  else
    new.created_by := old.created_by;
  end if;
  if new.completed_on is not null and new.completed_on > current_date then
    raise exception using errcode = '23514', detail = 'plan_completed_in_future', message = 'A plan cannot be completed on a day still to come.';
  end if;
  return new;
end;
$$;
comment on function private.improvement_plan_before_write() is 'Trigger: a plan stays with its evaluation; created_by is set here; completion is not in the future.';

create trigger kpi_actuals_touch before insert or update on public.kpi_actuals for each row execute function private.touch_row();
create trigger kpi_actuals_before_write before insert or update on public.kpi_actuals
  for each row execute function private.kpi_actual_before_write();
create trigger evaluations_touch before insert or update on public.evaluations for each row execute function private.touch_row();
create trigger improvement_plans_touch before insert or update on public.improvement_plans
  for each row execute function private.touch_row();
create trigger improvement_plans_before_write before insert or update on public.improvement_plans
  for each row execute function private.improvement_plan_before_write();

select private.enable_audit('public.staff_assignments');
select private.enable_audit('public.kpi_actuals');
select private.enable_audit('public.evaluations');
select private.enable_audit('public.evaluation_lines');
select private.enable_audit('public.improvement_plans');

-- =============================================================================
-- Row-level security
-- =============================================================================
alter table public.staff_assignments enable row level security;
alter table public.kpi_actuals enable row level security;
alter table public.evaluations enable row level security;
alter table public.evaluation_lines enable row level security;
alter table public.improvement_plans enable row level security;

-- The history is read like the staff record it belongs to; only the trigger writes it.
create policy "people who can read a person can read their assignments" on public.staff_assignments
  for select to authenticated
  using (exists (select 1 from public.staff s where s.id = staff_id));

create policy "people with kpi_actuals read permission in scope can read actuals" on public.kpi_actuals
  for select to authenticated
  using (
    territory_id = any ((select private.territory_scope('kpi_actuals', 'read', false))::uuid[])
    or (staff_id = (select private.my_staff_id()) and (select private.allowed_owner('kpi_actuals', 'read')) is not null)
  );
create policy "people with kpi_actuals create permission in scope can record actuals" on public.kpi_actuals
  for insert to authenticated
  with check (territory_id = any ((select private.territory_scope('kpi_actuals', 'create', false))::uuid[]));
create policy "people with kpi_actuals update permission in scope can change actuals" on public.kpi_actuals
  for update to authenticated
  using (territory_id = any ((select private.territory_scope('kpi_actuals', 'update', false))::uuid[]))
  with check (territory_id = any ((select private.territory_scope('kpi_actuals', 'update', false))::uuid[]));
create policy "people with kpi_actuals delete permission in scope can remove actuals" on public.kpi_actuals
  for delete to authenticated
  using (territory_id = any ((select private.territory_scope('kpi_actuals', 'delete', false))::uuid[]));

create policy "people with evaluations read permission in scope can read evaluations" on public.evaluations
  for select to authenticated
  using (
    territory_id = any ((select private.territory_scope('evaluations', 'read', false))::uuid[])
    or (staff_id = (select private.my_staff_id()) and (select private.allowed_owner('evaluations', 'read')) is not null)
  );
create policy "people who can read an evaluation can read its lines" on public.evaluation_lines
  for select to authenticated
  using (exists (select 1 from public.evaluations e where e.id = evaluation_id));
create policy "people who can read an evaluation can read its improvement plan" on public.improvement_plans
  for select to authenticated
  using (exists (select 1 from public.evaluations e where e.id = evaluation_id));
create policy "people with evaluations update permission in scope can follow up plans" on public.improvement_plans
  for update to authenticated
  using (exists (select 1 from public.evaluations e where e.id = evaluation_id
                  and e.territory_id = any ((select private.territory_scope('evaluations', 'update', false))::uuid[])))
  with check (exists (select 1 from public.evaluations e where e.id = evaluation_id
                       and e.territory_id = any ((select private.territory_scope('evaluations', 'update', false))::uuid[])));

-- =============================================================================
-- Views
-- =============================================================================
create view public.improvement_plan_status
with (security_invoker = true)
as
select p.id, p.evaluation_id, p.deadline, p.completed_on,
       case when p.completed_on is not null and p.completed_on <= p.deadline then 'met'
            when p.completed_on is not null or p.deadline < current_date then 'missed'
            else 'open' end as status
  from public.improvement_plans p;
comment on view public.improvement_plan_status is 'Each improvement plan''s deadline as met, missed or still open, as the caller may read them.';

-- =============================================================================
-- Public functions: computing
-- =============================================================================
-- Computes the actuals of measured KPIs for the given evaluations' people and month (one
-- statement per KPI, over all of them at once); entered and imported actuals are left alone.
create or replace function private.compute_actuals_for(p_ids uuid[])
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_kpi public.kpis;
  v_month date;
  v_written integer := 0;
  v_count integer;
begin
  perform set_config('app.evaluation_writes', 'on', true);
  for v_month in select distinct e.month from public.evaluations e where e.id = any (p_ids) loop
    for v_kpi in
      select distinct k.* from public.kpis k
        join public.evaluation_template_kpis l on l.kpi_id = k.id
        join public.evaluations e on e.template_id = l.template_id
       where e.id = any (p_ids) and e.month = v_month and k.measure_code is not null
    loop
      insert into public.kpi_actuals as a (staff_id, kpi_id, month, value, source, territory_id, position_id)
      select e.staff_id, v_kpi.id, v_month, coalesce(m.value, 0), 'computed', e.territory_id, e.position_id
        from public.evaluations e
        join public.evaluation_template_kpis l on l.template_id = e.template_id and l.kpi_id = v_kpi.id
        left join private.measure_values(
               v_kpi.measure_code, v_month, (v_month + interval '1 month - 1 day')::date,
               array(select x.staff_id from public.evaluations x where x.id = any (p_ids) and x.month = v_month),
               v_kpi.filter_tier_id, v_kpi.filter_product_line_id, v_kpi.filter_customer_status) m on m.staff_id = e.staff_id
       where e.id = any (p_ids) and e.month = v_month
         and (m.value is not null or v_kpi.unit in ('amount', 'count'))
      on conflict (staff_id, kpi_id, month) do update set value = excluded.value
       where a.source = 'computed' and a.value is distinct from excluded.value;
      get diagnostics v_count = row_count;
      v_written := v_written + v_count;
    end loop;
  end loop;
  perform set_config('app.evaluation_writes', '', true);
  return v_written;
end;
$$;
comment on function private.compute_actuals_for(uuid[]) is
  'Computes measured KPIs'' actuals for the people and months of the given evaluations, one set-based statement per KPI; entered and imported actuals are kept.';

-- Fills the given draft evaluations' lines from their templates: target from the targets,
-- actual from the actuals (a manager's scores kept), then scores them.
create or replace function private.fill_evaluation_lines(p_ids uuid[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.evaluation_lines l
   using public.evaluations e
   where e.id = l.evaluation_id and e.id = any (p_ids)
     and not exists (select 1 from public.evaluation_template_kpis t where t.template_id = e.template_id and t.kpi_id = l.kpi_id);
  insert into public.evaluation_lines as l (evaluation_id, kpi_id, weight, cap_percent, floor_percent, sort_order, target, actual)
  select e.id, t.kpi_id, t.weight, t.cap_percent, t.floor_percent, t.sort_order,
         case when k.kind = 'quantitative' then
           (select sum(g.months[extract(month from e.month)::integer]) from public.targets g
             where g.staff_id = e.staff_id and g.kpi_id = t.kpi_id and g.year = extract(year from e.month)) end,
         (select a.value from public.kpi_actuals a where a.staff_id = e.staff_id and a.kpi_id = t.kpi_id and a.month = e.month)
    from public.evaluations e
    join public.evaluation_template_kpis t on t.template_id = e.template_id
    join public.kpis k on k.id = t.kpi_id
   where e.id = any (p_ids)
  on conflict (evaluation_id, kpi_id) do update
     set weight = excluded.weight, cap_percent = excluded.cap_percent, floor_percent = excluded.floor_percent,
         sort_order = excluded.sort_order, target = excluded.target, actual = excluded.actual
   where (l.weight, l.cap_percent, l.floor_percent, l.sort_order, l.target, l.actual)
         is distinct from (excluded.weight, excluded.cap_percent, excluded.floor_percent, excluded.sort_order, excluded.target, excluded.actual);
  perform private.score_evaluations(p_ids);
end;
$$;
comment on function private.fill_evaluation_lines(uuid[]) is
  'Fills draft evaluations'' lines from their templates, targets and actuals (keeping the manager''s scores) and scores them.';

-- Runs a month's evaluations for a territory subtree (or everything in the caller's scope):
-- every person not gone by then whose position has a template in force gets a draft (or has
-- their draft recomputed) under the assignment they held on the first of the month; submitted
-- and later evaluations are left alone.
create or replace function private.run_evaluations(p_month date, p_territory uuid default null)
returns table (people integer, computed integer, left_alone integer)
language plpgsql
security definer
set search_path = ''
as $$
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
    select s.staff_id, v_month, s.template_id, s.position_id, s.territory_id, s.manager_id from scoped s where s.template_id is not null
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
  return query select coalesce(v_people, 0)::integer, cardinality(v_ids)::integer, v_left::integer;
end;
$$;
comment on function private.run_evaluations(date, uuid) is
  'Computes a month''s draft evaluations for a territory subtree in your evaluations create scope (all of it when none is given): template in force, targets, actuals, achievements, total and band, set-based. Returns the people evaluated, drafts computed and evaluations left alone (already submitted).';

-- =============================================================================
-- Public functions: the workflow
-- =============================================================================
-- The evaluation to act on: one the caller may read, at the version they read it.
create or replace function private.evaluation_for(p_evaluation uuid, p_version integer)
returns public.evaluations
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_row public.evaluations;
begin
  select * into v_row from public.evaluations e where e.id = p_evaluation;
  if v_row.id is null or not private.may_evaluate(v_row, 'read') then
    raise exception using errcode = 'PT404', detail = 'evaluation_not_found', message = 'No evaluation with this id that you may read.';
  end if;
  if p_version is distinct from v_row.version then
    raise exception using errcode = 'PT409', detail = 'stale_version',
      message = format('This evaluation was changed by someone else since you opened it (your version %s, current %s). Reload it and apply your changes again.',
                       p_version, v_row.version);
  end if;
  return v_row;
end;
$$;
comment on function private.evaluation_for(uuid, integer) is 'The evaluation to act on, refused (404) unless the caller may read it and (409) unless at the version they read.';

-- The manager's part of a draft: scores of qualitative KPIs, actuals of entered KPIs, and the
-- comment; the evaluation is rescored.
create or replace function private.save_evaluation_scores(p_evaluation uuid, p_version integer, p_lines jsonb, p_comment text default null)
returns public.evaluations
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.evaluations := private.evaluation_for(p_evaluation, p_version);
  v_bad record;
begin
  if not private.may_evaluate(v_row, 'update') then
    raise exception using errcode = '42501', detail = 'not_allowed', message = 'You may not change this evaluation.';
  end if;
  if v_row.status <> 'draft' then
    raise exception using errcode = '23514', detail = 'evaluation_not_draft',
      message = format('This evaluation is %s; only a draft can change.', v_row.status);
  end if;
  if jsonb_typeof(coalesce(p_lines, '[]')) <> 'array' then
    raise exception using errcode = '22023', message = 'The scores must be a list.';
  end if;
  select k.name_en, k.scale_max, (x ->> 'manual_score')::numeric as score into v_bad
    from jsonb_array_elements(coalesce(p_lines, '[]')) x
    join public.evaluation_lines l on l.evaluation_id = v_row.id and l.kpi_id = (x ->> 'kpi_id')::uuid
    join public.kpis k on k.id = l.kpi_id
   where k.kind = 'qualitative' and x ? 'manual_score' and x ->> 'manual_score' is not null
     and ((x ->> 'manual_score')::numeric < 1 or (x ->> 'manual_score')::numeric > k.scale_max)
   limit 1;
  if v_bad.name_en is not null then
    raise exception using errcode = '22023', detail = 'score_out_of_scale',
      message = format('"%s" is scored from 1 to %s, not %s.', v_bad.name_en, v_bad.scale_max, v_bad.score);
  end if;
  update public.evaluation_lines l
     set manual_score = case when k.kind = 'qualitative' then (x ->> 'manual_score')::numeric else l.manual_score end,
         actual = case when k.kind = 'quantitative' and k.measure_code is null then (x ->> 'actual')::numeric else l.actual end
    from jsonb_array_elements(coalesce(p_lines, '[]')) x, public.kpis k
   where l.evaluation_id = v_row.id and l.kpi_id = (x ->> 'kpi_id')::uuid and k.id = l.kpi_id;
  -- Entered actuals are kept as actuals too (the month's record, shown beside the targets).
  perform set_config('app.evaluation_writes', 'on', true);
  insert into public.kpi_actuals as a (staff_id, kpi_id, month, value, source, territory_id, position_id)
  select v_row.staff_id, l.kpi_id, v_row.month, l.actual, 'entered', v_row.territory_id, v_row.position_id
    from public.evaluation_lines l join public.kpis k on k.id = l.kpi_id
   where l.evaluation_id = v_row.id and k.kind = 'quantitative' and k.measure_code is null and l.actual is not null
  on conflict (staff_id, kpi_id, month) do update set value = excluded.value where a.value is distinct from excluded.value;
  perform set_config('app.evaluation_writes', '', true);
  update public.evaluations e
     set manager_comment = coalesce(p_comment, e.manager_comment), version = e.version
   where e.id = v_row.id;
  perform private.score_evaluations(array[v_row.id]);
  select * into v_row from public.evaluations e where e.id = v_row.id;
  return v_row;
end;
$$;
comment on function private.save_evaluation_scores(uuid, integer, jsonb, text) is
  'Saves a draft''s manual part ([{kpi_id, manual_score | actual}] and the comment) at the version read, and rescores it.';

create or replace function private.submit_evaluation(p_evaluation uuid, p_version integer, p_comment text default null)
returns public.evaluations
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.evaluations := private.evaluation_for(p_evaluation, p_version);
  v_missing text;
begin
  if not private.may_evaluate(v_row, 'submit') then
    raise exception using errcode = '42501', detail = 'not_allowed', message = 'You may not submit this evaluation.';
  end if;
  if v_row.status <> 'draft' then
    raise exception using errcode = '23514', detail = 'evaluation_not_draft', message = format('This evaluation is already %s.', v_row.status);
  end if;
  select string_agg(k.name_en, ', ' order by l.sort_order) into v_missing
    from public.evaluation_lines l join public.kpis k on k.id = l.kpi_id
   where l.evaluation_id = v_row.id
     and ((k.kind = 'qualitative' and l.manual_score is null) or (k.kind = 'quantitative' and k.measure_code is null and l.actual is null));
  if v_missing is not null then
    raise exception using errcode = '23514', detail = 'evaluation_scores_missing',
      message = format('Give every manual score before submitting: %s.', v_missing);
  end if;
  update public.evaluations e
     set status = 'submitted', submitted_by = (select auth.uid()), submitted_at = now(), return_reason = '',
         manager_comment = coalesce(p_comment, e.manager_comment)
   where e.id = v_row.id
  returning * into v_row;
  return v_row;
end;
$$;
comment on function private.submit_evaluation(uuid, integer, text) is
  'Submits a draft evaluation (all manual scores given) for approval, with the manager''s comment: by those with evaluations submit permission in scope.';

create or replace function private.approve_evaluation(p_evaluation uuid, p_version integer, p_plan jsonb default null)
returns public.evaluations
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.evaluations := private.evaluation_for(p_evaluation, p_version);
  v_me uuid := (select auth.uid());
  v_mine integer;
  v_theirs integer;
  v_deadline date;
begin
  if not private.may_evaluate(v_row, 'approve') then
    raise exception using errcode = '42501', detail = 'not_allowed', message = 'You may not approve this evaluation.';
  end if;
  if v_row.status <> 'submitted' then
    raise exception using errcode = '23514', detail = 'evaluation_not_submitted',
      message = format('Only a submitted evaluation can be approved; this one is %s.', v_row.status);
  end if;
  if v_row.submitted_by = v_me then
    raise exception using errcode = '42501', detail = 'approver_is_submitter',
      message = 'You submitted this evaluation: the next level approves it.';
  end if;
  v_mine := private.reach_level(v_me, v_row.territory_id, 'approve');
  v_theirs := private.reach_level(v_row.submitted_by, v_row.territory_id, 'submit');
  if v_mine is null or (v_theirs is not null and v_mine >= v_theirs and v_mine > 0) or (v_theirs = 0 and v_mine > 0) then
    raise exception using errcode = '42501', detail = 'approver_not_next_level',
      message = 'The evaluation is approved by the level above the one who submitted it.';
  end if;
  if v_row.band_outcome = 'improvement_plan' then
    if p_plan is null or jsonb_typeof(p_plan) <> 'object' then
      raise exception using errcode = '23514', detail = 'improvement_plan_required',
        message = 'This band requires an improvement plan: give the areas, actions, deadline and who follows it up.';
    end if;
    v_deadline := (p_plan ->> 'deadline')::date;
    if v_deadline is null or v_deadline <= current_date then
      raise exception using errcode = '22023', detail = 'plan_deadline', message = 'The plan''s deadline must be a day after today.';
    end if;
    if length(btrim(coalesce(p_plan ->> 'areas', ''))) < 3 or length(btrim(coalesce(p_plan ->> 'actions', ''))) < 3 then
      raise exception using errcode = '22023', detail = 'plan_text', message = 'Name the areas to improve and the actions (at least 3 characters each).';
    end if;
    if not exists (select 1 from public.staff s where s.id = (p_plan ->> 'follow_up_owner_id')::uuid and s.status <> 'left') then
      raise exception using errcode = '22023', detail = 'plan_owner', message = 'Choose who follows the plan up (someone still working here).';
    end if;
    insert into public.improvement_plans (evaluation_id, areas, actions, deadline, follow_up_owner_id)
    values (v_row.id, btrim(p_plan ->> 'areas'), btrim(p_plan ->> 'actions'), v_deadline, (p_plan ->> 'follow_up_owner_id')::uuid);
  end if;
  update public.evaluations e set status = 'approved', approved_by = v_me, approved_at = now()
   where e.id = v_row.id
  returning * into v_row;
  return v_row;
end;
$$;
comment on function private.approve_evaluation(uuid, integer, jsonb) is
  'Approves a submitted evaluation: by someone with evaluations approve permission in scope, not the submitter, whose reach starts above the submitter''s; an improvement-plan band needs the plan ({areas, actions, deadline, follow_up_owner_id}).';

-- Sends a submitted evaluation back to its draft, with the reason.
create or replace function private.return_evaluation(p_evaluation uuid, p_version integer, p_reason text)
returns public.evaluations
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.evaluations := private.evaluation_for(p_evaluation, p_version);
begin
  if not private.may_evaluate(v_row, 'approve') or v_row.submitted_by = (select auth.uid()) then
    raise exception using errcode = '42501', detail = 'not_allowed', message = 'You may not send this evaluation back.';
  end if;
  if v_row.status <> 'submitted' then
    raise exception using errcode = '23514', detail = 'evaluation_not_submitted', message = 'Only a submitted evaluation can be sent back.';
  end if;
  if length(btrim(coalesce(p_reason, ''))) < 3 then
    raise exception using errcode = '22023', detail = 'reason_required', message = 'Say why it goes back (at least 3 characters).';
  end if;
  update public.evaluations e
     set status = 'draft', return_reason = btrim(p_reason), submitted_by = null, submitted_at = null
   where e.id = v_row.id
  returning * into v_row;
  return v_row;
end;
$$;
comment on function private.return_evaluation(uuid, integer, text) is 'Sends a submitted evaluation back to draft with the reason (by those who may approve it).';

-- The person acknowledges their approved evaluation, with an optional comment.
create or replace function private.acknowledge_evaluation(p_evaluation uuid, p_version integer, p_comment text default '')
returns public.evaluations
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.evaluations := private.evaluation_for(p_evaluation, p_version);
begin
  if v_row.staff_id is distinct from private.my_staff_id() then
    raise exception using errcode = '42501', detail = 'not_your_evaluation', message = 'Only the person evaluated acknowledges an evaluation.';
  end if;
  if v_row.status <> 'approved' then
    raise exception using errcode = '23514', detail = 'evaluation_not_approved',
      message = format('Only an approved evaluation can be acknowledged; this one is %s.', v_row.status);
  end if;
  if length(coalesce(p_comment, '')) > 4000 then
    raise exception using errcode = '22023', message = 'The comment is limited to 4,000 characters.';
  end if;
  update public.evaluations e set status = 'acknowledged', acknowledged_at = now(), person_comment = coalesce(p_comment, '')
   where e.id = v_row.id
  returning * into v_row;
  return v_row;
end;
$$;
comment on function private.acknowledge_evaluation(uuid, integer, text) is 'The person evaluated acknowledges their approved evaluation, with an optional comment.';

-- =============================================================================
-- The API: each workflow step as an invoker function over its implementation above (which
-- checks the matrix, the step order and who may take it)
-- =============================================================================
create or replace function public.run_evaluations(p_month date, p_territory uuid default null)
returns table (people integer, computed integer, left_alone integer)
language sql
set search_path = ''
as $$
  select * from private.run_evaluations(p_month, p_territory)
$$;
comment on function public.run_evaluations(date, uuid) is 'Computes a month''s draft evaluations for a territory subtree in your evaluations create scope (all of it when none is given): template in force, targets, actuals, achievements, total and band, set-based. Returns the people evaluated, drafts computed and evaluations left alone (already submitted).';

create or replace function public.save_evaluation_scores(p_evaluation uuid, p_version integer, p_lines jsonb, p_comment text default null)
returns public.evaluations
language sql
set search_path = ''
as $$
  select * from private.save_evaluation_scores(p_evaluation, p_version, p_lines, p_comment)
$$;
comment on function public.save_evaluation_scores(uuid, integer, jsonb, text) is 'Saves a draft''s manual part ([{kpi_id, manual_score | actual}] and the comment) at the version read, and rescores it.';

create or replace function public.submit_evaluation(p_evaluation uuid, p_version integer, p_comment text default null)
returns public.evaluations
language sql
set search_path = ''
as $$
  select * from private.submit_evaluation(p_evaluation, p_version, p_comment)
$$;
comment on function public.submit_evaluation(uuid, integer, text) is 'Submits a draft evaluation (all manual scores given) for approval, with the manager''s comment: by those with evaluations submit permission in scope.';

create or replace function public.approve_evaluation(p_evaluation uuid, p_version integer, p_plan jsonb default null)
returns public.evaluations
language sql
set search_path = ''
as $$
  select * from private.approve_evaluation(p_evaluation, p_version, p_plan)
$$;
comment on function public.approve_evaluation(uuid, integer, jsonb) is 'Approves a submitted evaluation: by someone with evaluations approve permission in scope, not the submitter, whose reach starts above the submitter''s; an improvement-plan band needs the plan ({areas, actions, deadline, follow_up_owner_id}).';

create or replace function public.return_evaluation(p_evaluation uuid, p_version integer, p_reason text)
returns public.evaluations
language sql
set search_path = ''
as $$
  select * from private.return_evaluation(p_evaluation, p_version, p_reason)
$$;
comment on function public.return_evaluation(uuid, integer, text) is 'Sends a submitted evaluation back to draft with the reason (by those who may approve it).';

create or replace function public.acknowledge_evaluation(p_evaluation uuid, p_version integer, p_comment text default '')
returns public.evaluations
language sql
set search_path = ''
as $$
  select * from private.acknowledge_evaluation(p_evaluation, p_version, p_comment)
$$;
comment on function public.acknowledge_evaluation(uuid, integer, text) is 'The person evaluated acknowledges their approved evaluation, with an optional comment.';

-- =============================================================================
-- The explainer and impact counts
-- =============================================================================
-- As before, with actuals and evaluations: in the territory they were computed under, and
-- one's own when they are about oneself.
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
revoke all on function private.staff_assignment_history() from public;
revoke all on function private.assignment_on(uuid, date) from public;
revoke all on function private.may_evaluate(public.evaluations, text) from public;
revoke all on function private.reach_level(uuid, uuid, text) from public;
revoke all on function private.score_evaluations(uuid[]) from public;
revoke all on function private.kpi_actual_before_write() from public;
revoke all on function private.improvement_plan_before_write() from public;
revoke all on function private.compute_actuals_for(uuid[]) from public;
revoke all on function private.fill_evaluation_lines(uuid[]) from public;
revoke all on function private.evaluation_for(uuid, integer) from public;

revoke all on public.staff_assignments, public.kpi_actuals, public.evaluations, public.evaluation_lines,
  public.improvement_plans, public.improvement_plan_status from anon, authenticated, service_role;
grant select on public.staff_assignments, public.evaluations, public.evaluation_lines, public.improvement_plan_status to authenticated;
grant select, insert, update, delete on public.kpi_actuals to authenticated;
grant select, update on public.improvement_plans to authenticated;
grant select, insert, update, delete on public.staff_assignments, public.kpi_actuals, public.evaluations,
  public.evaluation_lines, public.improvement_plans to service_role;
grant select on public.improvement_plan_status to service_role;

revoke all on function private.run_evaluations(date, uuid) from public;
grant execute on function private.run_evaluations(date, uuid) to authenticated, service_role;
revoke all on function public.run_evaluations(date, uuid) from public, anon;
grant execute on function public.run_evaluations(date, uuid) to authenticated, service_role;
revoke all on function private.save_evaluation_scores(uuid, integer, jsonb, text) from public;
grant execute on function private.save_evaluation_scores(uuid, integer, jsonb, text) to authenticated, service_role;
revoke all on function public.save_evaluation_scores(uuid, integer, jsonb, text) from public, anon;
grant execute on function public.save_evaluation_scores(uuid, integer, jsonb, text) to authenticated, service_role;
revoke all on function private.submit_evaluation(uuid, integer, text) from public;
grant execute on function private.submit_evaluation(uuid, integer, text) to authenticated, service_role;
revoke all on function public.submit_evaluation(uuid, integer, text) from public, anon;
grant execute on function public.submit_evaluation(uuid, integer, text) to authenticated, service_role;
revoke all on function private.approve_evaluation(uuid, integer, jsonb) from public;
grant execute on function private.approve_evaluation(uuid, integer, jsonb) to authenticated, service_role;
revoke all on function public.approve_evaluation(uuid, integer, jsonb) from public, anon;
grant execute on function public.approve_evaluation(uuid, integer, jsonb) to authenticated, service_role;
revoke all on function private.return_evaluation(uuid, integer, text) from public;
grant execute on function private.return_evaluation(uuid, integer, text) to authenticated, service_role;
revoke all on function public.return_evaluation(uuid, integer, text) from public, anon;
grant execute on function public.return_evaluation(uuid, integer, text) to authenticated, service_role;
revoke all on function private.acknowledge_evaluation(uuid, integer, text) from public;
grant execute on function private.acknowledge_evaluation(uuid, integer, text) to authenticated, service_role;
revoke all on function public.acknowledge_evaluation(uuid, integer, text) from public, anon;
grant execute on function public.acknowledge_evaluation(uuid, integer, text) to authenticated, service_role;

select private.refresh_audit_read_policy();

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.permission_actions (code, is_write, label_en, label_es, label_zh, sort_order) values
  ('approve', true, 'Approve', 'Aprobar', '批准', 55);

insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('kpi_actuals', 'table', '{all,territory,own}', 'KPI actuals', 'Resultados de KPI', 'KPI 实际值', 440),
  ('evaluations', 'table', '{all,territory,own}', 'Evaluations', 'Evaluaciones', '考核', 450);

insert into public.resource_actions (resource, action)
select 'kpi_actuals', a from unnest(array['read', 'create', 'update', 'delete']) a
union all
select 'evaluations', a from unnest(array['read', 'create', 'update', 'submit', 'approve']) a;

-- HR and managers (their subtree) record actuals and run, score, submit and approve
-- evaluations (a manager approves what a manager below them submitted); the auditor reads
-- everything; a salesperson reads their own and acknowledges it.
insert into public.role_permissions (role_code, resource, action, scope)
select 'hr_admin', ra.resource, ra.action, 'all'::public.permission_scope
  from public.resource_actions ra where ra.resource in ('kpi_actuals', 'evaluations')
union all
select 'manager', ra.resource, ra.action, 'territory' from public.resource_actions ra where ra.resource in ('kpi_actuals', 'evaluations')
union all
select 'auditor', r, 'read', 'all' from unnest(array['kpi_actuals', 'evaluations']) r
union all
select 'salesperson', r, 'read', 'own' from unnest(array['kpi_actuals', 'evaluations']) r;
