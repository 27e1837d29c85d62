-- Speed of the evaluation cycle (the bench asks < 5 s to split a year's targets for everyone and
-- < 2 s to compute a month's evaluations for everyone): room on the targets' pages for the
-- split to rewrite a row beside itself, the split applying the caller's rules once as sets, the
-- roll-up planning its own joins, the evaluation lines reading a month's actuals by month, and
-- the targets grid read level by level.

-- ---------------------------------------------------------------------------------------------
-- Targets: room on each page for a row's next version
-- ---------------------------------------------------------------------------------------------
-- A year's split rewrites every person's row of the year (48,570 of them) and the roll-up every
-- territory's. On a full page the new version goes to another page, and each of the table's
-- eight indexes gets an entry for it: about 2 s of the split. With half of each page free, the
-- new version stays on its page and no index is touched when no indexed column changes (the
-- months, updated_at and version are not indexed; updated_by is, and stays the same when the
-- person who split last splits again). Rows written from now on keep the room.
alter table public.targets set (fillfactor = 50);

-- ---------------------------------------------------------------------------------------------
-- The split: the caller's rules applied once, as sets, not re-checked on every row
-- ---------------------------------------------------------------------------------------------
-- Under row-level security every one of the 48,570 rows a year's split rewrites was checked
-- against the read rule of targets, an array of the caller's territories (all 1,000 for HR)
-- searched row by row: about a second. The split now runs as its owner and applies the same
-- rules itself, with the same helpers the policies call: it reads the annual targets the caller
-- may read, changes and removes the rows they may change and remove, and refuses a row they may
-- not add, naming the territory. public.split_targets keeps its name and signature.
create function private.split_targets(p_year integer, p_kpi uuid)
returns table (people integer, rows_written integer, rows_removed integer)
language plpgsql
security definer
set search_path = ''
set enable_nestloop = off
as $$
declare
  v_bypass boolean := private.caller_bypasses_rls();
  v_all_read boolean := private.allows_all('targets', 'read');
  v_read uuid[] := private.territory_scope('targets', 'read', false);
  v_own uuid := case when private.allowed_owner('targets', 'read') is not null then private.my_staff_id() end;
  v_all_update boolean := private.allows_all('targets', 'update');
  v_update uuid[] := private.territory_scope('targets', 'update', false);
  v_all_create boolean := private.allows_all('targets', 'create');
  v_create uuid[] := private.territory_scope('targets', 'create', false);
  v_all_delete boolean := private.allows_all('targets', 'delete');
  v_delete uuid[] := private.territory_scope('targets', 'delete', false);
  v_people integer;
  v_written integer;
  v_removed integer;
  v_refused uuid;
begin
  if p_year is null or p_year not between 2000 and 2100 then
    raise exception using errcode = '22023', detail = 'year_out_of_range', message = 'Give a year between 2000 and 2100.';
  end if;
  if p_kpi is not null and not exists (select 1 from public.kpis k where k.id = p_kpi) then
    raise exception using errcode = 'PT404', detail = 'kpi_not_found', message = 'No KPI with this id that you may read.';
  end if;
  -- Whoever may change no territory's targets is told so, not answered with nothing written.
  if not v_bypass and not v_all_update and cardinality(v_update) = 0 then
    raise exception using errcode = '42501', detail = 'not_allowed', message = 'You may not split targets.';
  end if;
  perform set_config('app.target_split', 'on', true);
  perform set_config('app.audit_run', jsonb_build_object('computation', 'split_targets', 'year', p_year, 'kpi_id', p_kpi,
                                                         'tables', array['targets'])::text, true);
  with src as materialized (
    select a.id, a.kpi_id, a.staff_id, a.amount, k.year_aggregation as rule,
           case k.unit when 'count' then 0 else 2 end as scale, a.distribution_id
      from public.annual_targets a
      join public.kpis k on k.id = a.kpi_id
     where a.year = p_year and (p_kpi is null or a.kpi_id = p_kpi)
       -- The annual targets the caller may read (the read rule of annual_targets).
       and (v_bypass or v_all_read or a.territory_id = any (v_read) or (v_own is not null and a.staff_id = v_own))
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
     -- (most people hold one territory all year: no distinct to sort for them)
     cross join lateral unnest(case when x.territories[1] = all (x.territories) then array[x.territories[1]]
                                    else array(select distinct u.territory_id from unnest(x.territories) u(territory_id)
                                                where u.territory_id is not null) end) t(territory_id)
  ),
  -- The rows there are changed in place and the missing ones added: an upsert would first try
  -- to add each of the 48,000 rows a year holds, firing the insert triggers for each.
  -- Each write keeps to the rules of who may change, add and remove targets where: a row the
  -- caller may not change or remove is left as it is, one they may not add is refused below.
  changed as (
    update public.targets t set months = d.months, updated_by = (select auth.uid())
      from desired d
     where t.kpi_id = d.kpi_id and t.year = p_year and t.staff_id = d.staff_id and t.territory_id = d.territory_id
       and t.months is distinct from d.months
       and (v_bypass or v_all_update or t.territory_id = any (v_update))
    returning 1
  ),
  missing as (
    select d.* from desired d
     where not exists (select 1 from public.targets x
                        where x.kpi_id = d.kpi_id and x.year = p_year and x.staff_id = d.staff_id and x.territory_id = d.territory_id)
  ),
  added as (
    insert into public.targets as t (kpi_id, year, territory_id, staff_id, months, updated_by)
    select d.kpi_id, p_year, d.territory_id, d.staff_id, d.months, (select auth.uid()) from missing d
     where v_bypass or v_all_create or d.territory_id = any (v_create)
    on conflict (kpi_id, year, staff_id, territory_id) where staff_id is not null
    do update set months = excluded.months, updated_by = excluded.updated_by
     where t.months is distinct from excluded.months
    returning 1
  ),
  removed as (
    delete from public.targets t
     using src s
     where t.kpi_id = s.kpi_id and t.staff_id = s.staff_id and t.year = p_year
       and not exists (select 1 from desired d where d.kpi_id = t.kpi_id and d.staff_id = t.staff_id and d.territory_id = t.territory_id)
       and (v_bypass or v_all_delete or t.territory_id = any (v_delete))
    returning 1
  )
  select (select count(distinct s.staff_id) from src s)::integer, ((select count(*) from changed) + (select count(*) from added))::integer,
         (select count(*) from removed)::integer,
         (select d.territory_id from missing d where not (v_bypass or v_all_create or d.territory_id = any (v_create)) limit 1)
    into v_people, v_written, v_removed, v_refused;
  if v_refused is not null then
    raise exception using errcode = '42501', detail = 'territory_not_allowed',
      message = format('The split would add targets in %s, where you may not add targets.',
                       (select t.name from public.territories t where t.id = v_refused));
  end if;
  perform set_config('app.target_split', '', true);
  perform set_config('app.audit_run', '', true);
  return query select v_people, v_written, v_removed;
end;
$$;

create or replace function public.split_targets(p_year integer, p_kpi uuid default null)
returns table (people integer, rows_written integer, rows_removed integer)
language sql
set search_path = ''
as $$
  select * from private.split_targets(p_year, p_kpi)
$$;

-- ---------------------------------------------------------------------------------------------
-- The roll-up plans its own joins
-- ---------------------------------------------------------------------------------------------
-- The split turns nested loops off for its own statement, and the roll-up its triggers call ran
-- under that setting: a territory's child territories were then found by reading all 1,000
-- territory rows of the KPI and year and hashing them, 900 times for one level (0.6 s). With
-- nested loops back on, each child's row is looked up in the (territory, year, KPI) index.
alter function private.roll_up_targets(private.target_key[]) set enable_nestloop = on;

-- ---------------------------------------------------------------------------------------------
-- Evaluation lines: the month's actuals read by month
-- ---------------------------------------------------------------------------------------------
-- The lines read the evaluated months' actuals through a join with those months, which the
-- planner could not see through: it read all 1.1 million actuals and hashed them to keep a
-- month's 44,000 (0.6 s of a month's run). The months as an array let it read them by month.
create or replace function private.fill_evaluation_lines(p_ids uuid[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.evaluation_lines l
   using public.evaluations e
   where e.id = l.evaluation_id and e.id = any (p_ids)
     and not exists (select 1 from public.evaluation_template_kpis t where t.template_id = e.template_id and t.kpi_id = l.kpi_id);
  -- A new line is written scored (its manual score is still empty), so scoring afterwards has
  -- nothing to rewrite for it; a line that was there is rescored there, keeping its manual score.
  insert into public.evaluation_lines as l (evaluation_id, kpi_id, weight, cap_percent, floor_percent, sort_order, target, actual, achievement)
  with evaluated as materialized (
    select e.id, e.staff_id, e.month, e.template_id from public.evaluations e where e.id = any (p_ids)
  ),
  months as materialized (
    select distinct v.month from evaluated v
  ),
  month_targets as materialized (
    select g.staff_id, g.kpi_id, m.month, sum(g.months[extract(month from m.month)::integer]) as target
      from months m
      join public.targets g on g.year = extract(year from m.month)
     where g.staff_id in (select v.staff_id from evaluated v)
     group by g.staff_id, g.kpi_id, m.month
  ),
  month_actuals as materialized (
    select a.staff_id, a.kpi_id, a.month, a.value
      from public.kpi_actuals a
     where a.month = any (array(select m.month from months m))
       and a.staff_id in (select v.staff_id from evaluated v)
  )
  select f.id, f.kpi_id, f.weight, f.cap_percent, f.floor_percent, f.sort_order, f.target, f.actual,
         private.line_achievement(f.kind, f.direction, f.scale_max, null, f.actual, f.target, f.cap_percent, f.floor_percent)
    from (select e.id, t.kpi_id, t.weight, t.cap_percent, t.floor_percent, t.sort_order, k.kind, k.direction, k.scale_max,
                 case when k.kind = 'quantitative' then g.target end as target, a.value as actual
            from evaluated e
            join public.evaluation_template_kpis t on t.template_id = e.template_id
            join public.kpis k on k.id = t.kpi_id
            left join month_targets g on g.staff_id = e.staff_id and g.kpi_id = t.kpi_id and g.month = e.month
            left join month_actuals a on a.staff_id = e.staff_id and a.kpi_id = t.kpi_id and a.month = e.month
          offset 0) f
  on conflict (evaluation_id, kpi_id) do update
     set weight = excluded.weight, cap_percent = excluded.cap_percent, floor_percent = excluded.floor_percent,
         sort_order = excluded.sort_order, target = excluded.target, actual = excluded.actual
   where (l.weight, l.cap_percent, l.floor_percent, l.sort_order, l.target, l.actual)
         is distinct from (excluded.weight, excluded.cap_percent, excluded.floor_percent, excluded.sort_order, excluded.target, excluded.actual);
  perform private.score_evaluations(p_ids);
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- The targets grid, level by level
-- ---------------------------------------------------------------------------------------------
-- The grid read every line of a year and KPI at once (1,118 for a regional manager, 5,857 for
-- HR in six requests). It now opens at the top territories the caller sees (those whose parent
-- they cannot see) and reads a territory's level when it is opened: the shown territories' own
-- rows and the opened territories' people. The opened territories come in the body (a list of
-- shown territories in the address grows past what a request line may hold). Runs as the
-- caller: rows and territories are those they may read.
create function public.target_grid(p_year integer, p_kpi uuid, p_opened uuid[] default '{}')
returns setof public.target_totals
language sql
stable
set search_path = ''
as $$
  with tops as (
    select t.id from public.territories t
     where t.parent_id is null or not exists (select 1 from public.territories p where p.id = t.parent_id)
  ),
  opened as (
    select o.id from tops o
    union
    select u.id from unnest(p_opened) u(id)
  ),
  shown as (
    select o.id from tops o
    union
    select t.id from public.territories t where t.parent_id in (select o.id from opened o)
  )
  select x.*
    from public.target_totals x
   where x.year = p_year and x.kpi_id = p_kpi
     and x.territory_id in (select s.id from shown s)
     and (x.staff_id is null or x.territory_id in (select o.id from opened o))
$$;

-- ---------------------------------------------------------------------------------------------
-- Comments and grants
-- ---------------------------------------------------------------------------------------------
comment on function private.split_targets(integer, uuid) is 'Splits a year''s annual targets (one KPI or all) the caller may read into months by their distribution profiles, under the territory each person held on the first of each month, within the caller''s rules for changing, adding and removing targets (a row they may not add is refused, naming its territory); months add up exactly to the annual amount; a second run writes nothing.';
revoke all on function private.split_targets(integer, uuid) from public;
grant execute on function private.split_targets(integer, uuid) to authenticated, service_role;
comment on function public.target_grid(integer, uuid, uuid[]) is 'The targets grid of a year and KPI read level by level, as the caller may read it: the top territories they see and the opened ones'' child territories (their own rows), and the people of the top and opened territories.';
revoke all on function public.target_grid(integer, uuid, uuid[]) from public, anon;
grant execute on function public.target_grid(integer, uuid, uuid[]) to authenticated, service_role;
