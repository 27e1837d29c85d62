-- Foundation: deny-by-default privileges, the private helper schema, and the row
-- bookkeeping every business table shares (timestamps and an optimistic-lock version).

-- =============================================================================
-- Privileges: nothing is callable or readable unless a migration grants it
-- =============================================================================
-- New functions are executable by PUBLIC unless this global default is revoked
-- (a per-schema "revoke ... from public" has no effect).
alter default privileges for role postgres revoke execute on functions from public;
alter default privileges for role postgres in schema public revoke execute on functions from anon, authenticated, service_role;
-- The platform leaves TRUNCATE, REFERENCES, TRIGGER (and MAINTAIN) on new tables for the API roles.
alter default privileges for role postgres in schema public revoke all on tables from anon, authenticated, service_role;
alter default privileges for role postgres in schema public revoke all on sequences from anon, authenticated, service_role;

create extension if not exists pgcrypto with schema extensions;
create extension if not exists ltree with schema extensions;
create extension if not exists pg_trgm with schema extensions;
create extension if not exists citext with schema extensions;
create extension if not exists btree_gist with schema extensions;

-- =============================================================================
-- Private schema: helpers used by policies, triggers and RPCs. Not exposed by
-- PostgREST (only `public` and `graphql_public` are).
-- =============================================================================
create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;
comment on schema private is 'Helpers for RLS policies, triggers and RPCs. Not exposed through the Data API.';

-- =============================================================================
-- Shared row bookkeeping
-- =============================================================================
-- Optimistic locking: a client sends back the `version` it read; an UPDATE that
-- carries an older version is refused, so two editors cannot overwrite each other.
create or replace function private.touch_row()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    if new.version is distinct from old.version then
      raise exception using
        errcode = 'PT409',
        message = format('This %s was changed by someone else since you opened it (your version %s, current %s). Reload it and apply your changes again.',
                         replace(tg_table_name, '_', ' '), new.version, old.version),
        detail = 'stale_version';
    end if;
    new.version := old.version + 1;
    new.created_at := old.created_at;
  else
    new.version := 1;
    new.created_at := now();
  end if;
  new.updated_at := now();
  return new;
end;
$$;
comment on function private.touch_row() is
  'BEFORE INSERT/UPDATE trigger: sets created_at/updated_at and bumps version; refuses an UPDATE carrying a stale version (PT409 -> HTTP 409).';
revoke all on function private.touch_row() from public;
