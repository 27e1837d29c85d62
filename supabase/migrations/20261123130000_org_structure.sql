-- Org structure, staff and territories: positions (a reports-to tree with written
-- responsibilities), staff, territories (an ltree-indexed tree), the assignment history
-- of salespeople to territories, HR-defined custom fields validated by the database, and
-- the `territory` scope of the access model made effective.

-- =============================================================================
-- Types
-- =============================================================================
create type public.staff_status as enum ('active', 'on_leave', 'left');
create type public.custom_field_type as enum ('text', 'number', 'date', 'single_select', 'multi_select', 'boolean');

-- =============================================================================
-- Tables
-- =============================================================================
create table public.positions (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  title_en text not null check (length(btrim(title_en)) between 1 and 120),
  title_es text not null default '' check (length(title_es) <= 120),
  title_zh text not null default '' check (length(title_zh) <= 120),
  parent_id uuid references public.positions (id) on delete restrict,
  default_role_code text references public.app_roles (code) on delete set null,
  headcount integer not null default 1 check (headcount between 0 and 10000),
  responsibilities jsonb not null default '[]'::jsonb,
  sort_order integer not null default 100,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.positions is
  'Positions of the org chart (a tree: parent_id = reports to), each with its written job responsibilities (an ordered list of {en, es, zh}), the app role it usually carries and its headcount.';
comment on column public.positions.responsibilities is 'Ordered list of responsibilities: [{"en": "...", "es": "...", "zh": "..."}]; English required.';
create index positions_parent_idx on public.positions (parent_id);
create index positions_default_role_idx on public.positions (default_role_code);

create table public.territories (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
  name text not null check (length(btrim(name)) between 1 and 120),
  parent_id uuid references public.territories (id) on delete restrict,
  -- Materialised path of ids (maintained by triggers), for subtree checks with a GiST index.
  path extensions.ltree not null default ''::extensions.ltree,
  market_notes text not null default '' check (length(market_notes) <= 5000),
  manager_id uuid,
  custom_fields jsonb not null default '{}'::jsonb check (jsonb_typeof(custom_fields) = 'object'),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.territories is
  'Sales territories as a tree (region -> sub-region -> area ...): code, name, market notes, the manager responsible. path is maintained by triggers; re-parenting under a descendant is refused.';
create index territories_parent_idx on public.territories (parent_id);
create index territories_path_gist on public.territories using gist (path);
create index territories_manager_idx on public.territories (manager_id);

create table public.staff (
  id uuid primary key default gen_random_uuid(),
  full_name text not null check (length(btrim(full_name)) between 1 and 120),
  email extensions.citext not null unique check (length(email) <= 255 and email ~ '^[^\s@]+@[^\s@]+\.[^\s@]+$'),
  phone text not null default '' check (length(phone) <= 40 and phone ~ '^[0-9+() .-]*$'),
  position_id uuid not null references public.positions (id) on delete restrict,
  manager_id uuid references public.staff (id) on delete set null,
  territory_id uuid references public.territories (id) on delete restrict,
  -- Copy of the territory's path as text, for "in this subtree" filters (prefix match).
  territory_path text,
  hire_date date not null default current_date check (hire_date between date '1950-01-01' and current_date + 366),
  status public.staff_status not null default 'active',
  status_changed_on date not null default current_date,
  user_id uuid unique references public.profiles (id) on delete set null,
  notes text not null default '' check (length(notes) <= 5000),
  custom_fields jsonb not null default '{}'::jsonb check (jsonb_typeof(custom_fields) = 'object'),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.staff is
  'The people of the department: contact, position, manager, territory, hire date, status (active / on leave / left, with the date it changed), optional login, notes and HR-defined custom fields.';
create index staff_position_idx on public.staff (position_id);
create index staff_manager_idx on public.staff (manager_id);
-- The read policy's columns and the key: counting or listing what a person may read is answered
-- from the index alone (index-only scans evaluating the policy on index tuples).
create index staff_territory_user_idx on public.staff (territory_id, user_id) include (id);
create index staff_territory_path_idx on public.staff (territory_path text_pattern_ops);
create index staff_status_idx on public.staff (status);
create index staff_full_name_idx on public.staff (full_name);
create index staff_full_name_trgm_idx on public.staff using gin (full_name extensions.gin_trgm_ops);

alter table public.territories
  add constraint territories_manager_id_fkey foreign key (manager_id) references public.staff (id) on delete set null;

create table public.territory_assignments (
  id uuid primary key default gen_random_uuid(),
  territory_id uuid not null references public.territories (id) on delete restrict,
  staff_id uuid not null references public.staff (id) on delete restrict,
  valid_from timestamptz not null default now(),
  valid_to timestamptz,
  assigned_by uuid references public.profiles (id) on delete set null,
  ended_by uuid references public.profiles (id) on delete set null,
  reason text not null default '' check (length(reason) <= 500),
  end_reason text not null default '' check (length(end_reason) <= 500),
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from),
  -- A salesperson holds one territory at a time; a territory has one salesperson at a time.
  constraint territory_assignments_one_territory_per_person
    exclude using gist (staff_id with =, tstzrange(valid_from, valid_to) with &&),
  constraint territory_assignments_one_person_per_territory
    exclude using gist (territory_id with =, tstzrange(valid_from, valid_to) with &&)
);
comment on table public.territory_assignments is
  'History of salespeople''s territory assignments: from, to (open = current), who assigned and ended it, and why. Exclusion constraints keep one territory per salesperson and one salesperson per territory at any time.';
create index territory_assignments_staff_idx on public.territory_assignments (staff_id, valid_from desc);
create index territory_assignments_territory_idx on public.territory_assignments (territory_id, valid_from desc);
create index territory_assignments_assigned_by_idx on public.territory_assignments (assigned_by);
create index territory_assignments_ended_by_idx on public.territory_assignments (ended_by);
create unique index territory_assignments_current_staff_idx on public.territory_assignments (staff_id) where valid_to is null;
create unique index territory_assignments_current_territory_idx on public.territory_assignments (territory_id) where valid_to is null;

create table public.custom_field_definitions (
  id uuid primary key default gen_random_uuid(),
  resource text not null check (resource in ('staff', 'territories', 'customers')),
  key text not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  label_en text not null check (length(btrim(label_en)) between 1 and 80),
  label_es text not null default '' check (length(label_es) <= 80),
  label_zh text not null default '' check (length(label_zh) <= 80),
  field_type public.custom_field_type not null,
  -- For select fields: [{"value": "...", "label_en": "...", "label_es": "...", "label_zh": "...", "active": true}]
  options jsonb not null default '[]'::jsonb,
  required boolean not null default false,
  sort_order integer not null default 100,
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint custom_field_definitions_resource_key unique (resource, key),
  check (jsonb_typeof(options) = 'array'),
  check ((field_type in ('single_select', 'multi_select')) = (jsonb_array_length(options) > 0))
);
comment on table public.custom_field_definitions is
  'Extra fields HR defines per resource (staff, territories, customers later): key, labels in three languages, type, options for selects, required flag, order. Values live in <resource>.custom_fields and are validated against these rows by the database.';
create index custom_field_definitions_resource_idx on public.custom_field_definitions (resource, sort_order);

-- =============================================================================
-- Private functions
-- =============================================================================
create or replace function private.ltree_label(p_id uuid)
returns text
language sql
immutable
set search_path = ''
as $$
  select replace(p_id::text, '-', '')
$$;

-- The ids of the territory (or territories) a person is assigned to or based in.
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
comment on function private.own_territories(uuid) is 'The territory of the staff record linked to a login (a salesperson''s "own" territory).';

-- Territory tree bookkeeping: path from the parent, refusing cycles, moving subtrees.
create or replace function private.territory_path()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_parent_path extensions.ltree;
begin
  -- Paths of a moved subtree are rewritten by territory_subtree_moved(); accept them as given.
  if pg_trigger_depth() > 1 then
    return new;
  end if;
  if new.parent_id is not null then
    select t.path into v_parent_path from public.territories t where t.id = new.parent_id;
    if v_parent_path is null then
      raise exception using errcode = '23503', message = 'The parent territory does not exist.', detail = 'not_found';
    end if;
    if tg_op = 'UPDATE' and v_parent_path operator(extensions.<@) old.path then
      raise exception using errcode = '23514',
        message = format('Territory %s cannot be moved under itself or one of its own sub-territories.', old.code),
        detail = 'tree_cycle';
    end if;
  end if;
  new.path := case when new.parent_id is null then ''::extensions.ltree else v_parent_path end
              operator(extensions.||) private.ltree_label(new.id)::extensions.ltree;
  if tg_op = 'UPDATE' and new.id <> old.id then
    raise exception using errcode = '42501', message = 'A territory''s id cannot change.', detail = 'code_is_fixed';
  end if;
  -- Someone who may only act inside their territories cannot move a territory out of them.
  if tg_op = 'UPDATE' and new.parent_id is distinct from old.parent_id and (select auth.uid()) is not null
     and not private.allows_all('territories', 'update')
     and (new.parent_id is null or not private.authorize('territories', 'update', new.parent_id)) then
    raise exception using errcode = '42501',
      message = 'You can only move a territory under another territory you are responsible for.', detail = 'outside_scope';
  end if;
  return new;
end;
$$;

create or replace function private.territory_subtree_moved()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if pg_trigger_depth() = 1 and new.path::text is distinct from old.path::text then
    update public.territories t
       set path = new.path operator(extensions.||) extensions.subpath(t.path, extensions.nlevel(old.path))
     where t.path operator(extensions.<@) old.path and t.id <> new.id;
    update public.staff s
       set territory_path = t.path::text
      from public.territories t
     where s.territory_id = t.id and t.path operator(extensions.<@) new.path
       and s.territory_path is distinct from t.path::text;
  end if;
  return null;
end;
$$;

-- Reports-to trees (positions, staff managers) must not loop.
create or replace function private.refuse_reporting_cycle()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_parent_column text := tg_argv[0];
  v_new_parent uuid := (to_jsonb(new) ->> v_parent_column)::uuid;
  v_loop boolean;
begin
  if v_new_parent is null then
    return new;
  end if;
  if v_new_parent = new.id then
    raise exception using errcode = '23514', message = 'A record cannot report to itself.', detail = 'tree_cycle';
  end if;
  execute format($f$
    with recursive up(id, parent) as (
      select t.id, t.%1$I from public.%2$I t where t.id = $1
      union
      select t.id, t.%1$I from public.%2$I t join up on t.id = up.parent
    )
    select exists (select 1 from up where up.id = $2)$f$, v_parent_column, tg_table_name)
    into v_loop using v_new_parent, new.id;
  if v_loop then
    raise exception using errcode = '23514',
      message = case tg_table_name
        when 'positions' then 'A position cannot report to one of its own subordinate positions.'
        else 'A person cannot report to someone who reports to them.'
      end,
      detail = 'tree_cycle';
  end if;
  return new;
end;
$$;

create or replace function private.valid_responsibilities(p_list jsonb)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select jsonb_typeof(p_list) = 'array'
     and jsonb_array_length(p_list) <= 50
     and not exists (
       select 1 from jsonb_array_elements(p_list) e
        where jsonb_typeof(e) <> 'object'
           or jsonb_typeof(e -> 'en') is distinct from 'string'
           or length(btrim(e ->> 'en')) = 0
           or length(e ->> 'en') > 1000
           or coalesce(jsonb_typeof(e -> 'es'), 'string') <> 'string'
           or coalesce(jsonb_typeof(e -> 'zh'), 'string') <> 'string'
           or length(coalesce(e ->> 'es', '')) > 1000
           or length(coalesce(e ->> 'zh', '')) > 1000)
$$;

alter table public.positions add constraint positions_responsibilities_valid check (private.valid_responsibilities(responsibilities));

-- Custom field values checked against their definitions; returns every problem found
-- (the trigger raises the first, the CSV import reports them all). On update only the
-- values that change are checked, so a removed option is refused on new writes while
-- rows that already hold it stay editable.
create or replace function private.custom_field_errors(p_resource text, p_new jsonb, p_old jsonb)
returns table (field text, code text, message text)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  d record;
  v_value jsonb;
  v_key text;
  v_allowed text[];
  v_item jsonb;
begin
  if jsonb_typeof(p_new) is distinct from 'object' then
    return query select null::text, 'custom_field_type'::text, 'Custom fields must be an object.'::text;
    return;
  end if;
  for v_key in select jsonb_object_keys(p_new) loop
    if not exists (select 1 from public.custom_field_definitions c where c.resource = p_resource and c.key = v_key and c.active)
       and (p_old is null or (p_old -> v_key) is distinct from (p_new -> v_key)) then
      return query select v_key, 'custom_field_unknown'::text, format('Unknown custom field "%s".', v_key);
    end if;
  end loop;
  for d in select * from public.custom_field_definitions c where c.resource = p_resource and c.active order by c.sort_order loop
    v_value := p_new -> d.key;
    if p_old is not null and (p_old -> d.key) is not distinct from v_value then
      continue;
    end if;
    if v_value is null or v_value = 'null'::jsonb or v_value = '""'::jsonb or v_value = '[]'::jsonb then
      if d.required then
        return query select d.key, 'custom_field_required'::text, format('"%s" is required.', d.label_en);
      end if;
      continue;
    end if;
    v_allowed := array(select o ->> 'value' from jsonb_array_elements(d.options) o where coalesce((o ->> 'active')::boolean, true));
    if d.field_type = 'text' and (jsonb_typeof(v_value) <> 'string' or length(v_value #>> '{}') > 2000) then
      return query select d.key, 'custom_field_type'::text, format('"%s" must be text (at most 2000 characters).', d.label_en);
    elsif d.field_type = 'number' and jsonb_typeof(v_value) <> 'number' then
      return query select d.key, 'custom_field_type'::text, format('"%s" must be a number.', d.label_en);
    elsif d.field_type = 'boolean' and jsonb_typeof(v_value) <> 'boolean' then
      return query select d.key, 'custom_field_type'::text, format('"%s" must be yes or no.', d.label_en);
    elsif d.field_type = 'date' and (jsonb_typeof(v_value) <> 'string' or private.try_date(v_value #>> '{}') is null) then
      return query select d.key, 'custom_field_type'::text, format('"%s" must be a real date (YYYY-MM-DD).', d.label_en);
    elsif d.field_type = 'single_select' and (jsonb_typeof(v_value) <> 'string' or not ((v_value #>> '{}') = any (v_allowed))) then
      return query select d.key, 'custom_field_option'::text, format('"%s" must be one of: %s.', d.label_en, array_to_string(v_allowed, ', '));
    elsif d.field_type = 'multi_select' then
      if jsonb_typeof(v_value) <> 'array' then
        return query select d.key, 'custom_field_type'::text, format('"%s" must be a list.', d.label_en);
      else
        for v_item in select * from jsonb_array_elements(v_value) loop
          if jsonb_typeof(v_item) <> 'string' or not ((v_item #>> '{}') = any (v_allowed)) then
            return query select d.key, 'custom_field_option'::text, format('"%s" only takes: %s.', d.label_en, array_to_string(v_allowed, ', '));
            exit;
          end if;
        end loop;
      end if;
    end if;
  end loop;
end;
$$;

-- A YYYY-MM-DD text as a date, or null when it is not a real date.
create or replace function private.try_date(p_text text)
returns date
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_text !~ '^\d{4}-\d{2}-\d{2}$' then
    return null;
  end if;
  return p_text::date;
exception when others then
  return null;
end;
$$;

create or replace function private.check_custom_fields()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_error record;
begin
  if tg_op = 'INSERT' or new.custom_fields is distinct from old.custom_fields then
    select e.field, e.code, e.message into v_error
      from private.custom_field_errors(tg_table_name, new.custom_fields, case when tg_op = 'UPDATE' then old.custom_fields end) e
     limit 1;
    if v_error.code is not null then
      raise exception using
        errcode = case v_error.code when 'custom_field_required' then '23502' else '22023' end,
        message = v_error.message, detail = v_error.code, hint = coalesce(v_error.field, '');
    end if;
  end if;
  return new;
end;
$$;

create or replace function private.valid_field_options(p_options jsonb)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select jsonb_typeof(p_options) = 'array'
     and not exists (
       select 1 from jsonb_array_elements(p_options) o
        where jsonb_typeof(o) <> 'object' or jsonb_typeof(o -> 'value') is distinct from 'string'
           or length(btrim(o ->> 'value')) = 0 or length(o ->> 'value') > 80
           or jsonb_typeof(o -> 'label_en') is distinct from 'string')
     and (select count(*) = count(distinct o ->> 'value') from jsonb_array_elements(p_options) o)
$$;
alter table public.custom_field_definitions add constraint custom_field_definitions_options_valid check (private.valid_field_options(options));

-- A field's key and type never change once values may exist (retire it and add another).
create or replace function private.custom_field_identity_is_fixed()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.key <> old.key or new.resource <> old.resource or new.field_type <> old.field_type then
    raise exception using errcode = '42501',
      message = 'A custom field''s key, resource and type cannot change. Deactivate it and add a new field instead.', detail = 'code_is_fixed';
  end if;
  return new;
end;
$$;

-- Is the staff record's position a salesperson position?
create or replace function private.is_sales_position(p_position uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select p.default_role_code = 'salesperson' from public.positions p where p.id = p_position), false)
$$;

-- Staff bookkeeping: status date, territory path copy, and the salesperson's assignment
-- history, kept in step with staff.territory_id whichever way it changes.
create or replace function private.staff_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.status is distinct from old.status and new.status_changed_on is not distinct from old.status_changed_on then
    new.status_changed_on := current_date;
  end if;
  if new.status = 'left' and new.territory_id is not null and private.is_sales_position(new.position_id) then
    new.territory_id := null;  -- a salesperson who leaves frees their territory
  end if;
  if new.territory_id is null then
    new.territory_path := null;
  elsif tg_op = 'INSERT' or new.territory_id is distinct from old.territory_id
        or new.territory_path is distinct from old.territory_path or new.territory_path is null then
    select t.path::text into new.territory_path from public.territories t where t.id = new.territory_id;
  end if;
  if (select auth.uid()) is not null
     and ((tg_op = 'INSERT' and new.user_id is not null) or (tg_op = 'UPDATE' and new.user_id is distinct from old.user_id))
     and not private.allows_all('staff', 'update') then
    raise exception using errcode = '42501', message = 'Only people with staff update permission for all records can link a login.', detail = 'not_allowed';
  end if;
  return new;
end;
$$;

create or replace function private.staff_sync_assignment()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_reason text := coalesce(nullif(current_setting('app.assignment_reason', true), ''), case when tg_op = 'INSERT' then 'Initial assignment' else 'Changed on the staff record' end);
  v_actor uuid := (select auth.uid());
  v_was_sales boolean := tg_op = 'UPDATE' and private.is_sales_position(old.position_id);
  v_is_sales boolean := private.is_sales_position(new.position_id) and new.status <> 'left';
begin
  if tg_op = 'UPDATE' and old.territory_id is not distinct from new.territory_id and v_was_sales = v_is_sales then
    return null;
  end if;
  if tg_op = 'UPDATE' then
    update public.territory_assignments a
       set valid_to = now(), ended_by = v_actor, end_reason = v_reason
     where a.staff_id = new.id and a.valid_to is null;
  end if;
  if v_is_sales and new.territory_id is not null then
    if exists (select 1 from public.territory_assignments a where a.territory_id = new.territory_id and a.valid_to is null and a.staff_id <> new.id) then
      raise exception using errcode = '23P01',
        message = format('Territory %s already has a salesperson (%s). End that assignment first.',
                         (select t.code from public.territories t where t.id = new.territory_id),
                         (select s.full_name from public.territory_assignments a join public.staff s on s.id = a.staff_id
                           where a.territory_id = new.territory_id and a.valid_to is null limit 1)),
        detail = 'territory_taken';
    end if;
    insert into public.territory_assignments (territory_id, staff_id, valid_from, assigned_by, reason)
    values (new.territory_id, new.id, now(), v_actor, v_reason);
  end if;
  return null;
end;
$$;

-- At commit: an active salesperson holds exactly one territory.
create or replace function private.assert_salesperson_has_territory()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_staff uuid := case when tg_table_name = 'staff' then (to_jsonb(new) ->> 'id')::uuid
                       else (coalesce(to_jsonb(new), to_jsonb(old)) ->> 'staff_id')::uuid end;
  v_row record;
begin
  select s.id, s.full_name, s.status, s.position_id into v_row from public.staff s where s.id = v_staff;
  if v_row.id is null or v_row.status = 'left' or not private.is_sales_position(v_row.position_id) then
    return null;
  end if;
  if (select count(*) from public.territory_assignments a where a.staff_id = v_staff and a.valid_to is null) <> 1 then
    raise exception using errcode = '23514',
      message = format('%s is an active salesperson and must hold exactly one territory.', v_row.full_name),
      detail = 'salesperson_territory';
  end if;
  return null;
end;
$$;

-- Assignment rows are written by the staff trigger; direct edits may only end one or
-- correct its reason.
create or replace function private.guard_assignment()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and (new.territory_id <> old.territory_id or new.staff_id <> old.staff_id or new.valid_from <> old.valid_from) then
    raise exception using errcode = '42501', message = 'An assignment''s territory, person and start cannot change; end it and assign again.', detail = 'code_is_fixed';
  end if;
  if tg_op = 'INSERT' then
    new.assigned_by := coalesce(new.assigned_by, (select auth.uid()));
    new.created_at := now();
  elsif current_user in ('authenticated', 'anon') then
    new.assigned_by := old.assigned_by;
    new.created_at := old.created_at;
    new.ended_by := case
      when old.valid_to is null and new.valid_to is not null then (select auth.uid())
      when new.valid_to is null then null
      else old.ended_by end;
  end if;
  return new;
end;
$$;

-- =============================================================================
-- Triggers
-- =============================================================================
create trigger positions_touch before insert or update on public.positions for each row execute function private.touch_row();
create trigger positions_no_cycle before insert or update of parent_id on public.positions
  for each row execute function private.refuse_reporting_cycle('parent_id');

create trigger territories_touch before insert or update on public.territories for each row execute function private.touch_row();
create trigger territories_path before insert or update of parent_id, path on public.territories
  for each row execute function private.territory_path();
-- "update of parent_id": a path rewritten by the BEFORE trigger does not count as a target column.
create trigger territories_subtree_moved after update of parent_id, path on public.territories
  for each row execute function private.territory_subtree_moved();
create trigger territories_custom_fields before insert or update of custom_fields on public.territories
  for each row execute function private.check_custom_fields();

create trigger staff_touch before insert or update on public.staff for each row execute function private.touch_row();
create trigger staff_before_write before insert or update on public.staff for each row execute function private.staff_before_write();
create trigger staff_no_cycle before insert or update of manager_id on public.staff
  for each row execute function private.refuse_reporting_cycle('manager_id');
create trigger staff_custom_fields before insert or update of custom_fields on public.staff
  for each row execute function private.check_custom_fields();
create trigger staff_sync_assignment after insert or update of territory_id, position_id, status on public.staff
  for each row execute function private.staff_sync_assignment();
create constraint trigger staff_salesperson_territory after insert or update on public.staff
  deferrable initially deferred for each row execute function private.assert_salesperson_has_territory();

create trigger territory_assignments_guard before insert or update on public.territory_assignments
  for each row execute function private.guard_assignment();
create constraint trigger territory_assignments_salesperson_territory after update or delete on public.territory_assignments
  deferrable initially deferred for each row execute function private.assert_salesperson_has_territory();

create trigger custom_field_definitions_touch before insert or update on public.custom_field_definitions
  for each row execute function private.touch_row();
create trigger custom_field_definitions_identity before update on public.custom_field_definitions
  for each row execute function private.custom_field_identity_is_fixed();

select private.enable_audit('public.positions');
select private.enable_audit('public.territories');
select private.enable_audit('public.staff');
select private.enable_audit('public.territory_assignments');
select private.enable_audit('public.custom_field_definitions');

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.ltree_label(uuid) from public;
revoke all on function private.own_territories(uuid) from public;
revoke all on function private.territory_path() from public;
revoke all on function private.territory_subtree_moved() from public;
revoke all on function private.refuse_reporting_cycle() from public;
revoke all on function private.valid_responsibilities(jsonb) from public;
revoke all on function private.custom_field_errors(text, jsonb, jsonb) from public;
revoke all on function private.try_date(text) from public;
grant execute on function private.try_date(text) to authenticated, service_role;
revoke all on function private.check_custom_fields() from public;
revoke all on function private.valid_field_options(jsonb) from public;
revoke all on function private.custom_field_identity_is_fixed() from public;
revoke all on function private.is_sales_position(uuid) from public;
revoke all on function private.staff_before_write() from public;
revoke all on function private.staff_sync_assignment() from public;
revoke all on function private.assert_salesperson_has_territory() from public;
revoke all on function private.guard_assignment() from public;
grant execute on function private.own_territories(uuid) to authenticated;
grant execute on function private.valid_responsibilities(jsonb) to authenticated, service_role;
grant execute on function private.valid_field_options(jsonb) to authenticated, service_role;
grant execute on function private.ltree_label(uuid) to authenticated, service_role;

revoke all on public.positions, public.territories, public.staff, public.territory_assignments,
  public.custom_field_definitions from anon, authenticated, service_role;
grant select, insert, update, delete on public.positions, public.territories, public.staff,
  public.custom_field_definitions to authenticated, service_role;
grant select, update on public.territory_assignments to authenticated;
grant select, insert, update, delete on public.territory_assignments to service_role;

-- =============================================================================
-- RLS policies
-- =============================================================================
alter table public.positions enable row level security;
alter table public.territories enable row level security;
alter table public.staff enable row level security;
alter table public.territory_assignments enable row level security;
alter table public.custom_field_definitions enable row level security;

create policy "people with positions read permission can read positions" on public.positions
  for select to authenticated using ((select private.allows_all('positions', 'read')));
create policy "people with positions create permission can add positions" on public.positions
  for insert to authenticated with check ((select private.allows_all('positions', 'create')));
create policy "people with positions update permission can edit positions" on public.positions
  for update to authenticated using ((select private.allows_all('positions', 'update'))) with check ((select private.allows_all('positions', 'update')));
create policy "people with positions delete permission can delete positions" on public.positions
  for delete to authenticated using ((select private.allows_all('positions', 'delete')));

create policy "people with territories read permission in scope can read territories" on public.territories
  for select to authenticated
  using (
    (select private.allows_all('territories', 'read'))
    or id in (select private.allowed_territories('territories', 'read'))
    -- a territory just added below one in scope is in scope too (the set is computed at statement start)
    or parent_id in (select private.allowed_territories('territories', 'read'))
    or id in (select private.own_territories((select private.allowed_owner('territories', 'read'))))
  );
create policy "people with territories create permission in scope can add territories below theirs" on public.territories
  for insert to authenticated
  with check ((select private.allows_all('territories', 'create')) or parent_id in (select private.allowed_territories('territories', 'create')));
create policy "people with territories update permission in scope can edit territories" on public.territories
  for update to authenticated
  using ((select private.allows_all('territories', 'update')) or id in (select private.allowed_territories('territories', 'update')))
  with check ((select private.allows_all('territories', 'update')) or id in (select private.allowed_territories('territories', 'update')));
create policy "people with territories delete permission in scope can delete territories" on public.territories
  for delete to authenticated
  using ((select private.allows_all('territories', 'delete')) or id in (select private.allowed_territories('territories', 'delete')));

create policy "people with staff read permission in scope can read staff" on public.staff
  for select to authenticated
  using (
    (select private.allows_all('staff', 'read'))
    or territory_id in (select private.allowed_territories('staff', 'read'))
    or user_id = (select private.allowed_owner('staff', 'read'))
  );
create policy "people with staff create permission in scope can add staff" on public.staff
  for insert to authenticated
  with check ((select private.allows_all('staff', 'create')) or territory_id in (select private.allowed_territories('staff', 'create')));
create policy "people with staff update permission in scope can edit staff" on public.staff
  for update to authenticated
  using (
    (select private.allows_all('staff', 'update'))
    or territory_id in (select private.allowed_territories('staff', 'update'))
    or user_id = (select private.allowed_owner('staff', 'update'))
  )
  with check (
    (select private.allows_all('staff', 'update'))
    or territory_id in (select private.allowed_territories('staff', 'update'))
    or user_id = (select private.allowed_owner('staff', 'update'))
  );
create policy "people with staff delete permission in scope can delete staff" on public.staff
  for delete to authenticated
  using ((select private.allows_all('staff', 'delete')) or territory_id in (select private.allowed_territories('staff', 'delete')));

create policy "people with territory_assignments read permission in scope can read assignments" on public.territory_assignments
  for select to authenticated
  using (
    (select private.allows_all('territory_assignments', 'read'))
    or territory_id in (select private.allowed_territories('territory_assignments', 'read'))
    or staff_id in (select s.id from public.staff s where s.user_id = (select private.allowed_owner('territory_assignments', 'read')))
  );
create policy "people with territory_assignments update permission in scope can annotate assignments" on public.territory_assignments
  for update to authenticated
  using ((select private.allows_all('territory_assignments', 'update')) or territory_id in (select private.allowed_territories('territory_assignments', 'update')))
  with check ((select private.allows_all('territory_assignments', 'update')) or territory_id in (select private.allowed_territories('territory_assignments', 'update')));

create policy "people with custom_fields read permission can read field definitions" on public.custom_field_definitions
  for select to authenticated using ((select private.allows_all('custom_fields', 'read')));
create policy "people with custom_fields create permission can add fields" on public.custom_field_definitions
  for insert to authenticated with check ((select private.allows_all('custom_fields', 'create')));
create policy "people with custom_fields update permission can edit fields" on public.custom_field_definitions
  for update to authenticated using ((select private.allows_all('custom_fields', 'update'))) with check ((select private.allows_all('custom_fields', 'update')));
create policy "people with custom_fields delete permission can delete fields" on public.custom_field_definitions
  for delete to authenticated using ((select private.allows_all('custom_fields', 'delete')));

-- =============================================================================
-- Public RPCs
-- =============================================================================
-- Assigns (or moves) a salesperson to a territory with a reason, in one transaction:
-- the previous assignment ends, the new one starts. RLS on staff decides who may.
create or replace function public.assign_territory(p_staff uuid, p_territory uuid, p_reason text)
returns public.territory_assignments
language plpgsql
set search_path = ''
as $$
declare
  v_result public.territory_assignments;
begin
  if length(coalesce(btrim(p_reason), '')) = 0 then
    raise exception using errcode = '23502', message = 'Say why the territory changes.', detail = 'reason_required';
  end if;
  if not private.authorize('territory_assignments', 'create', p_territory) then
    raise exception using errcode = '42501', message = 'You may not assign people to this territory.', detail = 'outside_scope';
  end if;
  perform set_config('app.assignment_reason', left(p_reason, 500), true);
  update public.staff s set territory_id = p_territory where s.id = p_staff;
  if not found then
    raise exception using errcode = '42501', message = 'This person does not exist or is outside your territories.', detail = 'outside_scope';
  end if;
  perform set_config('app.assignment_reason', '', true);
  select * into v_result from public.territory_assignments a where a.staff_id = p_staff and a.valid_to is null;
  return v_result;
end;
$$;
comment on function public.assign_territory(uuid, uuid, text) is 'Moves a salesperson to a territory with a reason (the history keeps from, to, who and why).';
revoke all on function public.assign_territory(uuid, uuid, text) from public, anon;
grant execute on function public.assign_territory(uuid, uuid, text) to authenticated;

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('positions', 'table', '{all}', 'Positions', 'Puestos', '岗位', 100),
  ('staff', 'table', '{own,territory,all}', 'Staff', 'Personal', '员工', 110),
  ('territories', 'table', '{own,territory,all}', 'Territories', 'Zonas', '销售区域', 120),
  ('territory_assignments', 'table', '{own,territory,all}', 'Territory assignments', 'Asignaciones de zona', '区域分配', 130),
  ('custom_fields', 'table', '{all}', 'Custom fields', 'Campos personalizados', '自定义字段', 140);

insert into public.resource_actions (resource, action) values
  ('positions', 'read'), ('positions', 'create'), ('positions', 'update'), ('positions', 'delete'),
  ('staff', 'read'), ('staff', 'create'), ('staff', 'update'), ('staff', 'delete'),
  ('territories', 'read'), ('territories', 'create'), ('territories', 'update'), ('territories', 'delete'),
  ('territory_assignments', 'read'), ('territory_assignments', 'create'), ('territory_assignments', 'update'),
  ('custom_fields', 'read'), ('custom_fields', 'create'), ('custom_fields', 'update'), ('custom_fields', 'delete');

insert into public.role_permissions (role_code, resource, action, scope) values
  ('hr_admin', 'positions', 'read', 'all'), ('hr_admin', 'positions', 'create', 'all'),
  ('hr_admin', 'positions', 'update', 'all'), ('hr_admin', 'positions', 'delete', 'all'),
  ('hr_admin', 'staff', 'read', 'all'), ('hr_admin', 'staff', 'create', 'all'),
  ('hr_admin', 'staff', 'update', 'all'), ('hr_admin', 'staff', 'delete', 'all'),
  ('hr_admin', 'territories', 'read', 'all'), ('hr_admin', 'territories', 'create', 'all'),
  ('hr_admin', 'territories', 'update', 'all'), ('hr_admin', 'territories', 'delete', 'all'),
  ('hr_admin', 'territory_assignments', 'read', 'all'), ('hr_admin', 'territory_assignments', 'create', 'all'),
  ('hr_admin', 'territory_assignments', 'update', 'all'),
  ('hr_admin', 'custom_fields', 'read', 'all'), ('hr_admin', 'custom_fields', 'create', 'all'),
  ('hr_admin', 'custom_fields', 'update', 'all'), ('hr_admin', 'custom_fields', 'delete', 'all'),

  ('manager', 'positions', 'read', 'all'),
  ('manager', 'staff', 'read', 'territory'), ('manager', 'staff', 'create', 'territory'), ('manager', 'staff', 'update', 'territory'),
  ('manager', 'territories', 'read', 'territory'), ('manager', 'territories', 'create', 'territory'), ('manager', 'territories', 'update', 'territory'),
  ('manager', 'territory_assignments', 'read', 'territory'), ('manager', 'territory_assignments', 'create', 'territory'),
  ('manager', 'territory_assignments', 'update', 'territory'),
  ('manager', 'custom_fields', 'read', 'all'),

  ('auditor', 'positions', 'read', 'all'),
  ('auditor', 'staff', 'read', 'all'),
  ('auditor', 'territories', 'read', 'all'),
  ('auditor', 'territory_assignments', 'read', 'all'),
  ('auditor', 'custom_fields', 'read', 'all'),

  ('salesperson', 'positions', 'read', 'all'),
  ('salesperson', 'staff', 'read', 'own'),
  ('salesperson', 'territories', 'read', 'own'),
  ('salesperson', 'territory_assignments', 'read', 'own'),
  ('salesperson', 'custom_fields', 'read', 'all');

-- =============================================================================
-- Org chart: people per position, read through the caller's RLS
-- =============================================================================
create or replace function public.org_chart_members(p_per_position integer default 12)
returns table (position_id uuid, filled bigint, members json)
language sql
stable
security invoker
set search_path = ''
as $$
  with ranked as (
    select s.position_id, s.id, s.full_name, s.status, s.territory_id,
           row_number() over by_name as rn,
           count(*) over (partition by s.position_id) as n
      from public.staff s
     where s.status <> 'left'
    window by_name as (partition by s.position_id order by s.full_name, s.id)
  ),
  kept as (
    select r.position_id, r.id, r.full_name, r.status, r.rn, r.n, t.code as territory_code
      from ranked r
      -- Under the caller's RLS: a territory they may not read shows no code.
      left join public.territories t on t.id = r.territory_id
     where r.rn <= greatest(1, least(p_per_position, 100))
  )
  select k.position_id,
         max(k.n),
         json_agg(json_build_object('id', k.id, 'full_name', k.full_name, 'status', k.status, 'territory_code', k.territory_code)
                  order by k.rn)
    from kept k
   group by k.position_id
$$;
comment on function public.org_chart_members(integer) is
  'Per position: how many current people the caller may see, and the first of them by name (security invoker: the caller''s RLS applies).';

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function public.org_chart_members(integer) from public, anon;
grant execute on function public.org_chart_members(integer) to authenticated, service_role;

-- =============================================================================
-- The territory tree in one pass (security invoker: each joined table's RLS applies)
-- =============================================================================
create view public.territory_tree
with (security_invoker = true)
as
select t.id,
       t.code,
       t.name,
       t.parent_id,
       extensions.nlevel(t.path) as depth,
       t.version,
       m.full_name as manager_name,
       s.full_name as salesperson_name
  from public.territories t
  left join public.staff m on m.id = t.manager_id
  left join public.territory_assignments a on a.territory_id = t.id and a.valid_to is null
  left join public.staff s on s.id = a.staff_id;
comment on view public.territory_tree is
  'One row per territory the caller may read: what the territory tree draws (its depth, manager and current salesperson by name, when the caller may read them). Security invoker: every joined table''s RLS applies.';

revoke all on public.territory_tree from public, anon;
grant select on public.territory_tree to authenticated, service_role;

-- =============================================================================
-- Org chart: counts, and the first few per position from an index
-- =============================================================================
create index staff_current_by_position_name_idx on public.staff (position_id, full_name, id) where status <> 'left';

-- Who is responsible for which territories, kept in a table (read by every territory policy).
--
-- Every territory-scoped policy asks private.responsible_territories(): "the territories in
-- the subtrees this person manages", several times per page. Rather than walk the tree per
-- call, the answer lives in private.responsibilities, one row per person who manages
-- something, rebuilt whole by statement triggers when a change can alter it: a territory
-- added, moved, removed or given another manager, a login linked, unlinked or changed, a
-- staff record with a login added or removed. The triggers look at the statement's rows
-- (transition tables): the edit forms send every field on each save, and a save that changes
-- none of these rebuilds nothing. Policies read one row by key.
--
-- Correctness under concurrency: a rebuild first updates the one row of
-- private.responsibility_generation. That row lock serialises rebuilds; under READ
-- COMMITTED the rebuild that waited then reads a new snapshot holding the other's committed
-- change, and under REPEATABLE READ or SERIALIZABLE the waiting transaction fails with a
-- serialization error instead of writing a table built from an old snapshot.

-- =============================================================================
-- Tables
-- =============================================================================
create table private.responsibilities (
  user_id uuid primary key,
  territory_ids uuid[] not null
);
comment on table private.responsibilities is
  'Per login: every territory inside the subtrees whose manager is that login''s staff record. Rebuilt by triggers; read by the territory-scope policies.';

create table private.responsibility_generation (
  id boolean primary key default true check (id),
  generation bigint not null default 0
);
comment on table private.responsibility_generation is
  'One row, bumped by each rebuild of private.responsibilities: its row lock serialises rebuilds.';
insert into private.responsibility_generation default values;

-- =============================================================================
-- Functions
-- =============================================================================
create or replace function private.rebuild_responsibilities()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  update private.responsibility_generation set generation = generation + 1 where true;
  delete from private.responsibilities where true;
  insert into private.responsibilities (user_id, territory_ids)
  select me.user_id, array_agg(distinct t.id)
    from public.staff me
    join public.territories root on root.manager_id = me.id
    join public.territories t on t.path operator(extensions.<@) root.path
   where me.user_id is not null
   group by me.user_id;
end;
$$;
comment on function private.rebuild_responsibilities() is 'Recomputes private.responsibilities from staff and territories (serialised, see the table''s migration).';

create or replace function private.responsibilities_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_relevant boolean;
begin
  if tg_table_name = 'staff' then
    if tg_op = 'INSERT' then
      select exists (select 1 from new_rows n where n.user_id is not null) into v_relevant;
    elsif tg_op = 'DELETE' then
      select exists (select 1 from old_rows o where o.user_id is not null) into v_relevant;
    else
      select exists (select 1 from old_rows o join new_rows n on n.id = o.id where n.user_id is distinct from o.user_id) into v_relevant;
    end if;
  elsif tg_op = 'UPDATE' then
    select exists (
      select 1 from old_rows o join new_rows n on n.id = o.id
       where n.parent_id is distinct from o.parent_id or n.manager_id is distinct from o.manager_id
          or n.path::text is distinct from o.path::text
    ) into v_relevant;
  else
    v_relevant := true;  -- a territory added or removed
  end if;
  if v_relevant then
    perform private.rebuild_responsibilities();
  end if;
  return null;
end;
$$;
comment on function private.responsibilities_changed() is
  'Statement trigger (with the statement''s rows): rebuilds private.responsibilities when a login link, a territory''s place or a territory''s manager changed.';

-- =============================================================================
-- Triggers (transition tables allow one event per trigger and no column list)
-- =============================================================================
create trigger territories_responsibilities_insert after insert on public.territories
  referencing new table as new_rows for each statement execute function private.responsibilities_changed();
create trigger territories_responsibilities_update after update on public.territories
  referencing old table as old_rows new table as new_rows for each statement execute function private.responsibilities_changed();
create trigger territories_responsibilities_delete after delete on public.territories
  referencing old table as old_rows for each statement execute function private.responsibilities_changed();
create trigger staff_responsibilities_insert after insert on public.staff
  referencing new table as new_rows for each statement execute function private.responsibilities_changed();
create trigger staff_responsibilities_update after update on public.staff
  referencing old table as old_rows new table as new_rows for each statement execute function private.responsibilities_changed();
create trigger staff_responsibilities_delete after delete on public.staff
  referencing old table as old_rows for each statement execute function private.responsibilities_changed();

select private.rebuild_responsibilities();

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on private.responsibilities, private.responsibility_generation from public, anon, authenticated, service_role;
revoke all on function private.rebuild_responsibilities() from public;
revoke all on function private.responsibilities_changed() from public;
