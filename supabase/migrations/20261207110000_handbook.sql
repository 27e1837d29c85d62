-- The handbook (000, 003: "the sales department management system", the document the seeds teach
-- how to write): generated from the data it describes, so it is never out of step with the
-- rules, positions, KPIs, weights, bands, visit intervals and discount authority in force. One
-- function returns everything the handbook shows as in force on a day, read through the
-- caller's RLS (a salesperson's handbook has the rules that apply to them, HR's all of them).

-- =============================================================================
-- The handbook as in force on a day
-- =============================================================================
create or replace function public.handbook(p_as_of date default current_date)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_day date := coalesce(p_as_of, current_date);
begin
  if v_day < date '2000-01-01' or v_day > current_date + 3660 then
    raise exception using errcode = '22023', detail = 'day_out_of_range',
      message = 'Choose a day from 2000-01-01 to ten years from today.';
  end if;
  return jsonb_build_object(
    'as_of', v_day,
    'positions', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', p.id, 'code', p.code, 'parent_id', p.parent_id, 'title_en', p.title_en, 'title_es', p.title_es,
               'title_zh', p.title_zh, 'headcount', p.headcount, 'responsibilities', p.responsibilities,
               'max_discount_percent', p.max_discount_percent)
             order by p.sort_order, p.code)
        from public.positions p), '[]'::jsonb),
    'categories', coalesce((
      select jsonb_agg(jsonb_build_object('id', c.id, 'code', c.code, 'label_en', c.label_en, 'label_es', c.label_es,
                                          'label_zh', c.label_zh) order by c.sort_order, c.code)
        from public.regulation_categories c), '[]'::jsonb),
    -- Each rule's version in force that day: the latest published on or before it, for rules not
    -- retired by then.
    'rules', coalesce((
      select jsonb_agg(jsonb_build_object(
               'code', r.code, 'category_id', v.category_id, 'version_number', v.version_number,
               'effective_date', v.effective_date, 'title_en', v.title_en, 'title_es', v.title_es, 'title_zh', v.title_zh,
               'body_en', v.body_en, 'body_es', v.body_es, 'body_zh', v.body_zh, 'sanctions', v.sanctions,
               'applies_to_all_positions', r.applies_to_all_positions,
               'positions', coalesce(v.positions, '[]'::jsonb))
             order by r.code)
        from public.regulations r
        cross join lateral (
          select x.* from public.regulation_versions x
           where x.regulation_id = r.id and x.effective_date <= v_day
           order by x.effective_date desc, x.version_number desc limit 1
        ) v
       where r.retired_at is null or r.retired_at::date > v_day), '[]'::jsonb),
    'kpis', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', k.id, 'code', k.code, 'name_en', k.name_en, 'name_es', k.name_es, 'name_zh', k.name_zh,
               'description_en', k.description_en, 'description_es', k.description_es, 'description_zh', k.description_zh,
               'unit', k.unit, 'direction', k.direction, 'kind', k.kind, 'measure_code', k.measure_code,
               'scale_max', k.scale_max, 'year_aggregation', k.year_aggregation)
             order by k.sort_order, k.code)
        from public.kpis k where k.active), '[]'::jsonb),
    'measures', coalesce((
      select jsonb_agg(jsonb_build_object('code', m.code, 'name_en', m.name_en, 'name_es', m.name_es, 'name_zh', m.name_zh)
                       order by m.sort_order, m.code)
        from public.kpi_measures m), '[]'::jsonb),
    -- Each position's template in force that day, with its KPIs and weights.
    'templates', coalesce((
      select jsonb_agg(jsonb_build_object(
               'position_id', t.position_id, 'name', t.name, 'valid_from', t.valid_from,
               'kpis', (select coalesce(jsonb_agg(jsonb_build_object('kpi_id', l.kpi_id, 'weight', l.weight,
                                                                     'cap_percent', l.cap_percent, 'floor_percent', l.floor_percent)
                                                  order by l.sort_order), '[]'::jsonb)
                          from public.evaluation_template_kpis l where l.template_id = t.id))
             order by t.valid_from)
        from (
          select distinct on (x.position_id) x.*
            from public.evaluation_templates x
           where x.published_at is not null and x.valid_from <= v_day
           order by x.position_id, x.valid_from desc
        ) t), '[]'::jsonb),
    'bands', coalesce((
      select jsonb_agg(jsonb_build_object('code', b.code, 'name_en', b.name_en, 'name_es', b.name_es, 'name_zh', b.name_zh,
                                          'lower_bound', b.lower_bound, 'outcome', b.outcome) order by b.lower_bound desc)
        from public.rating_bands b), '[]'::jsonb),
    'tiers', coalesce((
      select jsonb_agg(jsonb_build_object('code', t.code, 'name_en', t.name_en, 'name_es', t.name_es, 'name_zh', t.name_zh,
                                          'visit_interval_days', t.visit_interval_days,
                                          'min_previous_year_sales', t.min_previous_year_sales) order by t.sort_order, t.code)
        from public.customer_tiers t), '[]'::jsonb)
  );
end;
$$;
comment on function public.handbook(date) is
  'Everything the sales department management system (the handbook) shows, as in force on a day: positions with their responsibilities and discount authority, rule categories, each rule''s version in force with its sanction ladder, KPIs and the measures they use, each position''s evaluation template with its weights, rating bands and customer tiers with their visit intervals. Through your RLS.';

revoke all on function public.handbook(date) from public, anon;
grant execute on function public.handbook(date) to authenticated, service_role;

-- =============================================================================
-- Editions: a published handbook, frozen
-- =============================================================================
-- HR publishes an edition: the whole handbook as in force on a day, as the department's system
-- (not as the publisher's own view), numbered and kept as it was. Editions are never changed or
-- removed; two of them can be compared chapter by chapter.
create table public.handbook_editions (
  id uuid primary key default gen_random_uuid(),
  -- number and content are the trigger's (the defaults only say a client need not send them)
  number integer not null default 0 unique,
  as_of date not null default current_date,
  note text not null default '' check (char_length(note) <= 2000),
  content jsonb not null default '{}'::jsonb,
  published_by uuid references public.profiles (id) on delete set null,
  published_at timestamptz not null default now()
);
comment on table public.handbook_editions is
  'Published editions of the handbook: each the whole of public.handbook(as_of) when it was published, numbered 1, 2, 3..., never changed or removed. HR publishes; HR and the auditor read them.';
create index handbook_editions_published_by_idx on public.handbook_editions (published_by);

create or replace function private.handbook_edition_before_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.as_of is null or new.as_of < date '2000-01-01' or new.as_of > current_date + 3660 then
    raise exception using errcode = '22023', detail = 'day_out_of_range',
      message = 'Choose a day from 2000-01-01 to ten years from today.';
  end if;
  -- One numbering at a time.
  perform pg_advisory_xact_lock(727274100002);
  new.id := gen_random_uuid();
  new.number := coalesce((select max(e.number) from public.handbook_editions e), 0) + 1;
  -- The department's whole handbook: read as this function's owner, whatever the publisher sees.
  new.content := public.handbook(new.as_of);
  new.published_by := (select auth.uid());
  new.published_at := now();
  return new;
end;
$$;
comment on function private.handbook_edition_before_insert() is
  'Trigger: an edition gets the next number, the whole handbook as in force on its day, its publisher and time.';
create trigger handbook_editions_before_insert before insert on public.handbook_editions
  for each row execute function private.handbook_edition_before_insert();
create trigger handbook_editions_frozen before update or delete on public.handbook_editions
  for each row execute function private.versions_are_frozen();
select private.enable_audit('public.handbook_editions');

-- What changed between two editions, chapter by chapter: each item (a rule, a position, a KPI,
-- a template, a band, a tier, a chapter of rules) added, removed or changed, with both sides.
create or replace function public.handbook_edition_diff(p_from uuid, p_to uuid)
returns table (chapter text, item text, change text, before jsonb, after jsonb)
language plpgsql
stable
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_from jsonb;
  v_to jsonb;
begin
  select e.content into v_from from public.handbook_editions e where e.id = p_from;
  select e.content into v_to from public.handbook_editions e where e.id = p_to;
  if v_from is null or v_to is null then
    raise exception using errcode = 'PT404', detail = 'edition_not_found', message = 'No edition with this id that you may read.';
  end if;
  return query
  with parts (chapter, list, keyname) as (
    values ('categories', 'categories', 'code'), ('organisation', 'positions', 'code'), ('rules', 'rules', 'code'),
           ('kpis', 'kpis', 'code'), ('templates', 'templates', 'position_id'), ('bands', 'bands', 'code'),
           ('visits', 'tiers', 'code')
  ),
  old_items as (
    select p.chapter, x ->> p.keyname as item, x as body
      from parts p cross join lateral jsonb_array_elements(coalesce(v_from -> p.list, '[]'::jsonb)) x
  ),
  new_items as (
    select p.chapter, x ->> p.keyname as item, x as body
      from parts p cross join lateral jsonb_array_elements(coalesce(v_to -> p.list, '[]'::jsonb)) x
  ),
  -- (an item's own id is not a change: positions and KPIs are compared without it)
  compared as (
    select coalesce(o.chapter, n.chapter) as chapter, coalesce(o.item, n.item) as item,
           case when o.item is null then 'added' when n.item is null then 'removed' else 'changed' end as change,
           o.body as before, n.body as after
      from old_items o
      full join new_items n on n.chapter = o.chapter and n.item = o.item
     where o.item is null or n.item is null or (o.body - 'id') is distinct from (n.body - 'id')
  )
  select c.chapter, c.item, c.change, c.before, c.after
    from compared c
   order by array_position(array['categories', 'organisation', 'rules', 'kpis', 'templates', 'bands', 'visits'], c.chapter), c.item;
end;
$$;
comment on function public.handbook_edition_diff(uuid, uuid) is
  'What changed from one edition to another, chapter by chapter: each rule (by code), position, KPI, band, tier and chapter of rules (by code) and template (by position) added, removed or changed, with both sides. 404 unless you may read both editions.';

-- =============================================================================
-- Row-level security
-- =============================================================================
alter table public.handbook_editions enable row level security;
create policy "people with handbook_editions read permission can read editions" on public.handbook_editions
  for select to authenticated
  using ((select private.allows_all('handbook_editions', 'read')));
create policy "people with handbook_editions create permission can publish editions" on public.handbook_editions
  for insert to authenticated
  with check ((select private.allows_all('handbook_editions', 'create')));

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on public.handbook_editions from anon, authenticated, service_role;
grant select on public.handbook_editions to authenticated, service_role;
grant insert (as_of, note) on public.handbook_editions to authenticated, service_role;
revoke all on function private.handbook_edition_before_insert() from public;
revoke all on function public.handbook_edition_diff(uuid, uuid) from public, anon;
grant execute on function public.handbook_edition_diff(uuid, uuid) to authenticated, service_role;

select private.refresh_audit_read_policy();

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('handbook_editions', 'table', '{all}', 'Handbook editions', 'Ediciones del manual', '管理手册版本', 460);
insert into public.resource_actions (resource, action)
select 'handbook_editions', a from unnest(array['read', 'create']) a;

-- HR publishes editions; HR and the auditor read every one.
insert into public.role_permissions (role_code, resource, action, scope) values
  ('hr_admin', 'handbook_editions', 'read', 'all'),
  ('hr_admin', 'handbook_editions', 'create', 'all'),
  ('auditor', 'handbook_editions', 'read', 'all');
