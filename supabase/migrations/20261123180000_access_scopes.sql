-- Faster policy helpers, same decisions.
--
-- Every policy asks allows_all / allowed_territories / allowed_owner / allows_some, each
-- once per statement. They used to build the whole grant through private.access(): a
-- plpgsql function running four queries and, for a territory scope, the subtree walk,
-- even when the caller only wanted to know "all rows?". A list with three embeds asked
-- ten times: about 3 ms of a 4 ms query as a territory manager.
--
-- Now one function, private.user_scopes(), answers "which scopes does this person hold on
-- resource x action, invariants applied" in one indexed query; the helpers derive their
-- answer from it, and only allowed_territories walks the territory subtree.
-- private.access() (the explainer's and the RPCs' helper) is rebuilt on the same function,
-- so the explanation and the policies still cannot disagree.
--
-- The hot helpers are plpgsql on purpose: plpgsql keeps its query plans for the session
-- (PostgREST's pooled connections), while a `set search_path` SQL function is neither
-- inlined nor plan-cached and is planned again on every call.

-- ---------------------------------------------------------------------------
-- Section: the scopes a person holds
-- ---------------------------------------------------------------------------

-- Asked by every scope lookup and by PostgREST's pre-request check: plpgsql, as above.
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
  select coalesce(array_agg(distinct rp.scope), '{}')
    into v_scopes
    from public.user_roles ur
    join public.role_permissions rp
      on rp.role_code = ur.role_code and rp.resource = p_resource and rp.action = p_action
   where ur.user_id = p_user
     -- A deactivated login can do nothing.
     and exists (select 1 from public.profiles p where p.id = p_user and p.is_active)
     -- A preview is read-only, and an auditor never writes, whatever the matrix says.
     and not (
       coalesce((select a.is_write from public.permission_actions a where a.code = p_action), true)
       and (p_in_preview or exists (select 1 from public.user_roles au where au.user_id = p_user and au.role_code = 'auditor'))
     );
  return v_scopes;
end;
$$;
comment on function private.user_scopes(uuid, text, text, boolean) is
  'The scopes p_user holds on resource x action through their roles, after the invariants (deactivated login, auditor never writes, a preview never writes). Empty when none.';

create or replace function private.my_scopes(p_resource text, p_action text)
returns public.permission_scope[]
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return private.user_scopes(auth.uid(), p_resource, p_action, private.preview_session_id() is not null);
end;
$$;
comment on function private.my_scopes(text, text) is 'The signed-in person''s scopes on resource x action (private.user_scopes for auth.uid(), preview-aware).';

-- Same query as before, as plpgsql so its plan is kept.
create or replace function private.responsible_territories(p_user uuid)
returns uuid[]
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_ids uuid[];
begin
  select coalesce(array_agg(distinct t.id), '{}')
    into v_ids
    from public.staff me
    join public.territories root on root.manager_id = me.id
    join public.territories t on t.path operator(extensions.<@) root.path
   where me.user_id = p_user;
  return v_ids;
end;
$$;

-- ---------------------------------------------------------------------------
-- Section: the grant, rebuilt on the same scopes
-- ---------------------------------------------------------------------------

create or replace function private.access(p_resource text, p_action text, p_user uuid default null)
returns private.access_grant
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_user uuid := coalesce(p_user, auth.uid());
  -- Only the signed-in person's own request can be a preview.
  v_scopes public.permission_scope[] := private.user_scopes(v_user, p_resource, p_action, p_user is null and private.preview_session_id() is not null);
  v_all boolean := 'all' = any (v_scopes);
begin
  return row(
    v_all,
    case when 'own' = any (v_scopes) and not v_all then v_user end,
    case when 'territory' = any (v_scopes) and not v_all then private.responsible_territories(v_user) else '{}'::uuid[] end,
    v_scopes
  )::private.access_grant;
end;
$$;
comment on function private.access(text, text, uuid) is
  'What the signed-in person (or p_user) may do on resource x action: all rows, own rows, territory rows. Built on private.user_scopes, as the policy helpers are.';

-- ---------------------------------------------------------------------------
-- Section: policy helpers
-- ---------------------------------------------------------------------------

create or replace function private.allows_all(p_resource text, p_action text)
returns boolean
language plpgsql
stable
set search_path = ''
as $$
begin
  return 'all' = any (private.my_scopes(p_resource, p_action));
end;
$$;

create or replace function private.allows_some(p_resource text, p_action text)
returns boolean
language plpgsql
stable
set search_path = ''
as $$
begin
  return cardinality(private.my_scopes(p_resource, p_action)) > 0;
end;
$$;

create or replace function private.allowed_owner(p_resource text, p_action text)
returns uuid
language plpgsql
stable
set search_path = ''
as $$
declare
  v_scopes public.permission_scope[] := private.my_scopes(p_resource, p_action);
begin
  if 'own' = any (v_scopes) and not 'all' = any (v_scopes) then
    return auth.uid();
  end if;
  return null;
end;
$$;

create or replace function private.allowed_territories(p_resource text, p_action text)
returns setof uuid
language plpgsql
stable
set search_path = ''
as $$
declare
  v_scopes public.permission_scope[] := private.my_scopes(p_resource, p_action);
begin
  if 'territory' = any (v_scopes) and not 'all' = any (v_scopes) then
    return query select unnest(private.responsible_territories(auth.uid()));
  end if;
end;
$$;

-- ---------------------------------------------------------------------------
-- Section: the other set helpers policies call, as plpgsql (plans kept)
-- ---------------------------------------------------------------------------

create or replace function private.own_territories(p_user uuid)
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query select s.territory_id from public.staff s where s.user_id = p_user and s.territory_id is not null;
end;
$$;

create or replace function private.my_position_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query select s.position_id from public.staff s where s.user_id = auth.uid() and s.status <> 'left';
end;
$$;

create or replace function private.my_applicable_regulations()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
  select r.id
    from public.regulations r
   where r.current_version is not null
     and (r.applies_to_all_positions
          or exists (select 1 from public.regulation_positions rp
                      where rp.regulation_id = r.id and rp.position_id in (select private.my_position_ids())));
end;
$$;

-- The staff rows whose acknowledgements one may read or write: every row, or the rows in
-- one's territories (a hashed lookup rather than a scan of the id array per row), or one's own.
create or replace function private.staff_in_scope(p_resource text, p_action text)
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_grant private.access_grant := private.access(p_resource, p_action);
begin
  if v_grant.all_rows then
    return query select s.id from public.staff s;
    return;
  end if;
  return query
  select s.id
    from public.staff s
   where s.territory_id in (select unnest(v_grant.territory_ids))
      or (v_grant.owner_id is not null and s.user_id = v_grant.owner_id);
end;
$$;

-- ---------------------------------------------------------------------------
-- Section: privileges
-- ---------------------------------------------------------------------------

-- user_scopes answers for any person: only its owner's security-definer callers
-- (my_scopes, access) run it. my_scopes answers for the caller only.
revoke all on function private.user_scopes(uuid, text, text, boolean) from public, anon, authenticated, service_role;
revoke all on function private.my_scopes(text, text) from public;
grant execute on function private.my_scopes(text, text) to authenticated, service_role;
