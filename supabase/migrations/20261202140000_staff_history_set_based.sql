-- The effective-dated history of each person's position, manager and territory
-- (staff_assignments) was kept by a row trigger: one insert statement per person, each with its
-- own audit entry, so adding 10,000 people (an import) wrote the history 10,000 times over and
-- took seconds. It is now kept once per statement, set-based, with the same rows: a new person
-- starts an open row at their hire date (today at the latest); a change of position, manager
-- or territory ends the open row today (replacing one that started today) and opens another.

-- =============================================================================
-- Triggers
-- =============================================================================
drop trigger staff_assignment_history on public.staff;

create or replace function private.staff_assignment_history()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_changed uuid[];
begin
  if tg_op = 'INSERT' then
    insert into public.staff_assignments (staff_id, position_id, manager_id, territory_id, valid_from)
    select n.id, n.position_id, n.manager_id, n.territory_id, least(n.hire_date, current_date) from new_rows n;
    return null;
  end if;
  select array_agg(n.id) into v_changed
    from new_rows n join old_rows o on o.id = n.id
   where (n.position_id, n.manager_id, n.territory_id) is distinct from (o.position_id, o.manager_id, o.territory_id);
  if v_changed is null then
    return null;
  end if;
  delete from public.staff_assignments a
   where a.staff_id = any (v_changed) and a.valid_to is null and a.valid_from >= current_date;
  update public.staff_assignments a set valid_to = current_date
   where a.staff_id = any (v_changed) and a.valid_to is null;
  insert into public.staff_assignments (staff_id, position_id, manager_id, territory_id, valid_from)
  select n.id, n.position_id, n.manager_id, n.territory_id, current_date from new_rows n where n.id = any (v_changed);
  return null;
end;
$$;
comment on function private.staff_assignment_history() is
  'Statement trigger: keeps staff_assignments, the effective-dated history of each person''s position, manager and territory, set-based.';

create trigger staff_assignment_history_insert after insert on public.staff
  referencing new table as new_rows for each statement execute function private.staff_assignment_history();
create trigger staff_assignment_history_update after update on public.staff
  referencing old table as old_rows new table as new_rows for each statement execute function private.staff_assignment_history();
