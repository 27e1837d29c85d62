-- Meetings and attendance (000 §4, §7: attend meetings on time and never leave early): the
-- weekly sales meeting, the monthly summary meeting, training and experience exchanges, each
-- with its organiser, invitees (a territory subtree or hand-picked) and minutes; one
-- attendance mark per invitee: present, late (minutes), left early (minutes), absent or
-- excused (with the reason). A late, left-early or absent mark becomes a draft violation of
-- the rule HR binds to the attendance detector: in one click, or by itself when HR switches the
-- detector on; never two for the same mark. The detector registry is data: each check is bound
-- by HR to the regulation it enforces and switched on or off.

-- =============================================================================
-- Types and tables
-- =============================================================================
create type public.meeting_kind as enum ('weekly_sales', 'monthly_summary', 'training', 'experience_exchange');
create type public.attendance_mark as enum ('present', 'late', 'left_early', 'absent', 'excused');

create table public.meetings (
  id uuid primary key default gen_random_uuid(),
  kind public.meeting_kind not null default 'weekly_sales',
  title text not null check (length(btrim(title)) between 3 and 200),
  held_on date not null,
  starts_at time not null default '09:00',
  duration_minutes integer not null default 60 check (duration_minutes between 5 and 720),
  location text not null default '' check (length(location) <= 200),
  -- The meeting's territory: its scope (whoever keeps meetings there keeps this one).
  territory_id uuid not null references public.territories (id) on delete restrict,
  organiser_id uuid not null references public.staff (id) on delete restrict,
  minutes text not null default '' check (length(minutes) <= 20000),
  created_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.meetings is
  'Meetings of the department (weekly sales, monthly summary, training, experience exchange): day, time, organiser, territory and minutes. Who created it and when is set by the database.';

create index meetings_list_idx on public.meetings (held_on desc, territory_id);
create index meetings_territory_idx on public.meetings (territory_id, held_on);
create index meetings_organiser_idx on public.meetings (organiser_id);
create index meetings_created_by_idx on public.meetings (created_by);

create table public.meeting_attendance (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references public.meetings (id) on delete cascade,
  staff_id uuid not null references public.staff (id) on delete restrict,
  -- The person's territory on the meeting's day (set by the database): the mark's scope.
  territory_id uuid not null references public.territories (id) on delete restrict,
  -- Null until the mark is taken.
  mark public.attendance_mark,
  minutes_late integer check (minutes_late between 1 and 720),
  minutes_early integer check (minutes_early between 1 and 720),
  excuse text not null default '' check (length(excuse) <= 1000),
  marked_by uuid references public.profiles (id) on delete set null,
  marked_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint meeting_attendance_once unique (meeting_id, staff_id),
  constraint meeting_attendance_late check ((mark = 'late') = (minutes_late is not null) or (mark is null and minutes_late is null)),
  constraint meeting_attendance_early check ((mark = 'left_early') = (minutes_early is not null) or (mark is null and minutes_early is null)),
  constraint meeting_attendance_excused check (mark is distinct from 'excused' or length(btrim(excuse)) >= 3),
  constraint meeting_attendance_marked check ((mark is null) = (marked_at is null))
);
comment on table public.meeting_attendance is
  'One row per invitee of a meeting: the attendance mark (present, late with minutes, left early with minutes, absent, excused with the reason), who took it and when. The person''s territory that day and the marker are set by the database.';

create index meeting_attendance_staff_idx on public.meeting_attendance (staff_id, meeting_id);
create index meeting_attendance_territory_idx on public.meeting_attendance (territory_id, staff_id);
create index meeting_attendance_marked_by_idx on public.meeting_attendance (marked_by);

-- The registry of checks the database runs, each bound by HR to the rule it enforces.
create table public.detectors (
  code text primary key check (code in ('meeting_attendance')),
  regulation_id uuid references public.regulations (id) on delete restrict,
  enabled boolean not null default false,
  updated_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint detectors_bound check (not enabled or regulation_id is not null)
);
comment on table public.detectors is
  'Checks the database runs and the rule each enforces: when one is on, every breach it finds becomes one draft violation of that rule for the person''s manager to decide. Rows are the checks the database knows; HR binds and switches them.';
create index detectors_regulation_idx on public.detectors (regulation_id);
create index detectors_updated_by_idx on public.detectors (updated_by);

insert into public.detectors (code) values ('meeting_attendance');

-- A violation shows the attendance mark it came from, and which detector found it (none when
-- someone recorded it): one violation per mark at most.
alter table public.violations
  add column attendance_id uuid references public.meeting_attendance (id) on delete restrict,
  add column detected_by text references public.detectors (code) on delete restrict;
create unique index violations_attendance_idx on public.violations (attendance_id);
create index violations_detected_by_idx on public.violations (detected_by);

-- =============================================================================
-- Triggers
-- =============================================================================
create or replace function private.meeting_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    if exists (select 1 from public.meeting_attendance a where a.meeting_id = old.id and a.mark is not null) then
      raise exception using errcode = '23514', detail = 'meeting_marked',
        message = 'Attendance has been taken at this meeting: it is kept.';
    end if;
    return old;
  end if;
  if tg_op = 'INSERT' then
    new.created_by := (select auth.uid());
  else
    new.created_by := old.created_by;
    if new.held_on is distinct from old.held_on
       and exists (select 1 from public.meeting_attendance a where a.meeting_id = old.id and a.mark is not null) then
      raise exception using errcode = '23514', detail = 'meeting_marked',
        message = 'Attendance has been taken at this meeting: its day no longer changes.';
    end if;
  end if;
  if not exists (select 1 from public.staff s where s.id = new.organiser_id and s.status <> 'left') then
    raise exception using errcode = '23514', detail = 'organiser_left', message = 'The organiser is no longer on the staff.';
  end if;
  return new;
end;
$$;
comment on function private.meeting_before_write() is
  'Trigger: a meeting keeps who created it; its day is fixed once attendance is taken, and then it is kept; its organiser is on the staff.';

create or replace function private.meeting_attendance_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_day date;
begin
  if tg_op = 'DELETE' then
    if old.mark is not null then
      raise exception using errcode = '23514', detail = 'attendance_marked',
        message = 'This person''s attendance has been taken: they stay on the list.';
    end if;
    return old;
  end if;
  if tg_op = 'UPDATE' then
    new.meeting_id := old.meeting_id;
    new.staff_id := old.staff_id;
    new.territory_id := old.territory_id;
    if (new.mark, new.minutes_late, new.minutes_early, new.excuse)
       is not distinct from (old.mark, old.minutes_late, old.minutes_early, old.excuse) then
      new.marked_by := old.marked_by;
      new.marked_at := old.marked_at;
      return new;
    end if;
    if exists (select 1 from public.violations v where v.attendance_id = old.id and v.status <> 'dismissed') then
      raise exception using errcode = '23514', detail = 'attendance_has_violation',
        message = 'This mark is the evidence of a violation: dismiss the violation before changing it.';
    end if;
  else
    select m.held_on into v_day from public.meetings m where m.id = new.meeting_id;
    select a.territory_id into new.territory_id from private.assignment_on(new.staff_id, v_day) a;
    if new.territory_id is null then
      raise exception using errcode = '23514', detail = 'invitee_without_territory',
        message = 'This person had no territory on the meeting''s day; attendance is kept by territory.';
    end if;
  end if;
  -- Only what the mark needs is kept.
  new.excuse := case when new.mark = 'excused' then btrim(new.excuse) else '' end;
  if new.mark is distinct from 'late' then new.minutes_late := null; end if;
  if new.mark is distinct from 'left_early' then new.minutes_early := null; end if;
  if new.mark is null then
    new.marked_by := null;
    new.marked_at := null;
  else
    new.marked_by := (select auth.uid());
    new.marked_at := now();
  end if;
  return new;
end;
$$;
comment on function private.meeting_attendance_before_write() is
  'Trigger: an invitee''s mark is kept in their territory of the meeting''s day with who took it and when; a mark that is the evidence of a live violation no longer changes, and a taken mark keeps its person on the list.';

-- The attendance detector: a late, left-early or absent mark becomes one draft violation of
-- the bound rule while the detector is on.
create or replace function private.attendance_violation_row(p_attendance public.meeting_attendance)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'description', case p_attendance.mark
                     when 'late' then format('Arrived %s minutes late to "%s".', p_attendance.minutes_late, m.title)
                     when 'left_early' then format('Left "%s" %s minutes early.', m.title, p_attendance.minutes_early)
                     else format('Absent from "%s" without an excuse.', m.title) end,
    'evidence_note', format('Attendance sheet of %s, %s.', m.title, to_char(m.held_on, 'YYYY-MM-DD')),
    'occurred_on', m.held_on)
    from public.meetings m where m.id = p_attendance.meeting_id
$$;
comment on function private.attendance_violation_row(public.meeting_attendance) is
  'The description, evidence and day of the violation an attendance mark shows.';

create or replace function private.meeting_attendance_detect()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_rule uuid;
  v_row jsonb;
begin
  if new.mark not in ('late', 'left_early', 'absent') then
    return null;
  end if;
  select d.regulation_id into v_rule from public.detectors d where d.code = 'meeting_attendance' and d.enabled;
  if v_rule is null then
    return null;
  end if;
  v_row := private.attendance_violation_row(new);
  insert into public.violations (staff_id, regulation_id, occurred_on, description, evidence_note, attendance_id, detected_by)
  values (new.staff_id, v_rule, (v_row ->> 'occurred_on')::date, v_row ->> 'description', v_row ->> 'evidence_note',
          new.id, 'meeting_attendance')
  on conflict (attendance_id) do nothing;
  return null;
end;
$$;
comment on function private.meeting_attendance_detect() is
  'Trigger: while the attendance detector is on, a late, left-early or absent mark becomes one draft violation of its rule (never two for the same mark).';

create or replace function private.detector_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  new.code := old.code;
  new.updated_by := (select auth.uid());
  return new;
end;
$$;
comment on function private.detector_before_write() is 'Trigger: a detector keeps its code and who changed it last.';

create trigger meetings_touch before insert or update on public.meetings for each row execute function private.touch_row();
create trigger meetings_before_write before insert or update or delete on public.meetings
  for each row execute function private.meeting_before_write();
create trigger meeting_attendance_touch before insert or update on public.meeting_attendance
  for each row execute function private.touch_row();
create trigger meeting_attendance_before_write before insert or update or delete on public.meeting_attendance
  for each row execute function private.meeting_attendance_before_write();
create trigger meeting_attendance_detect after insert or update of mark on public.meeting_attendance
  for each row when (new.mark in ('late', 'left_early', 'absent')) execute function private.meeting_attendance_detect();
create trigger detectors_touch before update on public.detectors for each row execute function private.touch_row();
create trigger detectors_before_write before update on public.detectors for each row execute function private.detector_before_write();
select private.enable_audit('public.meetings');
select private.enable_audit('public.meeting_attendance');
select private.enable_audit('public.detectors', '{code}');

-- =============================================================================
-- Row-level security
-- =============================================================================
alter table public.meetings enable row level security;
alter table public.meeting_attendance enable row level security;
alter table public.detectors enable row level security;

-- The meetings the signed-in person is invited to.
create or replace function private.my_meeting_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select a.meeting_id from public.meeting_attendance a where a.staff_id = private.my_staff_id()
$$;
comment on function private.my_meeting_ids() is 'Policy helper: the meetings the signed-in person is invited to.';

create policy "people with meetings read permission in scope or invited can read meetings" on public.meetings
  for select to authenticated
  using (
    (select private.allows_all('meetings', 'read'))
    or territory_id in (select unnest(private.territory_scope('meetings', 'read', false)))
    or ((select private.allowed_owner('meetings', 'read')) is not null and id in (select private.my_meeting_ids()))
  );
create policy "people with meetings create permission in scope can call meetings" on public.meetings
  for insert to authenticated
  with check (territory_id = any ((select private.territory_scope('meetings', 'create', false))::uuid[]));
create policy "people with meetings update permission in scope can edit meetings" on public.meetings
  for update to authenticated
  using (territory_id = any ((select private.territory_scope('meetings', 'update', false))::uuid[]))
  with check (territory_id = any ((select private.territory_scope('meetings', 'update', false))::uuid[]));
create policy "people with meetings delete permission in scope can delete unmarked meetings" on public.meetings
  for delete to authenticated
  using (territory_id = any ((select private.territory_scope('meetings', 'delete', false))::uuid[]));

create policy "people with meetings read permission in scope or their own can read attendance" on public.meeting_attendance
  for select to authenticated
  using (
    (select private.allows_all('meetings', 'read'))
    or territory_id in (select unnest(private.territory_scope('meetings', 'read', false)))
    or (staff_id = (select private.my_staff_id()) and (select private.allowed_owner('meetings', 'read')) is not null)
  );
-- Inviting: the person is in the inviter's scope and the meeting is one they may read.
create policy "people with meetings update permission in scope can invite to meetings they read" on public.meeting_attendance
  for insert to authenticated
  with check (territory_id = any ((select private.territory_scope('meetings', 'update', false))::uuid[])
              and meeting_id in (select m.id from public.meetings m));
create policy "people with meetings update permission in scope can take attendance" on public.meeting_attendance
  for update to authenticated
  using (territory_id = any ((select private.territory_scope('meetings', 'update', false))::uuid[]))
  with check (territory_id = any ((select private.territory_scope('meetings', 'update', false))::uuid[]));
create policy "people with meetings update permission in scope can remove unmarked invitees" on public.meeting_attendance
  for delete to authenticated
  using (territory_id = any ((select private.territory_scope('meetings', 'update', false))::uuid[]));

create policy "people with detectors read permission can read detectors" on public.detectors
  for select to authenticated
  using ((select private.allows_all('detectors', 'read')));
create policy "people with detectors update permission can bind and switch detectors" on public.detectors
  for update to authenticated
  using ((select private.allows_all('detectors', 'update')))
  with check ((select private.allows_all('detectors', 'update')));

-- =============================================================================
-- Inviting and turning a mark into a violation
-- =============================================================================
-- Invites everyone on the staff on the meeting's day whose territory then is in a subtree, and
-- hand-picked people, in one statement; people already invited stay as they are. Every
-- invitee must be in the caller's meetings update scope (refused together otherwise).
create or replace function private.invite_to_meeting(p_meeting uuid, p_territory uuid default null,
                                                     p_staff uuid[] default '{}')
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_meeting public.meetings;
  v_scope uuid[] := private.territory_scope('meetings', 'update', false);
  v_ids uuid[];
  v_territories uuid[];
  v_outside integer;
  v_invited integer;
begin
  select * into v_meeting from public.meetings m where m.id = p_meeting;
  if v_meeting.id is null or not (
       private.allows_all('meetings', 'read')
       or v_meeting.territory_id = any (private.territory_scope('meetings', 'read', false))
       or (private.allowed_owner('meetings', 'read') is not null and p_meeting in (select private.my_meeting_ids()))) then
    raise exception using errcode = 'PT404', detail = 'meeting_not_found', message = 'No meeting with this id that you may read.';
  end if;
  if p_territory is null and cardinality(coalesce(p_staff, '{}')) = 0 then
    raise exception using errcode = '22023', detail = 'invitees_required', message = 'Choose a territory or people to invite.';
  end if;
  if p_territory is not null and not p_territory = any (v_scope) then
    raise exception using errcode = '42501', detail = 'territory_outside_scope', message = 'You may not invite people from this territory.';
  end if;
  select coalesce(array_agg(s.id), '{}'), coalesce(array_agg(a.territory_id), '{}') into v_ids, v_territories
    from public.staff s
   cross join lateral private.assignment_on(s.id, v_meeting.held_on) a
   where s.hire_date <= v_meeting.held_on and (s.status <> 'left' or s.status_changed_on > v_meeting.held_on)
     and (s.id = any (coalesce(p_staff, '{}'))
          or (p_territory is not null
              and a.territory_id in (select d.id from public.territories d join public.territories r on r.id = p_territory
                                      where d.path operator(extensions.<@) r.path)));
  -- People not on the staff that day and people outside the caller's scope are refused alike,
  -- so the answer says nothing about records the caller may not read.
  select count(*) into v_outside from unnest(v_territories) x(id) where x.id is null or not x.id = any (v_scope);
  v_outside := v_outside + (select count(*) from unnest(coalesce(p_staff, '{}')) x(id) where not x.id = any (v_ids));
  if v_outside > 0 then
    raise exception using errcode = '42501', detail = 'invitee_outside_scope',
      message = format('%s of the people chosen are not on the staff that day in the territories where you keep meetings.', v_outside);
  end if;
  insert into public.meeting_attendance (meeting_id, staff_id, territory_id)
  select p_meeting, x.staff_id, x.territory_id from unnest(v_ids, v_territories) x(staff_id, territory_id)
  on conflict (meeting_id, staff_id) do nothing;
  get diagnostics v_invited = row_count;
  return v_invited;
end;
$$;
comment on function private.invite_to_meeting(uuid, uuid, uuid[]) is
  'Invites to a meeting everyone on the staff that day in a territory subtree and the people chosen, all in the caller''s meetings update scope; returns how many were added.';

-- Turns a late, left-early or absent mark into a draft violation of the attendance detector's
-- rule (recorded by the caller), or returns the one it already became.
create or replace function private.attendance_to_violation(p_attendance uuid)
returns public.violations
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_mark public.meeting_attendance;
  v_rule uuid;
  v_row jsonb;
  v_violation public.violations;
begin
  select * into v_mark from public.meeting_attendance a where a.id = p_attendance;
  if v_mark.id is null or not (
       private.allows_all('meetings', 'read')
       or v_mark.territory_id = any (private.territory_scope('meetings', 'read', false))
       or (v_mark.staff_id = private.my_staff_id() and private.allowed_owner('meetings', 'read') is not null)) then
    raise exception using errcode = 'PT404', detail = 'attendance_not_found', message = 'No attendance mark with this id that you may read.';
  end if;
  if not (v_mark.territory_id = any (private.territory_scope('violations', 'create', false))
          and v_mark.territory_id = any (private.territory_scope('violations', 'read', false))) then
    raise exception using errcode = '42501', detail = 'not_allowed', message = 'You may not record violations for this person.';
  end if;
  select * into v_violation from public.violations v where v.attendance_id = v_mark.id;
  if v_violation.id is not null then
    return v_violation;
  end if;
  if v_mark.mark is null or v_mark.mark not in ('late', 'left_early', 'absent') then
    raise exception using errcode = '23514', detail = 'mark_not_a_breach',
      message = 'Only a late, left-early or absent mark becomes a violation.';
  end if;
  select d.regulation_id into v_rule from public.detectors d where d.code = 'meeting_attendance';
  if v_rule is null then
    raise exception using errcode = '23514', detail = 'detector_unbound',
      message = 'HR has not yet named the rule attendance marks break (Detectors).';
  end if;
  v_row := private.attendance_violation_row(v_mark);
  insert into public.violations (staff_id, regulation_id, occurred_on, description, evidence_note, attendance_id)
  values (v_mark.staff_id, v_rule, (v_row ->> 'occurred_on')::date, v_row ->> 'description', v_row ->> 'evidence_note', v_mark.id)
  returning * into v_violation;
  return v_violation;
end;
$$;
comment on function private.attendance_to_violation(uuid) is
  'Turns a late, left-early or absent attendance mark into a draft violation of the attendance detector''s rule (recorded by the caller, who needs violations create permission for the person), or returns the one it already became.';

create or replace function public.invite_to_meeting(p_meeting uuid, p_territory uuid default null, p_staff uuid[] default '{}')
returns integer
language sql
set search_path = ''
as $$
  select private.invite_to_meeting(p_meeting, p_territory, p_staff)
$$;
comment on function public.invite_to_meeting(uuid, uuid, uuid[]) is
  'Invites to a meeting everyone on the staff that day in a territory subtree and the people chosen, all in the caller''s meetings update scope; returns how many were added.';

create or replace function public.attendance_to_violation(p_attendance uuid)
returns public.violations
language sql
set search_path = ''
as $$
  select * from private.attendance_to_violation(p_attendance)
$$;
comment on function public.attendance_to_violation(uuid) is
  'Turns a late, left-early or absent attendance mark into a draft violation of the attendance detector''s rule, or returns the one it already became.';

-- =============================================================================
-- The access explainer learns meetings in the next migration (20261205110000), which restates
-- private.record_facts once for meetings and discount requests.
-- =============================================================================

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.meeting_before_write() from public;
revoke all on function private.meeting_attendance_before_write() from public;
revoke all on function private.meeting_attendance_detect() from public;
revoke all on function private.detector_before_write() from public;
revoke all on function private.attendance_violation_row(public.meeting_attendance) from public;
revoke all on function private.my_meeting_ids() from public;
grant execute on function private.my_meeting_ids() to authenticated, service_role;
revoke all on function private.invite_to_meeting(uuid, uuid, uuid[]) from public;
grant execute on function private.invite_to_meeting(uuid, uuid, uuid[]) to authenticated, service_role;
revoke all on function private.attendance_to_violation(uuid) from public;
grant execute on function private.attendance_to_violation(uuid) to authenticated, service_role;
revoke all on function public.invite_to_meeting(uuid, uuid, uuid[]) from public, anon;
grant execute on function public.invite_to_meeting(uuid, uuid, uuid[]) to authenticated, service_role;
revoke all on function public.attendance_to_violation(uuid) from public, anon;
grant execute on function public.attendance_to_violation(uuid) to authenticated, service_role;

revoke all on public.meetings from anon, authenticated, service_role;
grant select, delete on public.meetings to authenticated, service_role;
grant insert (kind, title, held_on, starts_at, duration_minutes, location, territory_id, organiser_id, minutes)
  on public.meetings to authenticated, service_role;
grant update (kind, title, held_on, starts_at, duration_minutes, location, territory_id, organiser_id, minutes, version)
  on public.meetings to authenticated, service_role;

revoke all on public.meeting_attendance from anon, authenticated, service_role;
grant select, delete on public.meeting_attendance to authenticated, service_role;
grant insert (meeting_id, staff_id, mark, minutes_late, minutes_early, excuse) on public.meeting_attendance to authenticated, service_role;
grant update (mark, minutes_late, minutes_early, excuse, version) on public.meeting_attendance to authenticated, service_role;

revoke all on public.detectors from anon, authenticated, service_role;
grant select on public.detectors to authenticated, service_role;
grant update (regulation_id, enabled, version) on public.detectors to authenticated, service_role;

select private.refresh_audit_read_policy();

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('meetings', 'table', '{all,territory,own}', 'Meetings and attendance', 'Reuniones y asistencia', '会议与考勤', 457),
  ('detectors', 'table', '{all}', 'Detectors', 'Detectores', '自动检测', 458);
insert into public.resource_actions (resource, action)
select 'meetings', a from unnest(array['read', 'create', 'update', 'delete']) a
union all
select 'detectors', a from unnest(array['read', 'update']) a;

-- Managers call meetings and take attendance in their subtree; HR anywhere, and HR binds the
-- detectors; the auditor reads everything; a person reads the meetings they are invited to and
-- their own marks.
insert into public.role_permissions (role_code, resource, action, scope)
select 'hr_admin', 'meetings', a, 'all'::public.permission_scope from unnest(array['read', 'create', 'update', 'delete']) a
union all
select 'manager', 'meetings', a, 'territory' from unnest(array['read', 'create', 'update', 'delete']) a
union all
select 'auditor', 'meetings', 'read', 'all'
union all
select 'salesperson', 'meetings', 'read', 'own'
union all
select 'hr_admin', 'detectors', a, 'all' from unnest(array['read', 'update']) a
union all
select 'auditor', 'detectors', 'read', 'all';
