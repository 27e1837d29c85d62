-- A person's scopes are worked out once and kept on the connection across requests. Every
-- policy asks my_scopes (through allows_all, allowed_territories, allowed_owner,
-- territory_scope) for the resources a request touches: the salesperson's customer list with
-- its tier, territory and owner asked eleven times for four answers, each answer four lookups,
-- and each request on a connection (PostgREST's pool serves request after request, mostly for
-- the same few people) asked again. The answers are now kept on the connection (a session
-- setting per resource and action), tagged with the person, the preview session and the
-- matrix generation: a counter in one row that every statement changing the matrix, a
-- person's roles, a login's active flag or the write actions bumps, in the same transaction.
-- Each transaction reads the counter once; an answer kept under an older generation is never
-- used again. A change rolled back takes its answers with it (settings are transactional), a
-- change made earlier in the same transaction is seen by the next check, and a change another
-- transaction commits by the next transaction that starts, as before. Nobody else can write
-- these settings: PostgREST sets only request.* and role, and no exposed function sets a
-- setting from its arguments.

-- =============================================================================
-- Tables
-- =============================================================================
create table private.scopes_generation (
  id boolean primary key default true check (id),
  generation bigint not null default 0
);
comment on table private.scopes_generation is
  'One row: the matrix generation, bumped by every statement that changes the matrix, a person''s roles, a login''s active flag or the write actions; scopes kept on a connection under an older generation are never used again.';
alter table private.scopes_generation enable row level security;
insert into private.scopes_generation default values;

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
  v_generation text := nullif(current_setting('app_scopes.generation', true), '');
  -- Resource and action codes are lowercase words (the catalogue's checks), so they name a
  -- setting as they are; anything else fails loudly here rather than being kept.
  v_name text := format('app_scopes.%s.%s', p_resource, p_action);
  v_tag text;
  v_kept text;
  v_scopes public.permission_scope[];
begin
  -- The generation this transaction works under: read once, then kept for the transaction.
  if v_generation is null then
    select g.generation::text into v_generation from private.scopes_generation g;
    perform set_config('app_scopes.generation', v_generation, true);
  end if;
  v_tag := format('%s/%s/%s', v_user, v_preview, v_generation);
  v_kept := current_setting(v_name, true);
  if v_kept is not null and split_part(v_kept, '=', 1) = v_tag then
    return split_part(v_kept, '=', 2)::public.permission_scope[];
  end if;
  v_scopes := private.user_scopes(v_user, p_resource, p_action, v_preview is not null);
  -- Kept on the connection (a session setting): undone with the transaction if it rolls back.
  perform set_config(v_name, v_tag || '=' || v_scopes::text, false);
  return v_scopes;
end;
$$;
comment on function private.my_scopes(text, text) is
  'The signed-in person''s scopes on resource x action (private.user_scopes for auth.uid(), preview-aware), kept on the connection for each person, preview session and matrix generation.';

-- =============================================================================
-- Trigger functions
-- =============================================================================
create or replace function private.scopes_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_generation bigint;
begin
  update private.scopes_generation g set generation = g.generation + 1 where g.id returning g.generation into v_generation;
  perform set_config('app_scopes.generation', v_generation::text, true);
  return null;
end;
$$;
comment on function private.scopes_changed() is
  'Trigger (for each statement): the matrix, a person''s roles, a login''s active flag or the write actions changed: bumps the matrix generation, so scopes kept on any connection are worked out again (in this transaction at once, in others from their next transaction).';


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
revoke all on table private.scopes_generation from public, anon, authenticated, service_role;
