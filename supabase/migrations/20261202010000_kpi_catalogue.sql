-- KPI catalogue, evaluation templates and rating bands: the first part of the evaluation
-- cycle, as data (seeds 000 §7, 002 §5, 003 ch.3-4).
--
-- A KPI says what is measured and how: a measure from the registry (computed from the field
-- data, with optional filters from lists) or "entered by the manager", its unit, direction,
-- kind (qualitative KPIs are scored on a scale) and how a year aggregates its months.
-- Templates give each position its KPIs with weights that add up to exactly 100 (checked at
-- commit, naming the difference), a cap and an optional floor per KPI. They are versioned by
-- the month they apply from; a published template is frozen, and a change is a new version.
-- Rating bands turn a total score into an outcome. The scoring maths are pure SQL functions.

-- =============================================================================
-- Types
-- =============================================================================
create type public.kpi_unit as enum ('amount', 'count', 'percent', 'score');
create type public.kpi_direction as enum ('higher_is_better', 'lower_is_better');
create type public.kpi_kind as enum ('quantitative', 'qualitative');
create type public.kpi_year_aggregation as enum ('sum', 'average', 'last');
create type public.band_outcome as enum ('reward', 'none', 'improvement_plan');

-- =============================================================================
-- Tables
-- =============================================================================
-- The measures KPIs are computed by: a fixed registry (one SQL computation each, over the
-- field data), which HR chooses from and never types.
create table public.kpi_measures (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name_en text not null check (length(btrim(name_en)) between 1 and 120),
  name_es text not null default '' check (length(name_es) <= 120),
  name_zh text not null default '' check (length(name_zh) <= 120),
  description_en text not null default '' check (length(description_en) <= 1000),
  description_es text not null default '' check (length(description_es) <= 1000),
  description_zh text not null default '' check (length(description_zh) <= 1000),
  unit public.kpi_unit not null,
  -- Which of the optional filters the measure understands.
  filters text[] not null default '{}' check (filters <@ array['tier', 'product_line', 'customer_status']),
  sort_order integer not null default 100
);
comment on table public.kpi_measures is
  'The registry of measures a KPI can be computed by (sales amount, profit contribution, visits done, ...), with their unit and the filters each understands. Written by migrations only.';

create table public.kpis (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name_en text not null check (length(btrim(name_en)) between 1 and 120),
  name_es text not null default '' check (length(name_es) <= 120),
  name_zh text not null default '' check (length(name_zh) <= 120),
  description_en text not null default '' check (length(description_en) <= 1000),
  description_es text not null default '' check (length(description_es) <= 1000),
  description_zh text not null default '' check (length(description_zh) <= 1000),
  -- Set from the measure when there is one (derived by the database).
  unit public.kpi_unit not null default 'score',
  direction public.kpi_direction not null default 'higher_is_better',
  kind public.kpi_kind not null default 'quantitative',
  -- Null: entered by the manager.
  measure_code text references public.kpi_measures (code) on delete restrict,
  filter_tier_id uuid references public.customer_tiers (id) on delete restrict,
  filter_product_line_id uuid references public.product_lines (id) on delete restrict,
  filter_customer_status public.customer_status,
  -- Qualitative KPIs are scored from 1 to scale_max.
  scale_max smallint check (scale_max between 2 and 10),
  year_aggregation public.kpi_year_aggregation not null default 'sum',
  default_weight numeric(5, 2) check (default_weight > 0 and default_weight <= 100),
  active boolean not null default true,
  sort_order integer not null default 100,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint kpis_scale_only_qualitative check ((kind = 'qualitative') = (scale_max is not null)),
  constraint kpis_qualitative_entered check (kind = 'quantitative' or measure_code is null),
  constraint kpis_qualitative_score check (kind = 'quantitative' or unit = 'score'),
  constraint kpis_filters_need_measure check (
    measure_code is not null or (filter_tier_id is null and filter_product_line_id is null and filter_customer_status is null))
);
comment on table public.kpis is
  'KPI definitions: names and descriptions in three languages, unit, direction, kind, how it is measured (a registry measure with optional filters, or entered by the manager), qualitative scale, year-end aggregation, default weight.';

-- A template per position and month it applies from (its version).
create table public.evaluation_templates (
  id uuid primary key default gen_random_uuid(),
  position_id uuid not null references public.positions (id) on delete restrict,
  valid_from date not null default date_trunc('month', current_date)::date check (extract(day from valid_from) = 1),
  name text not null check (length(btrim(name)) between 1 and 120),
  published_at timestamptz,
  published_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint evaluation_templates_one_per_month unique (position_id, valid_from)
);
comment on table public.evaluation_templates is
  'Evaluation templates: a position''s KPIs from a month on (a later valid_from is a new version). Published templates are frozen; published_at/by are set by the database.';

create table public.evaluation_template_kpis (
  id uuid primary key default gen_random_uuid(),
  template_id uuid not null references public.evaluation_templates (id) on delete cascade,
  kpi_id uuid not null references public.kpis (id) on delete restrict,
  weight numeric(5, 2) not null check (weight > 0 and weight <= 100),
  -- Achievement is capped at this percentage of target...
  cap_percent numeric(6, 2) not null default 120 check (cap_percent between 100 and 300),
  -- ...and scores 0 below this one (none: no floor).
  floor_percent numeric(6, 2) check (floor_percent >= 0 and floor_percent < 100),
  sort_order integer not null default 100,
  created_at timestamptz not null default now(),
  constraint evaluation_template_kpis_once unique (template_id, kpi_id)
);
comment on table public.evaluation_template_kpis is
  'A template''s KPIs: weight (the weights of a template add up to exactly 100, checked at commit), cap and optional floor of the achievement.';

create table public.rating_bands (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name_en text not null check (length(btrim(name_en)) between 1 and 80),
  name_es text not null default '' check (length(name_es) <= 80),
  name_zh text not null default '' check (length(name_zh) <= 80),
  -- A total score at or above this bound (and below the next band's) falls in the band.
  lower_bound numeric(6, 2) not null unique check (lower_bound between 0 and 300),
  outcome public.band_outcome not null default 'none',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.rating_bands is
  'Rating bands: a total score from lower_bound up to the next band is named and has an outcome (a reward proposed, none, or an improvement plan required).';

create index kpis_measure_idx on public.kpis (measure_code);
create index kpis_filter_tier_idx on public.kpis (filter_tier_id);
create index kpis_filter_product_line_idx on public.kpis (filter_product_line_id);
create index evaluation_templates_published_by_idx on public.evaluation_templates (published_by);
create index evaluation_template_kpis_kpi_idx on public.evaluation_template_kpis (kpi_id);

-- =============================================================================
-- Private functions
-- =============================================================================
-- KPIs: the unit comes from the measure; filters only those the measure understands.
create or replace function private.kpi_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_measure public.kpi_measures;
begin
  if new.measure_code is not null then
    select * into v_measure from public.kpi_measures m where m.code = new.measure_code;
    new.unit := v_measure.unit;
    if new.filter_tier_id is not null and not 'tier' = any (v_measure.filters) then
      raise exception using errcode = '23514', detail = 'kpi_filter_not_understood',
        message = format('The measure "%s" cannot be filtered by customer tier.', v_measure.name_en);
    end if;
    if new.filter_product_line_id is not null and not 'product_line' = any (v_measure.filters) then
      raise exception using errcode = '23514', detail = 'kpi_filter_not_understood',
        message = format('The measure "%s" cannot be filtered by product line.', v_measure.name_en);
    end if;
    if new.filter_customer_status is not null and not 'customer_status' = any (v_measure.filters) then
      raise exception using errcode = '23514', detail = 'kpi_filter_not_understood',
        message = format('The measure "%s" cannot be filtered by customer status.', v_measure.name_en);
    end if;
  end if;
  return new;
end;
$$;
comment on function private.kpi_before_write() is 'Trigger: a KPI''s unit is its measure''s; its filters must be ones the measure understands.';

-- Templates: published_at/by are set here (publishing is one way); a published template
-- keeps its position, month and name.
create or replace function private.evaluation_template_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_total numeric;
begin
  if tg_op = 'INSERT' then
    new.published_at := null;
    new.published_by := null;
    return new;
  end if;
  if old.published_at is not null then
    if new.published_at is null or new.position_id <> old.position_id or new.valid_from <> old.valid_from
       or new.name <> old.name then
      raise exception using errcode = '23514', detail = 'template_published',
        message = 'This template is published and can no longer change; make a new version from it.';
    end if;
    new.published_at := old.published_at;
    new.published_by := old.published_by;
  elsif new.published_at is not null then
    select coalesce(sum(k.weight), 0) into v_total from public.evaluation_template_kpis k where k.template_id = new.id;
    if v_total <> 100 then
      raise exception using errcode = '23514', detail = 'template_weights_not_100',
        message = format('The weights add up to %s, %s %s 100: the template cannot be published.', to_char(v_total, 'FM990D00'),
                         to_char(abs(100 - v_total), 'FM990D00'), case when v_total < 100 then 'short of' else 'more than' end);
    end if;
    new.published_at := now();
    new.published_by := (select auth.uid());
  else
    new.published_by := null;
  end if;
  return new;
end;
$$;
comment on function private.evaluation_template_before_write() is
  'Trigger: sets published_at/by when a template is published (only with weights of exactly 100) and freezes a published template.';

-- A published template's KPIs do not change.
create or replace function private.evaluation_template_kpi_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_ids uuid[];
begin
  v_ids := case tg_op when 'INSERT' then array[new.template_id]
                      when 'DELETE' then array[old.template_id]
                      else array[old.template_id, new.template_id] end;
  if exists (select 1 from public.evaluation_templates t where t.id = any (v_ids) and t.published_at is not null) then
    raise exception using errcode = '23514', detail = 'template_published',
      message = 'This template is published and can no longer change; make a new version from it.';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  if tg_op = 'UPDATE' then
    new.created_at := old.created_at;
  else
    new.created_at := now();
  end if;
  return new;
end;
$$;
comment on function private.evaluation_template_kpi_before_write() is 'Trigger: refuses changes to the KPIs of a published template.';

-- At commit: the weights of every touched template add up to exactly 100 (or it has none).
create or replace function private.assert_template_weights()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_template uuid := case when tg_op = 'DELETE' then old.template_id else new.template_id end;
  v_total numeric;
  v_count integer;
begin
  if not exists (select 1 from public.evaluation_templates t where t.id = v_template) then
    return null;  -- the template itself was removed
  end if;
  select coalesce(sum(k.weight), 0), count(*) into v_total, v_count
    from public.evaluation_template_kpis k where k.template_id = v_template;
  if v_count > 0 and v_total <> 100 then
    raise exception using errcode = '23514', detail = 'template_weights_not_100',
      message = format('The weights add up to %s, %s %s 100.', to_char(v_total, 'FM990D00'),
                       to_char(abs(100 - v_total), 'FM990D00'), case when v_total < 100 then 'short of' else 'more than' end);
  end if;
  return null;
end;
$$;
comment on function private.assert_template_weights() is 'Deferred trigger: a template''s KPI weights add up to exactly 100 at commit (or it has none yet).';

-- =============================================================================
-- Triggers
-- =============================================================================
create trigger kpis_touch before insert or update on public.kpis for each row execute function private.touch_row();
create trigger kpis_before_write before insert or update on public.kpis for each row execute function private.kpi_before_write();
create trigger evaluation_templates_touch before insert or update on public.evaluation_templates
  for each row execute function private.touch_row();
create trigger evaluation_templates_before_write before insert or update on public.evaluation_templates
  for each row execute function private.evaluation_template_before_write();
create trigger evaluation_template_kpis_before_write before insert or update or delete on public.evaluation_template_kpis
  for each row execute function private.evaluation_template_kpi_before_write();
create constraint trigger evaluation_template_kpis_weights after insert or update or delete on public.evaluation_template_kpis
  deferrable initially deferred for each row execute function private.assert_template_weights();
create trigger rating_bands_touch before insert or update on public.rating_bands for each row execute function private.touch_row();

select private.enable_audit('public.kpi_measures', '{code}');
select private.enable_audit('public.kpis');
select private.enable_audit('public.evaluation_templates');
select private.enable_audit('public.evaluation_template_kpis');
select private.enable_audit('public.rating_bands');

-- =============================================================================
-- RLS policies (every one of these resources is scoped all-or-nothing)
-- =============================================================================
alter table public.kpi_measures enable row level security;
alter table public.kpis enable row level security;
alter table public.evaluation_templates enable row level security;
alter table public.evaluation_template_kpis enable row level security;
alter table public.rating_bands enable row level security;

-- The registry is read with the catalogue and written by migrations only.
create policy "people with kpis read permission can read the measures" on public.kpi_measures
  for select to authenticated using ((select private.allows_all('kpis', 'read')));

create policy "people with kpis read permission can read kpis" on public.kpis
  for select to authenticated using ((select private.allows_all('kpis', 'read')));
create policy "people with kpis create permission can add kpis" on public.kpis
  for insert to authenticated with check ((select private.allows_all('kpis', 'create')));
create policy "people with kpis update permission can edit kpis" on public.kpis
  for update to authenticated using ((select private.allows_all('kpis', 'update'))) with check ((select private.allows_all('kpis', 'update')));
create policy "people with kpis delete permission can delete kpis" on public.kpis
  for delete to authenticated using ((select private.allows_all('kpis', 'delete')));

create policy "people with evaluation_templates read permission can read templates" on public.evaluation_templates
  for select to authenticated using ((select private.allows_all('evaluation_templates', 'read')));
create policy "people with evaluation_templates create permission can add templates" on public.evaluation_templates
  for insert to authenticated with check ((select private.allows_all('evaluation_templates', 'create')));
create policy "people with evaluation_templates update permission can edit templates" on public.evaluation_templates
  for update to authenticated using ((select private.allows_all('evaluation_templates', 'update')))
  with check ((select private.allows_all('evaluation_templates', 'update')));
create policy "people with evaluation_templates delete permission can delete drafts" on public.evaluation_templates
  for delete to authenticated using ((select private.allows_all('evaluation_templates', 'delete')) and published_at is null);

-- A template's KPIs are part of the template: read with it, written with update permission.
create policy "people with evaluation_templates read permission can read template kpis" on public.evaluation_template_kpis
  for select to authenticated using ((select private.allows_all('evaluation_templates', 'read')));
create policy "people with evaluation_templates update permission can add template kpis" on public.evaluation_template_kpis
  for insert to authenticated with check ((select private.allows_all('evaluation_templates', 'update')));
create policy "people with evaluation_templates update permission can edit template kpis" on public.evaluation_template_kpis
  for update to authenticated using ((select private.allows_all('evaluation_templates', 'update')))
  with check ((select private.allows_all('evaluation_templates', 'update')));
create policy "people with evaluation_templates update permission can remove template kpis" on public.evaluation_template_kpis
  for delete to authenticated using ((select private.allows_all('evaluation_templates', 'update')));

create policy "people with rating_bands read permission can read bands" on public.rating_bands
  for select to authenticated using ((select private.allows_all('rating_bands', 'read')));
create policy "people with rating_bands create permission can add bands" on public.rating_bands
  for insert to authenticated with check ((select private.allows_all('rating_bands', 'create')));
create policy "people with rating_bands update permission can edit bands" on public.rating_bands
  for update to authenticated using ((select private.allows_all('rating_bands', 'update')))
  with check ((select private.allows_all('rating_bands', 'update')));
create policy "people with rating_bands delete permission can delete bands" on public.rating_bands
  for delete to authenticated using ((select private.allows_all('rating_bands', 'delete')));

-- =============================================================================
-- Public functions
-- =============================================================================
-- The scoring maths (percentages, two decimals):
--   higher is better: achievement = actual / target; lower is better: target / actual
--   (an actual of 0 against a lower-is-better target is the cap); capped at the cap; below
--   the floor it scores 0. No target (null, or 0 when higher is better): not scored (null).
create or replace function public.kpi_achievement(
  p_direction public.kpi_direction, p_actual numeric, p_target numeric, p_cap numeric default 120, p_floor numeric default null)
returns numeric
language sql
immutable
set search_path = ''
as $$
  select case
           when raw is null then null
           when p_floor is not null and raw < p_floor then 0::numeric
           else round(least(raw, coalesce(p_cap, raw)), 2)
         end
    from (select case
                   when p_actual is null or p_target is null or p_target < 0 or p_actual < 0 then null
                   when p_direction = 'higher_is_better' then
                     case when p_target = 0 then null else p_actual / p_target * 100 end
                   when p_actual = 0 then coalesce(p_cap, 100)
                   else p_target / p_actual * 100
                 end as raw) r
$$;
comment on function public.kpi_achievement(public.kpi_direction, numeric, numeric, numeric, numeric) is
  'Achievement in percent: actual/target (higher is better) or target/actual (lower is better), capped, 0 below the floor; null when there is nothing to score against.';

-- A qualitative score of 1..scale_max as a percentage.
create or replace function public.qualitative_achievement(p_score numeric, p_scale_max smallint)
returns numeric
language sql
immutable
set search_path = ''
as $$
  select case
           when p_score is null or p_scale_max is null then null
           when p_score < 1 or p_score > p_scale_max then null
           else round(p_score / p_scale_max * 100, 2)
         end
$$;
comment on function public.qualitative_achievement(numeric, smallint) is
  'A qualitative score (1 to the KPI''s scale) as a percentage of the scale; null outside it.';

-- The band a total score falls in (the highest lower bound at or below it), as the caller
-- may read the bands.
create or replace function public.rating_band_for(p_score numeric)
returns setof public.rating_bands
language sql
stable
set search_path = ''
as $$
  select b.* from public.rating_bands b
   where p_score is not null and b.lower_bound <= p_score
   order by b.lower_bound desc
   limit 1
$$;
comment on function public.rating_band_for(numeric) is 'The rating band a total score falls in (the highest lower bound at or below it); none below every band.';

-- A template's weighted total from per-KPI achievements given as {kpi_id: achievement}:
-- sum(weight x achievement) / 100, two decimals. KPIs missing from the map count as 0.
create or replace function public.template_score(p_template uuid, p_achievements jsonb)
returns numeric
language sql
stable
set search_path = ''
as $$
  select round(sum(k.weight * coalesce((p_achievements ->> k.kpi_id::text)::numeric, 0)) / 100, 2)
    from public.evaluation_template_kpis k
   where k.template_id = p_template
$$;
comment on function public.template_score(uuid, jsonb) is
  'A template''s weighted total: sum(weight x achievement) / 100 over its KPIs (missing achievements count 0), as the caller may read the template.';

-- Publishes a template (the trigger checks its weights and sets when and by whom).
create or replace function public.publish_evaluation_template(p_template uuid)
returns public.evaluation_templates
language plpgsql
set search_path = ''
as $$
declare
  v_row public.evaluation_templates;
begin
  update public.evaluation_templates t set published_at = now()
   where t.id = p_template and t.published_at is null
  returning t.* into v_row;
  if v_row.id is null then
    raise exception using errcode = 'PT404', detail = 'template_not_found',
      message = 'No draft template with this id that you may edit.';
  end if;
  return v_row;
end;
$$;
comment on function public.publish_evaluation_template(uuid) is
  'Publishes a draft template you may edit (refused unless its weights add up to exactly 100); it is frozen from then on.';

-- Replaces a draft template's KPIs in one step (the weights must add up to 100 at commit).
create or replace function public.save_template_kpis(p_template uuid, p_version integer, p_lines jsonb)
returns setof public.evaluation_template_kpis
language plpgsql
set search_path = ''
as $$
begin
  if jsonb_typeof(p_lines) is distinct from 'array' then
    raise exception using errcode = '22023', message = 'The KPIs must be a list.';
  end if;
  if not exists (select 1 from public.evaluation_templates t where t.id = p_template) then
    raise exception using errcode = 'PT404', detail = 'template_not_found', message = 'No template with this id that you may read.';
  end if;
  -- The template's version guards its KPIs too: a save from a stale screen is refused (409).
  update public.evaluation_templates t set version = p_version where t.id = p_template;
  if not found then
    raise exception using errcode = '42501', detail = 'template_not_editable', message = 'You may not change this template.';
  end if;
  delete from public.evaluation_template_kpis k where k.template_id = p_template;
  insert into public.evaluation_template_kpis (template_id, kpi_id, weight, cap_percent, floor_percent, sort_order)
  select p_template, (l.line ->> 'kpi_id')::uuid, (l.line ->> 'weight')::numeric, coalesce((l.line ->> 'cap_percent')::numeric, 120),
         (l.line ->> 'floor_percent')::numeric, l.n::integer * 10
    from jsonb_array_elements(p_lines) with ordinality as l(line, n);
  return query select k.* from public.evaluation_template_kpis k where k.template_id = p_template order by k.sort_order;
end;
$$;
comment on function public.save_template_kpis(uuid, integer, jsonb) is
  'Replaces a draft template''s KPIs ([{kpi_id, weight, cap_percent, floor_percent}]) in one transaction, given the template version the editor read; the weights must add up to exactly 100.';

-- A new draft version of a template from a later month, with the same KPIs.
create or replace function public.copy_evaluation_template(p_template uuid, p_valid_from date)
returns public.evaluation_templates
language plpgsql
set search_path = ''
as $$
declare
  v_from public.evaluation_templates;
  v_new public.evaluation_templates;
begin
  select * into v_from from public.evaluation_templates t where t.id = p_template;
  if v_from.id is null then
    raise exception using errcode = 'PT404', detail = 'template_not_found', message = 'No template with this id that you may read.';
  end if;
  if p_valid_from is null or p_valid_from <= v_from.valid_from then
    raise exception using errcode = '22023', detail = 'template_version_not_later',
      message = format('A new version must apply from a month after %s.', to_char(v_from.valid_from, 'YYYY-MM'));
  end if;
  insert into public.evaluation_templates (position_id, valid_from, name)
  values (v_from.position_id, date_trunc('month', p_valid_from)::date, v_from.name)
  returning * into v_new;
  insert into public.evaluation_template_kpis (template_id, kpi_id, weight, cap_percent, floor_percent, sort_order)
  select v_new.id, k.kpi_id, k.weight, k.cap_percent, k.floor_percent, k.sort_order
    from public.evaluation_template_kpis k where k.template_id = p_template;
  return v_new;
end;
$$;
comment on function public.copy_evaluation_template(uuid, date) is
  'A new draft version of a template applying from a later month, with the same KPIs, weights, caps and floors.';

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.kpi_before_write() from public;
revoke all on function private.evaluation_template_before_write() from public;
revoke all on function private.evaluation_template_kpi_before_write() from public;
revoke all on function private.assert_template_weights() from public;

revoke all on public.kpi_measures, public.kpis, public.evaluation_templates, public.evaluation_template_kpis, public.rating_bands
  from anon, authenticated, service_role;
grant select on public.kpi_measures to authenticated;
grant select, insert, update, delete on public.kpis, public.evaluation_templates, public.evaluation_template_kpis,
  public.rating_bands to authenticated;
grant select, insert, update, delete on public.kpi_measures, public.kpis, public.evaluation_templates,
  public.evaluation_template_kpis, public.rating_bands to service_role;

select private.refresh_audit_read_policy();

revoke all on function public.kpi_achievement(public.kpi_direction, numeric, numeric, numeric, numeric) from public, anon;
grant execute on function public.kpi_achievement(public.kpi_direction, numeric, numeric, numeric, numeric) to authenticated, service_role;
revoke all on function public.qualitative_achievement(numeric, smallint) from public, anon;
grant execute on function public.qualitative_achievement(numeric, smallint) to authenticated, service_role;
revoke all on function public.rating_band_for(numeric) from public, anon;
grant execute on function public.rating_band_for(numeric) to authenticated, service_role;
revoke all on function public.template_score(uuid, jsonb) from public, anon;
grant execute on function public.template_score(uuid, jsonb) to authenticated, service_role;
revoke all on function public.publish_evaluation_template(uuid) from public, anon;
grant execute on function public.publish_evaluation_template(uuid) to authenticated, service_role;
revoke all on function public.save_template_kpis(uuid, integer, jsonb) from public, anon;
grant execute on function public.save_template_kpis(uuid, integer, jsonb) to authenticated, service_role;
revoke all on function public.copy_evaluation_template(uuid, date) from public, anon;
grant execute on function public.copy_evaluation_template(uuid, date) to authenticated, service_role;

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('kpis', 'table', '{all}', 'KPIs', 'Indicadores (KPI)', '关键绩效指标', 400),
  ('evaluation_templates', 'table', '{all}', 'Evaluation templates', 'Plantillas de evaluación', '考核模板', 410),
  ('rating_bands', 'table', '{all}', 'Rating bands', 'Niveles de calificación', '评级档次', 420);

insert into public.resource_actions (resource, action)
select r, a from unnest(array['kpis', 'evaluation_templates', 'rating_bands']) r
 cross join unnest(array['read', 'create', 'update', 'delete']) a;

-- HR writes the criteria; everyone reads them (they are published in advance, 000 §7).
insert into public.role_permissions (role_code, resource, action, scope)
select 'hr_admin', ra.resource, ra.action, 'all'
  from public.resource_actions ra where ra.resource in ('kpis', 'evaluation_templates', 'rating_bands');
insert into public.role_permissions (role_code, resource, action, scope)
select rc, r, 'read', 'all'
  from unnest(array['auditor', 'manager', 'salesperson']) rc
 cross join unnest(array['kpis', 'evaluation_templates', 'rating_bands']) r;

-- =============================================================================
-- The measures, the seeds' KPIs and default bands
-- =============================================================================
insert into public.kpi_measures (code, name_en, name_es, name_zh, description_en, description_es, description_zh, unit, filters, sort_order) values
  ('sales_amount', 'Sales amount', 'Importe de ventas', '销售额',
   'Sales credited to the person in the period (their share of each sale).', 'Ventas acreditadas a la persona en el periodo (su parte de cada venta).', '期间内记入该人员的销售额（按分成比例）。',
   'amount', '{tier,product_line,customer_status}', 10),
  ('profit_contribution', 'Profit contribution', 'Contribución al beneficio', '利润贡献',
   'Amount minus cost of the sales credited to the person, by their share.', 'Importe menos coste de las ventas acreditadas, según su parte.', '记入该人员的销售额减去成本（按分成比例）。',
   'amount', '{tier,product_line,customer_status}', 20),
  ('payments_collected', 'Payments collected', 'Cobros realizados', '回款额',
   'Payments collected in the period on sales credited to the person, by their share.', 'Cobros del periodo sobre ventas acreditadas a la persona, según su parte.', '期间内该人员名下销售的回款（按分成比例）。',
   'amount', '{tier,customer_status}', 30),
  ('distinct_customers', 'Customers with a sale', 'Clientes con venta', '成交客户数',
   'Distinct customers with a sale credited to the person in the period.', 'Clientes distintos con una venta acreditada a la persona en el periodo.', '期间内有记入该人员销售的不同客户数。',
   'count', '{tier,product_line,customer_status}', 40),
  ('new_customers', 'New customers', 'Clientes nuevos', '新客户数',
   'Customers whose first sale falls in the period, credited to the person.', 'Clientes cuya primera venta cae en el periodo, acreditada a la persona.', '首笔销售发生在期间内且记入该人员的客户数。',
   'count', '{tier,product_line}', 50),
  ('visits_done', 'Visits done', 'Visitas realizadas', '拜访次数',
   'Visits the person logged in the period.', 'Visitas registradas por la persona en el periodo.', '期间内该人员记录的拜访次数。',
   'count', '{tier,customer_status}', 60),
  ('visit_plan_compliance', 'Visit plan compliance', 'Cumplimiento del plan de visitas', '拜访计划完成率',
   'Visits done as a percentage of visits planned for the period.', 'Visitas realizadas como porcentaje de las planificadas.', '实际拜访次数占计划拜访次数的百分比。',
   'percent', '{}', 70),
  ('overdue_visits', 'Overdue visits', 'Visitas atrasadas', '逾期拜访',
   'The person''s customers overdue for a visit at the end of the period.', 'Clientes de la persona con la visita atrasada al final del periodo.', '期末该人员名下拜访逾期的客户数。',
   'count', '{tier}', 80),
  ('rules_acknowledged', 'Rules acknowledged', 'Normas leídas y aceptadas', '规章确认率',
   'Share of the rules that apply to the person''s position they have acknowledged.', 'Porcentaje de las normas de su puesto que la persona ha aceptado.', '该人员已确认的本岗位适用规章的比例。',
   'percent', '{}', 90);

insert into public.kpis (code, name_en, name_es, name_zh, kind, direction, measure_code, scale_max, year_aggregation, default_weight, sort_order) values
  ('sales_amount', 'Sales amount', 'Importe de ventas', '销售额', 'quantitative', 'higher_is_better', 'sales_amount', null, 'sum', 30, 10),
  ('profit_contribution', 'Profit contribution', 'Contribución al beneficio', '利润贡献', 'quantitative', 'higher_is_better', 'profit_contribution', null, 'sum', 15, 20),
  ('payments_collected', 'Payments collected', 'Cobros realizados', '回款额', 'quantitative', 'higher_is_better', 'payments_collected', null, 'sum', 15, 30),
  ('customer_count', 'Customers with a sale', 'Clientes con venta', '成交客户数', 'quantitative', 'higher_is_better', 'distinct_customers', null, 'average', null, 40),
  ('new_customers', 'New customers', 'Clientes nuevos', '新客户数', 'quantitative', 'higher_is_better', 'new_customers', null, 'sum', 10, 50),
  ('visits_done', 'Customer visits', 'Visitas a clientes', '客户拜访', 'quantitative', 'higher_is_better', 'visits_done', null, 'sum', 10, 60),
  ('visit_plan_compliance', 'Visit plan compliance', 'Cumplimiento del plan de visitas', '拜访计划完成率', 'quantitative', 'higher_is_better', 'visit_plan_compliance', null, 'average', null, 70),
  ('overdue_visits', 'Overdue visits', 'Visitas atrasadas', '逾期拜访', 'quantitative', 'lower_is_better', 'overdue_visits', null, 'last', null, 80),
  ('rules_acknowledged', 'Rules acknowledged', 'Normas aceptadas', '规章确认率', 'quantitative', 'higher_is_better', 'rules_acknowledged', null, 'last', null, 90),
  ('customer_satisfaction', 'Customer satisfaction', 'Satisfacción del cliente', '客户满意度', 'quantitative', 'higher_is_better', null, null, 'average', 5, 100),
  ('market_share', 'Market share', 'Cuota de mercado', '市场占有率', 'quantitative', 'higher_is_better', null, null, 'last', null, 110),
  ('communication', 'Communication', 'Comunicación', '沟通能力', 'qualitative', 'higher_is_better', null, 5, 'average', 5, 200),
  ('adaptability', 'Adaptability', 'Adaptabilidad', '应变能力', 'qualitative', 'higher_is_better', null, 5, 'average', null, 210),
  ('coordination', 'Company-customer coordination', 'Coordinación empresa-cliente', '公司与客户的协调', 'qualitative', 'higher_is_better', null, 5, 'average', null, 220),
  ('conduct', 'Conduct', 'Conducta', '品行', 'qualitative', 'higher_is_better', null, 5, 'average', 5, 230),
  ('diligence', 'Diligence', 'Diligencia', '勤勉', 'qualitative', 'higher_is_better', null, 5, 'average', 5, 240),
  ('responsibility', 'Responsibility', 'Responsabilidad', '责任心', 'qualitative', 'higher_is_better', null, 5, 'average', null, 250),
  ('dedication', 'Dedication', 'Dedicación', '敬业', 'qualitative', 'higher_is_better', null, 5, 'average', null, 260),
  ('best_effort', 'Best effort', 'Máximo esfuerzo', '尽力', 'qualitative', 'higher_is_better', null, 5, 'average', null, 270);
update public.kpis set unit = 'percent' where code in ('customer_satisfaction', 'market_share');

insert into public.rating_bands (code, name_en, name_es, name_zh, lower_bound, outcome) values
  ('outstanding', 'Outstanding', 'Sobresaliente', '优秀', 110, 'reward'),
  ('good', 'Good', 'Bueno', '良好', 90, 'none'),
  ('acceptable', 'Acceptable', 'Aceptable', '合格', 70, 'none'),
  ('needs_improvement', 'Needs improvement', 'Necesita mejorar', '待改进', 0, 'improvement_plan');
