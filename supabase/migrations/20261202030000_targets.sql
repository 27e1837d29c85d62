-- Targets: the plan broken down per person and territory, KPI and month (seeds 000, 003 ch.3).
--
-- A person's annual target for a KPI is split into months by a distribution profile (even,
-- or seasonal percentages that add up to 100) by one function, split_targets, which changes
-- nothing when run twice. The months are kept per person and per territory the person held
-- on the first of each month (a person who moves in July has January-June under the old
-- territory and July-December under the new one), so a move never rewrites a past month.
-- Quarters and the year are made from the months by the KPI's year-end rule (sum, average,
-- last). For KPIs that add up, a territory's months are the sum of its people's and its
-- child territories', kept by the database, unless HR or a manager overrides them with a
-- reason (who and when are kept); a direct write of an un-overridden territory's months
-- that differs from its children is refused, naming the month and the difference.

-- =============================================================================
-- Tables
-- =============================================================================
create table public.distribution_profiles (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name_en text not null check (length(btrim(name_en)) between 1 and 80),
  name_es text not null default '' check (length(name_es) <= 80),
  name_zh text not null default '' check (length(name_zh) <= 80),
  -- Percent of the year per month, January first, adding up to 100 (checked by trigger,
  -- naming the difference). Null: even, a twelfth each.
  month_percents numeric(6, 3)[] check (
    month_percents is null
    or (array_ndims(month_percents) = 1 and cardinality(month_percents) = 12
        and array_position(month_percents, null) is null
        and 0 <= all (month_percents) and 100 >= all (month_percents))),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.distribution_profiles is
  'How an annual target spreads over the months: even (month_percents null) or seasonal percentages, January first, adding up to exactly 100.';

create table public.annual_targets (
  id uuid primary key default gen_random_uuid(),
  kpi_id uuid not null references public.kpis (id) on delete restrict,
  staff_id uuid not null references public.staff (id) on delete restrict,
  year smallint not null check (year between 2000 and 2100),
  amount numeric(16, 2) not null check (amount >= 0),
  distribution_id uuid not null references public.distribution_profiles (id) on delete restrict,
  -- The person's territory when the target was last written (set by the database; the
  -- scope the row is read and written in).
  territory_id uuid not null references public.territories (id) on delete restrict,
  set_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint annual_targets_once unique (kpi_id, staff_id, year)
);
comment on table public.annual_targets is
  'A person''s company target for a KPI and year, and the distribution profile that splits it into months (split_targets writes the months to targets). territory_id and set_by are set by the database.';

create table public.targets (
  id uuid primary key default gen_random_uuid(),
  kpi_id uuid not null references public.kpis (id) on delete restrict,
  year smallint not null check (year between 2000 and 2100),
  territory_id uuid not null references public.territories (id) on delete restrict,
  -- Null: the territory's own target.
  staff_id uuid references public.staff (id) on delete restrict,
  -- January to December. A person's months outside this territory are null.
  months numeric(16, 2)[] not null default array_fill(0::numeric(16, 2), array[12]) check (
    array_ndims(months) = 1 and cardinality(months) = 12 and 0 <= all (months)),
  overridden boolean not null default false,
  override_reason text not null default '' check (length(override_reason) <= 500),
  overridden_by uuid references public.profiles (id) on delete set null,
  overridden_at timestamptz,
  updated_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint targets_override_has_reason check (not overridden or length(btrim(override_reason)) >= 3),
  constraint targets_people_not_overridden check (staff_id is null or not overridden)
);
comment on table public.targets is
  'Monthly targets per KPI and year: a person''s months in a territory (null outside it), or a territory''s, which for KPIs that add up is the sum of its people and child territories unless overridden with a reason. Derived months, overridden_by/at and updated_by are set by the database.';

create unique index targets_person_once on public.targets (kpi_id, year, staff_id, territory_id) where staff_id is not null;
create unique index targets_territory_once on public.targets (kpi_id, year, territory_id) where staff_id is null;
create index targets_territory_year_idx on public.targets (territory_id, year);
create index targets_staff_year_idx on public.targets (staff_id, year);
create index targets_overridden_by_idx on public.targets (overridden_by);
create index targets_updated_by_idx on public.targets (updated_by);
create index annual_targets_staff_idx on public.annual_targets (staff_id, year);
create index annual_targets_territory_idx on public.annual_targets (territory_id, year);
create index annual_targets_year_kpi_idx on public.annual_targets (year, kpi_id);
create index annual_targets_distribution_idx on public.annual_targets (distribution_id);
create index annual_targets_set_by_idx on public.annual_targets (set_by);

-- =============================================================================
-- Private functions
-- =============================================================================
-- The percent of the year reached at the end of month p_month (0 before January).
create or replace function private.cumulative_percent(p_percents numeric[], p_month integer)
returns numeric
language sql
immutable
set search_path = ''
as $$
  select case
           when p_month <= 0 then 0
           when p_percents is null then p_month * 100.0 / 12
           else (select coalesce(sum(p), 0) from unnest(p_percents[1:p_month]) p)
         end
$$;
comment on function private.cumulative_percent(numeric[], integer) is
  'The share of the year (percent) reached at the end of a month under a distribution profile (null: even).';

-- Months made into a quarter or a year by a KPI's rule: sum, average or last of the months
-- that have a figure (null when none has).
create or replace function private.aggregate_months(p_months numeric[], p_rule public.kpi_year_aggregation)
returns numeric
language sql
immutable
set search_path = ''
as $$
  select case p_rule
           when 'sum' then sum(m)
           when 'average' then round(avg(m), 2)
           else (array_agg(m order by i desc))[1]
         end
    from unnest(p_months) with ordinality u(m, i)
   where m is not null
$$;
comment on function private.aggregate_months(numeric[], public.kpi_year_aggregation) is
  'A quarter''s or year''s figure from its months by the KPI''s rule: sum, average or last, over the months that have a figure.';

-- The months a territory's children add up to: its people's rows in it and its child
-- territories' rows, month by month (0 where nobody has a figure).
create or replace function private.target_children_months(p_kpi uuid, p_year smallint, p_territory uuid)
returns numeric(16, 2)[]
language sql
stable
security definer
set search_path = ''
as $$
  select array_agg(coalesce(s.total, 0)::numeric(16, 2) order by m.i)
    from generate_series(1, 12) m(i)
    left join (
      select u.i, sum(u.v) as total
        from public.targets t
       cross join lateral unnest(t.months) with ordinality u(v, i)
       where t.kpi_id = p_kpi and t.year = p_year
         and ((t.staff_id is not null and t.territory_id = p_territory)
              or (t.staff_id is null and t.territory_id in (select c.id from public.territories c where c.parent_id = p_territory)))
       group by u.i) s on s.i = m.i
$$;
comment on function private.target_children_months(uuid, smallint, uuid) is
  'What a territory''s people and child territories add up to for a KPI and year, month by month.';

-- Before a target is written: its KPI, year, territory and person are fixed; a person's
-- territory must be one they held that year; a territory's months need a figure each and,
-- unless overridden, must equal what its children add up to. Who and when are set here.
create or replace function private.target_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_kpi public.kpis;
  v_sum numeric(16, 2)[];
  v_month integer;
  v_territory public.territories;
begin
  if tg_op = 'UPDATE' and (new.kpi_id, new.year, new.territory_id, new.staff_id) is distinct from (old.kpi_id, old.year, old.territory_id, old.staff_id) then
    raise exception using errcode = '23514', detail = 'target_key_fixed',
      message = 'A target''s KPI, year, territory and person cannot change; remove it and add another.';
  end if;
  new.updated_by := (select auth.uid());
  if new.staff_id is not null then
    -- split_targets places each person under the territory they held (from the history): it
    -- says so for its statement, and the check below is left to direct writes.
    if tg_op = 'INSERT' and coalesce(current_setting('app.target_split', true), '') <> 'on' then
      new.territory_id := coalesce(new.territory_id, (select s.territory_id from public.staff s where s.id = new.staff_id));
      if new.territory_id is null then
        raise exception using errcode = '23514', detail = 'target_person_without_territory',
          message = 'This person has no territory; targets are kept by territory. Give them one first.';
      end if;
      if not exists (select 1 from public.staff s where s.id = new.staff_id and s.territory_id = new.territory_id)
         and not exists (select 1 from public.territory_assignments a
                          where a.staff_id = new.staff_id and a.territory_id = new.territory_id
                            and a.valid_from < make_date(new.year + 1, 1, 1)
                            and (a.valid_to is null or a.valid_to >= make_date(new.year, 1, 1))) then
        raise exception using errcode = '23514', detail = 'target_territory_not_held',
          message = format('This person did not hold territory %s in %s.',
                           (select t.code from public.territories t where t.id = new.territory_id), new.year);
      end if;
    end if;
    new.overridden := false;
    new.override_reason := '';
    new.overridden_by := null;
    new.overridden_at := null;
    return new;
  end if;

  select * into v_kpi from public.kpis k where k.id = new.kpi_id;
  if v_kpi.year_aggregation <> 'sum' then
    raise exception using errcode = '23514', detail = 'target_territory_not_additive',
      message = format('"%s" is %s over the months, not added up: it has targets per person only.', v_kpi.name_en,
                       case v_kpi.year_aggregation when 'average' then 'averaged' else 'taken from the last month' end);
  end if;
  if array_position(new.months, null) is not null then
    raise exception using errcode = '23514', detail = 'target_territory_month_missing',
      message = 'Every month of a territory''s target needs a figure (0 for none).';
  end if;
  if new.overridden then
    if tg_op = 'INSERT' or not old.overridden or new.months is distinct from old.months
       or new.override_reason is distinct from old.override_reason then
      new.overridden_by := (select auth.uid());
      new.overridden_at := now();
    else
      new.overridden_by := old.overridden_by;
      new.overridden_at := old.overridden_at;
    end if;
    return new;
  end if;
  new.override_reason := '';
  new.overridden_by := null;
  new.overridden_at := null;
  -- The roll-up itself writes from inside a trigger, with the sums it has just made.
  if pg_trigger_depth() > 1 then
    return new;
  end if;
  v_sum := private.target_children_months(new.kpi_id, new.year, new.territory_id);
  if tg_op = 'UPDATE' and old.overridden then
    -- Ending an override: the territory goes back to what its children add up to.
    new.months := v_sum;
    return new;
  end if;
  if new.months is distinct from v_sum then
    select u.i into v_month from unnest(new.months, v_sum) with ordinality u(a, b, i) where u.a <> u.b order by u.i limit 1;
    select * into v_territory from public.territories t where t.id = new.territory_id;
    raise exception using errcode = '23514', detail = 'target_children_do_not_add_up',
      message = format('The people and territories under %s add up to %s in %s, not %s (%s %s). Override the target with a reason to set it apart from them.',
                       v_territory.code, to_char(v_sum[v_month], 'FM999G999G999G990D00'), to_char(make_date(2000, v_month, 1), 'FMMonth'),
                       to_char(new.months[v_month], 'FM999G999G999G990D00'),
                       to_char(abs(new.months[v_month] - v_sum[v_month]), 'FM999G999G999G990D00'),
                       case when new.months[v_month] > v_sum[v_month] then 'more' else 'less' end);
  end if;
  return new;
end;
$$;
comment on function private.target_before_write() is
  'Trigger: a target''s key is fixed; a person''s territory is one they held that year; a territory''s un-overridden months must equal its children''s sum (refused naming the month and difference); override who/when set here.';

-- The keys a statement touched, for the roll-up.
create type private.target_key as (kpi_id uuid, year smallint, territory_id uuid);

-- Rolls targets up the tree from the touched territories: level by level from the deepest,
-- each un-overridden ancestor (the territory itself included) becomes the sum of its people
-- and child territories. Only KPIs that add up roll up.
create or replace function private.roll_up_targets(p_keys private.target_key[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_level integer;
  v_deepest integer;
begin
  select max(extensions.nlevel(t.path)) into v_deepest
    from unnest(p_keys) k join public.territories t on t.id = k.territory_id;
  for v_level in reverse coalesce(v_deepest, 0) .. 1 loop
    insert into public.targets as t (kpi_id, year, territory_id, staff_id, months)
    select a.kpi_id, a.year, a.territory_id, null,
           (select array_agg(coalesce(s.total, 0)::numeric(16, 2) order by m.i)
              from generate_series(1, 12) m(i)
              left join (
                select u.i, sum(u.v) as total
                  from public.targets c
                 cross join lateral unnest(c.months) with ordinality u(v, i)
                 where c.kpi_id = a.kpi_id and c.year = a.year
                   and ((c.staff_id is not null and c.territory_id = a.territory_id)
                        or (c.staff_id is null and c.territory_id in (select ct.id from public.territories ct where ct.parent_id = a.territory_id)))
                 group by u.i) s on s.i = m.i)
      from (select distinct k.kpi_id, k.year, anc.id as territory_id
              from unnest(p_keys) k
              join public.kpis kp on kp.id = k.kpi_id and kp.year_aggregation = 'sum'
              join public.territories tt on tt.id = k.territory_id
              join public.territories anc on anc.path operator(extensions.@>) tt.path
             where extensions.nlevel(anc.path) = v_level) a
    on conflict (kpi_id, year, territory_id) where staff_id is null
    do update set months = excluded.months
     where not t.overridden and t.months is distinct from excluded.months;
  end loop;
end;
$$;
comment on function private.roll_up_targets(private.target_key[]) is
  'Makes every un-overridden ancestor of the touched territories (themselves included) the sum of its people and child territories, deepest first; KPIs that add up only.';

-- After a statement on targets: roll up what it touched (not when the roll-up is the writer).
create or replace function private.targets_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_keys private.target_key[];
begin
  if pg_trigger_depth() > 1 then
    return null;
  end if;
  if tg_op = 'INSERT' then
    select array_agg(distinct row (n.kpi_id, n.year, n.territory_id)::private.target_key) into v_keys from new_rows n;
  elsif tg_op = 'UPDATE' then
    select array_agg(distinct row (n.kpi_id, n.year, n.territory_id)::private.target_key) into v_keys
      from new_rows n join old_rows o on o.id = n.id
     where n.months is distinct from o.months or n.overridden is distinct from o.overridden;
  else
    select array_agg(distinct row (o.kpi_id, o.year, o.territory_id)::private.target_key) into v_keys from old_rows o;
  end if;
  if v_keys is not null then
    perform private.roll_up_targets(v_keys);
  end if;
  return null;
end;
$$;
comment on function private.targets_changed() is 'Statement trigger: rolls the touched targets up the territory tree.';

-- Annual targets: the territory is the person's (scope), the writer is the signed-in person.
create or replace function private.annual_target_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  select s.territory_id into new.territory_id from public.staff s where s.id = new.staff_id;
  if new.territory_id is null then
    raise exception using errcode = '23514', detail = 'target_person_without_territory',
      message = 'This person has no territory; targets are kept by territory. Give them one first.';
  end if;
  new.set_by := (select auth.uid());
  return new;
end;
$$;
comment on function private.annual_target_before_write() is
  'Trigger: an annual target''s territory is its person''s current one (refused without one); set_by is the writer.';

-- Distribution profiles: seasonal percentages add up to exactly 100.
create or replace function private.distribution_profile_before_write()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_total numeric;
begin
  if new.month_percents is not null then
    select sum(p) into v_total from unnest(new.month_percents) p;
    if v_total <> 100 then
      raise exception using errcode = '23514', detail = 'distribution_not_100',
        message = format('The months add up to %s%%, %s %s 100%%.', to_char(v_total, 'FM990D000'),
                         to_char(abs(100 - v_total), 'FM990D000'), case when v_total < 100 then 'short of' else 'more than' end);
    end if;
  end if;
  return new;
end;
$$;
comment on function private.distribution_profile_before_write() is 'Trigger: a seasonal profile''s months add up to exactly 100%, refused naming the difference.';

-- =============================================================================
-- Triggers and audit
-- =============================================================================
create trigger distribution_profiles_touch before insert or update on public.distribution_profiles
  for each row execute function private.touch_row();
create trigger distribution_profiles_before_write before insert or update on public.distribution_profiles
  for each row execute function private.distribution_profile_before_write();
create trigger annual_targets_touch before insert or update on public.annual_targets
  for each row execute function private.touch_row();
create trigger annual_targets_before_write before insert or update on public.annual_targets
  for each row execute function private.annual_target_before_write();
create trigger targets_touch before insert or update on public.targets for each row execute function private.touch_row();
create trigger targets_before_write before insert or update on public.targets for each row execute function private.target_before_write();
create trigger targets_roll_up_insert after insert on public.targets referencing new table as new_rows
  for each statement execute function private.targets_changed();
create trigger targets_roll_up_update after update on public.targets referencing old table as old_rows new table as new_rows
  for each statement execute function private.targets_changed();
create trigger targets_roll_up_delete after delete on public.targets referencing old table as old_rows
  for each statement execute function private.targets_changed();

select private.enable_audit('public.distribution_profiles');
select private.enable_audit('public.annual_targets');
select private.enable_audit('public.targets');

-- =============================================================================
-- Row-level security
-- =============================================================================
alter table public.distribution_profiles enable row level security;
alter table public.annual_targets enable row level security;
alter table public.targets enable row level security;

-- Profiles are part of the KPI definitions: HR writes them, everyone who reads KPIs reads them.
create policy "people with kpis read permission can read distribution profiles" on public.distribution_profiles
  for select to authenticated using ((select private.allows_all('kpis', 'read')));
create policy "people with kpis create permission can add distribution profiles" on public.distribution_profiles
  for insert to authenticated with check ((select private.allows_all('kpis', 'create')));
create policy "people with kpis update permission can edit distribution profiles" on public.distribution_profiles
  for update to authenticated using ((select private.allows_all('kpis', 'update'))) with check ((select private.allows_all('kpis', 'update')));
create policy "people with kpis delete permission can delete distribution profiles" on public.distribution_profiles
  for delete to authenticated using ((select private.allows_all('kpis', 'delete')));

-- Targets and annual targets: by territory (everything, or one's subtree), and one's own.
create policy "people with targets read permission in scope can read annual targets" on public.annual_targets
  for select to authenticated
  using (
    territory_id = any ((select private.territory_scope('targets', 'read', false))::uuid[])
    or (staff_id = (select private.my_staff_id()) and (select private.allowed_owner('targets', 'read')) is not null)
  );
create policy "people with targets create permission in scope can set annual targets" on public.annual_targets
  for insert to authenticated
  with check (territory_id = any ((select private.territory_scope('targets', 'create', false))::uuid[]));
create policy "people with targets update permission in scope can change annual targets" on public.annual_targets
  for update to authenticated
  using (territory_id = any ((select private.territory_scope('targets', 'update', false))::uuid[]))
  with check (territory_id = any ((select private.territory_scope('targets', 'update', false))::uuid[]));
create policy "people with targets delete permission in scope can remove annual targets" on public.annual_targets
  for delete to authenticated
  using (territory_id = any ((select private.territory_scope('targets', 'delete', false))::uuid[]));

create policy "people with targets read permission in scope can read targets" on public.targets
  for select to authenticated
  using (
    territory_id = any ((select private.territory_scope('targets', 'read', false))::uuid[])
    or (staff_id = (select private.my_staff_id()) and (select private.allowed_owner('targets', 'read')) is not null)
  );
create policy "people with targets create permission in scope can add targets" on public.targets
  for insert to authenticated
  with check (territory_id = any ((select private.territory_scope('targets', 'create', false))::uuid[]));
create policy "people with targets update permission in scope can change targets" on public.targets
  for update to authenticated
  using (territory_id = any ((select private.territory_scope('targets', 'update', false))::uuid[]))
  with check (territory_id = any ((select private.territory_scope('targets', 'update', false))::uuid[]));
create policy "people with targets delete permission in scope can remove targets" on public.targets
  for delete to authenticated
  using (territory_id = any ((select private.territory_scope('targets', 'delete', false))::uuid[]));

-- =============================================================================
-- Views and public functions
-- =============================================================================
-- The targets with their quarters and year, made from the months by each KPI's rule.
create view public.target_totals
with (security_invoker = true)
as
select t.id, t.kpi_id, t.year, t.territory_id, t.staff_id, t.months, t.overridden, t.override_reason,
       t.overridden_by, t.overridden_at, t.version, t.updated_at,
       private.aggregate_months(t.months[1:3], k.year_aggregation) as q1,
       private.aggregate_months(t.months[4:6], k.year_aggregation) as q2,
       private.aggregate_months(t.months[7:9], k.year_aggregation) as q3,
       private.aggregate_months(t.months[10:12], k.year_aggregation) as q4,
       private.aggregate_months(t.months, k.year_aggregation) as year_total
  from public.targets t
  join public.kpis k on k.id = t.kpi_id;
comment on view public.target_totals is
  'Targets with quarters and the year made from their months by the KPI''s rule (sum, average, last), as the caller may read them.';

-- Splits the annual targets of a year (one KPI, or all) into months, for the people whose
-- annual targets the caller may read, writing the months under the territory each person
-- held on the first of each month. Set-based and idempotent: a second run writes nothing.
create or replace function public.split_targets(p_year integer, p_kpi uuid default null)
returns table (people integer, rows_written integer, rows_removed integer)
language plpgsql
set search_path = ''
as $$
begin
  if p_year is null or p_year not between 2000 and 2100 then
    raise exception using errcode = '22023', detail = 'year_out_of_range', message = 'Give a year between 2000 and 2100.';
  end if;
  if p_kpi is not null and not exists (select 1 from public.kpis k where k.id = p_kpi) then
    raise exception using errcode = 'PT404', detail = 'kpi_not_found', message = 'No KPI with this id that you may read.';
  end if;
  perform set_config('app.target_split', 'on', true);
  return query
  with src as (
    select a.id, a.kpi_id, a.staff_id, a.amount, k.year_aggregation as rule,
           case k.unit when 'count' then 0 else 2 end as scale, d.month_percents
      from public.annual_targets a
      join public.kpis k on k.id = a.kpi_id
      join public.distribution_profiles d on d.id = a.distribution_id
     where a.year = p_year and (p_kpi is null or a.kpi_id = p_kpi)
  ),
  monthly as (
    select s.id, s.kpi_id, s.staff_id, m.i,
           case when s.rule = 'sum'
                then round(s.amount * private.cumulative_percent(s.month_percents, m.i) / 100, s.scale)
                     - round(s.amount * private.cumulative_percent(s.month_percents, m.i - 1) / 100, s.scale)
                else s.amount end as amount,
           coalesce((select ta.territory_id from public.territory_assignments ta
                      where ta.staff_id = s.staff_id and ta.valid_from <= make_date(p_year, m.i, 1)
                        and (ta.valid_to is null or ta.valid_to > make_date(p_year, m.i, 1))
                      order by ta.valid_from desc limit 1),
                    st.territory_id) as territory_id
      from src s
      join public.staff st on st.id = s.staff_id
     cross join generate_series(1, 12) m(i)
  ),
  desired as (
    select p.kpi_id, p.staff_id, p.territory_id,
           array_agg(case when m.territory_id = p.territory_id then m.amount end order by m.i)::numeric(16, 2)[] as months
      from (select distinct x.id, x.kpi_id, x.staff_id, x.territory_id from monthly x where x.territory_id is not null) p
      join monthly m on m.id = p.id
     group by p.id, p.kpi_id, p.staff_id, p.territory_id
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
end;
$$;
comment on function public.split_targets(integer, uuid) is
  'Splits a year''s annual targets (one KPI or all) you may read into months by their distribution profiles, under the territory each person held on the first of each month; months add up exactly to the annual amount; a second run writes nothing. Returns people, rows written and rows removed.';

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.cumulative_percent(numeric[], integer) from public;
revoke all on function private.aggregate_months(numeric[], public.kpi_year_aggregation) from public;
grant execute on function private.cumulative_percent(numeric[], integer) to authenticated, service_role;
grant execute on function private.aggregate_months(numeric[], public.kpi_year_aggregation) to authenticated, service_role;
revoke all on function private.target_children_months(uuid, smallint, uuid) from public;
revoke all on function private.target_before_write() from public;
revoke all on function private.roll_up_targets(private.target_key[]) from public;
revoke all on function private.targets_changed() from public;
revoke all on function private.annual_target_before_write() from public;
revoke all on function private.distribution_profile_before_write() from public;

revoke all on public.distribution_profiles, public.annual_targets, public.targets, public.target_totals
  from anon, authenticated, service_role;
grant select, insert, update, delete on public.distribution_profiles, public.annual_targets, public.targets to authenticated;
grant select on public.target_totals to authenticated;
grant select, insert, update, delete on public.distribution_profiles, public.annual_targets, public.targets to service_role;
grant select on public.target_totals to service_role;

revoke all on function public.split_targets(integer, uuid) from public, anon;
grant execute on function public.split_targets(integer, uuid) to authenticated, service_role;

select private.refresh_audit_read_policy();

-- =============================================================================
-- The explainer and impact counts: where a target lies and whose it is
-- =============================================================================
-- As before, with targets: in their territory, and one's own when it is one's person row.
create or replace function private.record_facts(p_resource text, p_action text, p_row jsonb, p_user uuid)
 RETURNS TABLE(territory_id uuid, territory_applies boolean, is_own boolean, own_applies boolean)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_staff record;
  v_own_territory boolean;
  v_mine boolean;
begin
  case p_resource
    when 'staff' then
      return query select (p_row ->> 'territory_id')::uuid, true,
                          (p_row ->> 'user_id')::uuid is not distinct from p_user and p_user is not null,
                          p_action in ('read', 'update');
    when 'territories' then
      return query select case when p_action = 'create' then (p_row ->> 'parent_id')::uuid else (p_row ->> 'id')::uuid end, true,
                          (p_row ->> 'id')::uuid in (select private.own_territories(p_user)),
                          p_action = 'read';
    when 'territory_assignments' then
      select s.user_id into v_staff from public.staff s where s.id = (p_row ->> 'staff_id')::uuid;
      return query select (p_row ->> 'territory_id')::uuid, p_action in ('read', 'update'),
                          v_staff.user_id is not distinct from p_user and p_user is not null, p_action = 'read';
    when 'profiles' then
      return query select null::uuid, false, (p_row ->> 'id')::uuid = p_user, p_action in ('read', 'update');
    when 'user_roles' then
      return query select null::uuid, false, (p_row ->> 'user_id')::uuid = p_user, p_action = 'read';
    when 'acknowledgements' then
      select s.user_id, s.territory_id into v_staff from public.staff s where s.id = (p_row ->> 'staff_id')::uuid;
      return query select v_staff.territory_id, true, v_staff.user_id is not distinct from p_user and p_user is not null, true;
    when 'regulations' then
      return query select null::uuid, false,
        exists (select 1 from public.regulations r
                 where r.id = (p_row ->> 'id')::uuid and r.current_version is not null
                   and (r.applies_to_all_positions
                        or exists (select 1 from public.regulation_positions rp join public.staff s on s.position_id = rp.position_id
                                    where rp.regulation_id = r.id and s.user_id = p_user and s.status <> 'left'))),
        p_action = 'read';
    when 'customers', 'visits', 'visit_plans', 'sales', 'payments' then
      v_own_territory := p_user is not null and (p_row ->> 'territory_id')::uuid in (select private.own_territories(p_user));
      v_mine := p_user is not null
                and exists (select 1 from public.staff s where s.id = (p_row ->> 'staff_id')::uuid and s.user_id = p_user);
      return query select (p_row ->> 'territory_id')::uuid, true,
        case p_resource
          when 'customers' then v_own_territory
          when 'visits' then v_own_territory and (p_action = 'read' or v_mine)
          when 'visit_plans' then case when p_action = 'read' then v_mine else v_own_territory and v_mine end
          else v_own_territory
        end,
        case p_resource
          when 'customers' then p_action in ('read', 'create', 'update')
          when 'visits' then p_action in ('read', 'create', 'update')
          when 'visit_plans' then true
          else p_action = 'read'
        end;
    when 'targets' then
      select s.user_id into v_staff from public.staff s where s.id = (p_row ->> 'staff_id')::uuid;
      return query select (p_row ->> 'territory_id')::uuid, true,
                          p_user is not null and v_staff.user_id is not distinct from p_user, p_action = 'read';
    else
      return query select null::uuid, false, false, false;
  end case;
end;
$function$;

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('targets', 'table', '{all,territory,own}', 'Targets', 'Objetivos', '目标', 430);

insert into public.resource_actions (resource, action)
select 'targets', a from unnest(array['read', 'create', 'update', 'delete']) a;

-- HR sets everyone's targets, a manager their subtree's; the auditor reads all of them and a
-- salesperson their own (000: targets are broken down per region and per salesperson).
insert into public.role_permissions (role_code, resource, action, scope)
select 'hr_admin', 'targets', a, 'all'::public.permission_scope from unnest(array['read', 'create', 'update', 'delete']) a
union all
select 'manager', 'targets', a, 'territory' from unnest(array['read', 'create', 'update', 'delete']) a
union all
select 'auditor', 'targets', 'read', 'all'
union all
select 'salesperson', 'targets', 'read', 'own';

-- =============================================================================
-- Default profiles
-- =============================================================================
insert into public.distribution_profiles (code, name_en, name_es, name_zh, month_percents) values
  ('even', 'Even', 'Uniforme', '平均', null),
  ('seasonal', 'Seasonal (low in summer, high before year end)', 'Estacional (baja en verano, alta antes de fin de año)',
   '季节性（夏季淡季，年末旺季）', array[7, 7, 8, 8, 8, 7, 6, 6, 9, 10, 11, 13]);
