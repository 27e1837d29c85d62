-- CSV import for staff and territories: every row is checked by the database first and
-- every problem reported with its line, column and reason; if any row is bad nothing is
-- written; a good file is written in one transaction. The RPCs run as the caller, so RLS
-- and the matrix decide what may be written (a territory outside the importer's scope is
-- reported per row).

-- =============================================================================
-- Private functions (lookups that must see past the caller's RLS)
-- =============================================================================
create or replace function private.staff_emails_taken(p_emails text[])
returns setof text
language sql
stable
security definer
set search_path = ''
as $$
  select lower(s.email::text) from public.staff s where lower(s.email::text) = any (p_emails)
$$;
comment on function private.staff_emails_taken(text[]) is 'Which of these e-mails already belong to a staff record (anywhere), for import checks.';

create or replace function private.staff_ids_by_email(p_emails text[])
returns table (email text, id uuid)
language sql
stable
security definer
set search_path = ''
as $$
  select lower(s.email::text), s.id from public.staff s where lower(s.email::text) = any (p_emails)
$$;

create or replace function private.territory_ids_by_code(p_codes text[])
returns table (code text, id uuid, taken boolean)
language sql
stable
security definer
set search_path = ''
as $$
  select t.code, t.id,
         exists (select 1 from public.territory_assignments a where a.territory_id = t.id and a.valid_to is null)
    from public.territories t where t.code = any (p_codes)
$$;

-- A CSV cell for a custom field as the JSON value its definition expects.
create or replace function private.custom_fields_from_csv(p_resource text, p_row jsonb)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_object_agg(d.key, v.value), '{}'::jsonb)
    from public.custom_field_definitions d
    cross join lateral (select nullif(btrim(p_row ->> ('cf_' || d.key)), '') as cell) c
    cross join lateral (
      select case d.field_type
        when 'number' then case when c.cell ~ '^-?\d+(\.\d+)?$' then to_jsonb(c.cell::numeric) else to_jsonb(c.cell) end
        when 'boolean' then case
          when lower(c.cell) in ('true', 'yes', 'y', '1', 'sí', 'si', '是') then 'true'::jsonb
          when lower(c.cell) in ('false', 'no', 'n', '0', '否') then 'false'::jsonb
          else to_jsonb(c.cell) end
        when 'multi_select' then (select coalesce(jsonb_agg(btrim(x)), '[]') from unnest(string_to_array(c.cell, ';')) x where btrim(x) <> '')
        else to_jsonb(c.cell)
      end as value
    ) v
   where d.resource = p_resource and d.active and c.cell is not null
$$;

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.staff_emails_taken(text[]) from public;
revoke all on function private.staff_ids_by_email(text[]) from public;
revoke all on function private.territory_ids_by_code(text[]) from public;
revoke all on function private.custom_fields_from_csv(text, jsonb) from public;
grant execute on function private.staff_emails_taken(text[]) to authenticated;
grant execute on function private.staff_ids_by_email(text[]) to authenticated;
grant execute on function private.territory_ids_by_code(text[]) to authenticated;
grant execute on function private.custom_fields_from_csv(text, jsonb) to authenticated;
grant execute on function private.custom_field_errors(text, jsonb, jsonb) to authenticated;
grant execute on function private.is_sales_position(uuid) to authenticated;

-- =============================================================================
-- Public RPCs
-- =============================================================================
create or replace function public.import_staff(p_rows jsonb, p_dry_run boolean default false)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_known_columns text[] := array['_line', 'full_name', 'email', 'phone', 'position', 'territory', 'manager_email', 'hire_date', 'status', 'notes'];
  v_all boolean := private.allows_all('staff', 'create');
  v_scope uuid[] := array(select private.allowed_territories('staff', 'create'));
  v_errors jsonb;
  v_count integer;
begin
  if jsonb_typeof(p_rows) is distinct from 'array' then
    raise exception using errcode = '22023', message = 'The import expects a JSON array of rows.', detail = 'invalid_input';
  end if;
  if jsonb_array_length(p_rows) > 20000 then
    raise exception using errcode = '22023', message = 'At most 20,000 rows per import.', detail = 'invalid_input';
  end if;
  if not private.allows_some('staff', 'create') then
    raise exception using errcode = '42501', message = 'You are not allowed to add staff.', detail = 'not_allowed';
  end if;

  create temporary table if not exists pg_temp.staff_import (
    line integer, full_name text, email text, phone text, position_code text, territory_code text, manager_email text,
    hire_date_text text, status_text text, notes text, custom_fields jsonb, raw jsonb,
    position_id uuid, territory_id uuid, territory_taken boolean, hire_date date) on commit drop;
  truncate pg_temp.staff_import;
  insert into pg_temp.staff_import (line, full_name, email, phone, position_code, territory_code, manager_email, hire_date_text, status_text, notes, custom_fields, raw)
  select coalesce((r ->> '_line')::integer, i::integer + 1), nullif(btrim(r ->> 'full_name'), ''), lower(nullif(btrim(r ->> 'email'), '')),
         coalesce(btrim(r ->> 'phone'), ''), nullif(btrim(r ->> 'position'), ''), nullif(btrim(r ->> 'territory'), ''),
         lower(nullif(btrim(r ->> 'manager_email'), '')), nullif(btrim(r ->> 'hire_date'), ''), coalesce(nullif(btrim(r ->> 'status'), ''), 'active'),
         coalesce(r ->> 'notes', ''), private.custom_fields_from_csv('staff', r), r
    from jsonb_array_elements(p_rows) with ordinality as e(r, i);
  update pg_temp.staff_import s set position_id = p.id from public.positions p where p.code = s.position_code;
  update pg_temp.staff_import s set territory_id = t.id, territory_taken = t.taken
    from private.territory_ids_by_code(array(select distinct territory_code from pg_temp.staff_import where territory_code is not null)) t
   where t.code = s.territory_code;
  update pg_temp.staff_import s set hire_date = private.try_date(s.hire_date_text) where s.hire_date_text is not null;

  with problems(line, col, code, message) as (
    select 1, k, 'unknown_column', format('Unknown column "%s".', k)
      from (select distinct jsonb_object_keys(raw) k from pg_temp.staff_import) keys
     where not (k = any (v_known_columns))
       and not (k like 'cf\_%' and exists (select 1 from public.custom_field_definitions d where d.resource = 'staff' and d.active and 'cf_' || d.key = k))
    union all
    select line, 'full_name', 'required', 'A name is required.' from pg_temp.staff_import where full_name is null
    union all
    select line, 'full_name', 'too_long', 'The name has more than 120 characters.' from pg_temp.staff_import where length(full_name) > 120
    union all
    select line, 'email', 'required', 'An e-mail is required.' from pg_temp.staff_import where email is null
    union all
    select line, 'email', 'invalid_email', format('"%s" is not a valid e-mail address.', email)
      from pg_temp.staff_import where email is not null and (email !~ '^[^\s@]+@[^\s@]+\.[^\s@]+$' or length(email) > 255)
    union all
    select line, 'email', 'duplicate_email_in_file', format('%s appears more than once in the file.', email)
      from (select line, email, count(*) over (partition by email) n from pg_temp.staff_import where email is not null) d where n > 1
    union all
    select s.line, 'email', 'email_taken', format('%s already belongs to a staff member.', s.email)
      from pg_temp.staff_import s
     where s.email in (select private.staff_emails_taken(array(select email from pg_temp.staff_import where email is not null)))
    union all
    select line, 'phone', 'bad_phone', 'A phone number may only hold digits, spaces and + ( ) . -' from pg_temp.staff_import where phone !~ '^[0-9+() .-]*$' or length(phone) > 40
    union all
    select line, 'position', 'required', 'A position is required.' from pg_temp.staff_import where position_code is null
    union all
    select line, 'position', 'unknown_position', format('Unknown position "%s".', position_code) from pg_temp.staff_import where position_code is not null and position_id is null
    union all
    select line, 'territory', 'unknown_territory', format('Unknown territory "%s".', territory_code) from pg_temp.staff_import where territory_code is not null and territory_id is null
    union all
    select line, 'territory', 'territory_outside_scope', format('Territory %s is outside the territories you are responsible for.', territory_code)
      from pg_temp.staff_import where not v_all and territory_id is not null and not (territory_id = any (v_scope))
    union all
    select line, 'territory', 'territory_outside_scope', 'You may only add people to a territory you are responsible for.'
      from pg_temp.staff_import where not v_all and territory_code is null
    union all
    select line, 'territory', 'territory_required', 'A salesperson needs a territory.'
      from pg_temp.staff_import s where s.territory_code is null and private.is_sales_position(s.position_id) and s.status_text <> 'left'
    union all
    select line, 'territory', 'territory_taken', format('Territory %s already has a salesperson.', territory_code)
      from pg_temp.staff_import s where s.territory_taken and private.is_sales_position(s.position_id) and s.status_text <> 'left'
    union all
    select line, 'territory', 'territory_taken', format('Territory %s is given to more than one salesperson in the file.', territory_code)
      from (select line, territory_code, count(*) over (partition by territory_id) n
              from pg_temp.staff_import s where s.territory_id is not null and private.is_sales_position(s.position_id) and s.status_text <> 'left') d
     where n > 1
    union all
    select line, 'hire_date', 'bad_date', format('"%s" is not a date (YYYY-MM-DD).', hire_date_text)
      from pg_temp.staff_import where hire_date_text is not null and hire_date is null
    union all
    select line, 'hire_date', 'bad_date', 'The hire date is out of range.'
      from pg_temp.staff_import where hire_date is not null and (hire_date < date '1950-01-01' or hire_date > current_date + 366)
    union all
    select line, 'status', 'bad_status', format('Status "%s" is not one of active, on_leave, left.', status_text)
      from pg_temp.staff_import where status_text not in ('active', 'on_leave', 'left')
    union all
    select s.line, 'manager_email', 'unknown_manager', format('No staff member or row in the file has the e-mail %s.', s.manager_email)
      from pg_temp.staff_import s
     where s.manager_email is not null
       and s.manager_email not in (select email from pg_temp.staff_import where email is not null)
       and s.manager_email not in (select m.email from private.staff_ids_by_email(array(select manager_email from pg_temp.staff_import where manager_email is not null)) m)
    union all
    select line, 'notes', 'too_long', 'The notes have more than 5000 characters.' from pg_temp.staff_import where length(notes) > 5000
    union all
    select s.line, 'cf_' || coalesce(e.field, ''), e.code, e.message
      from pg_temp.staff_import s cross join lateral private.custom_field_errors('staff', s.custom_fields, null) e
  )
  select coalesce(jsonb_agg(jsonb_build_object('line', line, 'column', col, 'code', code, 'message', message) order by line, col), '[]')
    into v_errors
    from (select * from problems order by line, col limit 1000) p;

  select count(*) into v_count from pg_temp.staff_import;
  if jsonb_array_length(v_errors) > 0 or p_dry_run then
    return jsonb_build_object('ok', jsonb_array_length(v_errors) = 0, 'rows', v_count, 'inserted', 0, 'errors', v_errors, 'dry_run', p_dry_run);
  end if;

  perform set_config('app.assignment_reason', 'Imported from CSV', true);
  insert into public.staff (full_name, email, phone, position_id, territory_id, hire_date, status, notes, custom_fields)
  select full_name, email, phone, position_id, territory_id, coalesce(hire_date, current_date), status_text::public.staff_status, notes, custom_fields
    from pg_temp.staff_import order by line;
  get diagnostics v_count = row_count;
  update public.staff st set manager_id = m.id
    from pg_temp.staff_import s
    join lateral (select id from public.staff x where lower(x.email::text) = s.manager_email) m on true
   where lower(st.email::text) = s.email and s.manager_email is not null;
  perform set_config('app.assignment_reason', '', true);
  return jsonb_build_object('ok', true, 'rows', v_count, 'inserted', v_count, 'errors', '[]'::jsonb, 'dry_run', false);
end;
$$;
comment on function public.import_staff(jsonb, boolean) is
  'Checks every CSV row (line, column, reason) and, if none is bad and p_dry_run is false, inserts them all in one transaction.';

create or replace function public.import_territories(p_rows jsonb, p_dry_run boolean default false)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_known_columns text[] := array['_line', 'code', 'name', 'parent', 'market_notes', 'manager_email'];
  v_all boolean := private.allows_all('territories', 'create');
  v_scope uuid[] := array(select private.allowed_territories('territories', 'create'));
  v_errors jsonb;
  v_count integer := 0;
  v_pending integer;
begin
  if jsonb_typeof(p_rows) is distinct from 'array' or jsonb_array_length(p_rows) > 5000 then
    raise exception using errcode = '22023', message = 'The import expects a JSON array of at most 5,000 rows.', detail = 'invalid_input';
  end if;
  if not private.allows_some('territories', 'create') then
    raise exception using errcode = '42501', message = 'You are not allowed to add territories.', detail = 'not_allowed';
  end if;
  create temporary table if not exists pg_temp.territory_import (
    line integer, code text, name text, parent_code text, market_notes text, manager_email text, custom_fields jsonb, raw jsonb,
    parent_id uuid, manager_id uuid, existing boolean, done boolean default false) on commit drop;
  truncate pg_temp.territory_import;
  insert into pg_temp.territory_import (line, code, name, parent_code, market_notes, manager_email, custom_fields, raw)
  select coalesce((r ->> '_line')::integer, i::integer + 1), upper(nullif(btrim(r ->> 'code'), '')), nullif(btrim(r ->> 'name'), ''),
         upper(nullif(btrim(r ->> 'parent'), '')), coalesce(r ->> 'market_notes', ''), lower(nullif(btrim(r ->> 'manager_email'), '')),
         private.custom_fields_from_csv('territories', r), r
    from jsonb_array_elements(p_rows) with ordinality as e(r, i);
  update pg_temp.territory_import s set existing = true
    from private.territory_ids_by_code(array(select code from pg_temp.territory_import where code is not null)) t where t.code = s.code;
  update pg_temp.territory_import s set parent_id = t.id
    from private.territory_ids_by_code(array(select parent_code from pg_temp.territory_import where parent_code is not null)) t where t.code = s.parent_code;
  update pg_temp.territory_import s set manager_id = m.id
    from private.staff_ids_by_email(array(select manager_email from pg_temp.territory_import where manager_email is not null)) m where m.email = s.manager_email;

  with problems(line, col, code, message) as (
    select 1, k, 'unknown_column', format('Unknown column "%s".', k)
      from (select distinct jsonb_object_keys(raw) k from pg_temp.territory_import) keys
     where not (k = any (v_known_columns))
       and not (k like 'cf\_%' and exists (select 1 from public.custom_field_definitions d where d.resource = 'territories' and d.active and 'cf_' || d.key = k))
    union all
    select line, 'code', 'required', 'A code is required.' from pg_temp.territory_import where code is null
    union all
    select line, 'code', 'bad_code', format('"%s" is not a valid code (A-Z, 0-9, _ and -, up to 32).', code)
      from pg_temp.territory_import where code is not null and code !~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'
    union all
    select line, 'code', 'code_taken', format('Territory %s already exists.', code) from pg_temp.territory_import where existing
    union all
    select line, 'code', 'duplicate_code_in_file', format('%s appears more than once in the file.', code)
      from (select line, code, count(*) over (partition by code) n from pg_temp.territory_import where code is not null) d where n > 1
    union all
    select line, 'name', 'required', 'A name is required.' from pg_temp.territory_import where name is null
    union all
    select line, 'name', 'too_long', 'The name has more than 120 characters.' from pg_temp.territory_import where length(name) > 120
    union all
    select s.line, 'parent', 'unknown_territory', format('Unknown parent territory "%s".', s.parent_code)
      from pg_temp.territory_import s
     where s.parent_code is not null and s.parent_id is null and s.parent_code not in (select code from pg_temp.territory_import where code is not null)
    union all
    select line, 'parent', 'territory_outside_scope', format('Territory %s is outside the territories you are responsible for.', parent_code)
      from pg_temp.territory_import where not v_all and parent_id is not null and not (parent_id = any (v_scope))
    union all
    select line, 'parent', 'territory_outside_scope', 'You may only add territories below one you are responsible for.'
      from pg_temp.territory_import where not v_all and parent_code is null
    union all
    select line, 'manager_email', 'unknown_manager', format('No staff member has the e-mail %s.', manager_email)
      from pg_temp.territory_import where manager_email is not null and manager_id is null
    union all
    select line, 'market_notes', 'too_long', 'The market notes have more than 5000 characters.' from pg_temp.territory_import where length(market_notes) > 5000
    union all
    select s.line, 'cf_' || coalesce(e.field, ''), e.code, e.message
      from pg_temp.territory_import s cross join lateral private.custom_field_errors('territories', s.custom_fields, null) e
  )
  select coalesce(jsonb_agg(jsonb_build_object('line', line, 'column', col, 'code', code, 'message', message) order by line, col), '[]')
    into v_errors
    from (select * from problems order by line, col limit 1000) p;

  if jsonb_array_length(v_errors) > 0 or p_dry_run then
    return jsonb_build_object('ok', jsonb_array_length(v_errors) = 0, 'rows', (select count(*) from pg_temp.territory_import),
                              'inserted', 0, 'errors', v_errors, 'dry_run', p_dry_run);
  end if;

  -- Parents first, one level per statement: insert every row whose parent exists, repeat
  -- until done (a parent loop is refused). A few statements, not one per row: each
  -- statement on territories rebuilds the stored responsibilities once.
  loop
    with ready as (
      select s.* from pg_temp.territory_import s
       where not s.done and (s.parent_code is null or s.parent_id is not null
                             or exists (select 1 from public.territories t where t.code = s.parent_code))
    ),
    inserted as (
      insert into public.territories (code, name, parent_id, market_notes, manager_id, custom_fields)
      select r.code, r.name, coalesce(r.parent_id, (select t.id from public.territories t where t.code = r.parent_code)),
             r.market_notes, r.manager_id, r.custom_fields
        from ready r
       order by r.line
      returning code
    )
    update pg_temp.territory_import s set done = true from inserted i where i.code = s.code;
    get diagnostics v_pending = row_count;
    v_count := v_count + v_pending;
    exit when v_pending = 0;
  end loop;
  if exists (select 1 from pg_temp.territory_import where not done) then
    raise exception using errcode = '23514', message = 'Some rows name each other as parents in a loop.', detail = 'tree_cycle';
  end if;
  return jsonb_build_object('ok', true, 'rows', v_count, 'inserted', v_count, 'errors', '[]'::jsonb, 'dry_run', false);
end;
$$;
comment on function public.import_territories(jsonb, boolean) is
  'Checks every CSV row (line, column, reason) and, if none is bad and p_dry_run is false, inserts them all (parents first, a level per statement) in one transaction.';

revoke all on function public.import_staff(jsonb, boolean) from public, anon;
revoke all on function public.import_territories(jsonb, boolean) from public, anon;
grant execute on function public.import_staff(jsonb, boolean) to authenticated;
grant execute on function public.import_territories(jsonb, boolean) to authenticated;
