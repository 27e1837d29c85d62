-- Audit trail: every INSERT, UPDATE and DELETE on every table in public, recorded by one
-- trigger function, append-only for every API role, hash-chained so that an edit made
-- with superuser access is detected, readable through the permission matrix.

-- =============================================================================
-- Tables
-- =============================================================================
create table public.audit_log (
  id bigint primary key,
  occurred_at timestamptz not null default now(),
  table_name text not null,
  record_id text not null,
  operation text not null check (operation in ('INSERT', 'UPDATE', 'DELETE')),
  old_row jsonb,
  new_row jsonb,
  changed_fields text[] not null default '{}',
  actor_id uuid,
  actor_name text,
  actor_kind text not null check (actor_kind in ('user', 'service_role', 'migration', 'anon')),
  actor_roles text[] not null default '{}',
  prev_hash bytea not null,
  hash bytea not null,
  actor_email text
);
comment on table public.audit_log is
  'Append-only record of every change to every table in public: who (from the JWT, or service role / migration), when (UTC), what (old and new row, changed fields). Each row carries the hash of the previous one.';
comment on column public.audit_log.actor_name is 'The acting person''s name at the time of the change (kept even if the profile changes later).';
comment on column public.audit_log.actor_email is 'The acting login''s e-mail at the time of the change (with the name, it tells two people of one name apart).';
comment on column public.audit_log.hash is 'sha256(prev_hash || sha256(canonical content)); see private.verify_audit_chain().';

create sequence public.audit_log_id_seq owned by public.audit_log.id;
alter table public.audit_log alter column id set default nextval('public.audit_log_id_seq');

-- Kept few on purpose: every index is paid by every audited write.
create index audit_log_record_idx on public.audit_log (table_name, record_id, id desc);
create index audit_log_actor_idx on public.audit_log (actor_id, id desc) where actor_id is not null;
create index audit_log_occurred_at_brin on public.audit_log using brin (occurred_at);

-- Which tables are audited and how their rows are identified (for the History tab and
-- for "may this person read the audited row?").
create table private.audited_tables (
  table_name text primary key,
  key_columns text[] not null,
  key_types text[] not null
);
comment on table private.audited_tables is 'Tables carrying the audit triggers, with their key columns and types.';

-- =============================================================================
-- Private functions: hashing, recording, verifying
-- =============================================================================
-- The canonical content a row's hash covers, as an SQL expression over a row alias.
-- Recording and verifying both build their queries from this one function, so the two
-- cannot drift apart (and the expression is inlined, not called per row).
create or replace function private.audit_content_sql(p_alias text)
returns text
language sql
immutable
set search_path = ''
as $$
  select format(
    $f$pg_catalog.sha256(pg_catalog.convert_to(concat_ws(E'\x1f', %1$s.id::text, (extract(epoch from %1$s.occurred_at) * 1000000)::bigint::text,
        %1$s.table_name, %1$s.record_id, %1$s.operation, coalesce(%1$s.old_row::text, ''), coalesce(%1$s.new_row::text, ''),
        array_to_string(%1$s.changed_fields, ','), coalesce(%1$s.actor_id::text, ''), coalesce(%1$s.actor_name, ''),
        %1$s.actor_kind, array_to_string(%1$s.actor_roles, ','), %1$s.actor_email), 'UTF8'))$f$,
    p_alias)
$$;

create or replace function private.audit_genesis()
returns bytea
language sql
immutable
set search_path = ''
as $$
  select extensions.digest('sales-rulebook audit chain', 'sha256')
$$;


create or replace function private.audit_chain_links(p_ids bigint[], p_contents bytea[], p_head bytea)
returns table (id bigint, prev_hash bytea, hash bytea)
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_hash bytea := p_head;
  i integer;
begin
  for i in 1 .. coalesce(cardinality(p_ids), 0) loop
    id := p_ids[i];
    prev_hash := v_hash;
    v_hash := pg_catalog.sha256(v_hash || p_contents[i]);
    hash := v_hash;
    return next;
  end loop;
end;
$$;
comment on function private.audit_chain_links(bigint[], bytea[], bytea) is
  'The hash chain over one batch of new log rows (ids in order, their content hashes), starting from the head of the log.';


revoke all on function private.audit_chain_links(bigint[], bytea[], bytea) from public;

-- Who is acting: a person (JWT sub), the service role, or a direct database session
-- (migrations, seeds, maintenance).
create or replace function private.audit_actor(out actor_id uuid, out actor_name text, out actor_kind text, out actor_roles text[], out actor_email text)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_role text := (select auth.role());
begin
  actor_id := (select auth.uid());
  if actor_id is not null then
    actor_kind := 'user';
    select p.full_name, p.email into actor_name, actor_email from public.profiles p where p.id = actor_id;
    actor_email := coalesce(actor_email, nullif((select auth.jwt()) ->> 'email', ''));
    select coalesce(array_agg(ur.role_code order by ur.role_code), '{}') into actor_roles
      from public.user_roles ur where ur.user_id = actor_id;
  elsif v_role = 'service_role' then
    actor_kind := 'service_role';
    actor_roles := '{}';
  elsif v_role = 'anon' then
    actor_kind := 'anon';
    actor_roles := '{}';
  else
    actor_kind := 'migration';
    actor_roles := '{}';
  end if;
end;
$$;
comment on function private.audit_actor() is 'Who is acting: a person (id, name, e-mail, roles from the JWT''s subject), the service role, or a direct database session.';

-- The one audit trigger function. Statement-level with transition tables, so a bulk
-- write costs one INSERT ... SELECT into the log, not one insert per row.
create or replace function private.record_audit()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_keys text[];
  v_key_expr text;
  v_actor record;
  v_head bytea;
  v_sql text;
begin
  select a.key_columns into v_keys from private.audited_tables a where a.table_name = tg_table_name;
  if v_keys is null then
    raise exception 'table % is audited but not registered in private.audited_tables', tg_table_name;
  end if;
  -- record id: the key value, or key values joined with '|' for composite keys
  select string_agg(format('(r.j ->> %L)', k), ' || ''|'' || ') into v_key_expr from unnest(v_keys) k;

  select * into v_actor from private.audit_actor();
  -- Serialise writers of the chain (held until commit, so ids follow commit order).
  perform pg_advisory_xact_lock(727274100001);
  select l.hash into v_head from public.audit_log l order by l.id desc limit 1;
  v_head := coalesce(v_head, private.audit_genesis());

  v_sql := format($f$
    with changes as (
      %s
    ),
    hashed as materialized (
      select n.*, %s as content
        from (
          select nextval('public.audit_log_id_seq') as id, now() as occurred_at, %L::text as table_name, c.*,
                 $1::uuid as actor_id, $2::text as actor_name, $3::text as actor_kind, $4::text[] as actor_roles, $6::text as actor_email
            from changes c
           where c.operation <> 'UPDATE' or cardinality(c.changed_fields) > 0
        ) n
    ),
    links as (
      select l.*
        from (select array_agg(h.id order by h.id) as ids, array_agg(h.content order by h.id) as contents from hashed h) b
       cross join private.audit_chain_links(b.ids, b.contents, $5) l
    )
    insert into public.audit_log (id, occurred_at, table_name, record_id, operation, old_row, new_row, changed_fields,
                                  actor_id, actor_name, actor_kind, actor_roles, actor_email, prev_hash, hash)
    select h.id, h.occurred_at, h.table_name, h.record_id, h.operation, h.old_row, h.new_row, h.changed_fields,
           $1, $2, $3, $4, $6, l.prev_hash, l.hash
      from hashed h
      join links l on l.id = h.id
  $f$,
    case tg_op
      when 'INSERT' then format(
        'select %1$s as record_id, ''INSERT''::text as operation, null::jsonb as old_row, r.j as new_row, ''{}''::text[] as changed_fields
           from (select to_jsonb(n) as j from new_rows n) r', v_key_expr)
      when 'DELETE' then format(
        'select %1$s as record_id, ''DELETE''::text as operation, r.j as old_row, null::jsonb as new_row, ''{}''::text[] as changed_fields
           from (select to_jsonb(o) as j from old_rows o) r', v_key_expr)
      else format(
        'select %1$s as record_id, ''UPDATE''::text as operation, o.j as old_row, r.j as new_row,
                array(select e.key from jsonb_each(r.j) e
                       where e.key not in (''updated_at'', ''version'') and e.value is distinct from (o.j -> e.key)
                       order by e.key) as changed_fields
           from (select to_jsonb(n) as j from new_rows n) r
           join (select to_jsonb(o) as j from old_rows o) o on %2$s',
        v_key_expr,
        (select string_agg(format('(r.j -> %1$L) = (o.j -> %1$L)', k), ' and ') from unnest(v_keys) k))
    end,
    private.audit_content_sql('n'), tg_table_name);
  execute v_sql using v_actor.actor_id, v_actor.actor_name, v_actor.actor_kind, v_actor.actor_roles, v_head, v_actor.actor_email;
  return null;
end;
$$;
comment on function private.record_audit() is
  'The audit trigger function (AFTER ... FOR EACH STATEMENT with transition tables): appends one hash-chained row per changed record.';

-- The audit_log read policy is generated from private.audited_tables: per audited table,
-- `record_id in (select <key> from <table>)`, a subquery that runs under the caller's RLS once
-- per statement (hashed), then one lookup per log row. enable_audit regenerates it.
-- =============================================================================
-- The policy's visibility expression, one branch per audited table
-- =============================================================================
create or replace function private.audit_visibility_sql()
returns text
language sql
stable
set search_path = ''
as $$
  select coalesce(string_agg(
           format('(table_name = %L and record_id in (select %s from public.%I k))',
                  a.table_name,
                  (select string_agg(format('k.%I::text', c), ' || ''|'' || ' order by i) from unnest(a.key_columns) with ordinality u(c, i)),
                  a.table_name),
           ' or ' order by a.table_name), 'false')
    from private.audited_tables a
   -- Only tables people can read at all (a subquery on another would be refused outright).
   where pg_catalog.has_table_privilege('authenticated', format('public.%I', a.table_name), 'select')
$$;
comment on function private.audit_visibility_sql() is
  'The audit_log read policy''s "rows you may read" test: per audited table, record_id in the keys the caller''s RLS lets them see.';

-- =============================================================================
-- (Re)creating the read policy
-- =============================================================================
create or replace function private.refresh_audit_read_policy()
returns void
language plpgsql
set search_path = ''
as $$
begin
  execute 'drop policy if exists "people with audit_log read permission can read the history of rows they may read" on public.audit_log';
  execute format(
    'create policy "people with audit_log read permission can read the history of rows they may read" on public.audit_log
       for select to authenticated
       using ((select private.allows_all(%L, %L)) or ((select private.allows_some(%L, %L)) and (%s)))',
    'audit_log', 'read', 'audit_log', 'read', private.audit_visibility_sql());
end;
$$;
comment on function private.refresh_audit_read_policy() is
  'Regenerates the audit_log read policy from private.audited_tables. Migrations that audit a new table call it after granting select on that table.';

-- Attaches the audit triggers to a table. Every migration that creates a table calls it.
create or replace function private.enable_audit(p_table regclass, p_key_columns text[] default '{id}')
returns void
language plpgsql
set search_path = ''
as $$
declare
  v_name text := (select c.relname from pg_catalog.pg_class c where c.oid = p_table);
begin
  insert into private.audited_tables (table_name, key_columns, key_types)
  select v_name, p_key_columns,
         array(select pg_catalog.format_type(a.atttypid, a.atttypmod)
                 from unnest(p_key_columns) with ordinality k(col, i)
                 join pg_catalog.pg_attribute a on a.attrelid = p_table and a.attname = k.col
                order by k.i)
  on conflict (table_name) do update set key_columns = excluded.key_columns, key_types = excluded.key_types;
  execute format('create trigger audit_insert after insert on %s referencing new table as new_rows for each statement execute function private.record_audit()', p_table);
  execute format('create trigger audit_update after update on %s referencing old table as old_rows new table as new_rows for each statement execute function private.record_audit()', p_table);
  execute format('create trigger audit_delete after delete on %s referencing old table as old_rows for each statement execute function private.record_audit()', p_table);
  perform private.refresh_audit_read_policy();
end;
$$;
comment on function private.enable_audit(regclass, text[]) is 'Registers a table, attaches the three audit triggers (insert, update, delete) and regenerates the audit_log read policy.';

-- May the signed-in person read the audited row? Security invoker on purpose: the probe
-- runs under the caller's own RLS on the audited table, so "history of the rows you can
-- read" means exactly that.
create or replace function private.audit_row_visible(p_table text, p_record text)
returns boolean
language plpgsql
stable
set search_path = ''
as $$
declare
  v_keys text[];
  v_types text[];
  v_where text;
  v_visible boolean;
begin
  select a.key_columns, a.key_types into v_keys, v_types from private.audited_tables a where a.table_name = p_table;
  if v_keys is null or not has_table_privilege(format('public.%I', p_table), 'select') then
    return false;
  end if;
  select string_agg(format('%I = split_part($1, ''|'', %s)::%s', k.col, k.i, v_types[k.i]), ' and ')
    into v_where from unnest(v_keys) with ordinality k(col, i);
  execute format('select exists (select 1 from public.%I where %s)', p_table, v_where) into v_visible using p_record;
  return v_visible;
end;
$$;
comment on function private.audit_row_visible(text, text) is 'True when the audited record still exists and the caller''s own RLS lets them read it.';

-- Does the person hold any scope at all on resource x action?
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
comment on function private.allows_some(text, text) is 'Policy helper: the signed-in person holds resource x action with any scope.';

-- Walks the whole chain and reports the first row whose content or link no longer
-- matches (an edit, deletion or insertion made outside the trigger).
create or replace function private.verify_audit_chain()
returns table (ok boolean, rows_checked bigint, first_broken_id bigint, reason text)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_broken record;
  v_count bigint;
begin
  select count(*) into v_count from public.audit_log;
  execute format($f$
    select s.id,
           case
             when s.prev_hash is distinct from s.expected_prev then 'the link to the previous row is broken (a row was removed or inserted before it)'
             else 'the row''s content no longer matches its hash (it was edited)'
           end as why
      from (
        select l.id, l.prev_hash, l.hash,
               pg_catalog.sha256(l.prev_hash || %s) as expected,
               coalesce(lag(l.hash) over (order by l.id), private.audit_genesis()) as expected_prev
          from public.audit_log l
      ) s
     where s.hash is distinct from s.expected or s.prev_hash is distinct from s.expected_prev
     order by s.id
     limit 1$f$, private.audit_content_sql('l'))
    into v_broken;
  if v_broken.id is null then
    return query select true, v_count, null::bigint, null::text;
  else
    return query select false, v_count, v_broken.id, v_broken.why;
  end if;
end;
$$;
comment on function private.verify_audit_chain() is 'Recomputes the hash chain; reports the first broken row.';

-- Nobody reachable through the API changes the log; rows enter only via the trigger.
create or replace function private.audit_log_is_append_only()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = '42501', message = 'The audit log is append-only: its rows cannot be changed or removed.', detail = 'audit_append_only';
end;
$$;

-- =============================================================================
-- Triggers
-- =============================================================================
create trigger audit_log_no_update before update or delete on public.audit_log
  for each row execute function private.audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on public.audit_log
  for each statement execute function private.audit_log_is_append_only();

-- Every table that exists so far; later migrations call enable_audit for their own tables.
select private.enable_audit('public.permission_actions', '{code}');
select private.enable_audit('public.resources', '{code}');
select private.enable_audit('public.resource_actions', '{resource,action}');
select private.enable_audit('public.app_roles', '{code}');
select private.enable_audit('public.role_permissions', '{id}');
select private.enable_audit('public.profiles', '{id}');
select private.enable_audit('public.user_roles', '{id}');

-- A role's code is its identity (the audit trail and assignments refer to it): it never changes.
create or replace function private.app_role_code_is_fixed()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.code is distinct from old.code then
    raise exception using errcode = '42501', message = 'A role''s code cannot change. Create a new role instead.', detail = 'code_is_fixed';
  end if;
  return new;
end;
$$;
create trigger app_roles_code_is_fixed before update of code on public.app_roles
  for each row execute function private.app_role_code_is_fixed();

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on public.audit_log from anon, authenticated, service_role;
revoke all on sequence public.audit_log_id_seq from anon, authenticated, service_role;
grant select on public.audit_log to authenticated;
revoke all on private.audited_tables from public;
grant select on private.audited_tables to authenticated;

revoke all on function private.audit_content_sql(text) from public;
revoke all on function private.audit_genesis() from public;
revoke all on function private.audit_actor() from public;
revoke all on function private.record_audit() from public;
revoke all on function private.enable_audit(regclass, text[]) from public;
revoke all on function private.audit_row_visible(text, text) from public;
revoke all on function private.allows_some(text, text) from public;
revoke all on function private.verify_audit_chain() from public;
revoke all on function private.audit_log_is_append_only() from public;
revoke all on function private.app_role_code_is_fixed() from public;
grant execute on function private.audit_row_visible(text, text) to authenticated;
grant execute on function private.allows_some(text, text) to authenticated;
grant execute on function private.verify_audit_chain() to authenticated;

-- =============================================================================
-- RLS policies
-- =============================================================================
alter table public.audit_log enable row level security;

-- The read policy ("people with audit_log read permission can read the history of rows they may
-- read") is written by private.refresh_audit_read_policy(), which enable_audit calls.

-- =============================================================================
-- Public RPCs
-- =============================================================================
create or replace function public.verify_audit_chain()
returns table (ok boolean, rows_checked bigint, first_broken_id bigint, reason text)
language plpgsql
stable
set search_path = ''
as $$
begin
  if not private.allows_all('audit_log', 'read') then
    raise exception using errcode = '42501', message = 'Only people who may read the whole audit log can verify it.', detail = 'not_allowed';
  end if;
  return query select * from private.verify_audit_chain();
end;
$$;
comment on function public.verify_audit_chain() is 'Checks the audit log''s hash chain and reports the first broken row, if any.';
revoke all on function public.verify_audit_chain() from public, anon;
grant execute on function public.verify_audit_chain() to authenticated;

create or replace function public.audited_table_names()
returns table (table_name text)
language sql
stable
set search_path = ''
as $$
  select a.table_name from private.audited_tables a order by a.table_name
$$;
comment on function public.audited_table_names() is 'The tables the audit trail covers (for the audit log''s table filter).';
revoke all on function public.audited_table_names() from public, anon;
grant execute on function public.audited_table_names() to authenticated;

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('audit_log', 'table', '{territory,all}', 'Audit log', 'Registro de auditoría', '审计日志', 950);
insert into public.resource_actions (resource, action) values ('audit_log', 'read');
insert into public.role_permissions (role_code, resource, action, scope) values
  ('hr_admin', 'audit_log', 'read', 'all'),
  ('auditor', 'audit_log', 'read', 'all'),
  ('manager', 'audit_log', 'read', 'territory');
revoke all on function private.audit_visibility_sql() from public;
revoke all on function private.refresh_audit_read_policy() from public;
revoke all on function private.audit_chain_links(bigint[], bytea[], bytea) from public;

-- =============================================================================
-- Indexes: the log's deletions
-- =============================================================================
create index audit_log_deletions_idx on public.audit_log (id desc) where operation = 'DELETE';
comment on index public.audit_log_deletions_idx is
  'The audit log''s deletions in key order: the log page''s "Deleted" filter reads this instead of the whole log.';

-- =============================================================================
-- Audit log: checkpoints signed outside the database
-- =============================================================================
-- The hash chain shows an edit made past the trigger, unless whoever made it also recomputed
-- every hash after it, or removed the newest rows. A checkpoint pins (last id, last hash, row
-- count) with an HMAC whose key only the audit-integrity Edge Function holds, so neither can
-- pass unnoticed: the database can store a signature but cannot make one.
create table public.audit_checkpoints (
  id bigint generated always as identity primary key,
  created_at timestamptz not null default now(),
  kind text not null check (kind in ('periodic', 'on_demand')),
  created_by uuid references public.profiles (id) on delete set null,
  last_id bigint not null,
  last_hash bytea not null check (length(last_hash) = 32),
  row_count bigint not null check (row_count > 0),
  signature text not null check (signature ~ '^[0-9a-f]{64}$')
);
comment on table public.audit_checkpoints is
  'Signed anchors of the audit chain: the log''s last id, last hash and row count at a moment, with an HMAC-SHA256 made by the audit-integrity Edge Function (its key is never in the database). "Verify integrity" checks every one.';
create index audit_checkpoints_created_by_idx on public.audit_checkpoints (created_by);
create index audit_checkpoints_last_id_idx on public.audit_checkpoints (last_id);

alter table public.audit_checkpoints enable row level security;
revoke all on public.audit_checkpoints from anon, authenticated, service_role;
grant select on public.audit_checkpoints to authenticated, service_role;

create policy "people who may read the whole audit log can read its checkpoints" on public.audit_checkpoints
  for select to authenticated
  using ((select private.allows_all('audit_log', 'read')));

-- The head of the log as a checkpoint would pin it (service role: the Edge Function).
create or replace function private.audit_head()
returns table (last_id bigint, last_hash text, row_count bigint)
language sql
stable
security definer
set search_path = ''
as $$
  select l.id, encode(l.hash, 'hex'), (select count(*) from public.audit_log c where c.id <= l.id)
    from public.audit_log l
   order by l.id desc
   limit 1
$$;
comment on function private.audit_head() is 'The audit log''s last id, last hash (hex) and row count up to it: what the audit-integrity function signs.';

-- Stores a checkpoint the Edge Function signed, after checking it names the log as it is.
create or replace function private.record_audit_checkpoint(
  p_last_id bigint, p_last_hash text, p_row_count bigint, p_signature text, p_kind text, p_created_by uuid
)
returns public.audit_checkpoints
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.audit_checkpoints;
begin
  if not exists (select 1 from public.audit_log l where l.id = p_last_id and l.hash = decode(p_last_hash, 'hex'))
     or (select count(*) from public.audit_log c where c.id <= p_last_id) <> p_row_count then
    raise exception using errcode = '22023', message = 'The checkpoint does not match the audit log.', detail = 'invalid_input';
  end if;
  insert into public.audit_checkpoints (kind, created_by, last_id, last_hash, row_count, signature)
  values (p_kind, p_created_by, p_last_id, decode(p_last_hash, 'hex'), p_row_count, p_signature)
  returning * into v_row;
  return v_row;
end;
$$;
comment on function private.record_audit_checkpoint(bigint, text, bigint, text, text, uuid) is
  'Stores a signed checkpoint (service role only: the audit-integrity Edge Function).';

-- Every checkpoint next to what the log holds now: the hash at its last id (null when that
-- row is gone) and how many rows there are up to it, counted in one pass over the log.
create or replace function private.audit_checkpoint_facts()
returns table (
  id bigint, created_at timestamptz, kind text, last_id bigint, last_hash text, row_count bigint, signature text,
  log_hash text, log_count bigint
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_thresholds bigint[];
begin
  if (select auth.role()) is distinct from 'service_role' and not private.allows_all('audit_log', 'read') then
    raise exception using errcode = '42501', message = 'Only people who may read the whole audit log can verify it.', detail = 'not_allowed';
  end if;
  -- Bucket k of width_bucket holds ids in [t[k], t[k+1]); rows with id <= last_id are the
  -- buckets below that of last_id + 1.
  select coalesce(array_agg(distinct c.last_id + 1 order by c.last_id + 1), '{}') into v_thresholds from public.audit_checkpoints c;
  if cardinality(v_thresholds) = 0 then
    return;
  end if;
  return query
    with buckets as (
      select width_bucket(l.id, v_thresholds) as k, count(*) as n from public.audit_log l group by 1
    ), below as (
      select t.k, (select coalesce(sum(b.n), 0) from buckets b where b.k < t.k)::bigint as n
        from generate_subscripts(v_thresholds, 1) t(k)
    )
    select c.id, c.created_at, c.kind, c.last_id, encode(c.last_hash, 'hex'), c.row_count, c.signature,
           encode(l.hash, 'hex'), b.n
      from public.audit_checkpoints c
      join below b on v_thresholds[b.k] = c.last_id + 1
      left join public.audit_log l on l.id = c.last_id
     order by c.id;
end;
$$;
comment on function private.audit_checkpoint_facts() is
  'Each checkpoint with the log''s current hash at its last id and row count up to it (for the audit-integrity function''s verification).';

-- The API's entry points (security invoker; the private functions check and act).
create or replace function public.audit_head()
returns table (last_id bigint, last_hash text, row_count bigint)
language sql
stable
set search_path = ''
as $$
  select * from private.audit_head()
$$;
comment on function public.audit_head() is 'The audit log''s head as a checkpoint pins it (service role only).';

create or replace function public.record_audit_checkpoint(
  p_last_id bigint, p_last_hash text, p_row_count bigint, p_signature text, p_kind text, p_created_by uuid default null
)
returns public.audit_checkpoints
language sql
set search_path = ''
as $$
  select * from private.record_audit_checkpoint(p_last_id, p_last_hash, p_row_count, p_signature, p_kind, p_created_by)
$$;
comment on function public.record_audit_checkpoint(bigint, text, bigint, text, text, uuid) is
  'Stores a checkpoint the audit-integrity Edge Function signed (service role only).';

create or replace function public.audit_checkpoint_facts()
returns table (
  id bigint, created_at timestamptz, kind text, last_id bigint, last_hash text, row_count bigint, signature text,
  log_hash text, log_count bigint
)
language sql
stable
set search_path = ''
as $$
  select * from private.audit_checkpoint_facts()
$$;
comment on function public.audit_checkpoint_facts() is
  'Each checkpoint next to the log''s current hash at its last id and row count up to it (people who may read the whole log).';

revoke all on function private.audit_head(), private.record_audit_checkpoint(bigint, text, bigint, text, text, uuid),
  private.audit_checkpoint_facts() from public;
revoke all on function public.audit_head(), public.record_audit_checkpoint(bigint, text, bigint, text, text, uuid),
  public.audit_checkpoint_facts() from public, anon, authenticated;
grant execute on function private.audit_head(), private.record_audit_checkpoint(bigint, text, bigint, text, text, uuid),
  public.audit_head(), public.record_audit_checkpoint(bigint, text, bigint, text, text, uuid) to service_role;
grant execute on function private.audit_checkpoint_facts(), public.audit_checkpoint_facts() to authenticated, service_role;

select private.enable_audit('public.audit_checkpoints');

-- Making a checkpoint on demand is an action of the matrix (a write: never an auditor's).
insert into public.permission_actions (code, is_write, label_en, label_es, label_zh, sort_order)
values ('checkpoint', true, 'Checkpoint', 'Punto de control', '检查点', 90);
insert into public.resource_actions (resource, action) values ('audit_log', 'checkpoint');
insert into public.role_permissions (role_code, resource, action, scope) values ('hr_admin', 'audit_log', 'checkpoint', 'all');
