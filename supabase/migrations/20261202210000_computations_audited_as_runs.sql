-- Computations audited as runs. Splitting a year for everyone took 15 s and a month's
-- evaluation run 15.8 s, of which 9.7 s and 9.2 s were the audit trail writing one hash-chained
-- entry per derived row (48,570 targets; 4,378 evaluations with their actuals and lines). Those
-- rows are computed from inputs that are audited row by row (annual targets, profiles,
-- assignments, sales, visits, manual scores), so the run itself is what the trail records: one
-- entry per table and statement naming the computation, its parameters and how many rows it
-- wrote, with the runner as the actor. What people do to those rows afterwards (manual
-- scores, submissions, approvals, amendments, edits in the grid) is still recorded row by row.
-- A run says so in the transaction-local setting app.audit_run, with the tables it derives.

-- =============================================================================
-- Private functions
-- =============================================================================
CREATE OR REPLACE FUNCTION private.record_audit()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_keys text[];
  v_key_expr text;
  v_actor record;
  v_head bytea;
  v_sql text;
  v_run jsonb := nullif(current_setting('app.audit_run', true), '')::jsonb;
  v_changes text;
begin
  select a.key_columns into v_keys from private.audited_tables a where a.table_name = tg_table_name;
  if v_keys is null then
    raise exception 'table % is audited but not registered in private.audited_tables', tg_table_name;
  end if;
  -- record id: the key value, or key values joined with '|' for composite keys
  select string_agg(format('(r.j ->> %L)', k), ' || ''|'' || ') into v_key_expr from unnest(v_keys) k;

  select * into v_actor from private.audit_actor();
  -- Serialise writers of the chain (held until commit, so ids follow commit order).
  perform pg_advisory_xact_lock(727274100001);
  select l.hash into v_head from public.audit_log l order by l.id desc limit 1;
  v_head := coalesce(v_head, private.audit_genesis());

  -- A computation run (a split, an evaluation run) writes rows it derives from audited inputs:
  -- its statement is one entry naming the run, its parameters and how many rows it wrote, not
  -- one entry per derived row (48,570 targets in a company's split). Only the tables the run
  -- names are summed up so; anything else it touches is recorded row by row as always.
  if v_run is not null and tg_table_name = any (array(select jsonb_array_elements_text(v_run -> 'tables'))) then
    v_changes := format(
      'select %L::text as record_id, %L::text as operation, %s as old_row, %s as new_row, ''{}''::text[] as changed_fields
         from %s having count(*) > 0',
      v_run ->> 'computation', tg_op,
      case tg_op when 'DELETE' then 'jsonb_build_object(''run'', $7::jsonb, ''rows'', count(*))' else 'null::jsonb' end,
      case tg_op when 'DELETE' then 'null::jsonb' else 'jsonb_build_object(''run'', $7::jsonb, ''rows'', count(*))' end,
      case tg_op when 'DELETE' then 'old_rows' else 'new_rows' end);
  else
    v_changes :=
      case tg_op
        when 'INSERT' then format(
          'select %1$s as record_id, ''INSERT''::text as operation, null::jsonb as old_row, r.j as new_row, ''{}''::text[] as changed_fields
             from (select to_jsonb(n) as j from new_rows n) r', v_key_expr)
        when 'DELETE' then format(
          'select %1$s as record_id, ''DELETE''::text as operation, r.j as old_row, null::jsonb as new_row, ''{}''::text[] as changed_fields
             from (select to_jsonb(o) as j from old_rows o) r', v_key_expr)
        else format(
          'select %1$s as record_id, ''UPDATE''::text as operation, o.j as old_row, r.j as new_row,
                  array(select e.key from jsonb_each(r.j) e
                         where e.key not in (''updated_at'', ''version'') and e.value is distinct from (o.j -> e.key)
                         order by e.key) as changed_fields
             from (select to_jsonb(n) as j from new_rows n) r
             join (select to_jsonb(o) as j from old_rows o) o on %2$s',
          v_key_expr,
          (select string_agg(format('(r.j -> %1$L) = (o.j -> %1$L)', k), ' and ') from unnest(v_keys) k))
      end;
  end if;

  v_sql := format($f$
    with changes as (
      %s
    ),
    hashed as materialized (
      select n.*, %s as content
        from (
          select nextval('public.audit_log_id_seq') as id, now() as occurred_at, %L::text as table_name, c.*,
                 $1::uuid as actor_id, $2::text as actor_name, $3::text as actor_kind, $4::text[] as actor_roles, $6::text as actor_email
            from changes c
           where c.operation <> 'UPDATE' or cardinality(c.changed_fields) > 0 or c.old_row is null
        ) n
    ),
    links as (
      select l.*
        from (select array_agg(h.id order by h.id) as ids, array_agg(h.content order by h.id) as contents from hashed h) b
       cross join private.audit_chain_links(b.ids, b.contents, $5) l
    )
    insert into public.audit_log (id, occurred_at, table_name, record_id, operation, old_row, new_row, changed_fields,
                                  actor_id, actor_name, actor_kind, actor_roles, actor_email, prev_hash, hash)
    select h.id, h.occurred_at, h.table_name, h.record_id, h.operation, h.old_row, h.new_row, h.changed_fields,
           $1, $2, $3, $4, $6, l.prev_hash, l.hash
      from hashed h
      join links l on l.id = h.id
  $f$,
    v_changes,
    private.audit_content_sql('n'), tg_table_name);
  execute v_sql using v_actor.actor_id, v_actor.actor_name, v_actor.actor_kind, v_actor.actor_roles, v_head, v_actor.actor_email,
    v_run - 'tables';
  return null;
end;
$function$;
comment on function private.record_audit() is 'The audit trigger function (AFTER ... FOR EACH STATEMENT with transition tables): appends one hash-chained row per changed record, or, inside a computation run (app.audit_run) for the tables it derives, one row per statement naming the run and the rows it wrote.';

CREATE OR REPLACE FUNCTION private.run_evaluations(p_month date, p_territory uuid DEFAULT NULL::uuid)
 RETURNS TABLE(people integer, computed integer, left_alone integer)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_month date := date_trunc('month', p_month)::date;
  v_scope uuid[] := private.territory_scope('evaluations', 'create', false);
  v_ids uuid[];
  v_people integer;
  v_left integer;
begin
  if p_month is null then
    raise exception using errcode = '22023', detail = 'month_required', message = 'Choose the month to evaluate.';
  end if;
  if v_month > date_trunc('month', current_date)::date then
    raise exception using errcode = '22023', detail = 'month_not_started',
      message = format('%s has not started yet: a month is evaluated from its first day on.', to_char(v_month, 'YYYY-MM'));
  end if;
  if cardinality(v_scope) = 0 then
    raise exception using errcode = '42501', detail = 'not_allowed', message = 'You may not run evaluations.';
  end if;
  if p_territory is not null and not p_territory = any (v_scope) then
    raise exception using errcode = 'PT404', detail = 'territory_not_found', message = 'No territory with this id that you may evaluate.';
  end if;

  perform set_config('app.audit_run', jsonb_build_object('computation', 'run_evaluations', 'month', v_month,
                                                         'territory_id', p_territory,
                                                         'tables', array['evaluations', 'kpi_actuals', 'evaluation_lines'])::text, true);
  with candidates as (
    select s.id as staff_id, a.position_id, a.manager_id, a.territory_id
      from public.staff s
     cross join lateral private.assignment_on(s.id, v_month) a
     where s.hire_date <= (v_month + interval '1 month - 1 day')::date
       and (s.status <> 'left' or s.status_changed_on >= v_month)
  ),
  scoped as (
    select c.*, (select t.id from public.evaluation_templates t
                  where t.position_id = c.position_id and t.published_at is not null and t.valid_from <= v_month
                  order by t.valid_from desc limit 1) as template_id
      from candidates c
     where c.territory_id = any (v_scope)
       and (p_territory is null
            or c.territory_id in (select d.id from public.territories d join public.territories r on r.id = p_territory
                                   where d.path operator(extensions.<@) r.path))
  ),
  written as (
    insert into public.evaluations as e (staff_id, month, template_id, position_id, territory_id, manager_id)
    select s.staff_id, v_month, s.template_id, s.position_id, s.territory_id, s.manager_id
      from scoped s
     where s.template_id is not null and not private.month_closed(v_month, s.territory_id)
    on conflict (staff_id, month) do update
       set template_id = excluded.template_id, position_id = excluded.position_id,
           territory_id = excluded.territory_id, manager_id = excluded.manager_id
     where e.status = 'draft'
    returning e.id
  )
  select array_agg(w.id), (select count(*) from scoped s where s.template_id is not null)
    into v_ids, v_people from written w;
  v_ids := coalesce(v_ids, '{}');
  v_left := coalesce(v_people, 0) - cardinality(v_ids);
  perform private.compute_actuals_for(v_ids);
  perform private.fill_evaluation_lines(v_ids);
  perform set_config('app.audit_run', '', true);
  return query select coalesce(v_people, 0)::integer, cardinality(v_ids)::integer, v_left::integer;
end;
$function$;

-- =============================================================================
-- Public functions
-- =============================================================================
CREATE OR REPLACE FUNCTION public.split_targets(p_year integer, p_kpi uuid DEFAULT NULL::uuid)
 RETURNS TABLE(people integer, rows_written integer, rows_removed integer)
 LANGUAGE plpgsql
 SET search_path TO ''
 SET enable_nestloop TO 'off'
AS $function$
begin
  if p_year is null or p_year not between 2000 and 2100 then
    raise exception using errcode = '22023', detail = 'year_out_of_range', message = 'Give a year between 2000 and 2100.';
  end if;
  if p_kpi is not null and not exists (select 1 from public.kpis k where k.id = p_kpi) then
    raise exception using errcode = 'PT404', detail = 'kpi_not_found', message = 'No KPI with this id that you may read.';
  end if;
  perform set_config('app.target_split', 'on', true);
  perform set_config('app.audit_run', jsonb_build_object('computation', 'split_targets', 'year', p_year, 'kpi_id', p_kpi,
                                                         'tables', array['targets'])::text, true);
  return query
  with src as materialized (
    select a.id, a.kpi_id, a.staff_id, a.amount, k.year_aggregation as rule,
           case k.unit when 'count' then 0 else 2 end as scale, a.distribution_id
      from public.annual_targets a
      join public.kpis k on k.id = a.kpi_id
     where a.year = p_year and (p_kpi is null or a.kpi_id = p_kpi)
  ),
  -- Each profile's share of the year reached at the end of each month: element 1 is the
  -- start of January (0), element i + 1 the end of month i.
  shares as materialized (
    select d.id as distribution_id,
           array(select case when m.i = 0 then 0
                             when d.month_percents is null then m.i * 100.0 / 12
                             else (select coalesce(sum(p), 0) from unnest(d.month_percents[1:m.i]) p) end
                   from generate_series(0, 12) m(i) order by m.i) as reached
      from public.distribution_profiles d
  ),
  -- The territory each person held on the first of each month (their assignment history, or
  -- their record where it does not reach back), January to December: once per person.
  held as materialized (
    select h.staff_id, array_agg(h.territory_id order by h.i) as territories
      from (select distinct on (p.staff_id, m.i) p.staff_id, m.i, coalesce(ta.territory_id, st.territory_id) as territory_id
              from (select distinct s.staff_id from src s) p
              join public.staff st on st.id = p.staff_id
             cross join generate_series(1, 12) m(i)
              left join public.territory_assignments ta
                on ta.staff_id = p.staff_id and ta.valid_from <= make_date(p_year, m.i, 1)
               and (ta.valid_to is null or ta.valid_to > make_date(p_year, m.i, 1))
             order by p.staff_id, m.i, ta.valid_from desc nulls last) h
     group by h.staff_id
  ),
  -- Each month's amount: the difference of the rounded cumulative amounts, so the months add
  -- up exactly to the year (a KPI that is not added up keeps the annual figure every month).
  split as materialized (
    select s.kpi_id, s.staff_id, h.territories,
           case when s.rule = 'sum'
                then array[round(s.amount * r.reached[2] / 100, s.scale) - round(s.amount * r.reached[1] / 100, s.scale),
                           round(s.amount * r.reached[3] / 100, s.scale) - round(s.amount * r.reached[2] / 100, s.scale),
                           round(s.amount * r.reached[4] / 100, s.scale) - round(s.amount * r.reached[3] / 100, s.scale),
                           round(s.amount * r.reached[5] / 100, s.scale) - round(s.amount * r.reached[4] / 100, s.scale),
                           round(s.amount * r.reached[6] / 100, s.scale) - round(s.amount * r.reached[5] / 100, s.scale),
                           round(s.amount * r.reached[7] / 100, s.scale) - round(s.amount * r.reached[6] / 100, s.scale),
                           round(s.amount * r.reached[8] / 100, s.scale) - round(s.amount * r.reached[7] / 100, s.scale),
                           round(s.amount * r.reached[9] / 100, s.scale) - round(s.amount * r.reached[8] / 100, s.scale),
                           round(s.amount * r.reached[10] / 100, s.scale) - round(s.amount * r.reached[9] / 100, s.scale),
                           round(s.amount * r.reached[11] / 100, s.scale) - round(s.amount * r.reached[10] / 100, s.scale),
                           round(s.amount * r.reached[12] / 100, s.scale) - round(s.amount * r.reached[11] / 100, s.scale),
                           round(s.amount * r.reached[13] / 100, s.scale) - round(s.amount * r.reached[12] / 100, s.scale)]
                else array_fill(s.amount, array[12]) end as amounts
      from src s
      join held h on h.staff_id = s.staff_id
      join shares r on r.distribution_id = s.distribution_id
  ),
  -- One row per person, KPI and territory held that year, with the months held there.
  desired as (
    select x.kpi_id, x.staff_id, t.territory_id,
           array[case when x.territories[1] = t.territory_id then x.amounts[1] end,
                 case when x.territories[2] = t.territory_id then x.amounts[2] end,
                 case when x.territories[3] = t.territory_id then x.amounts[3] end,
                 case when x.territories[4] = t.territory_id then x.amounts[4] end,
                 case when x.territories[5] = t.territory_id then x.amounts[5] end,
                 case when x.territories[6] = t.territory_id then x.amounts[6] end,
                 case when x.territories[7] = t.territory_id then x.amounts[7] end,
                 case when x.territories[8] = t.territory_id then x.amounts[8] end,
                 case when x.territories[9] = t.territory_id then x.amounts[9] end,
                 case when x.territories[10] = t.territory_id then x.amounts[10] end,
                 case when x.territories[11] = t.territory_id then x.amounts[11] end,
                 case when x.territories[12] = t.territory_id then x.amounts[12] end]::numeric(16, 2)[] as months
      from split x
     cross join lateral (select distinct u.territory_id from unnest(x.territories) u(territory_id)
                          where u.territory_id is not null) t
  ),
  written as (
    insert into public.targets as t (kpi_id, year, territory_id, staff_id, months)
    select d.kpi_id, p_year, d.territory_id, d.staff_id, d.months from desired d
    on conflict (kpi_id, year, staff_id, territory_id) where staff_id is not null
    do update set months = excluded.months
     where t.months is distinct from excluded.months
    returning 1
  ),
  removed as (
    delete from public.targets t
     using src s
     where t.kpi_id = s.kpi_id and t.staff_id = s.staff_id and t.year = p_year
       and not exists (select 1 from desired d where d.kpi_id = t.kpi_id and d.staff_id = t.staff_id and d.territory_id = t.territory_id)
    returning 1
  )
  select (select count(distinct s.staff_id) from src s)::integer, (select count(*) from written)::integer,
         (select count(*) from removed)::integer;
  perform set_config('app.target_split', '', true);
  perform set_config('app.audit_run', '', true);
end;
$function$;
