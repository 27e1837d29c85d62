-- Territory import, one statement per tree level.
--
-- import_territories inserted its rows one statement at a time (parents before children).
-- Each statement on territories now rebuilds the stored responsibilities (migration
-- 20261124002000), so a file of 500 territories would rebuild them 500 times. It now
-- inserts a whole level per statement: as many statements as the tree is deep. Same
-- checks, same result, same single transaction.

-- =============================================================================
-- Function
-- =============================================================================
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

-- =============================================================================
-- Grants (restated; create or replace keeps them)
-- =============================================================================
revoke all on function public.import_territories(jsonb, boolean) from public, anon;
grant execute on function public.import_territories(jsonb, boolean) to authenticated;
