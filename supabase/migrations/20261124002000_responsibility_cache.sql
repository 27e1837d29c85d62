-- Who is responsible for which territories, kept in a table instead of walked per policy.
--
-- Every territory-scoped policy asks private.responsible_territories(): "the territories in
-- the subtrees this person manages". It walked the tree on each call (~0.1 ms for a region
-- of 189 territories), and one staff page asks four times (the page, its count, the
-- manager and territory embeds): about a sixth of a territory manager's staff list in SQL.
--
-- The answer now lives in private.responsibilities, one row per person who manages
-- something, rebuilt whole by statement triggers on every change that can alter it: a
-- territory added, moved, removed or given another manager, a staff record linked to a
-- login, unlinked or removed. Policies read one row by key.
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
  update private.responsibility_generation set generation = generation + 1;
  delete from private.responsibilities;
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
begin
  perform private.rebuild_responsibilities();
  return null;
end;
$$;
comment on function private.responsibilities_changed() is 'Statement trigger: a change to territories or to staff logins rebuilds private.responsibilities.';

-- Same answer as before, read by key.
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

-- =============================================================================
-- Triggers
-- =============================================================================
create trigger territories_responsibilities after insert or delete or update of parent_id, path, manager_id on public.territories
  for each statement execute function private.responsibilities_changed();
create trigger staff_responsibilities after insert or delete or update of user_id on public.staff
  for each statement execute function private.responsibilities_changed();

select private.rebuild_responsibilities();

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on private.responsibilities, private.responsibility_generation from public, anon, authenticated, service_role;
revoke all on function private.rebuild_responsibilities() from public;
revoke all on function private.responsibilities_changed() from public;
