-- Imports get a minute, every other API call keeps the role's 8 seconds.
-- A CSV import of 10,000 staff or 100,000 sales lines runs as one statement in one
-- transaction; under load it outgrows `authenticated`'s 8 s statement_timeout. PostgREST
-- 12.2 and later (hosted runs 14.x) "hoist" a function's own `statement_timeout` setting
-- and apply it to the request's transaction. The local stack runs PostgREST 12.0.2,
-- which does not: the request check (db-pre-request, already installed for previews)
-- does the same, so both answer alike. On hosted the two agree; nothing is raised for
-- any other function, and only a function's owner can give it the setting.

-- =============================================================================
-- The imports' own timeout
-- =============================================================================
alter function public.import_staff(jsonb, boolean) set statement_timeout = '60s';
alter function public.import_territories(jsonb, boolean) set statement_timeout = '60s';
alter function public.import_customers(jsonb, boolean) set statement_timeout = '60s';
alter function public.import_sales(jsonb, boolean) set statement_timeout = '60s';
alter function public.import_payments(jsonb, boolean) set statement_timeout = '60s';

-- =============================================================================
-- The request check applies the called function's statement_timeout
-- =============================================================================
-- private.function_statement_timeout: the statement_timeout a public function named in an
-- RPC path carries (null for anything else, including unknown names).
create or replace function private.function_statement_timeout(p_path text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select max(substr(c, length('statement_timeout=') + 1))
    from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
   cross join lateral unnest(p.proconfig) c
   where p_path like '/rpc/%'
     and n.nspname = 'public'
     and p.proname = substr(p_path, 6)
     and c like 'statement\_timeout=%';
$$;
comment on function private.function_statement_timeout(text) is
  'The statement_timeout set on the public function an RPC path names (PostgREST 12.2+ hoists it itself).';
-- Asked only inside the request check (a definer function): nobody calls it directly.
revoke execute on function private.function_statement_timeout(text) from public;

create or replace function private.check_request()
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_session uuid;
  v_path text := current_setting('request.path', true);
  v_timeout text;
begin
  -- Every request passes here: only a function call looks its function up.
  if v_path like '/rpc/%' then
    v_timeout := private.function_statement_timeout(v_path);
    if v_timeout is not null then
      perform set_config('statement_timeout', v_timeout, true);
    end if;
  end if;
  v_session := private.preview_session_id();
  if v_session is null then
    return;
  end if;
  if not exists (
    select 1 from public.preview_sessions p
     where p.id = v_session
       and p.subject_id = (select auth.uid())
       and p.ended_at is null
       and p.expires_at > now()
  ) then
    raise exception using errcode = 'PT401', message = 'This preview has ended or expired.', detail = 'preview_ended';
  end if;
  perform set_config('transaction_read_only', 'on', true);
end;
$$;
comment on function private.check_request() is
  'db-pre-request: applies the called function''s own statement_timeout (as PostgREST 12.2+ does), refuses ended or expired preview tokens and makes every preview request read-only.';
