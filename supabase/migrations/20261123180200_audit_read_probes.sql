-- The audit_log read policy, per audited table, as a keyed probe.
--
-- The set-wise policy (20261123160000) tested `record_id in (select key from <table>)`:
-- the first log row of a table built the whole set of that table's readable keys. A page
-- of 25 rows is cheap that way, but PostgREST's estimated count reads up to 1,001 visible
-- rows, which meets most tables, and building the readable set of 50,000 acknowledgements
-- alone cost a manager ~25 ms. Tables with a one-column key are now tested with
-- `exists (select 1 from <table> k where k.<key> = record_id::<type>)`: an index probe per
-- log row that the planner may still turn into a hashed set when it expects many rows. The
-- caller's RLS on the audited table applies either way, so what a person may read is
-- unchanged. (The table_name test comes first in each branch, so the cast only ever sees
-- that table's keys.) Composite keys keep the set form.

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
           case when cardinality(a.key_columns) = 1
                then format('(table_name = %L and exists (select 1 from public.%I k where k.%I = record_id::%s))',
                            a.table_name, a.table_name, a.key_columns[1], a.key_types[1])
                else format('(table_name = %L and record_id in (select %s from public.%I k))',
                            a.table_name,
                            (select string_agg(format('k.%I::text', c), ' || ''|'' || ' order by i) from unnest(a.key_columns) with ordinality u(c, i)),
                            a.table_name)
           end,
           ' or ' order by a.table_name), 'false')
    from private.audited_tables a
   -- Only tables people can read at all (a subquery on another would be refused outright).
   where pg_catalog.has_table_privilege('authenticated', format('public.%I', a.table_name), 'select')
$$;
comment on function private.audit_visibility_sql() is
  'The audit_log read policy''s "rows you may read" test: per audited table, the caller''s RLS lets them read the row the log entry names (a keyed probe, or the readable key set for composite keys).';

select private.refresh_audit_read_policy();
