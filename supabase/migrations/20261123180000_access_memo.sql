-- One matrix lookup per request, not one per policy call. A list page's request runs the
-- policy helpers about ten times (the table, each embedded table, three helpers per policy),
-- and each call of private.access costs about 0.45 ms (roles, matrix rows, the territory
-- subtree). The caller's own grants are now computed once per transaction and kept in a
-- transaction-local setting, under the same trust as auth.uid() (which reads
-- request.jwt.claims the same way). Any write to what grants are made of (roles, the matrix,
-- logins, territories, staff, previews) moves a generation counter, so a later statement
-- in the same transaction never reads a stale grant.

-- =============================================================================
-- The generation counter
-- =============================================================================
create or replace function private.access_generation()
returns text
language sql
stable
set search_path = ''
as $$
  select coalesce(nullif(current_setting('private.access_generation', true), ''), '0')
$$;
comment on function private.access_generation() is 'How many statements in this transaction have changed what grants are made of.';

create or replace function private.bump_access_generation()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- (Inline, not private.access_generation(): any role that writes these tables fires this,
  -- the auth service's included.)
  perform set_config('private.access_generation',
                     (coalesce(nullif(current_setting('private.access_generation', true), ''), '0')::bigint + 1)::text, true);
  perform set_config('private.access_memo', '', true);
  return null;
end;
$$;
comment on function private.bump_access_generation() is
  'Statement trigger: a write to roles, the matrix, logins, territories, staff or previews invalidates the memoised grants of this transaction.';

create trigger user_roles_access_generation after insert or update or delete on public.user_roles
  for each statement execute function private.bump_access_generation();
create trigger role_permissions_access_generation after insert or update or delete on public.role_permissions
  for each statement execute function private.bump_access_generation();
create trigger profiles_access_generation after insert or update or delete on public.profiles
  for each statement execute function private.bump_access_generation();
create trigger territories_access_generation after insert or update or delete on public.territories
  for each statement execute function private.bump_access_generation();
create trigger staff_access_generation after insert or update or delete on public.staff
  for each statement execute function private.bump_access_generation();
create trigger preview_sessions_access_generation after insert or update or delete on public.preview_sessions
  for each statement execute function private.bump_access_generation();

-- =============================================================================
-- The computation (unchanged) and the memoising entry point
-- =============================================================================
create or replace function private.compute_access(p_resource text, p_action text, p_user uuid default null)
returns private.access_grant
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_user uuid := coalesce(p_user, (select auth.uid()));
  v_scopes public.permission_scope[];
  v_grant private.access_grant := row(false, null, '{}'::uuid[], '{}'::public.permission_scope[]);
begin
  if v_user is null then
    return v_grant;
  end if;
  -- A preview is read-only, whatever the previewed person may do.
  if p_user is null and private.preview_session_id() is not null and private.action_is_write(p_action) then
    return v_grant;
  end if;
  -- A deactivated login can do nothing.
  if not exists (select 1 from public.profiles p where p.id = v_user and p.is_active) then
    return v_grant;
  end if;
  -- An auditor never writes, whatever the matrix says.
  if private.action_is_write(p_action)
     and exists (select 1 from public.user_roles ur where ur.user_id = v_user and ur.role_code = 'auditor') then
    return v_grant;
  end if;
  select array_agg(distinct rp.scope)
    into v_scopes
    from public.user_roles ur
    join public.role_permissions rp on rp.role_code = ur.role_code
   where ur.user_id = v_user
     and rp.resource = p_resource
     and rp.action = p_action;
  if v_scopes is null then
    return v_grant;
  end if;
  v_grant.scopes := v_scopes;
  if 'all' = any (v_scopes) then
    v_grant.all_rows := true;
    return v_grant;
  end if;
  if 'own' = any (v_scopes) then
    v_grant.owner_id := v_user;
  end if;
  if 'territory' = any (v_scopes) then
    v_grant.territory_ids := private.responsible_territories(v_user);
  end if;
  return v_grant;
end;
$$;
comment on function private.compute_access(text, text, uuid) is
  'The decision itself: what a person may touch for resource x action (see private.access, which memoises the caller''s own).';

create or replace function private.access(p_resource text, p_action text, p_user uuid default null)
returns private.access_grant
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_key text;
  v_memo jsonb;
  v_grant private.access_grant;
begin
  -- Someone else's grants (the explainer, impact previews, invariants) are always computed.
  if p_user is not null then
    return private.compute_access(p_resource, p_action, p_user);
  end if;
  v_key := concat_ws('|', (select auth.uid())::text, private.preview_session_id()::text, private.access_generation(), p_resource, p_action);
  v_memo := nullif(current_setting('private.access_memo', true), '')::jsonb;
  if v_memo is not null and v_memo ? v_key then
    return jsonb_populate_record(null::private.access_grant, v_memo -> v_key);
  end if;
  v_grant := private.compute_access(p_resource, p_action, null);
  perform set_config('private.access_memo', (coalesce(v_memo, '{}'::jsonb) || jsonb_build_object(v_key, to_jsonb(v_grant)))::text, true);
  return v_grant;
end;
$$;
comment on function private.access(text, text, uuid) is
  'The single place the matrix is read: what a person may touch for resource x action. The caller''s own grants are computed once per transaction and generation.';

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.access_generation() from public;
revoke all on function private.bump_access_generation() from public;
revoke all on function private.compute_access(text, text, uuid) from public;
grant execute on function private.access_generation() to authenticated, service_role;
grant execute on function private.compute_access(text, text, uuid) to authenticated, service_role;
