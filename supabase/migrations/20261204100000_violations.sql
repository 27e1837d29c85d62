-- Violations (000 §4-§10, 002 §3): a breach of a rule by a person on a day, tied to the version
-- of the rule in force that day, with the sanction that version's ladder proposes. The repeat
-- count is the person's confirmed violations of the same rule still live on that day (each
-- stays live for the months its level says), so a repeat proposes the next level. The case
-- goes draft -> confirmed -> closed, or draft -> dismissed with a reason; the person may add a
-- statement while it is a draft. The manager may choose a lighter level than proposed only
-- with a reason, never a heavier one. Version, territory, repeat count, proposal, sanction and
-- who did what when are set by the database.

-- =============================================================================
-- Types and tables
-- =============================================================================
-- Referral to the administration department (000 §5, §8) is a sanction a ladder can name.
alter type public.sanction_kind add value if not exists 'referral';
create type public.violation_status as enum ('draft', 'confirmed', 'closed', 'dismissed');
create type public.violation_severity as enum ('minor', 'major', 'severe');

create table public.violations (
  id uuid primary key default gen_random_uuid(),
  staff_id uuid not null references public.staff (id) on delete restrict,
  regulation_id uuid not null references public.regulations (id) on delete restrict,
  -- The version in force on the day (set by the database from the day).
  version_number integer not null,
  occurred_on date not null,
  description text not null check (length(btrim(description)) between 3 and 2000),
  evidence_note text not null default '' check (length(evidence_note) <= 2000),
  -- The records that show it.
  visit_id uuid references public.visits (id) on delete restrict,
  sale_id uuid references public.sales (id) on delete restrict,
  severity public.violation_severity not null default 'minor',
  status public.violation_status not null default 'draft',
  -- The person's own words, before confirmation.
  statement text not null default '' check (length(statement) <= 2000),
  statement_at timestamptz,
  -- The proposal from the ladder (kept up to date while a draft, frozen at confirmation).
  repeat_count integer not null default 0 check (repeat_count >= 0),
  proposed_level integer check (proposed_level >= 1),
  -- The level chosen at confirmation, its sanction, and the day it stops counting as a repeat.
  level_order integer check (level_order >= 1),
  sanction_kind public.sanction_kind,
  fine_amount numeric(12, 2) check (fine_amount > 0),
  live_until date,
  lighter_reason text not null default '' check (length(lighter_reason) <= 1000),
  dismissal_reason text not null default '' check (length(dismissal_reason) <= 1000),
  -- The person's territory on the day: the violation's scope.
  territory_id uuid not null references public.territories (id) on delete restrict,
  recorded_by uuid references public.profiles (id) on delete set null,
  decided_by uuid references public.profiles (id) on delete set null,
  decided_at timestamptz,
  closed_by uuid references public.profiles (id) on delete set null,
  closed_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint violations_rule_version foreign key (regulation_id, version_number)
    references public.regulation_versions (regulation_id, version_number) on delete restrict,
  constraint violations_decided check ((status in ('draft')) = (decided_at is null)),
  constraint violations_closed check ((status = 'closed') = (closed_at is not null)),
  constraint violations_dismissed_reason check ((status = 'dismissed') = (length(btrim(dismissal_reason)) >= 3)),
  constraint violations_sanction check (status in ('draft', 'dismissed') or live_until is not null)
);
comment on table public.violations is
  'Breaches of a rule by a person on a day: the version in force, the repeat count, the sanction its ladder proposes and the one chosen, the person''s statement and the case''s status. Version, territory, proposal, sanction and who/when are set by the database.';

create index violations_staff_rule_idx on public.violations (staff_id, regulation_id, occurred_on);
create index violations_regulation_idx on public.violations (regulation_id, version_number);
create index violations_list_idx on public.violations (occurred_on desc, territory_id, staff_id);
create index violations_territory_idx on public.violations (territory_id, staff_id, status);
create index violations_visit_idx on public.violations (visit_id);
create index violations_sale_idx on public.violations (sale_id);
create index violations_recorded_by_idx on public.violations (recorded_by);
create index violations_decided_by_idx on public.violations (decided_by);
create index violations_closed_by_idx on public.violations (closed_by);

-- =============================================================================
-- The proposal
-- =============================================================================
-- The version of a rule in force on a day, the person's repeat count then (their confirmed or
-- closed violations of the rule live on that day, other than the one given), and the ladder's
-- level for it: the next after the repeats, the last when the ladder runs out, none when the
-- version has no ladder.
create or replace function private.violation_proposal(p_staff uuid, p_regulation uuid, p_on date, p_except uuid default null)
returns table(version_number integer, repeat_count integer, level_order integer, ladder jsonb)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_version public.regulation_versions;
  v_repeats integer;
  v_levels integer;
begin
  select * into v_version from public.regulation_versions v
   where v.regulation_id = p_regulation and v.effective_date <= p_on
   order by v.effective_date desc, v.version_number desc
   limit 1;
  if v_version.id is null then
    raise exception using errcode = '23514', detail = 'no_version_in_force',
      message = format('No version of this rule was in force on %s.', p_on);
  end if;
  select count(*) into v_repeats from public.violations x
   where x.staff_id = p_staff and x.regulation_id = p_regulation
     and x.status in ('confirmed', 'closed') and x.id is distinct from p_except
     and x.occurred_on <= p_on and x.live_until > p_on;
  v_levels := jsonb_array_length(v_version.sanctions);
  return query select v_version.version_number, v_repeats,
                      case when v_levels = 0 then null else least(v_repeats + 1, v_levels) end,
                      v_version.sanctions;
end;
$$;
comment on function private.violation_proposal(uuid, uuid, date, uuid) is
  'The version of a rule in force on a day, a person''s live repeats of it then, and the ladder level they propose (none without a ladder).';

-- =============================================================================
-- Triggers
-- =============================================================================
create or replace function private.violation_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_proposal record;
  v_territory uuid;
begin
  if tg_op = 'DELETE' then
    if old.status <> 'draft' then
      raise exception using errcode = '23514', detail = 'violation_decided',
        message = format('This violation is already %s; it is kept.', old.status);
    end if;
    return old;
  end if;
  if tg_op = 'UPDATE' and coalesce(current_setting('app.violation_workflow', true), '') <> 'on' then
    if old.status <> 'draft' then
      raise exception using errcode = '23514', detail = 'violation_decided',
        message = format('This violation is already %s; it no longer changes.', old.status);
    end if;
    if (new.status, new.statement, new.statement_at, new.decided_by, new.decided_at, new.closed_by, new.closed_at,
        new.level_order, new.sanction_kind, new.fine_amount, new.live_until, new.lighter_reason, new.dismissal_reason,
        new.recorded_by)
       is distinct from
       (old.status, old.statement, old.statement_at, old.decided_by, old.decided_at, old.closed_by, old.closed_at,
        old.level_order, old.sanction_kind, old.fine_amount, old.live_until, old.lighter_reason, old.dismissal_reason,
        old.recorded_by) then
      raise exception using errcode = '42501', detail = 'violation_workflow',
        message = 'A violation''s status, statement and sanction change through its own steps only.';
    end if;
  end if;
  if tg_op = 'INSERT' then
    new.status := 'draft';
    new.recorded_by := (select auth.uid());
    new.statement := '';
    new.statement_at := null;
    new.decided_by := null;
    new.decided_at := null;
    new.closed_by := null;
    new.closed_at := null;
    new.level_order := null;
    new.sanction_kind := null;
    new.fine_amount := null;
    new.live_until := null;
    new.lighter_reason := '';
    new.dismissal_reason := '';
  end if;
  if new.status = 'draft' then
    if new.occurred_on > current_date then
      raise exception using errcode = '23514', detail = 'violation_in_future',
        message = 'A violation is recorded on or after the day it happened, not before.';
    end if;
    select a.territory_id into v_territory from private.assignment_on(new.staff_id, new.occurred_on) a;
    if v_territory is null then
      raise exception using errcode = '23514', detail = 'violation_person_without_territory',
        message = 'This person had no territory that day; violations are kept by territory.';
    end if;
    new.territory_id := v_territory;
    select * into v_proposal from private.violation_proposal(new.staff_id, new.regulation_id, new.occurred_on, new.id);
    new.version_number := v_proposal.version_number;
    new.repeat_count := v_proposal.repeat_count;
    new.proposed_level := v_proposal.level_order;
  end if;
  return new;
end;
$$;
comment on function private.violation_before_write() is
  'Trigger: a violation is recorded as a draft by the writer, in its person''s territory of the day, under the rule''s version in force then, with its repeat count and proposal kept current; once decided it is kept as it is.';

create trigger violations_touch before insert or update on public.violations for each row execute function private.touch_row();
create trigger violations_before_write before insert or update or delete on public.violations
  for each row execute function private.violation_before_write();
select private.enable_audit('public.violations');

-- =============================================================================
-- Row-level security
-- =============================================================================
alter table public.violations enable row level security;

-- Read: everything at once for scope all (no per-row search of every territory), the
-- territories in scope as a hashed set otherwise, and one's own.
create policy "people with violations read permission in scope or their own can read violations" on public.violations
  for select to authenticated
  using (
    (select private.allows_all('violations', 'read'))
    or territory_id in (select unnest(private.territory_scope('violations', 'read', false)))
    or (staff_id = (select private.my_staff_id()) and (select private.allowed_owner('violations', 'read')) is not null)
  );
create policy "people with violations create permission in scope can record violations" on public.violations
  for insert to authenticated
  with check (territory_id = any ((select private.territory_scope('violations', 'create', false))::uuid[]));
create policy "people with violations update permission in scope can edit draft violations" on public.violations
  for update to authenticated
  using (territory_id = any ((select private.territory_scope('violations', 'update', false))::uuid[]))
  with check (territory_id = any ((select private.territory_scope('violations', 'update', false))::uuid[]));
create policy "people with violations delete permission in scope can delete draft violations" on public.violations
  for delete to authenticated
  using (territory_id = any ((select private.territory_scope('violations', 'delete', false))::uuid[]));

-- =============================================================================
-- Workflow
-- =============================================================================
-- The violation as its caller may read it, locked, or a 404 naming nothing.
create or replace function private.violation_for(p_violation uuid, p_version integer)
returns public.violations
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.violations;
begin
  select * into v_row from public.violations v where v.id = p_violation for update;
  if v_row.id is null or not (
       v_row.territory_id = any (private.territory_scope('violations', 'read', false))
       or (v_row.staff_id = private.my_staff_id() and private.allowed_owner('violations', 'read') is not null)) then
    raise exception using errcode = 'PT404', detail = 'violation_not_found', message = 'No violation with this id that you may read.';
  end if;
  if p_version is distinct from v_row.version then
    raise exception using errcode = 'PT409', detail = 'stale_version',
      message = 'This violation was changed by someone else since you opened it. Reload it and try again.';
  end if;
  return v_row;
end;
$$;
comment on function private.violation_for(uuid, integer) is
  'A violation its caller may read, locked for a workflow step at the version they saw; 404 or 409 otherwise.';

-- The person's statement, while the case is a draft.
create or replace function private.add_violation_statement(p_violation uuid, p_version integer, p_statement text)
returns public.violations
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.violations := private.violation_for(p_violation, p_version);
begin
  if v_row.staff_id is distinct from private.my_staff_id() then
    raise exception using errcode = '42501', detail = 'not_the_person', message = 'Only the person concerned adds a statement.';
  end if;
  if v_row.status <> 'draft' then
    raise exception using errcode = '23514', detail = 'violation_decided',
      message = format('This violation is already %s: a statement is added before it is decided.', v_row.status);
  end if;
  if length(btrim(coalesce(p_statement, ''))) < 3 or length(p_statement) > 2000 then
    raise exception using errcode = '22023', detail = 'statement_length', message = 'A statement is 3 to 2,000 characters.';
  end if;
  perform set_config('app.violation_workflow', 'on', true);
  update public.violations v set statement = btrim(p_statement), statement_at = now() where v.id = v_row.id returning * into v_row;
  perform set_config('app.violation_workflow', '', true);
  return v_row;
end;
$$;
comment on function private.add_violation_statement(uuid, integer, text) is
  'The person concerned adds their statement to a draft violation.';

-- Confirms a draft with the level its ladder proposes (recomputed now), or a lighter one with
-- a reason; dismisses it with a reason; or closes a confirmed one.
create or replace function private.decide_violation(p_violation uuid, p_version integer, p_decision text,
                                                   p_level integer default null, p_reason text default '')
returns public.violations
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.violations := private.violation_for(p_violation, p_version);
  v_proposal record;
  v_level jsonb;
  v_chosen integer;
begin
  if p_decision not in ('confirm', 'dismiss', 'close') or p_decision is null then
    raise exception using errcode = '22023', detail = 'decision_unknown', message = 'Confirm, dismiss or close the violation.';
  end if;
  if not v_row.territory_id = any (private.territory_scope('violations', 'approve', false)) then
    raise exception using errcode = '42501', detail = 'not_allowed', message = 'You may not decide violations here.';
  end if;
  if v_row.staff_id = private.my_staff_id() then
    raise exception using errcode = '42501', detail = 'decider_is_the_person', message = 'This violation is yours: someone else decides it.';
  end if;
  perform set_config('app.violation_workflow', 'on', true);
  if p_decision = 'close' then
    if v_row.status <> 'confirmed' then
      raise exception using errcode = '23514', detail = 'violation_not_confirmed', message = 'Only a confirmed violation is closed.';
    end if;
    update public.violations v set status = 'closed', closed_by = (select auth.uid()), closed_at = now()
     where v.id = v_row.id returning * into v_row;
  elsif v_row.status <> 'draft' then
    raise exception using errcode = '23514', detail = 'violation_decided', message = format('This violation is already %s.', v_row.status);
  elsif p_decision = 'dismiss' then
    if length(btrim(coalesce(p_reason, ''))) < 3 then
      raise exception using errcode = '22023', detail = 'reason_required', message = 'Say why the violation is dismissed (at least 3 characters).';
    end if;
    update public.violations v
       set status = 'dismissed', dismissal_reason = btrim(p_reason), decided_by = (select auth.uid()), decided_at = now()
     where v.id = v_row.id returning * into v_row;
  else
    select * into v_proposal from private.violation_proposal(v_row.staff_id, v_row.regulation_id, v_row.occurred_on, v_row.id);
    v_chosen := coalesce(p_level, v_proposal.level_order);
    if v_proposal.level_order is null and p_level is not null then
      raise exception using errcode = '22023', detail = 'no_ladder', message = 'This version of the rule has no sanction ladder: confirm it without a level.';
    end if;
    if v_chosen > v_proposal.level_order or v_chosen < 1 then
      raise exception using errcode = '22023', detail = 'level_above_proposal',
        message = format('The ladder proposes level %s for repeat %s; a heavier level is not allowed.',
                         v_proposal.level_order, v_proposal.repeat_count + 1);
    end if;
    if v_chosen < v_proposal.level_order and length(btrim(coalesce(p_reason, ''))) < 3 then
      raise exception using errcode = '22023', detail = 'lighter_needs_reason',
        message = format('A level lighter than the proposed %s needs a reason (at least 3 characters).', v_proposal.level_order);
    end if;
    select l into v_level from jsonb_array_elements(v_proposal.ladder) l where (l ->> 'level_order')::integer = v_chosen;
    update public.violations v
       set status = 'confirmed', repeat_count = v_proposal.repeat_count, proposed_level = v_proposal.level_order,
           level_order = v_chosen, sanction_kind = (v_level ->> 'kind')::public.sanction_kind,
           fine_amount = (v_level ->> 'fine_amount')::numeric,
           live_until = (v_row.occurred_on + make_interval(months => coalesce((v_level ->> 'live_months')::integer, 12)))::date,
           lighter_reason = case when v_chosen < v_proposal.level_order then btrim(p_reason) else '' end,
           decided_by = (select auth.uid()), decided_at = now()
     where v.id = v_row.id returning * into v_row;
  end if;
  perform set_config('app.violation_workflow', '', true);
  return v_row;
end;
$$;
comment on function private.decide_violation(uuid, integer, text, integer, text) is
  'Confirms a draft violation at the level its ladder proposes for the person''s live repeats (or a lighter one with a reason), dismisses it with a reason, or closes a confirmed one: by someone with violations approve permission in its territory who is not its person.';

-- The API: the steps above, each checking who may take it.
create or replace function public.add_violation_statement(p_violation uuid, p_version integer, p_statement text)
returns public.violations
language sql
set search_path = ''
as $$
  select * from private.add_violation_statement(p_violation, p_version, p_statement)
$$;
comment on function public.add_violation_statement(uuid, integer, text) is
  'The person concerned adds their statement to a draft violation.';

create or replace function public.decide_violation(p_violation uuid, p_version integer, p_decision text,
                                                   p_level integer default null, p_reason text default '')
returns public.violations
language sql
set search_path = ''
as $$
  select * from private.decide_violation(p_violation, p_version, p_decision, p_level, p_reason)
$$;
comment on function public.decide_violation(uuid, integer, text, integer, text) is
  'Confirms a draft violation at the level its ladder proposes for the person''s live repeats (or a lighter one with a reason), dismisses it with a reason, or closes a confirmed one: by someone with violations approve permission in its territory who is not its person.';

-- =============================================================================
-- The access explainer: a violation is in its territory and its person's own (to read).
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
    when 'personal_goals' then
      select s.user_id into v_staff from public.staff s where s.id = (p_row ->> 'staff_id')::uuid;
      return query select (p_row ->> 'territory_id')::uuid, true,
                          p_user is not null and v_staff.user_id is not distinct from p_user, true;
    when 'targets', 'kpi_actuals', 'evaluations', 'rewards', 'violations' then
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
revoke all on function private.violation_proposal(uuid, uuid, date, uuid) from public;
revoke all on function private.violation_before_write() from public;
revoke all on function private.violation_for(uuid, integer) from public;
revoke all on function private.add_violation_statement(uuid, integer, text) from public;
grant execute on function private.add_violation_statement(uuid, integer, text) to authenticated, service_role;
revoke all on function private.decide_violation(uuid, integer, text, integer, text) from public;
grant execute on function private.decide_violation(uuid, integer, text, integer, text) to authenticated, service_role;
revoke all on function public.add_violation_statement(uuid, integer, text) from public, anon;
grant execute on function public.add_violation_statement(uuid, integer, text) to authenticated, service_role;
revoke all on function public.decide_violation(uuid, integer, text, integer, text) from public, anon;
grant execute on function public.decide_violation(uuid, integer, text, integer, text) to authenticated, service_role;

-- Status, statement, proposal, sanction and who/when are written by the database only.
revoke all on public.violations from anon, authenticated, service_role;
grant select, delete on public.violations to authenticated, service_role;
grant insert (staff_id, regulation_id, occurred_on, description, evidence_note, visit_id, sale_id, severity)
  on public.violations to authenticated, service_role;
grant update (staff_id, regulation_id, occurred_on, description, evidence_note, visit_id, sale_id, severity, version)
  on public.violations to authenticated, service_role;

select private.refresh_audit_read_policy();

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('violations', 'table', '{all,territory,own}', 'Violations', 'Infracciones', '违规记录', 456);
insert into public.resource_actions (resource, action)
select 'violations', a from unnest(array['read', 'create', 'update', 'delete', 'approve']) a;

-- Managers record and decide violations in their subtree; HR anywhere; the auditor reads
-- everything; a person reads their own (and adds their statement).
insert into public.role_permissions (role_code, resource, action, scope)
select 'hr_admin', 'violations', a, 'all'::public.permission_scope from unnest(array['read', 'create', 'update', 'delete', 'approve']) a
union all
select 'manager', 'violations', a, 'territory' from unnest(array['read', 'create', 'update', 'delete', 'approve']) a
union all
select 'auditor', 'violations', 'read', 'all'
union all
select 'salesperson', 'violations', 'read', 'own';
