-- Who is responsible for which territories, kept in a table instead of walked per policy.
--
-- Every territory-scoped policy asks private.responsible_territories(): "the territories in
-- the subtrees this person manages". It walked the tree on each call (~0.1 ms for a region
-- of 189 territories), and one staff page asks four times (the page, its count, the
-- manager and territory embeds): about a sixth of a territory manager's staff list in SQL.
--
-- The answer now lives in private.responsibilities, one row per person who manages
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
