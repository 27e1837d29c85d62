-- Supabase platform bootstrap, part 1: cluster roles (local stack only).
--
-- This is what a hosted Supabase project's database already has before any of our
-- migrations run. It is NOT a migration: the files in supabase/migrations must apply
-- unchanged to a hosted project, which has all of this already. Runs once per cluster,
-- as the cluster superuser `supabase_admin`. `{{password}}` is replaced by the
-- local-only password of the service logins.

-- ---------------------------------------------------------------------------------
-- Roles
-- ---------------------------------------------------------------------------------
create role postgres login password '{{password}}' nosuperuser createdb createrole replication bypassrls inherit;

create role anon nologin inherit;
create role authenticated nologin inherit;
create role service_role nologin inherit bypassrls;

create role authenticator login noinherit password '{{password}}';
grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres with admin option;
-- Hosted, supautils lets `postgres` set PostgREST's in-database config on authenticator
-- (`alter role authenticator set pgrst.db_pre_request = ...`); the admin option does it here.
grant authenticator to postgres with admin option;
grant set on parameter pgrst.db_pre_request to postgres;
grant pg_read_all_data, pg_monitor, pg_signal_backend to postgres;

alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';
alter role postgres set search_path = "$user", public, extensions;
alter role supabase_admin set search_path = "$user", public, auth, extensions;

create role supabase_auth_admin login noinherit nocreaterole password '{{password}}';
alter role supabase_auth_admin set search_path = auth;
alter role supabase_auth_admin set idle_in_transaction_session_timeout = 60000;

