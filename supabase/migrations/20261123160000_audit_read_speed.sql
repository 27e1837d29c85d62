-- Reading the audit log fast for people whose audit_log read is scoped (managers).
-- The read policy said "the audited record exists and your own RLS lets you read it" by
-- calling private.audit_row_visible per log row: a dynamic query per row, ~2 ms each, so a
-- page of a million-row log and its count took seconds. The policy now says the same thing
-- set-wise: per audited table, `record_id in (select <key> from <table>)`, a subquery that
-- runs under the caller's RLS once per statement (hashed), then one lookup per log row.
-- The policy is generated from private.audited_tables; enable_audit regenerates it.

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

-- enable_audit keeps the policy in step with the registered tables.
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
comment on function private.enable_audit(regclass, text[]) is
  'Registers a table, attaches the three audit triggers (insert, update, delete) and regenerates the audit_log read policy.';

-- =============================================================================
-- Grants and the policy for the tables audited so far
-- =============================================================================
revoke all on function private.audit_visibility_sql() from public;
revoke all on function private.refresh_audit_read_policy() from public;

select private.refresh_audit_read_policy();
