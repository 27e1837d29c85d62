-- Each access invariant written once.
-- "A deactivated login does nothing, an auditor never writes, a preview never writes" was
-- restated in three functions: the policies' scopes (private.user_scopes), the effective
-- permissions a person is shown, and the explainer. private.refusing_invariant now says it,
-- and the three ask it (same answers; tests/db/access-invariants.test.ts states each once).

-- =============================================================================
-- The invariants
-- =============================================================================
-- The invariants, written once. Whatever the matrix says: a deactivated login (or a person
-- with no profile) can do nothing, an auditor never writes, a preview never writes. The
-- policy helpers (through user_scopes), effective_permissions and explain_access all ask this.
create or replace function private.refusing_invariant(p_user uuid, p_action text, p_in_preview boolean)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  -- plpgsql: the policies ask this for every grant they read, and its plan is kept per session.
  return (
    select case
             when not exists (select 1 from public.profiles p where p.id = p_user and p.is_active) then 'inactive'
             when not coalesce((select a.is_write from public.permission_actions a where a.code = p_action), true) then null
             when exists (select 1 from public.user_roles au where au.user_id = p_user and au.role_code = 'auditor')
               then 'auditor_never_writes'
             when p_in_preview then 'preview_read_only'
           end);
end;
$$;
comment on function private.refusing_invariant(uuid, text, boolean) is
  'The invariant that refuses p_user action whatever the matrix says (inactive, auditor_never_writes, preview_read_only), or null.';

revoke all on function private.refusing_invariant(uuid, text, boolean) from public, anon, authenticated, service_role;

-- =============================================================================
-- The places that decide, asking it
-- =============================================================================
-- The scopes a person holds on resource x action: the matrix rows of their roles, unless an
-- invariant refuses the action.
create or replace function private.user_scopes(p_user uuid, p_resource text, p_action text, p_in_preview boolean)
returns public.permission_scope[]
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_scopes public.permission_scope[];
begin
  if private.refusing_invariant(p_user, p_action, p_in_preview) is not null then
    return '{}';
  end if;
  select coalesce(array_agg(distinct rp.scope), '{}')
    into v_scopes
    from public.user_roles ur
    join public.role_permissions rp
      on rp.role_code = ur.role_code and rp.resource = p_resource and rp.action = p_action
   where ur.user_id = p_user;
  return v_scopes;
end;
$$;
comment on function private.user_scopes(uuid, text, text, boolean) is
  'The scopes p_user holds on resource x action through their roles, after the invariants (deactivated login, auditor never writes, a preview never writes). Empty when none.';

-- Effective permissions: every resource x action with the widest scope a person
-- gets and the roles that grant it, after the invariants.
create or replace function private.effective_permissions(p_user uuid)
returns table (resource text, action text, scope public.permission_scope, granted_by text[])
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_caller uuid := (select auth.uid());
  v_preview boolean := private.preview_session_id() is not null;
begin
  if v_caller is null then
    raise exception using errcode = '42501', message = 'Sign in to see permissions.';
  end if;
  if p_user is distinct from v_caller and not private.allows_all('permissions', 'read') then
    raise exception using errcode = '42501', message = 'You may only see your own permissions.',
      detail = 'not_allowed';
  end if;
  return query
    with held as (
      select rp.resource, rp.action, rp.scope, rp.role_code
        from public.user_roles ur
        join public.role_permissions rp on rp.role_code = ur.role_code
       where ur.user_id = p_user
         and private.refusing_invariant(p_user, rp.action, v_preview and p_user = v_caller) is null
    ),
    best as (
      select h.resource, h.action, max(h.scope) as scope from held h group by h.resource, h.action
    )
    select b.resource, b.action, b.scope,
           array(select h.role_code from held h
                  where h.resource = b.resource and h.action = b.action and h.scope = b.scope
                  order by h.role_code)
      from best b
     order by b.resource, b.action;
end;
$$;
comment on function private.effective_permissions(uuid) is 'Resource x action -> widest scope and granting roles for a person; callers see their own, or anyone''s with permissions:read.';

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

  -- The same invariants the policies apply (p_user given: not a preview).
  v_invariant := private.refusing_invariant(p_user, p_action, false);

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
