-- Rebuild the stored responsibilities only when a change can alter them.
--
-- Migration 20261124002000 rebuilt private.responsibilities after every statement that
-- named user_id on staff, or parent_id, path or manager_id on territories. The edit forms
-- send every field on each save, so every staff or territory save rebuilt the table and
-- queued behind the one lock that serialises rebuilds. The triggers now look at the
-- statement's rows (transition tables) and rebuild only when a login was linked, unlinked or
-- changed, a staff record with a login was added or removed, or a territory was added,
-- removed, moved or given another manager.

-- =============================================================================
-- Functions
-- =============================================================================
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
drop trigger territories_responsibilities on public.territories;
drop trigger staff_responsibilities on public.staff;

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
