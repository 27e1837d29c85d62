-- The access model as data: actions, resources, app roles, the permission matrix,
-- logins (profiles) and their roles; one authorization helper used by every policy;
-- invariants the database holds whatever the matrix says.

-- =============================================================================
-- Types
-- =============================================================================
-- Ordered from narrowest to widest.
create type public.permission_scope as enum ('own', 'territory', 'all');
comment on type public.permission_scope is
  'own = rows that are the person''s own; territory = rows inside the territory subtrees the person is responsible for; all = every row.';

create type private.access_grant as (all_rows boolean, owner_id uuid, territory_ids uuid[], scopes public.permission_scope[]);
comment on type private.access_grant is 'What one person may touch for one resource x action: every row, their own rows, and/or rows in these territories (scopes = every scope held).';

-- =============================================================================
-- Tables
-- =============================================================================
create table public.permission_actions (
  code text primary key check (code ~ '^[a-z][a-z_]{1,39}$'),
  is_write boolean not null,
  label_en text not null check (length(label_en) between 1 and 80),
  label_es text not null check (length(label_es) between 1 and 80),
  label_zh text not null check (length(label_zh) between 1 and 80),
  sort_order integer not null default 100
);
comment on table public.permission_actions is
  'Catalogue of matrix actions (read, create, update, delete, and workflow actions). is_write marks actions an auditor can never hold.';

create table public.resources (
  code text primary key check (code ~ '^[a-z][a-z_]{1,39}$'),
  kind text not null check (kind in ('table', 'capability')),
  scopes public.permission_scope[] not null default '{all}'
    check (cardinality(scopes) between 1 and 3),
  label_en text not null check (length(label_en) between 1 and 80),
  label_es text not null check (length(label_es) between 1 and 80),
  label_zh text not null check (length(label_zh) between 1 and 80),
  sort_order integer not null default 100
);
comment on table public.resources is
  'Catalogue of what the matrix governs: tables and named capabilities. A migration that adds a table registers it here with its actions.';

create table public.resource_actions (
  resource text not null references public.resources (code) on delete cascade,
  action text not null references public.permission_actions (code),
  primary key (resource, action)
);
comment on table public.resource_actions is 'Which actions apply to which resource (the columns of the matrix editor).';
create index resource_actions_action_idx on public.resource_actions (action);

create table public.app_roles (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  label_en text not null check (length(btrim(label_en)) between 1 and 80),
  label_es text not null check (length(btrim(label_es)) between 1 and 80),
  label_zh text not null check (length(btrim(label_zh)) between 1 and 80),
  description text not null default '' check (length(description) <= 1000),
  built_in boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.app_roles is 'App roles (hr_admin, manager, auditor, salesperson and any HR adds), with labels in English, Spanish and Simplified Chinese.';

create table public.role_permissions (
  id uuid primary key default gen_random_uuid(),
  role_code text not null references public.app_roles (code) on update cascade on delete cascade,
  resource text not null,
  action text not null,
  scope public.permission_scope not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint role_permissions_cell_key unique (role_code, resource, action),
  constraint role_permissions_resource_action_fkey foreign key (resource, action)
    references public.resource_actions (resource, action) on delete cascade
);
comment on table public.role_permissions is
  'The permission matrix: role x resource x action -> scope. No row means no permission. Read at request time by private.access().';
create index role_permissions_resource_action_idx on public.role_permissions (resource, action);

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text not null check (length(email) <= 255),
  full_name text not null check (length(btrim(full_name)) between 1 and 120),
  preferred_locale text not null default 'en' check (preferred_locale in ('en', 'es', 'zh-CN')),
  is_active boolean not null default true,
  status_changed_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is
  'One row per login (auth.users), created by a trigger. is_active = false is a deactivated login: it can do nothing.';
create index profiles_active_idx on public.profiles (is_active);
create index profiles_full_name_trgm_idx on public.profiles using gin (full_name extensions.gin_trgm_ops);

create table public.user_roles (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  role_code text not null references public.app_roles (code) on update cascade on delete cascade,
  granted_by uuid references public.profiles (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  constraint user_roles_user_role_key unique (user_id, role_code)
);
comment on table public.user_roles is 'Which app roles each login holds (one or more).';
create index user_roles_role_code_idx on public.user_roles (role_code);
create index user_roles_granted_by_idx on public.user_roles (granted_by);

-- =============================================================================
-- Private functions: the authorization helper and its wrappers
-- =============================================================================
create or replace function private.action_is_write(p_action text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select coalesce((select a.is_write from public.permission_actions a where a.code = p_action), true)
$$;
comment on function private.action_is_write(text) is 'True for actions that change data (unknown actions count as writes).';

-- Territories the person is responsible for, with their whole subtrees: one row of
-- private.responsibilities (kept by the org structure's triggers), read by key.
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
  select r.territory_ids into v_ids from private.responsibilities r where r.user_id = p_user;
  return coalesce(v_ids, '{}');
end;
$$;
comment on function private.responsible_territories(uuid) is 'Ids of every territory inside the subtrees the person is responsible for.';

-- The invariants, written once: the scopes a person holds on resource x action.
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


-- user_scopes answers for any person: only its owner's security-definer callers
-- (my_scopes, access) run it. my_scopes answers for the caller only.
revoke all on function private.user_scopes(uuid, text, text, boolean) from public, anon, authenticated, service_role;
revoke all on function private.my_scopes(text, text) from public;
grant execute on function private.my_scopes(text, text) to authenticated, service_role;

-- The one place that decides what a person may do. Reads the matrix at request
-- time (never the JWT), so a matrix edit applies on the very next request.
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

-- Policies call these three, each wrapped in (select ...) so Postgres evaluates
-- them once per statement; the per-row test is then a plain comparison or a
-- hashed IN-list lookup.
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
comment on function private.allows_all(text, text) is 'Policy helper: the signed-in person may touch every row of the resource for this action.';

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
comment on function private.allowed_owner(text, text) is 'Policy helper: the signed-in person''s id when they may touch their own rows, else null.';

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
comment on function private.allowed_territories(text, text) is 'Policy helper: territories whose rows the signed-in person may touch for this action.';

-- The single-row form of the same decision, for RPCs and the explainer.
create or replace function private.authorize(
  p_resource text,
  p_action text,
  p_territory uuid default null,
  p_owner uuid default null
)
returns boolean
language sql
stable
set search_path = ''
as $$
  select g.all_rows
      or (p_owner is not null and p_owner = g.owner_id)
      or (p_territory is not null and p_territory = any (g.territory_ids))
    from private.access(p_resource, p_action) g
$$;
comment on function private.authorize(text, text, uuid, uuid) is
  'May the signed-in person do action on a row of resource with this territory/owner? Same rule as the policies.';

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
        join public.profiles p on p.id = ur.user_id and p.is_active
       where ur.user_id = p_user
         and not (
           private.action_is_write(rp.action)
           and (exists (select 1 from public.user_roles a where a.user_id = p_user and a.role_code = 'auditor')
                or (v_preview and p_user = v_caller))
         )
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
-- Invariants (hold whatever the matrix says)
-- =============================================================================
create or replace function private.scope_rank(p_scope public.permission_scope)
returns integer
language sql
immutable
set search_path = ''
as $$
  select case p_scope when 'own' then 1 when 'territory' then 2 when 'all' then 3 else 0 end
$$;

create or replace function private.guard_role_permission()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_caller uuid := (select auth.uid());
begin
  if new.role_code = 'auditor' and private.action_is_write(new.action) then
    raise exception using errcode = '42501',
      message = format('The auditor role can never be given a write permission ("%s" on %s).', new.action, new.resource),
      detail = 'auditor_never_writes';
  end if;
  if not exists (select 1 from public.resources r where r.code = new.resource and new.scope = any (r.scopes)) then
    raise exception using errcode = '23514',
      message = format('Scope "%s" does not apply to %s.', new.scope, new.resource),
      detail = 'scope_not_supported';
  end if;
  if v_caller is not null
     and exists (select 1 from public.user_roles ur where ur.user_id = v_caller and ur.role_code = new.role_code)
     and (
       tg_op = 'INSERT'
       or new.role_code <> old.role_code or new.resource <> old.resource or new.action <> old.action
       or private.scope_rank(new.scope) > private.scope_rank(old.scope)
     ) then
    raise exception using errcode = '42501',
      message = format('You cannot widen the permissions of the role "%s", because you hold it yourself. Ask another administrator.', new.role_code),
      detail = 'no_self_grant';
  end if;
  return new;
end;
$$;

create or replace function private.guard_user_role()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (select auth.uid()) is not null and new.user_id = (select auth.uid()) then
    raise exception using errcode = '42501',
      message = 'You cannot grant yourself a role. Ask another administrator.',
      detail = 'no_self_grant';
  end if;
  if tg_op = 'INSERT' then
    new.granted_by := (select auth.uid());
    new.created_at := now();
  else
    new.granted_by := old.granted_by;
    new.created_at := old.created_at;
  end if;
  return new;
end;
$$;

create or replace function private.guard_app_role()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    if old.built_in then
      raise exception using errcode = '42501',
        message = format('The built-in role "%s" cannot be deleted.', old.code),
        detail = 'builtin_role';
    end if;
    return old;
  end if;
  if tg_op = 'INSERT' then
    -- Built-in roles come only from migrations.
    if (select auth.uid()) is not null then
      new.built_in := false;
    end if;
    return new;
  end if;
  if old.built_in and (new.code <> old.code or not new.built_in) then
    raise exception using errcode = '42501',
      message = format('The built-in role "%s" cannot be renamed or made custom.', old.code),
      detail = 'builtin_role';
  end if;
  if not old.built_in and new.built_in and (select auth.uid()) is not null then
    raise exception using errcode = '42501', message = 'Only a migration can mark a role as built-in.', detail = 'builtin_role';
  end if;
  return new;
end;
$$;

-- Checked at commit, after every change that could cut the last path to the matrix editor.
create or replace function private.assert_matrix_editable()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.profiles where is_active)
     and not exists (
       select 1
         from public.profiles p
         join public.user_roles ur on ur.user_id = p.id
         join public.role_permissions rp on rp.role_code = ur.role_code
        where p.is_active
          and rp.resource = 'permissions' and rp.action = 'update' and rp.scope = 'all'
          and not exists (select 1 from public.user_roles a where a.user_id = p.id and a.role_code = 'auditor')
     ) then
    raise exception using errcode = '23514',
      message = 'This change would leave no active person able to edit the permission matrix. Keep at least one active, non-auditor person with a role that may update permissions for all.',
      detail = 'matrix_lockout';
  end if;
  return null;
end;
$$;

create or replace function private.profile_bookkeeping()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.is_active is distinct from old.is_active then
    new.status_changed_at := now();
  end if;
  return new;
end;
$$;

-- A profile for every login; keeps the e-mail in step with auth.users.
create or replace function private.sync_profile_from_auth()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into public.profiles (id, email, full_name)
    values (
      new.id,
      coalesce(new.email, ''),
      coalesce(nullif(btrim(new.raw_user_meta_data ->> 'full_name'), ''), split_part(coalesce(new.email, 'user'), '@', 1))
    )
    on conflict (id) do nothing;
  elsif new.email is distinct from old.email then
    update public.profiles set email = coalesce(new.email, ''), version = version where id = new.id;
  end if;
  return new;
end;
$$;

-- =============================================================================
-- Triggers
-- =============================================================================
create trigger app_roles_touch before insert or update on public.app_roles
  for each row execute function private.touch_row();
create trigger app_roles_guard before insert or update or delete on public.app_roles
  for each row execute function private.guard_app_role();
create constraint trigger app_roles_matrix_editable after delete on public.app_roles
  deferrable initially deferred for each row execute function private.assert_matrix_editable();

create trigger role_permissions_touch before insert or update on public.role_permissions
  for each row execute function private.touch_row();
create trigger role_permissions_guard before insert or update on public.role_permissions
  for each row execute function private.guard_role_permission();
create constraint trigger role_permissions_matrix_editable after update or delete on public.role_permissions
  deferrable initially deferred for each row execute function private.assert_matrix_editable();

create trigger profiles_touch before insert or update on public.profiles
  for each row execute function private.touch_row();
create trigger profiles_bookkeeping before update on public.profiles
  for each row execute function private.profile_bookkeeping();
create constraint trigger profiles_matrix_editable after update of is_active or delete on public.profiles
  deferrable initially deferred for each row execute function private.assert_matrix_editable();

create trigger user_roles_guard before insert or update on public.user_roles
  for each row execute function private.guard_user_role();
create constraint trigger user_roles_matrix_editable after update or delete on public.user_roles
  deferrable initially deferred for each row execute function private.assert_matrix_editable();

create trigger on_auth_user_changed after insert or update of email on auth.users
  for each row execute function private.sync_profile_from_auth();

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.action_is_write(text) from public;
revoke all on function private.responsible_territories(uuid) from public;
revoke all on function private.access(text, text, uuid) from public;
revoke all on function private.allows_all(text, text) from public;
revoke all on function private.allowed_owner(text, text) from public;
revoke all on function private.allowed_territories(text, text) from public;
revoke all on function private.authorize(text, text, uuid, uuid) from public;
revoke all on function private.effective_permissions(uuid) from public;
revoke all on function private.scope_rank(public.permission_scope) from public;
revoke all on function private.guard_role_permission() from public;
revoke all on function private.guard_user_role() from public;
revoke all on function private.guard_app_role() from public;
revoke all on function private.assert_matrix_editable() from public;
revoke all on function private.profile_bookkeeping() from public;
revoke all on function private.sync_profile_from_auth() from public;

grant execute on function private.action_is_write(text) to authenticated, service_role;
grant execute on function private.responsible_territories(uuid) to authenticated, service_role;
grant execute on function private.access(text, text, uuid) to authenticated, service_role;
grant execute on function private.allows_all(text, text) to authenticated, service_role;
grant execute on function private.allowed_owner(text, text) to authenticated, service_role;
grant execute on function private.allowed_territories(text, text) to authenticated, service_role;
grant execute on function private.authorize(text, text, uuid, uuid) to authenticated, service_role;
grant execute on function private.effective_permissions(uuid) to authenticated;
grant execute on function private.scope_rank(public.permission_scope) to authenticated, service_role;

revoke all on public.permission_actions, public.resources, public.resource_actions, public.app_roles,
  public.role_permissions, public.profiles, public.user_roles from anon, authenticated, service_role;

grant select on public.permission_actions, public.resources, public.resource_actions to authenticated, service_role;
grant select, insert, update, delete on public.app_roles to authenticated, service_role;
grant select, insert, update, delete on public.role_permissions to authenticated, service_role;
grant select on public.profiles to authenticated, service_role;
grant update (full_name, preferred_locale, version) on public.profiles to authenticated;
grant update on public.profiles to service_role;
grant select, insert, update, delete on public.user_roles to authenticated, service_role;

-- =============================================================================
-- RLS policies
-- =============================================================================
alter table public.permission_actions enable row level security;
alter table public.resources enable row level security;
alter table public.resource_actions enable row level security;
alter table public.app_roles enable row level security;
alter table public.role_permissions enable row level security;
alter table public.profiles enable row level security;
alter table public.user_roles enable row level security;

-- Catalogues: public reference data for signed-in people; written only by migrations.
create policy "signed-in people can read the action catalogue" on public.permission_actions
  for select to authenticated using (true);
create policy "signed-in people can read the resource catalogue" on public.resources
  for select to authenticated using (true);
create policy "signed-in people can read which actions apply to each resource" on public.resource_actions
  for select to authenticated using (true);

create policy "people with app_roles read permission can read roles" on public.app_roles
  for select to authenticated using ((select private.allows_all('app_roles', 'read')));
create policy "people with app_roles create permission can add roles" on public.app_roles
  for insert to authenticated with check ((select private.allows_all('app_roles', 'create')));
create policy "people with app_roles update permission can edit roles" on public.app_roles
  for update to authenticated
  using ((select private.allows_all('app_roles', 'update')))
  with check ((select private.allows_all('app_roles', 'update')));
create policy "people with app_roles delete permission can delete custom roles" on public.app_roles
  for delete to authenticated using ((select private.allows_all('app_roles', 'delete')));

create policy "people with permissions read permission can read the matrix" on public.role_permissions
  for select to authenticated using ((select private.allows_all('permissions', 'read')));
create policy "people with permissions update permission can add matrix cells" on public.role_permissions
  for insert to authenticated with check ((select private.allows_all('permissions', 'update')));
create policy "people with permissions update permission can change matrix cells" on public.role_permissions
  for update to authenticated
  using ((select private.allows_all('permissions', 'update')))
  with check ((select private.allows_all('permissions', 'update')));
create policy "people with permissions update permission can remove matrix cells" on public.role_permissions
  for delete to authenticated using ((select private.allows_all('permissions', 'update')));

create policy "people with profiles read permission in scope can read profiles" on public.profiles
  for select to authenticated
  using ((select private.allows_all('profiles', 'read')) or id = (select private.allowed_owner('profiles', 'read')));
create policy "people with profiles update permission in scope can edit profiles" on public.profiles
  for update to authenticated
  using ((select private.allows_all('profiles', 'update')) or id = (select private.allowed_owner('profiles', 'update')))
  with check ((select private.allows_all('profiles', 'update')) or id = (select private.allowed_owner('profiles', 'update')));

create policy "people with user_roles read permission in scope can read role assignments" on public.user_roles
  for select to authenticated
  using ((select private.allows_all('user_roles', 'read')) or user_id = (select private.allowed_owner('user_roles', 'read')));
create policy "people with user_roles create permission can assign roles" on public.user_roles
  for insert to authenticated with check ((select private.allows_all('user_roles', 'create')));
create policy "people with user_roles update permission can change role assignments" on public.user_roles
  for update to authenticated
  using ((select private.allows_all('user_roles', 'update')))
  with check ((select private.allows_all('user_roles', 'update')));
create policy "people with user_roles delete permission can remove role assignments" on public.user_roles
  for delete to authenticated using ((select private.allows_all('user_roles', 'delete')));

-- =============================================================================
-- Public RPCs (security invoker; the definer helpers they call are not exposed)
-- =============================================================================
create or replace function public.my_permissions()
returns table (resource text, action text, scope public.permission_scope, granted_by text[])
language sql
stable
set search_path = ''
as $$
  select * from private.effective_permissions((select auth.uid()))
$$;
comment on function public.my_permissions() is 'The signed-in person''s effective permissions (what the UI mirrors).';

create or replace function public.effective_permissions(p_user uuid)
returns table (resource text, action text, scope public.permission_scope, granted_by text[])
language sql
stable
set search_path = ''
as $$
  select * from private.effective_permissions(p_user)
$$;
comment on function public.effective_permissions(uuid) is 'A person''s effective permissions: resource x action -> widest scope and the roles granting it.';

create or replace function public.can(p_resource text, p_action text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select coalesce(private.authorize(p_resource, p_action), false)
$$;
comment on function public.can(text, text) is 'Whether the signed-in person holds the action on the resource for all rows (Edge Functions check this before privileged steps).';

-- Deactivating / reactivating a login: the profile flag, set as the caller so the
-- invariants (no self-deactivation, no matrix lockout) and the audit trail apply.
-- The admin-users Edge Function calls it, then bans the login in Auth.
create or replace function private.set_login_active(p_user uuid, p_active boolean)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not private.authorize('logins', 'update') then
    raise exception using errcode = '42501', message = 'You are not allowed to change logins.', detail = 'not_allowed';
  end if;
  if p_user = (select auth.uid()) then
    raise exception using errcode = '42501', message = 'You cannot deactivate or reactivate your own login.', detail = 'no_self_grant';
  end if;
  update public.profiles set is_active = p_active, version = version where id = p_user;
  if not found then
    raise exception using errcode = 'PT404', message = 'No login with this id.', detail = 'not_found';
  end if;
  return p_active;
end;
$$;
comment on function private.set_login_active(uuid, boolean) is 'Sets profiles.is_active for another login, if the caller holds logins:update.';

create or replace function public.set_login_active(p_user uuid, p_active boolean)
returns boolean
language sql
set search_path = ''
as $$
  select private.set_login_active(p_user, p_active)
$$;
comment on function public.set_login_active(uuid, boolean) is 'Deactivate (false) or reactivate (true) a login''s profile; used by the admin-users Edge Function.';

-- Ends every session of a login (its refresh tokens go with them). Service role only.
create or replace function public.revoke_login_sessions(p_user uuid)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_count integer;
begin
  delete from auth.sessions where user_id = p_user;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;
comment on function public.revoke_login_sessions(uuid) is 'Deletes the sessions (and so the refresh tokens) of a login. Executable by service_role only.';

revoke all on function private.set_login_active(uuid, boolean) from public;
grant execute on function private.set_login_active(uuid, boolean) to authenticated;
revoke all on function public.set_login_active(uuid, boolean) from public, anon;
grant execute on function public.set_login_active(uuid, boolean) to authenticated;
revoke all on function public.revoke_login_sessions(uuid) from public, anon, authenticated;
grant execute on function public.revoke_login_sessions(uuid) to service_role;

revoke all on function public.my_permissions() from public, anon;
revoke all on function public.effective_permissions(uuid) from public, anon;
revoke all on function public.can(text, text) from public, anon;
grant execute on function public.my_permissions() to authenticated;
grant execute on function public.effective_permissions(uuid) to authenticated;
grant execute on function public.can(text, text) to authenticated;

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.permission_actions (code, is_write, label_en, label_es, label_zh, sort_order) values
  ('read', false, 'Read', 'Leer', '查看', 10),
  ('create', true, 'Create', 'Crear', '新建', 20),
  ('update', true, 'Update', 'Editar', '编辑', 30),
  ('delete', true, 'Delete', 'Eliminar', '删除', 40);

insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('app_roles', 'table', '{all}', 'Roles', 'Roles', '角色', 900),
  ('permissions', 'table', '{all}', 'Permission matrix', 'Matriz de permisos', '权限矩阵', 910),
  ('user_roles', 'table', '{own,all}', 'Role assignments', 'Asignación de roles', '角色分配', 920),
  ('profiles', 'table', '{own,all}', 'Users', 'Usuarios', '用户', 930),
  ('logins', 'capability', '{all}', 'Logins (create, reset, deactivate)', 'Accesos (crear, restablecer, desactivar)', '登录账号（创建、重置、停用）', 940);

insert into public.resource_actions (resource, action) values
  ('app_roles', 'read'), ('app_roles', 'create'), ('app_roles', 'update'), ('app_roles', 'delete'),
  ('permissions', 'read'), ('permissions', 'update'),
  ('user_roles', 'read'), ('user_roles', 'create'), ('user_roles', 'update'), ('user_roles', 'delete'),
  ('profiles', 'read'), ('profiles', 'update'),
  ('logins', 'create'), ('logins', 'update');

insert into public.app_roles (code, label_en, label_es, label_zh, description, built_in) values
  ('hr_admin', 'HR / Admin', 'RR. HH. / Administración', '人事/管理员', 'Writes and publishes policies, manages logins and the permission matrix.', true),
  ('manager', 'Manager', 'Gerente', '经理', 'Keeps staff and territories inside their regions.', true),
  ('auditor', 'Auditor', 'Auditor', '审计员', 'Reads everything, changes nothing.', true),
  ('salesperson', 'Salesperson', 'Vendedor', '销售员', 'Reads the rules and sees their own targets.', true);

insert into public.role_permissions (role_code, resource, action, scope) values
  ('hr_admin', 'app_roles', 'read', 'all'), ('hr_admin', 'app_roles', 'create', 'all'),
  ('hr_admin', 'app_roles', 'update', 'all'), ('hr_admin', 'app_roles', 'delete', 'all'),
  ('hr_admin', 'permissions', 'read', 'all'), ('hr_admin', 'permissions', 'update', 'all'),
  ('hr_admin', 'user_roles', 'read', 'all'), ('hr_admin', 'user_roles', 'create', 'all'),
  ('hr_admin', 'user_roles', 'update', 'all'), ('hr_admin', 'user_roles', 'delete', 'all'),
  ('hr_admin', 'profiles', 'read', 'all'), ('hr_admin', 'profiles', 'update', 'all'),
  ('hr_admin', 'logins', 'create', 'all'), ('hr_admin', 'logins', 'update', 'all'),

  ('manager', 'app_roles', 'read', 'all'),
  ('manager', 'user_roles', 'read', 'own'),
  ('manager', 'profiles', 'read', 'all'), ('manager', 'profiles', 'update', 'own'),

  ('auditor', 'app_roles', 'read', 'all'),
  ('auditor', 'permissions', 'read', 'all'),
  ('auditor', 'user_roles', 'read', 'all'),
  ('auditor', 'profiles', 'read', 'all'),

  ('salesperson', 'app_roles', 'read', 'all'),
  ('salesperson', 'user_roles', 'read', 'own'),
  ('salesperson', 'profiles', 'read', 'own'), ('salesperson', 'profiles', 'update', 'own');
