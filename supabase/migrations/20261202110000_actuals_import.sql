-- KPI actuals from CSV (the quantitative KPIs entered by hand: customer satisfaction, market
-- share), with the all-or-nothing rules of every import: a dry run, each bad row
-- named by line and column, nothing written on any error, and a re-import of the same file
-- changing nothing (rows are matched by person, KPI and month). Actuals a person writes as a
-- percentage are at most 100; qualitative KPIs are scored in the evaluation, not kept as actuals.

-- =============================================================================
-- Triggers
-- =============================================================================
create or replace function private.kpi_actual_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_at record;
begin
  select * into v_at from private.assignment_on(new.staff_id, new.month);
  if v_at.territory_id is null then
    raise exception using errcode = '23514', detail = 'actual_person_without_territory',
      message = 'This person had no territory that month; actuals are kept by territory.';
  end if;
  new.territory_id := v_at.territory_id;
  new.position_id := v_at.position_id;
  new.recorded_by := (select auth.uid());
  -- Computed actuals come from the evaluation functions only (which say so for their
  -- transaction): what a person writes is entered, and only for KPIs without a measure.
  if coalesce(current_setting('app.evaluation_writes', true), '') <> 'on' then
    if exists (select 1 from public.kpis k where k.id = new.kpi_id and k.measure_code is not null) then
      raise exception using errcode = '23514', detail = 'actual_is_computed',
        message = format('"%s" is computed from the field data; its actuals cannot be entered.',
                         (select k.name_en from public.kpis k where k.id = new.kpi_id));
    end if;
    new.source := case when new.source = 'imported' then 'imported'::public.kpi_actual_source else 'entered' end;
    if exists (select 1 from public.kpis k where k.id = new.kpi_id and k.kind = 'qualitative') then
      raise exception using errcode = '23514', detail = 'actual_is_scored',
        message = format('"%s" is scored in the evaluation, not kept as an actual.', (select k.name_en from public.kpis k where k.id = new.kpi_id));
    end if;
    -- What a person writes as a percentage is one (a computed rate may pass 100: more visits than planned).
    if new.value > 100 and exists (select 1 from public.kpis k where k.id = new.kpi_id and k.unit = 'percent') then
      raise exception using errcode = '23514', detail = 'actual_percent_above_100',
        message = format('"%s" is a percentage: at most 100, not %s.', (select k.name_en from public.kpis k where k.id = new.kpi_id), new.value);
    end if;
  end if;
  return new;
end;
$$;
comment on function private.kpi_actual_before_write() is 'Trigger: an actual''s territory and position are the person''s that month (refused without a territory); recorded_by is the writer; only the computation writes computed actuals; a percentage written by a person is at most 100; qualitative KPIs have no actuals.';

-- =============================================================================
-- Import
-- =============================================================================
-- Security definer so that it can look up each person's territory in the month (history the
-- caller may not read as such) and the months closed above it; it finds and writes only people
-- whose territory that month is in the caller's kpi_actuals scope (create for a new actual,
-- update for a known one), and answers "not among the people you may record actuals for"
-- alike for a person who does not exist and one outside that scope.
create or replace function private.import_kpi_actuals(p_rows jsonb, p_dry_run boolean)
returns jsonb
language plpgsql
security definer
set search_path = ''
set statement_timeout = '60s'
as $$
declare
  v_known text[] := array['_line', 'person', 'kpi', 'month', 'value', 'note'];
  v_create uuid[] := private.territory_scope('kpi_actuals', 'create', false);
  v_update uuid[] := private.territory_scope('kpi_actuals', 'update', false);
  v_errors jsonb;
  v_count integer;
  v_written integer;
  v_added integer;
begin
  perform private.check_import_size(p_rows, 100000);
  if cardinality(v_create) = 0 and cardinality(v_update) = 0 then
    raise exception using errcode = '42501', message = 'You are not allowed to record KPI actuals.', detail = 'not_allowed';
  end if;
  create temporary table if not exists pg_temp.actual_import (
    line integer, person text, kpi_ref text, month_text text, value_text text, note text, raw jsonb,
    staff_id uuid, kpi_id uuid, kpi_name text, measured boolean, scored boolean, percent boolean, month date, value numeric,
    territory_id uuid, existing_id uuid, closed boolean
  ) on commit drop;
  truncate pg_temp.actual_import;
  insert into pg_temp.actual_import (line, person, kpi_ref, month_text, value_text, note, raw)
  select coalesce((r ->> '_line')::integer, i::integer + 1), nullif(lower(btrim(r ->> 'person')), ''),
         nullif(btrim(r ->> 'kpi'), ''), nullif(btrim(r ->> 'month'), ''), nullif(btrim(r ->> 'value'), ''),
         coalesce(btrim(r ->> 'note'), ''), r
    from jsonb_array_elements(p_rows) with ordinality as e(r, i);
  update pg_temp.actual_import
     set month = case when month_text ~ '^\d{4}-(0[1-9]|1[0-2])$' then (month_text || '-01')::date end,
         value = private.try_amount(value_text)
   where true;
  update pg_temp.actual_import i set kpi_id = k.id, kpi_name = k.name_en, measured = k.measure_code is not null,
                                     scored = k.kind = 'qualitative',
                                     percent = k.unit = 'percent'
    from public.kpis k where k.code = i.kpi_ref;
  -- The person's territory in the month, kept only when it is in the caller's scope.
  update pg_temp.actual_import i set staff_id = x.staff_id, territory_id = x.territory_id
    from (select r.ctid as row_id, s.id as staff_id, a.territory_id
            from pg_temp.actual_import r
            join public.staff s on lower(s.email) = r.person
           cross join lateral private.assignment_on(s.id, coalesce(r.month, date_trunc('month', current_date)::date)) a
           where a.territory_id = any (v_create) or a.territory_id = any (v_update)) x
   where i.ctid = x.row_id;
  update pg_temp.actual_import i set existing_id = a.id
    from public.kpi_actuals a where a.staff_id = i.staff_id and a.kpi_id = i.kpi_id and a.month = i.month;
  update pg_temp.actual_import i set closed = private.month_closed(i.month, i.territory_id)
   where i.month is not null and i.territory_id is not null;
  analyze pg_temp.actual_import;

  with problems(line, col, code, message) as (
    select 1, k, 'unknown_column', format('Unknown column "%s".', k)
      from (select distinct jsonb_object_keys(raw) k from pg_temp.actual_import) keys where not (k = any (v_known))
    union all
    select line, 'person', 'required', 'The person''s e-mail is required.' from pg_temp.actual_import where person is null
    union all
    select line, 'person', 'unknown_person', format('No person %s among the people you may record actuals for.', person)
      from pg_temp.actual_import where person is not null and staff_id is null
    union all
    select line, 'person', 'not_allowed',
           format('You may not %s %s''s actuals in their territory of %s.', case when existing_id is null then 'add' else 'change' end, person, month_text)
      from pg_temp.actual_import
     where staff_id is not null and kpi_id is not null and month is not null
       and not (territory_id = any (case when existing_id is null then v_create else v_update end))
    union all
    select line, 'kpi', 'required', 'The KPI code is required.' from pg_temp.actual_import where kpi_ref is null
    union all
    select line, 'kpi', 'unknown_kpi', format('No KPI with the code "%s".', kpi_ref)
      from pg_temp.actual_import where kpi_ref is not null and kpi_id is null
    union all
    select line, 'kpi', 'actual_is_computed', format('"%s" is computed from the field data; its actuals cannot be imported.', kpi_name)
      from pg_temp.actual_import where measured
    union all
    select line, 'kpi', 'actual_is_scored', format('"%s" is scored in the evaluation, not kept as an actual.', kpi_name)
      from pg_temp.actual_import where scored
    union all
    select line, 'month', 'bad_month', format('"%s" is not a month (YYYY-MM).', coalesce(month_text, ''))
      from pg_temp.actual_import where month is null
    union all
    select line, 'month', 'month_not_started', format('%s has not started yet.', month_text)
      from pg_temp.actual_import where month > date_trunc('month', current_date)::date
    union all
    select line, 'month', 'month_closed', format('%s is closed for this person''s territory: ask for an amendment instead.', month_text)
      from pg_temp.actual_import where closed
    union all
    select line, 'value', 'bad_value', format('"%s" is not a number of 0 or more (at most two decimals).', coalesce(value_text, ''))
      from pg_temp.actual_import where value is null or value < 0
    union all
    select line, 'value', 'actual_percent_above_100', format('"%s" is a percentage: at most 100, not %s.', kpi_name, value)
      from pg_temp.actual_import where percent and value > 100
    union all
    select line, 'note', 'too_long', 'The note has more than 1,000 characters.' from pg_temp.actual_import where length(note) > 1000
    union all
    select line, 'month', 'duplicate_in_file', format('%s, %s and %s appear together more than once in the file.', person, kpi_ref, month_text)
      from (select line, person, kpi_ref, month_text, count(*) over (partition by staff_id, kpi_id, month) n
              from pg_temp.actual_import where staff_id is not null and kpi_id is not null and month is not null) d
     where n > 1
  )
  select coalesce(jsonb_agg(jsonb_build_object('line', line, 'column', col, 'code', code, 'message', message) order by line, col), '[]')
    into v_errors from (select * from problems order by line, col limit 1000) p;
  select count(*) into v_count from pg_temp.actual_import;
  if jsonb_array_length(v_errors) > 0 or p_dry_run then
    return private.import_result(v_errors, v_count, 0, p_dry_run);
  end if;

  update public.kpi_actuals a set value = i.value, note = i.note, source = 'imported'
    from pg_temp.actual_import i
   where a.id = i.existing_id and (a.value, a.note) is distinct from (i.value, i.note);
  get diagnostics v_written = row_count;
  insert into public.kpi_actuals (staff_id, kpi_id, month, value, note, source)
  select staff_id, kpi_id, month, value, note, 'imported' from pg_temp.actual_import where existing_id is null order by line;
  get diagnostics v_added = row_count;
  return private.import_result('[]'::jsonb, v_count, v_added + v_written, false);
end;
$$;
comment on function private.import_kpi_actuals(jsonb, boolean) is
  'Checks every KPI-actuals CSV row (person by e-mail, KPI code, month YYYY-MM, value, note) and, if none is bad and p_dry_run is false, adds new actuals and updates known ones in one transaction; only people whose territory that month is in your kpi_actuals scope.';

create or replace function public.import_kpi_actuals(p_rows jsonb, p_dry_run boolean default false)
returns jsonb
language sql
set search_path = ''
as $$
  select private.import_kpi_actuals(p_rows, p_dry_run)
$$;
comment on function public.import_kpi_actuals(jsonb, boolean) is
  'Checks every KPI-actuals CSV row (person by e-mail, KPI code, month YYYY-MM, value, note) and, if none is bad and p_dry_run is false, adds new actuals and updates known ones in one transaction; only people whose territory that month is in your kpi_actuals scope.';

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.import_kpi_actuals(jsonb, boolean) from public;
grant execute on function private.import_kpi_actuals(jsonb, boolean) to authenticated, service_role;
revoke all on function public.import_kpi_actuals(jsonb, boolean) from public, anon;
grant execute on function public.import_kpi_actuals(jsonb, boolean) to authenticated, service_role;
