-- Explaining and previewing access: "why can / can't they" from the same helper the
-- policies use; read-only previews as another person (enforced by the database for every
-- request made with a preview token); the impact of a matrix change before it is saved;
-- numbered matrix versions with reason, diff and revert.

-- =============================================================================
-- Tables
-- =============================================================================
create table public.preview_sessions (
  id uuid primary key default gen_random_uuid(),
  viewer_id uuid not null references public.profiles (id) on delete cascade,
  subject_id uuid not null references public.profiles (id) on delete cascade,
  started_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '15 minutes',
  ended_at timestamptz,
  check (viewer_id <> subject_id),
  check (expires_at > started_at and expires_at <= started_at + interval '15 minutes'),
  check (ended_at is null or ended_at >= started_at)
);
comment on table public.preview_sessions is
  'Who previewed the panel as whom, from when, until when (at most 15 minutes) and when they ended it. A preview token names its session; requests with it run read-only.';
create index preview_sessions_viewer_idx on public.preview_sessions (viewer_id, started_at desc);
create index preview_sessions_subject_idx on public.preview_sessions (subject_id);

create table public.matrix_versions (
  id bigint generated always as identity primary key,
  created_at timestamptz not null default now(),
  author_id uuid references public.profiles (id) on delete set null,
  author_name text,
  reason text not null check (length(btrim(reason)) between 1 and 500),
  is_default boolean not null default false,
  -- Every cell after the change: [{role_code, resource, action, scope}], sorted.
  cells jsonb not null check (jsonb_typeof(cells) = 'array')
);
comment on table public.matrix_versions is
  'Every saved permission matrix as a numbered version: author, reason and the full set of cells (version 1 = the seeded defaults).';
create index matrix_versions_author_idx on public.matrix_versions (author_id);
create unique index matrix_versions_one_default on public.matrix_versions (is_default) where is_default;

-- =============================================================================
-- Preview: who is previewing, and the request guard
-- =============================================================================
-- The preview session named by the request's JWT, if any.
create or replace function private.preview_session_id()
returns uuid
language plpgsql
stable
set search_path = ''
as $$
begin
  return nullif(auth.jwt() -> 'preview' ->> 'session_id', '')::uuid;
end;
$$;
comment on function private.preview_session_id() is 'The preview session a request''s token belongs to (null for ordinary tokens).';

-- PostgREST's db-pre-request: a preview token must name a live session of that subject,
-- and everything it does runs in a read-only transaction (no table, RPC or trigger can
-- write, whatever the policies say).
create or replace function private.check_request()
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_session uuid;
begin
  v_session := private.preview_session_id();
  if v_session is null then
    return;
  end if;
  if not exists (
    select 1 from public.preview_sessions p
     where p.id = v_session
       and p.subject_id = (select auth.uid())
       and p.ended_at is null
       and p.expires_at > now()
  ) then
    raise exception using errcode = 'PT401', message = 'This preview has ended or expired.', detail = 'preview_ended';
  end if;
  perform set_config('transaction_read_only', 'on', true);
end;
$$;
comment on function private.check_request() is
  'db-pre-request: refuses ended or expired preview tokens and makes every preview request read-only.';

-- A hosted platform may refuse to let postgres change authenticator's settings: then the
-- migration goes on (previews then refuse to start: nothing would keep them read-only).
do $$
begin
  alter role authenticator set pgrst.db_pre_request = 'private.check_request';
exception when insufficient_privilege then
  raise notice 'Could not set pgrst.db_pre_request on authenticator (%): "View as" stays off until it is set (see README, Deploying).', sqlerrm;
end;
$$;
notify pgrst, 'reload config';

-- Starting and ending a preview (recorded rows, so the audit log has both).
create or replace function private.start_preview(p_subject uuid)
returns public.preview_sessions
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_viewer uuid := (select auth.uid());
  v_row public.preview_sessions;
  v_overreach text;
begin
  if v_viewer is null or private.preview_session_id() is not null then
    raise exception using errcode = '42501', message = 'Start a preview from your own session.', detail = 'not_allowed';
  end if;
  if not (private.access('profiles', 'preview')).all_rows then
    raise exception using errcode = '42501', message = 'Your roles do not allow previewing the panel as another person.', detail = 'not_allowed';
  end if;
  if not private.preview_guard_in_force() then
    raise exception using errcode = 'PT503', detail = 'not_configured',
      message = 'Previews are not configured on this project: the read-only request check (pgrst.db_pre_request) is not installed.';
  end if;
  if p_subject = v_viewer then
    raise exception using errcode = '23514', message = 'Pick someone other than yourself.', detail = 'invalid_input';
  end if;
  if not exists (select 1 from public.profiles p where p.id = p_subject and p.is_active) then
    raise exception using errcode = 'PT404', message = 'No active login with this id.', detail = 'not_found';
  end if;
  v_overreach := private.preview_overreach(v_viewer, p_subject);
  if v_overreach is not null then
    raise exception using errcode = '42501', detail = 'preview_exceeds_viewer',
      message = format('This person can read more than you can (%s), so a preview would show you what you may not see.', v_overreach);
  end if;
  -- One live preview per viewer: starting a new one ends the previous one.
  update public.preview_sessions set ended_at = now() where viewer_id = v_viewer and ended_at is null and expires_at > now();
  insert into public.preview_sessions (viewer_id, subject_id) values (v_viewer, p_subject) returning * into v_row;
  return v_row;
end;
$$;
comment on function private.start_preview(uuid) is 'Opens a 15-minute read-only preview of the panel as p_subject, for people holding profiles:preview.';

create or replace function private.end_preview(p_session uuid)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.preview_sessions
     set ended_at = now()
   where id = p_session and viewer_id = (select auth.uid()) and ended_at is null;
  return found;
end;
$$;
comment on function private.end_preview(uuid) is 'The viewer ends their preview session (its token stops working at once).';

create or replace function public.start_preview(p_subject uuid)
returns public.preview_sessions
language sql
set search_path = ''
as $$
  select * from private.start_preview(p_subject)
$$;
comment on function public.start_preview(uuid) is 'Starts a read-only preview as another person (the preview Edge Function then signs its token).';

create or replace function public.end_preview(p_session uuid)
returns boolean
language sql
set search_path = ''
as $$
  select private.end_preview(p_session)
$$;
comment on function public.end_preview(uuid) is 'Ends one of the caller''s previews.';

-- =============================================================================
-- Record facts: where a row lies for the territory and own scopes (as the policies see it)
-- =============================================================================
-- The table behind a matrix resource (null for capabilities).
create or replace function private.resource_table(p_resource text)
returns text
language sql
stable
set search_path = ''
as $$
  select case p_resource
           when 'permissions' then 'role_permissions'
           when 'custom_fields' then 'custom_field_definitions'
           when 'logins' then null
           else (select c.relname::text from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                  where n.nspname = 'public' and c.relname = p_resource and c.relkind = 'r')
         end
$$;

-- The row of a resource with this key, as jsonb (past RLS: the explainer judges it).
create or replace function private.resource_row(p_resource text, p_record text)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_table text := private.resource_table(p_resource);
  v_keys text[];
  v_types text[];
  v_where text;
  v_row jsonb;
begin
  if v_table is null or p_record is null then
    return null;
  end if;
  select a.key_columns, a.key_types into v_keys, v_types from private.audited_tables a where a.table_name = v_table;
  if v_keys is null then
    return null;
  end if;
  select string_agg(format('%I = split_part($1, ''|'', %s)::%s', k.col, k.i, v_types[k.i]), ' and ')
    into v_where from unnest(v_keys) with ordinality k(col, i);
  begin
    execute format('select to_jsonb(t) from public.%I t where %s', v_table, v_where) into v_row using p_record;
  exception when invalid_text_representation then
    return null;
  end;
  return v_row;
end;
$$;

-- Where a row lies: its territory (for the territory scope) and whether it is the person's
-- own, per resource and action, mirroring each table's policy.
create or replace function private.record_facts(p_resource text, p_action text, p_row jsonb, p_user uuid)
returns table (territory_id uuid, territory_applies boolean, is_own boolean, own_applies boolean)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_staff record;
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
    else
      return query select null::uuid, false, false, false;
  end case;
end;
$$;
comment on function private.record_facts(text, text, jsonb, uuid) is
  'For the explainer and impact counts: the territory a row lies in and whether it is the person''s own, as each table''s policy sees it.';

-- =============================================================================
-- The explainer
-- =============================================================================
create or replace function private.explain_access(p_user uuid, p_resource text, p_action text, p_record text default null)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_caller uuid := (select auth.uid());
  v_grant private.access_grant;
  v_person record;
  v_roles jsonb;
  v_rows jsonb;
  v_row jsonb;
  v_facts record;
  v_invariant text;
  v_decision text;
  v_allowed boolean;
  v_record jsonb;
  v_roots jsonb := '[]';
  v_territory jsonb;
begin
  if v_caller is null then
    raise exception using errcode = '42501', message = 'Sign in first.', detail = 'not_allowed';
  end if;
  if p_user is distinct from v_caller and not (private.access('permissions', 'read')).all_rows then
    raise exception using errcode = '42501', message = 'You may only ask why for yourself.', detail = 'not_allowed';
  end if;
  if not exists (select 1 from public.resource_actions ra where ra.resource = p_resource and ra.action = p_action) then
    raise exception using errcode = '22023', message = format('"%s" is not an action of "%s".', p_action, p_resource), detail = 'invalid_input';
  end if;
  select p.id, p.full_name, p.email, p.is_active into v_person from public.profiles p where p.id = p_user;
  if v_person.id is null then
    raise exception using errcode = 'PT404', message = 'No such person.', detail = 'not_found';
  end if;

  -- The very decision the policies use (p_user given, so a preview does not colour it).
  v_grant := private.access(p_resource, p_action, p_user);

  select coalesce(jsonb_agg(jsonb_build_object('code', r.code, 'label_en', r.label_en, 'label_es', r.label_es, 'label_zh', r.label_zh) order by r.code), '[]')
    into v_roles
    from public.user_roles ur join public.app_roles r on r.code = ur.role_code where ur.user_id = p_user;
  select coalesce(jsonb_agg(jsonb_build_object('role_code', rp.role_code, 'scope', rp.scope) order by rp.role_code), '[]')
    into v_rows
    from public.user_roles ur join public.role_permissions rp on rp.role_code = ur.role_code
   where ur.user_id = p_user and rp.resource = p_resource and rp.action = p_action;

  if not v_person.is_active then
    v_invariant := 'inactive';
  elsif private.action_is_write(p_action) and exists (select 1 from public.user_roles ur where ur.user_id = p_user and ur.role_code = 'auditor') then
    v_invariant := 'auditor_never_writes';
  end if;

  -- Territory roots the person is responsible for (for the wording "inside territory North").
  if 'territory' = any (v_grant.scopes) then
    select coalesce(jsonb_agg(jsonb_build_object('id', t.id, 'code', t.code, 'name', t.name) order by t.code), '[]')
      into v_roots
      from public.staff me join public.territories t on t.manager_id = me.id
     where me.user_id = p_user and private.may_read_row('territories', to_jsonb(t), v_caller);
  end if;

  if v_invariant is not null then
    v_decision := v_invariant;
    v_allowed := false;
  elsif cardinality(v_grant.scopes) = 0 then
    v_decision := 'no_grant';
    v_allowed := false;
  elsif v_grant.all_rows then
    v_decision := 'all';
    v_allowed := true;
  elsif p_record is null then
    v_decision := 'some_rows';
    v_allowed := true;
  end if;

  if p_record is not null then
    v_row := private.resource_row(p_resource, p_record);
    if v_row is null then
      v_record := jsonb_build_object('id', p_record, 'exists', false);
      if v_decision is null then
        v_decision := 'no_record';
        v_allowed := false;
      end if;
    else
      select * into v_facts from private.record_facts(p_resource, p_action, v_row, p_user);
      -- Name the row (label, code, territory) only to a caller who may read it; otherwise the
      -- decision is explained without saying what the row is or where it lies.
      if private.may_read_row(p_resource, v_row, v_caller) then
        select jsonb_build_object('id', t.id, 'code', t.code, 'name', t.name) into v_territory
          from public.territories t
         where t.id = v_facts.territory_id and private.may_read_row('territories', to_jsonb(t), v_caller);
        v_record := jsonb_build_object(
          'id', p_record, 'exists', true,
          'label', coalesce(v_row ->> 'full_name', v_row ->> 'code', v_row ->> 'name', v_row ->> 'email', p_record),
          'territory', v_territory,
          'is_own', coalesce(v_facts.is_own, false));
      else
        v_record := jsonb_build_object('id', p_record, 'exists', true, 'hidden', true, 'is_own', coalesce(v_facts.is_own, false));
      end if;
      if v_decision is null then
        if v_facts.territory_applies and v_facts.territory_id = any (v_grant.territory_ids) then
          v_decision := 'in_territory';
          v_allowed := true;
        elsif v_facts.own_applies and v_grant.owner_id is not null and v_facts.is_own then
          v_decision := 'own';
          v_allowed := true;
        elsif 'territory' = any (v_grant.scopes) and v_facts.territory_applies then
          v_decision := 'outside_territory';
          v_allowed := false;
        elsif 'own' = any (v_grant.scopes) and v_facts.own_applies then
          v_decision := 'not_own';
          v_allowed := false;
        else
          v_decision := 'scope_not_applicable';
          v_allowed := false;
        end if;
      end if;
    end if;
  end if;

  return jsonb_build_object(
    'allowed', v_allowed,
    'decision', v_decision,
    'invariant', v_invariant,
    'person', jsonb_build_object('id', v_person.id, 'name', v_person.full_name, 'email', v_person.email, 'active', v_person.is_active, 'roles', v_roles),
    'resource', p_resource,
    'action', p_action,
    'scope', (select max(s) from unnest(v_grant.scopes) s),
    'matrix_rows', v_rows,
    'territories', v_roots,
    'record', v_record);
end;
$$;
comment on function private.explain_access(uuid, text, text, text) is
  'Why a person may or may not do action on resource (optionally one record): roles, matrix rows, scope, record placement, invariants. Uses private.access, the policies'' own helper.';

create or replace function public.explain_access(p_user uuid, p_resource text, p_action text, p_record text default null)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.explain_access(p_user, p_resource, p_action, p_record)
$$;
comment on function public.explain_access(uuid, text, text, text) is
  'The decision and its reasons for a person x resource x action (x record). Callers ask for themselves, or for anyone with permissions:read.';

-- =============================================================================
-- Impact of a matrix change before saving
-- =============================================================================
-- How many rows of a resource a grant reaches (capabilities: null).
create or replace function private.rows_in_scope(p_resource text, p_action text, p_grant private.access_grant, p_user uuid)
returns bigint
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_table text := private.resource_table(p_resource);
  v_count bigint;
begin
  if v_table is null then
    return null;
  end if;
  if cardinality(p_grant.scopes) = 0 then
    return 0;
  end if;
  if p_grant.all_rows then
    if v_table = 'audit_log' then
      -- A million rows: the planner's estimate is the honest, cheap answer.
      select greatest(c.reltuples, 0)::bigint into v_count from pg_catalog.pg_class c where c.oid = 'public.audit_log'::regclass;
      return v_count;
    end if;
    execute format('select count(*) from public.%I', v_table) into v_count;
    return v_count;
  end if;
  execute format(
    'select count(*) from public.%I t, private.record_facts($1, $2, to_jsonb(t), $3) f
      where (f.territory_applies and f.territory_id = any ($4)) or (f.own_applies and $5 is not null and f.is_own)',
    v_table)
    into v_count using p_resource, p_action, p_user, p_grant.territory_ids, p_grant.owner_id;
  return v_count;
end;
$$;

-- For each changed cell and each person holding its role: the scope they get and how many
-- rows it reaches, as the matrix stands (keys: role/resource/action/person).
create or replace function private.matrix_cells_snapshot(p_cells jsonb)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_snapshot jsonb := '{}';
  v_cell record;
  v_person record;
  v_grant private.access_grant;
begin
  for v_cell in
    select c ->> 'role_code' as role_code, c ->> 'resource' as resource, c ->> 'action' as action from jsonb_array_elements(p_cells) c
  loop
    for v_person in
      select p.id from public.user_roles ur join public.profiles p on p.id = ur.user_id where ur.role_code = v_cell.role_code
    loop
      v_grant := private.access(v_cell.resource, v_cell.action, v_person.id);
      v_snapshot := v_snapshot || jsonb_build_object(
        v_cell.role_code || '/' || v_cell.resource || '/' || v_cell.action || '/' || v_person.id,
        jsonb_build_object('scope', (select max(s) from unnest(v_grant.scopes) s),
                           'rows', private.rows_in_scope(v_cell.resource, v_cell.action, v_grant, v_person.id)));
    end loop;
  end loop;
  return v_snapshot;
end;
$$;
comment on function private.matrix_cells_snapshot(jsonb) is
  'Per changed cell and person holding its role: scope and rows reached (the before and after of matrix_change_impact).';

-- Per changed cell: who gains or loses the action and on how many rows, computed by applying
-- the changes in a rolled-back subtransaction and asking the same helper before and after.
create or replace function public.matrix_change_impact(p_changes jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_cells jsonb;
  v_before jsonb := '{}';
  v_after jsonb := '{}';
  v_result jsonb := '[]';
  v_cell record;
  v_person record;
  v_key text;
  v_people jsonb;
  v_b jsonb;
  v_a jsonb;
  v_gain integer;
  v_lose integer;
  v_rows_before bigint;
  v_rows_after bigint;
begin
  if not private.allows_all('permissions', 'update') then
    raise exception using errcode = '42501', message = 'You are not allowed to edit the permission matrix.', detail = 'not_allowed';
  end if;
  if jsonb_typeof(p_changes) is distinct from 'array' then
    raise exception using errcode = '22023', message = 'Matrix changes must be a JSON array.', detail = 'invalid_input';
  end if;
  -- The cells touched; each person holding a changed role, before and after.
  select coalesce(jsonb_agg(distinct jsonb_build_object('role_code', c ->> 'role_code', 'resource', c ->> 'resource', 'action', c ->> 'action')), '[]')
    into v_cells from jsonb_array_elements(p_changes) c;
  v_before := private.matrix_cells_snapshot(v_cells);
  begin
    perform private.apply_matrix_changes(p_changes);
    v_after := private.matrix_cells_snapshot(v_cells);
    raise exception using errcode = 'P0001', message = 'impact: roll back', detail = 'impact_rollback';
  exception when raise_exception then
    if sqlerrm <> 'impact: roll back' then
      raise;
    end if;
  end;

  for v_cell in
    select c ->> 'role_code' as role_code, c ->> 'resource' as resource, c ->> 'action' as action from jsonb_array_elements(v_cells) c
  loop
    v_people := '[]';
    v_gain := 0;
    v_lose := 0;
    v_rows_before := 0;
    v_rows_after := 0;
    for v_person in
      select p.id, p.full_name from public.user_roles ur join public.profiles p on p.id = ur.user_id
       where ur.role_code = v_cell.role_code order by p.full_name
    loop
      v_key := v_cell.role_code || '/' || v_cell.resource || '/' || v_cell.action || '/' || v_person.id;
      v_b := v_before -> v_key;
      v_a := v_after -> v_key;
      if (v_b ->> 'scope') is distinct from (v_a ->> 'scope') or (v_b ->> 'rows') is distinct from (v_a ->> 'rows') then
        if private.scope_rank((v_a ->> 'scope')::public.permission_scope) > private.scope_rank((v_b ->> 'scope')::public.permission_scope)
           or coalesce((v_a ->> 'rows')::bigint, 0) > coalesce((v_b ->> 'rows')::bigint, 0) then
          v_gain := v_gain + 1;
        else
          v_lose := v_lose + 1;
        end if;
        v_people := v_people || jsonb_build_array(jsonb_build_object(
          'user_id', v_person.id, 'name', v_person.full_name,
          'scope_before', v_b -> 'scope', 'scope_after', v_a -> 'scope',
          'rows_before', v_b -> 'rows', 'rows_after', v_a -> 'rows'));
        v_rows_before := v_rows_before + coalesce((v_b ->> 'rows')::bigint, 0);
        v_rows_after := v_rows_after + coalesce((v_a ->> 'rows')::bigint, 0);
      end if;
    end loop;
    v_result := v_result || jsonb_build_array(jsonb_build_object(
      'role_code', v_cell.role_code, 'resource', v_cell.resource, 'action', v_cell.action,
      'people_gaining', v_gain, 'people_losing', v_lose,
      'rows_before', v_rows_before, 'rows_after', v_rows_after, 'people', v_people));
  end loop;
  return v_result;
end;
$$;
comment on function public.matrix_change_impact(jsonb) is
  'For unsaved matrix changes: per cell, who gains or loses the action and on how many rows, computed from current data (changes applied and rolled back).';

-- =============================================================================
-- Saving, versioning and reverting the matrix
-- =============================================================================
create or replace function private.matrix_cells()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('role_code', rp.role_code, 'resource', rp.resource, 'action', rp.action, 'scope', rp.scope)
                            order by rp.role_code, rp.resource, rp.action), '[]')
    from public.role_permissions rp
$$;

-- Applies cell changes (the body of save_permission_matrix: RLS, invariants and the
-- expected_scope check apply; stale cells are refused with 409).
create or replace function private.apply_matrix_changes(p_changes jsonb)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_change jsonb;
  v_current public.permission_scope;
  v_expected public.permission_scope;
  v_scope public.permission_scope;
  v_rows integer;
  v_total integer := 0;
begin
  if jsonb_typeof(p_changes) is distinct from 'array' then
    raise exception using errcode = '22023', message = 'Matrix changes must be a JSON array.', detail = 'invalid_input';
  end if;
  if not private.allows_all('permissions', 'update') then
    raise exception using errcode = '42501', message = 'You are not allowed to edit the permission matrix.', detail = 'not_allowed';
  end if;
  perform set_config('app.matrix_batch', 'on', true);
  for v_change in select value from jsonb_array_elements(p_changes) loop
    if (v_change ->> 'role_code') is null or (v_change ->> 'resource') is null or (v_change ->> 'action') is null then
      raise exception using errcode = '22023', message = 'Each matrix change needs role_code, resource and action.', detail = 'invalid_input';
    end if;
    v_expected := (v_change ->> 'expected_scope')::public.permission_scope;
    v_scope := (v_change ->> 'scope')::public.permission_scope;
    select rp.scope into v_current
      from public.role_permissions rp
     where rp.role_code = v_change ->> 'role_code' and rp.resource = v_change ->> 'resource' and rp.action = v_change ->> 'action'
       for update;
    if v_current is distinct from v_expected then
      raise exception using errcode = 'PT409',
        message = format('The matrix changed since you opened it: %s / %s / %s is now "%s". Reload and apply your change again.',
                         v_change ->> 'role_code', v_change ->> 'resource', v_change ->> 'action', coalesce(v_current::text, 'none')),
        detail = 'stale_version';
    end if;
    if v_scope is null then
      delete from public.role_permissions rp
       where rp.role_code = v_change ->> 'role_code' and rp.resource = v_change ->> 'resource' and rp.action = v_change ->> 'action';
    elsif v_current is null then
      insert into public.role_permissions (role_code, resource, action, scope)
      values (v_change ->> 'role_code', v_change ->> 'resource', v_change ->> 'action', v_scope);
    else
      update public.role_permissions rp set scope = v_scope
       where rp.role_code = v_change ->> 'role_code' and rp.resource = v_change ->> 'resource' and rp.action = v_change ->> 'action';
    end if;
    get diagnostics v_rows = row_count;
    if v_rows = 0 and v_current is distinct from v_scope then
      raise exception using errcode = '42501', message = 'You are not allowed to change this matrix cell.', detail = 'not_allowed';
    end if;
    v_total := v_total + v_rows;
  end loop;
  perform set_config('app.matrix_batch', '', true);
  return v_total;
end;
$$;

create or replace function private.record_matrix_version(p_reason text)
returns public.matrix_versions
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.matrix_versions;
  v_user uuid := (select auth.uid());
begin
  insert into public.matrix_versions (author_id, author_name, reason, cells)
  values (v_user, (select p.full_name from public.profiles p where p.id = v_user), p_reason, private.matrix_cells())
  returning * into v_row;
  return v_row;
end;
$$;

-- A direct write to role_permissions (outside save_permission_matrix) is versioned too.
create or replace function private.matrix_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if current_setting('app.matrix_batch', true) = 'on' then
    return null;
  end if;
  perform private.record_matrix_version('Direct change to the matrix table');
  return null;
end;
$$;


create or replace function public.save_permission_matrix(p_changes jsonb, p_reason text)
returns public.matrix_versions
language plpgsql
set search_path = ''
as $$
begin
  if p_reason is null or length(btrim(p_reason)) = 0 then
    raise exception using errcode = '23514', message = 'Say why the matrix changes: the reason is kept in its history.', detail = 'reason_required';
  end if;
  if length(p_reason) > 500 then
    raise exception using errcode = '22001', message = 'The reason is too long (at most 500 characters).', detail = 'invalid_input';
  end if;
  perform private.apply_matrix_changes(p_changes);
  return private.record_matrix_version(btrim(p_reason));
end;
$$;
comment on function public.save_permission_matrix(jsonb, text) is
  'Applies matrix cell changes atomically (RLS, invariants, stale cells refused with 409) and records a numbered version with the reason.';

-- The cells that differ between two versions (null version = the current matrix).
create or replace function public.matrix_version_diff(p_from bigint, p_to bigint default null)
returns table (role_code text, resource text, action text, from_scope public.permission_scope, to_scope public.permission_scope)
language sql
stable
set search_path = ''
as $$
  with a as (
    select c ->> 'role_code' as role_code, c ->> 'resource' as resource, c ->> 'action' as action, (c ->> 'scope')::public.permission_scope as scope
      from public.matrix_versions v, jsonb_array_elements(v.cells) c where v.id = p_from
  ),
  b as (
    select c ->> 'role_code' as role_code, c ->> 'resource' as resource, c ->> 'action' as action, (c ->> 'scope')::public.permission_scope as scope
      from jsonb_array_elements(
        case when p_to is null then (select coalesce(jsonb_agg(jsonb_build_object('role_code', rp.role_code, 'resource', rp.resource, 'action', rp.action, 'scope', rp.scope)), '[]')
                                       from public.role_permissions rp)
             else (select v.cells from public.matrix_versions v where v.id = p_to) end) c
  )
  select coalesce(a.role_code, b.role_code), coalesce(a.resource, b.resource), coalesce(a.action, b.action), a.scope, b.scope
    from a full join b on a.role_code = b.role_code and a.resource = b.resource and a.action = b.action
   where a.scope is distinct from b.scope
   order by 1, 2, 3
$$;
comment on function public.matrix_version_diff(bigint, bigint) is 'Cells that differ from version p_from to version p_to (or to the current matrix).';

-- The changes that bring the current matrix back to a version (for preview and revert).
create or replace function public.matrix_revert_changes(p_version bigint)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('role_code', d.role_code, 'resource', d.resource, 'action', d.action,
                                               'expected_scope', d.from_scope, 'scope', d.to_scope)), '[]')
    from public.matrix_version_diff(p_version, null) x
    cross join lateral (select x.role_code, x.resource, x.action, x.to_scope as from_scope, x.from_scope as to_scope) d
   where exists (select 1 from public.matrix_versions v where v.id = p_version)
$$;
comment on function public.matrix_revert_changes(bigint) is 'Changes (with expected scopes) that turn the current matrix into version p_version.';

create or replace function public.revert_permission_matrix(p_version bigint, p_reason text)
returns public.matrix_versions
language plpgsql
set search_path = ''
as $$
begin
  if not exists (select 1 from public.matrix_versions v where v.id = p_version) then
    raise exception using errcode = 'PT404', message = 'No such matrix version.', detail = 'not_found';
  end if;
  return public.save_permission_matrix(public.matrix_revert_changes(p_version), p_reason);
end;
$$;
comment on function public.revert_permission_matrix(bigint, text) is 'Restores the matrix of an earlier version, as a new version with a reason.';

-- =============================================================================
-- Triggers
-- =============================================================================
create trigger role_permissions_versioned after insert or update or delete on public.role_permissions
  for each statement execute function private.matrix_changed();

select private.enable_audit('public.preview_sessions');
select private.enable_audit('public.matrix_versions');

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.preview_session_id() from public;
revoke all on function private.check_request() from public;
revoke all on function private.start_preview(uuid) from public;
revoke all on function private.end_preview(uuid) from public;
revoke all on function private.resource_table(text) from public;
revoke all on function private.resource_row(text, text) from public;
revoke all on function private.record_facts(text, text, jsonb, uuid) from public;
revoke all on function private.explain_access(uuid, text, text, text) from public;
revoke all on function private.rows_in_scope(text, text, private.access_grant, uuid) from public;
revoke all on function private.matrix_cells() from public;
revoke all on function private.matrix_cells_snapshot(jsonb) from public;
revoke all on function private.apply_matrix_changes(jsonb) from public;
revoke all on function private.record_matrix_version(text) from public;
revoke all on function private.matrix_changed() from public;
-- PostgREST runs the pre-request check as the request's role, anon included.
grant execute on function private.preview_session_id() to anon, authenticated, service_role;
grant execute on function private.check_request() to anon, authenticated, service_role;
grant execute on function private.start_preview(uuid), private.end_preview(uuid) to authenticated;
grant execute on function private.explain_access(uuid, text, text, text) to authenticated;
grant execute on function private.rows_in_scope(text, text, private.access_grant, uuid), private.matrix_cells_snapshot(jsonb),
  private.apply_matrix_changes(jsonb), private.record_matrix_version(text) to authenticated;

revoke all on function public.start_preview(uuid), public.end_preview(uuid), public.explain_access(uuid, text, text, text),
  public.matrix_change_impact(jsonb), public.save_permission_matrix(jsonb, text), public.matrix_version_diff(bigint, bigint),
  public.matrix_revert_changes(bigint), public.revert_permission_matrix(bigint, text) from public, anon;
grant execute on function public.start_preview(uuid), public.end_preview(uuid), public.explain_access(uuid, text, text, text),
  public.matrix_change_impact(jsonb), public.save_permission_matrix(jsonb, text), public.matrix_version_diff(bigint, bigint),
  public.matrix_revert_changes(bigint), public.revert_permission_matrix(bigint, text) to authenticated;

revoke all on public.preview_sessions, public.matrix_versions from anon, authenticated, service_role;
grant select on public.preview_sessions, public.matrix_versions to authenticated;
grant select, insert, update, delete on public.preview_sessions to service_role;
grant select on public.matrix_versions to service_role;

-- =============================================================================
-- RLS policies
-- =============================================================================
alter table public.preview_sessions enable row level security;
alter table public.matrix_versions enable row level security;

create policy "people with preview_sessions read permission read previews, their own or all" on public.preview_sessions
  for select to authenticated
  using ((select private.allows_all('preview_sessions', 'read')) or viewer_id = (select private.allowed_owner('preview_sessions', 'read')));

create policy "people with permissions read permission read the matrix history" on public.matrix_versions
  for select to authenticated using ((select private.allows_all('permissions', 'read')));

-- =============================================================================
-- Catalogue, matrix rows and the first version
-- =============================================================================
-- These cells are part of the defaults: do not record them as a change of their own.
select set_config('app.matrix_batch', 'on', true);

insert into public.permission_actions (code, is_write, label_en, label_es, label_zh, sort_order) values
  ('preview', false, 'Preview as', 'Ver como', '以他人身份预览', 80);

insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('preview_sessions', 'table', '{own,all}', 'Preview sessions', 'Sesiones de vista previa', '预览会话', 950);

insert into public.resource_actions (resource, action) values
  ('profiles', 'preview'),
  ('preview_sessions', 'read');

insert into public.role_permissions (role_code, resource, action, scope) values
  ('hr_admin', 'profiles', 'preview', 'all'),
  ('hr_admin', 'preview_sessions', 'read', 'all'),
  ('auditor', 'profiles', 'preview', 'all'),
  ('auditor', 'preview_sessions', 'read', 'all');

-- Version 1: the seeded defaults, as they stand after every migration so far.
insert into public.matrix_versions (author_id, author_name, reason, is_default, cells)
values (null, null, 'Seeded defaults', true, private.matrix_cells());
select set_config('app.matrix_batch', '', true);
-- =============================================================================
-- Private functions: the explainer names only rows the caller may read
-- =============================================================================
-- May p_user read this row of the resource? The same facts the explainer and the impact
-- preview use (the matrix grant for "read", the row's territory and owner).
create or replace function private.may_read_row(p_resource text, p_row jsonb, p_user uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_grant private.access_grant;
  v_facts record;
begin
  if p_row is null or p_user is null then
    return false;
  end if;
  v_grant := private.access(p_resource, 'read', p_user);
  if v_grant.all_rows then
    return true;
  end if;
  select * into v_facts from private.record_facts(p_resource, 'read', p_row, p_user);
  return coalesce((v_facts.territory_applies and v_facts.territory_id = any (v_grant.territory_ids))
                  or (v_facts.own_applies and v_grant.owner_id is not null and v_facts.is_own), false);
end;
$$;
comment on function private.may_read_row(text, jsonb, uuid) is
  'Whether p_user''s read grant reaches this row (all rows, its territory, or their own), as the table''s policy decides.';


-- =============================================================================
-- Private functions: previews never show more than the viewer may see
-- =============================================================================
-- Whether PostgREST's pre-request check (which makes preview requests read-only) is set
-- for the authenticator role. Without it a preview token could write: previews refuse.
create or replace function private.preview_guard_in_force()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from pg_catalog.pg_db_role_setting s
     where s.setrole = (select r.oid from pg_catalog.pg_roles r where r.rolname = 'authenticator')
       and s.setdatabase = 0
       and 'pgrst.db_pre_request=private.check_request' = any (s.setconfig))
$$;
comment on function private.preview_guard_in_force() is
  'True when authenticator''s pgrst.db_pre_request names private.check_request (previews are then read-only).';

-- The first thing p_subject may read that p_viewer may not (null when none): for every read
-- action of the matrix, the subject's grant must lie inside the viewer's: all rows only under
-- all rows, territories only inside the viewer's territories, and every row that is the
-- subject's own must be one the viewer's grant reaches.
create or replace function private.preview_overreach(p_viewer uuid, p_subject uuid)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_cell record;
  v_subject private.access_grant;
  v_viewer private.access_grant;
  v_table text;
  v_hidden boolean;
begin
  for v_cell in
    select ra.resource, ra.action, r.label_en as resource_label
      from public.resource_actions ra
      join public.permission_actions a on a.code = ra.action and not a.is_write and a.code <> 'preview'
      join public.resources r on r.code = ra.resource
     order by r.sort_order, ra.resource, a.sort_order
  loop
    v_subject := private.access(v_cell.resource, v_cell.action, p_subject);
    continue when cardinality(v_subject.scopes) = 0;
    v_viewer := private.access(v_cell.resource, v_cell.action, p_viewer);
    continue when v_viewer.all_rows;
    if v_subject.all_rows then
      return format('%s: every record (you may not read them all)', v_cell.resource_label);
    end if;
    if 'territory' = any (v_subject.scopes) and not (v_subject.territory_ids operator(pg_catalog.<@) v_viewer.territory_ids) then
      return format('%s: records of territories you are not responsible for', v_cell.resource_label);
    end if;
    if v_subject.owner_id is not null then
      v_table := private.resource_table(v_cell.resource);
      if v_table is not null then
        execute format(
          'select exists (
             select 1 from public.%I t
              cross join lateral private.record_facts($1, $2, to_jsonb(t), $3) s
              cross join lateral private.record_facts($1, $2, to_jsonb(t), $4) v
              where s.own_applies and s.is_own
                and not coalesce((v.territory_applies and v.territory_id = any ($5)) or (v.own_applies and $6 is not null and v.is_own), false))',
          v_table)
          into v_hidden
          using v_cell.resource, v_cell.action, p_subject, p_viewer, v_viewer.territory_ids, v_viewer.owner_id;
        if v_hidden then
          return format('%s: their own records, which you may not read', v_cell.resource_label);
        end if;
      end if;
    end if;
  end loop;
  return null;
end;
$$;
comment on function private.preview_overreach(uuid, uuid) is
  'What p_subject may read that p_viewer may not (a sentence), or null: a preview is refused unless the subject''s reads lie inside the viewer''s.';
comment on function private.start_preview(uuid) is
  'Opens a 15-minute read-only preview as p_subject, for people holding profiles:preview whose own reads cover the subject''s, when the read-only check is installed.';





-- =============================================================================
-- Grants for the explainer's and preview's private helpers
-- =============================================================================
-- Called only inside the explainer and start_preview (definer functions): no API role needs them.
revoke all on function private.may_read_row(text, jsonb, uuid), private.preview_guard_in_force(),
  private.preview_overreach(uuid, uuid) from public;

-- The audit log's read policy, now that people may read this feature's audited tables.
select private.refresh_audit_read_policy();
