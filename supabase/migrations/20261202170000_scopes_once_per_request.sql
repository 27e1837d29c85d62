-- A person's scopes are worked out once per request. Every policy asks my_scopes (through
-- allows_all, allowed_territories, allowed_owner, territory_scope) for the resources a request
-- touches: the salesperson's customer list with its tier, territory and owner asked eleven
-- times for four answers, each answer four lookups. The answer is now kept for the rest of the
-- transaction (a transaction-local setting, gone at commit or rollback), tagged with who asks
-- (user and preview session) and with the matrix generation: every statement that changes the
-- matrix, a person's roles, a login's active flag or the write actions bumps the generation, so
-- a change made earlier in the same transaction is seen by the next check. Nobody else can
-- write these settings: PostgREST sets only request.* and role, and no exposed function sets
-- a setting from its arguments.

-- =============================================================================
-- Private functions
-- =============================================================================
create or replace function private.my_scopes(p_resource text, p_action text)
returns public.permission_scope[]
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_user uuid := auth.uid();
  v_preview uuid := private.preview_session_id();
  v_name text := format('app_scopes.%s.%s', regexp_replace(p_resource, '[^a-z0-9_]', '_', 'g'),
                        regexp_replace(p_action, '[^a-z0-9_]', '_', 'g'));
  v_tag text := format('%s/%s/%s', v_user, v_preview,
                       coalesce(nullif(current_setting('app_scopes.generation', true), ''), '0'));
  v_kept text := current_setting(v_name, true);
  v_scopes public.permission_scope[];
begin
  if v_kept is not null and split_part(v_kept, '=', 1) = v_tag then
    return split_part(v_kept, '=', 2)::public.permission_scope[];
  end if;
  v_scopes := private.user_scopes(v_user, p_resource, p_action, v_preview is not null);
  perform set_config(v_name, v_tag || '=' || v_scopes::text, true);
  return v_scopes;
end;
$$;
comment on function private.my_scopes(text, text) is
  'The signed-in person''s scopes on resource x action (private.user_scopes for auth.uid(), preview-aware), worked out once per transaction for each person and matrix generation.';

-- =============================================================================
-- Trigger functions
-- =============================================================================
create or replace function private.scopes_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform set_config('app_scopes.generation',
    (coalesce(nullif(current_setting('app_scopes.generation', true), ''), '0')::bigint + 1)::text, true);
  return null;
end;
$$;
comment on function private.scopes_changed() is
  'Trigger (for each statement): the matrix, a person''s roles, a login''s active flag or the write actions changed, so the scopes kept for this transaction are worked out again.';

-- =============================================================================
-- Triggers
-- =============================================================================
create trigger role_permissions_scopes_changed after insert or update or delete or truncate on public.role_permissions
  for each statement execute function private.scopes_changed();
create trigger user_roles_scopes_changed after insert or update or delete or truncate on public.user_roles
  for each statement execute function private.scopes_changed();
create trigger profiles_scopes_changed after insert or update or delete or truncate on public.profiles
  for each statement execute function private.scopes_changed();
create trigger permission_actions_scopes_changed after insert or update or delete or truncate on public.permission_actions
  for each statement execute function private.scopes_changed();

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.scopes_changed() from public, anon, authenticated, service_role;
