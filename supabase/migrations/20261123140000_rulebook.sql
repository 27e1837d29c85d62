-- The rulebook: categories, regulations with a working draft and frozen numbered versions,
-- the draft -> in review -> published -> retired workflow enforced here, sanction ladders
-- (per regulation or inherited from the category), acknowledgements of the version in
-- force, coverage, and search in English, Spanish and Chinese.

-- =============================================================================
-- Types
-- =============================================================================
create type public.regulation_status as enum ('draft', 'in_review', 'published', 'retired');
create type public.sanction_kind as enum ('verbal_warning', 'written_warning', 'fine', 'demotion', 'dismissal');

-- =============================================================================
-- Tables
-- =============================================================================
create table public.regulation_categories (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  label_en text not null check (length(btrim(label_en)) between 1 and 80),
  label_es text not null default '' check (length(label_es) <= 80),
  label_zh text not null default '' check (length(label_zh) <= 80),
  sort_order integer not null default 100,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.regulation_categories is 'Categories of rules (conduct, attendance and meetings, pricing and discounts, ...), with labels in three languages and a default sanction ladder.';

create table public.regulations (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z][A-Z0-9-]{1,23}$'),
  category_id uuid not null references public.regulation_categories (id) on delete restrict,
  owner_id uuid references public.profiles (id) on delete set null,
  applies_to_all_positions boolean not null default true,
  status public.regulation_status not null default 'draft',
  effective_date date check (effective_date between date '2000-01-01' and date '2100-12-31'),
  current_version integer check (current_version > 0),
  draft_number integer not null default 1 check (draft_number > 0),
  submitted_by uuid references public.profiles (id) on delete set null,
  submitted_at timestamptz,
  retired_at timestamptz,
  retired_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.regulations is
  'A rule of the rulebook: code, category, owner, positions it applies to, workflow status of its working draft, and the published version in force (current_version). Text lives in regulation_drafts (working copy) and regulation_versions (frozen).';
comment on column public.regulations.status is 'Workflow state of the working draft: draft -> in_review -> published -> retired. A published rule being revised is back in draft while current_version stays in force.';
create index regulations_category_idx on public.regulations (category_id);
create index regulations_owner_idx on public.regulations (owner_id);
create index regulations_status_idx on public.regulations (status);
create index regulations_submitted_by_idx on public.regulations (submitted_by);
create index regulations_retired_by_idx on public.regulations (retired_by);

create table public.regulation_drafts (
  regulation_id uuid primary key references public.regulations (id) on delete cascade,
  title_en text not null check (length(btrim(title_en)) between 1 and 200),
  title_es text not null default '' check (length(title_es) <= 200),
  title_zh text not null default '' check (length(title_zh) <= 200),
  body_en text not null default '' check (length(body_en) <= 50000),
  body_es text not null default '' check (length(body_es) <= 50000),
  body_zh text not null default '' check (length(body_zh) <= 50000),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.regulation_drafts is 'The working copy of a rule''s title and Markdown body in English, Spanish and Chinese. Readable only by people who read every rule (HR, auditors): unpublished text never reaches the people it will apply to.';

create table public.regulation_versions (
  id uuid primary key default gen_random_uuid(),
  regulation_id uuid not null references public.regulations (id) on delete restrict,
  version_number integer not null check (version_number > 0),
  title_en text not null,
  title_es text not null default '',
  title_zh text not null default '',
  body_en text not null default '',
  body_es text not null default '',
  body_zh text not null default '',
  category_id uuid not null references public.regulation_categories (id) on delete restrict,
  sanctions jsonb not null default '[]'::jsonb,
  positions jsonb,
  effective_date date not null,
  submitted_by uuid references public.profiles (id) on delete set null,
  published_by uuid references public.profiles (id) on delete set null,
  published_at timestamptz not null default now(),
  constraint regulation_versions_number_key unique (regulation_id, version_number)
);
comment on table public.regulation_versions is
  'Every published version of every rule, frozen: title, body, sanction ladder (snapshot) and positions it applied to, with who submitted and who approved it. Never updated or deleted.';
create index regulation_versions_category_idx on public.regulation_versions (category_id);
create index regulation_versions_submitted_by_idx on public.regulation_versions (submitted_by);
create index regulation_versions_published_by_idx on public.regulation_versions (published_by);
create index regulation_versions_title_trgm on public.regulation_versions using gin ((title_en || ' ' || title_es || ' ' || title_zh) extensions.gin_trgm_ops);
create index regulation_versions_body_trgm on public.regulation_versions using gin ((body_en || ' ' || body_es || ' ' || body_zh) extensions.gin_trgm_ops);

create table public.regulation_positions (
  id uuid primary key default gen_random_uuid(),
  regulation_id uuid not null references public.regulations (id) on delete cascade,
  position_id uuid not null references public.positions (id) on delete cascade,
  constraint regulation_positions_pair_key unique (regulation_id, position_id)
);
comment on table public.regulation_positions is 'The positions a rule applies to, when it does not apply to every position.';
create index regulation_positions_position_idx on public.regulation_positions (position_id);

create table public.sanction_levels (
  id uuid primary key default gen_random_uuid(),
  regulation_id uuid references public.regulations (id) on delete cascade,
  category_id uuid references public.regulation_categories (id) on delete cascade,
  level_order integer not null check (level_order between 1 and 20),
  kind public.sanction_kind not null,
  fine_amount numeric(12, 2) check (fine_amount > 0 and fine_amount < 10000000),
  live_months integer not null default 12 check (live_months between 1 and 120),
  note_en text not null default '' check (length(note_en) <= 500),
  note_es text not null default '' check (length(note_es) <= 500),
  note_zh text not null default '' check (length(note_zh) <= 500),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((regulation_id is null) <> (category_id is null)),
  check ((kind = 'fine') = (fine_amount is not null))
);
comment on table public.sanction_levels is
  'Ordered sanction ladder of a regulation, or of a category (inherited by its regulations without their own): kind, fine amount, and how many months a sanction stays live.';
create unique index sanction_levels_regulation_order on public.sanction_levels (regulation_id, level_order) where regulation_id is not null;
create unique index sanction_levels_category_order on public.sanction_levels (category_id, level_order) where category_id is not null;
create index sanction_levels_category_idx on public.sanction_levels (category_id);

create table public.acknowledgements (
  id uuid primary key default gen_random_uuid(),
  regulation_id uuid not null references public.regulations (id) on delete restrict,
  version_number integer not null,
  staff_id uuid not null references public.staff (id) on delete restrict,
  acknowledged_by uuid references public.profiles (id) on delete set null,
  acknowledged_at timestamptz not null default now(),
  constraint acknowledgements_once unique (regulation_id, version_number, staff_id),
  constraint acknowledgements_version_fkey foreign key (regulation_id, version_number)
    references public.regulation_versions (regulation_id, version_number) on delete restrict
);
comment on table public.acknowledgements is 'Who confirmed reading which published version of which rule, and when. Never changed or removed.';
create index acknowledgements_staff_id_idx on public.acknowledgements (staff_id) include (id);
create index acknowledgements_by_idx on public.acknowledgements (acknowledged_by);

-- =============================================================================
-- Private functions
-- =============================================================================
-- Staff records of the signed-in person (a login can be linked to one).
create or replace function private.my_position_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query select s.position_id from public.staff s where s.user_id = auth.uid() and s.status <> 'left';
end;
$$;

-- Published (or retired) rules that apply to the signed-in person's position.
create or replace function private.my_applicable_regulations()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
  select r.id
    from public.regulations r
   where r.current_version is not null
     and (r.applies_to_all_positions
          or exists (select 1 from public.regulation_positions rp
                      where rp.regulation_id = r.id and rp.position_id in (select private.my_position_ids())));
end;
$$;
comment on function private.my_applicable_regulations() is 'Ids of the published or retired rules that apply to the signed-in person''s position.';

-- Staff a person may see for resource x action: all, those in their territories, or their own record.
create or replace function private.staff_in_scope(p_resource text, p_action text)
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_grant private.access_grant := private.access(p_resource, p_action);
begin
  if v_grant.all_rows then
    return query select s.id from public.staff s;
    return;
  end if;
  return query
  select s.id
    from public.staff s
   where s.territory_id in (select unnest(v_grant.territory_ids))
      or (v_grant.owner_id is not null and s.user_id = v_grant.owner_id);
end;
$$;

-- Workflow columns change only through transition_regulation(); everything else is free
-- while the rule is a draft.
create or replace function private.guard_regulation()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_setting('app.regulation_workflow', true) = 'on' then
    return new;
  end if;
  if new.status is distinct from old.status or new.current_version is distinct from old.current_version
     or new.draft_number is distinct from old.draft_number or new.submitted_by is distinct from old.submitted_by
     or new.submitted_at is distinct from old.submitted_at or new.retired_at is distinct from old.retired_at
     or new.retired_by is distinct from old.retired_by then
    raise exception using errcode = '42501',
      message = 'A rule''s status changes only through its workflow actions (submit, publish, retire, back to draft).',
      detail = 'workflow_only';
  end if;
  if new.code <> old.code then
    raise exception using errcode = '42501', message = 'A rule''s code cannot change.', detail = 'code_is_fixed';
  end if;
  if old.status in ('in_review', 'retired') then
    raise exception using errcode = '23514',
      message = format('Rule %s is %s: send it back to draft before changing it.', old.code, replace(old.status::text, '_', ' ')),
      detail = 'not_editable';
  end if;
  -- Changing what a published rule says (category, positions, effective date) is a revision:
  -- the published version stays in force until the new one is published.
  if old.status = 'published' and (new.category_id is distinct from old.category_id
       or new.applies_to_all_positions is distinct from old.applies_to_all_positions
       or new.effective_date is distinct from old.effective_date) then
    new.status := 'draft';
  end if;
  return new;
end;
$$;

-- Editing the working copy (text, positions, ladder) of a published rule starts a draft of
-- its next version; the published one stays in force. Refused while in review or retired.
create or replace function private.open_revision(p_regulation uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_status public.regulation_status;
  v_code text;
begin
  select r.status, r.code into v_status, v_code from public.regulations r where r.id = p_regulation for update;
  if v_status in ('in_review', 'retired') then
    raise exception using errcode = '23514',
      message = format('Rule %s is %s: send it back to draft before changing it.', v_code, replace(v_status::text, '_', ' ')),
      detail = 'not_editable';
  end if;
  if v_status = 'published' then
    perform set_config('app.regulation_workflow', 'on', true);
    update public.regulations set status = 'draft', submitted_by = null, submitted_at = null where id = p_regulation;
    perform set_config('app.regulation_workflow', '', true);
  end if;
end;
$$;

create or replace function private.working_copy_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_regulation uuid := coalesce((to_jsonb(new) ->> 'regulation_id')::uuid, (to_jsonb(old) ->> 'regulation_id')::uuid);
begin
  -- Saving without a change is not a revision.
  if tg_op = 'UPDATE' and (to_jsonb(new) - 'version' - 'updated_at') = (to_jsonb(old) - 'version' - 'updated_at') then
    return new;
  end if;
  if v_regulation is not null and exists (select 1 from public.regulations r where r.id = v_regulation) then
    perform private.open_revision(v_regulation);
  end if;
  return coalesce(new, old);
end;
$$;

-- An acknowledgement is of the version in force, of a rule that applies to that person.
create or replace function private.guard_acknowledgement()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_reg record;
  v_position uuid;
begin
  select r.* into v_reg from public.regulations r where r.id = new.regulation_id;
  if v_reg.current_version is distinct from new.version_number or v_reg.status = 'retired' then
    raise exception using errcode = '23514', message = 'Only the version in force of a rule can be acknowledged.', detail = 'not_current_version';
  end if;
  select s.position_id into v_position from public.staff s where s.id = new.staff_id;
  if not v_reg.applies_to_all_positions
     and not exists (select 1 from public.regulation_positions rp where rp.regulation_id = new.regulation_id and rp.position_id = v_position) then
    raise exception using errcode = '23514', message = 'This rule does not apply to this person''s position.', detail = 'not_applicable';
  end if;
  new.acknowledged_by := (select auth.uid());
  new.acknowledged_at := now();
  return new;
end;
$$;

create or replace function private.versions_are_frozen()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = '42501', message = 'Published versions and acknowledgements are never changed or removed.', detail = 'frozen';
end;
$$;

-- The workflow. Checks the matrix for the action, refuses skipped steps and, unless the
-- matrix grants publish_own, publishing one's own submission (four-eyes rule).
create or replace function private.transition_regulation(p_regulation uuid, p_to public.regulation_status, p_version integer)
returns public.regulations
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_reg public.regulations;
  v_draft public.regulation_drafts;
  v_action text;
  v_me uuid := (select auth.uid());
  v_result public.regulations;
begin
  select * into v_reg from public.regulations r where r.id = p_regulation for update;
  if v_reg.id is null or not (private.allows_all('regulations', 'read') or p_regulation in (select private.my_applicable_regulations())) then
    raise exception using errcode = 'PT404', message = 'No such rule.', detail = 'not_found';
  end if;
  if p_version is distinct from v_reg.version then
    raise exception using errcode = 'PT409', detail = 'stale_version',
      message = format('Rule %s was changed by someone else since you opened it. Reload it and try again.', v_reg.code);
  end if;
  v_action := case
    when v_reg.status = 'draft' and p_to = 'in_review' then 'submit'
    when v_reg.status = 'in_review' and p_to = 'draft' then 'update'
    when v_reg.status = 'in_review' and p_to = 'published' then 'publish'
    when v_reg.status = 'published' and p_to = 'retired' then 'retire'
    when v_reg.status = 'retired' and p_to = 'draft' then 'update'
  end;
  if v_action is null then
    raise exception using errcode = '23514', detail = 'workflow_step',
      message = format('Rule %s cannot go from %s to %s: a rule moves draft -> in review -> published -> retired, one step at a time.',
                       v_reg.code, replace(v_reg.status::text, '_', ' '), replace(p_to::text, '_', ' '));
  end if;
  if not private.allows_all('regulations', v_action) then
    raise exception using errcode = '42501', detail = 'not_allowed',
      message = format('Your roles do not allow the "%s" step.', v_action);
  end if;
  select * into v_draft from public.regulation_drafts d where d.regulation_id = p_regulation;
  perform set_config('app.regulation_workflow', 'on', true);
  if v_action = 'submit' then
    if v_draft.regulation_id is null or length(btrim(v_draft.body_en)) = 0 or v_reg.effective_date is null then
      raise exception using errcode = '23514', detail = 'incomplete',
        message = 'A rule needs an English title and body and an effective date before it is submitted.';
    end if;
    update public.regulations set status = 'in_review', submitted_by = v_me, submitted_at = now() where id = p_regulation returning * into v_result;
  elsif v_action = 'publish' then
    if v_reg.submitted_by = v_me and not private.allows_all('regulations', 'publish_own') then
      raise exception using errcode = '42501', detail = 'four_eyes',
        message = 'You submitted this rule for review: another person must publish it.';
    end if;
    insert into public.regulation_versions (regulation_id, version_number, title_en, title_es, title_zh, body_en, body_es, body_zh,
                                            category_id, sanctions, positions, effective_date, submitted_by, published_by, published_at)
    select v_reg.id, v_reg.draft_number, v_draft.title_en, v_draft.title_es, v_draft.title_zh, v_draft.body_en, v_draft.body_es, v_draft.body_zh,
           v_reg.category_id,
           coalesce(
             (select jsonb_agg(jsonb_build_object('level_order', s.level_order, 'kind', s.kind, 'fine_amount', s.fine_amount, 'live_months', s.live_months,
                                                  'note_en', s.note_en, 'note_es', s.note_es, 'note_zh', s.note_zh, 'inherited', false) order by s.level_order)
                from public.sanction_levels s where s.regulation_id = v_reg.id),
             (select jsonb_agg(jsonb_build_object('level_order', s.level_order, 'kind', s.kind, 'fine_amount', s.fine_amount, 'live_months', s.live_months,
                                                  'note_en', s.note_en, 'note_es', s.note_es, 'note_zh', s.note_zh, 'inherited', true) order by s.level_order)
                from public.sanction_levels s where s.category_id = v_reg.category_id),
             '[]'::jsonb),
           case when v_reg.applies_to_all_positions then null else
             (select coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'code', p.code, 'title_en', p.title_en, 'title_es', p.title_es, 'title_zh', p.title_zh) order by p.code), '[]')
                from public.regulation_positions rp join public.positions p on p.id = rp.position_id where rp.regulation_id = v_reg.id) end,
           v_reg.effective_date, v_reg.submitted_by, v_me, now();
    update public.regulations
       set status = 'published', current_version = v_reg.draft_number, draft_number = v_reg.draft_number + 1,
           submitted_by = null, submitted_at = null, retired_at = null, retired_by = null
     where id = p_regulation returning * into v_result;
  elsif v_action = 'retire' then
    update public.regulations set status = 'retired', retired_at = now(), retired_by = v_me where id = p_regulation returning * into v_result;
  else
    update public.regulations set status = 'draft', submitted_by = null, submitted_at = null where id = p_regulation returning * into v_result;
  end if;
  perform set_config('app.regulation_workflow', '', true);
  return v_result;
end;
$$;
comment on function private.transition_regulation(uuid, public.regulation_status, integer) is
  'Moves a rule one workflow step (submit, back to draft, publish, retire), checking the matrix, the order of steps and the four-eyes rule; publishing freezes a numbered version.';

-- =============================================================================
-- Triggers
-- =============================================================================
create trigger regulation_categories_touch before insert or update on public.regulation_categories for each row execute function private.touch_row();
create trigger regulations_touch before insert or update on public.regulations for each row execute function private.touch_row();
create trigger regulations_guard before update on public.regulations for each row execute function private.guard_regulation();
create trigger regulation_drafts_touch before insert or update on public.regulation_drafts for each row execute function private.touch_row();
create trigger regulation_drafts_revision before update on public.regulation_drafts for each row execute function private.working_copy_changed();
create trigger regulation_positions_revision before insert or update or delete on public.regulation_positions for each row execute function private.working_copy_changed();
create trigger sanction_levels_touch before insert or update on public.sanction_levels for each row execute function private.touch_row();
create trigger sanction_levels_revision before insert or update or delete on public.sanction_levels for each row execute function private.working_copy_changed();
create trigger regulation_versions_frozen before update or delete on public.regulation_versions for each row execute function private.versions_are_frozen();
create trigger acknowledgements_guard before insert on public.acknowledgements for each row execute function private.guard_acknowledgement();
create trigger acknowledgements_frozen before update or delete on public.acknowledgements for each row execute function private.versions_are_frozen();

select private.enable_audit('public.regulation_categories');
select private.enable_audit('public.regulations');
select private.enable_audit('public.regulation_drafts', '{regulation_id}');
select private.enable_audit('public.regulation_versions');
select private.enable_audit('public.regulation_positions');
select private.enable_audit('public.sanction_levels');
select private.enable_audit('public.acknowledgements');

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.my_position_ids() from public;
revoke all on function private.my_applicable_regulations() from public;
revoke all on function private.staff_in_scope(text, text) from public;
revoke all on function private.guard_regulation() from public;
revoke all on function private.open_revision(uuid) from public;
revoke all on function private.working_copy_changed() from public;
revoke all on function private.guard_acknowledgement() from public;
revoke all on function private.versions_are_frozen() from public;
revoke all on function private.transition_regulation(uuid, public.regulation_status, integer) from public;
grant execute on function private.my_applicable_regulations() to authenticated;
grant execute on function private.my_position_ids() to authenticated;
grant execute on function private.staff_in_scope(text, text) to authenticated;
grant execute on function private.transition_regulation(uuid, public.regulation_status, integer) to authenticated;

revoke all on public.regulation_categories, public.regulations, public.regulation_drafts, public.regulation_versions,
  public.regulation_positions, public.sanction_levels, public.acknowledgements from anon, authenticated, service_role;
grant select, insert, update, delete on public.regulation_categories to authenticated, service_role;
grant select, insert, delete on public.regulations to authenticated, service_role;
grant update (category_id, owner_id, applies_to_all_positions, effective_date, version) on public.regulations to authenticated;
grant update on public.regulations to service_role;
grant select, insert, update on public.regulation_drafts to authenticated, service_role;
grant select on public.regulation_versions to authenticated, service_role;
grant select, insert, delete on public.regulation_positions to authenticated, service_role;
grant select, insert, update, delete on public.sanction_levels to authenticated, service_role;
grant select, insert on public.acknowledgements to authenticated, service_role;

-- =============================================================================
-- RLS policies
-- =============================================================================
alter table public.regulation_categories enable row level security;
alter table public.regulations enable row level security;
alter table public.regulation_drafts enable row level security;
alter table public.regulation_versions enable row level security;
alter table public.regulation_positions enable row level security;
alter table public.sanction_levels enable row level security;
alter table public.acknowledgements enable row level security;

create policy "people with regulation_categories read permission can read categories" on public.regulation_categories
  for select to authenticated using ((select private.allows_all('regulation_categories', 'read')));
create policy "people with regulation_categories create permission can add categories" on public.regulation_categories
  for insert to authenticated with check ((select private.allows_all('regulation_categories', 'create')));
create policy "people with regulation_categories update permission can edit categories" on public.regulation_categories
  for update to authenticated using ((select private.allows_all('regulation_categories', 'update'))) with check ((select private.allows_all('regulation_categories', 'update')));
create policy "people with regulation_categories delete permission can delete categories" on public.regulation_categories
  for delete to authenticated using ((select private.allows_all('regulation_categories', 'delete')));

create policy "people with regulations read permission read every rule or the published ones that apply to them" on public.regulations
  for select to authenticated
  using (
    (select private.allows_all('regulations', 'read'))
    or ((select private.allowed_owner('regulations', 'read')) is not null and id in (select private.my_applicable_regulations()))
  );
create policy "people with regulations create permission can add rules" on public.regulations
  for insert to authenticated with check ((select private.allows_all('regulations', 'create')) and status = 'draft' and current_version is null);
create policy "people with regulations update permission can edit rules" on public.regulations
  for update to authenticated using ((select private.allows_all('regulations', 'update'))) with check ((select private.allows_all('regulations', 'update')));
create policy "people with regulations delete permission can delete never-published rules" on public.regulations
  for delete to authenticated using ((select private.allows_all('regulations', 'delete')) and current_version is null);

create policy "people who read every rule can read working drafts" on public.regulation_drafts
  for select to authenticated using ((select private.allows_all('regulations', 'read')));
create policy "people with regulations create permission can start drafts" on public.regulation_drafts
  for insert to authenticated with check ((select private.allows_all('regulations', 'create')));
create policy "people with regulations update permission can edit drafts" on public.regulation_drafts
  for update to authenticated using ((select private.allows_all('regulations', 'update'))) with check ((select private.allows_all('regulations', 'update')));

create policy "people with regulations read permission read the published versions they may see" on public.regulation_versions
  for select to authenticated
  using (
    (select private.allows_all('regulations', 'read'))
    or ((select private.allowed_owner('regulations', 'read')) is not null and regulation_id in (select private.my_applicable_regulations()))
  );

create policy "people with regulations read permission read which positions rules apply to" on public.regulation_positions
  for select to authenticated
  using (
    (select private.allows_all('regulations', 'read'))
    or ((select private.allowed_owner('regulations', 'read')) is not null and regulation_id in (select private.my_applicable_regulations()))
  );
create policy "people with regulations update permission can add positions to rules" on public.regulation_positions
  for insert to authenticated with check ((select private.allows_all('regulations', 'update')));
create policy "people with regulations update permission can remove positions from rules" on public.regulation_positions
  for delete to authenticated using ((select private.allows_all('regulations', 'update')));

create policy "people who read rules or categories can read their sanction ladders" on public.sanction_levels
  for select to authenticated
  using (
    (select private.allows_all('regulations', 'read'))
    or (category_id is not null and (select private.allows_all('regulation_categories', 'read')))
    or ((select private.allowed_owner('regulations', 'read')) is not null and regulation_id in (select private.my_applicable_regulations()))
  );
create policy "people with rule or category update permission can add sanction levels" on public.sanction_levels
  for insert to authenticated
  with check (case when regulation_id is not null then (select private.allows_all('regulations', 'update')) else (select private.allows_all('regulation_categories', 'update')) end);
create policy "people with rule or category update permission can edit sanction levels" on public.sanction_levels
  for update to authenticated
  using (case when regulation_id is not null then (select private.allows_all('regulations', 'update')) else (select private.allows_all('regulation_categories', 'update')) end)
  with check (case when regulation_id is not null then (select private.allows_all('regulations', 'update')) else (select private.allows_all('regulation_categories', 'update')) end);
create policy "people with rule or category update permission can remove sanction levels" on public.sanction_levels
  for delete to authenticated
  using (case when regulation_id is not null then (select private.allows_all('regulations', 'update')) else (select private.allows_all('regulation_categories', 'update')) end);

create policy "people with acknowledgements read permission in scope can read acknowledgements" on public.acknowledgements
  for select to authenticated
  using ((select private.allows_all('acknowledgements', 'read')) or staff_id in (select private.staff_in_scope('acknowledgements', 'read')));
create policy "people with acknowledgements create permission can acknowledge for themselves" on public.acknowledgements
  for insert to authenticated
  with check (staff_id in (select private.staff_in_scope('acknowledgements', 'create')) and regulation_id in (select private.my_applicable_regulations()));

-- =============================================================================
-- Public RPCs
-- =============================================================================
create or replace function public.transition_regulation(p_regulation uuid, p_to public.regulation_status, p_version integer)
returns public.regulations
language sql
set search_path = ''
as $$
  select * from private.transition_regulation(p_regulation, p_to, p_version)
$$;
comment on function public.transition_regulation(uuid, public.regulation_status, integer) is
  'Workflow step of a rule: draft -> in_review (submit), in_review -> draft, in_review -> published (publish), published -> retired (retire), retired -> draft.';

-- Creates a rule and its working draft in one transaction.
create or replace function public.create_regulation(
  p_code text, p_category uuid, p_title_en text, p_title_es text default '', p_title_zh text default '',
  p_body_en text default '', p_body_es text default '', p_body_zh text default '',
  p_effective_date date default null, p_applies_to_all boolean default true, p_positions uuid[] default '{}'
)
returns public.regulations
language plpgsql
set search_path = ''
as $$
declare
  v_reg public.regulations;
begin
  insert into public.regulations (code, category_id, owner_id, applies_to_all_positions, effective_date)
  values (upper(btrim(p_code)), p_category, (select auth.uid()), p_applies_to_all, p_effective_date)
  returning * into v_reg;
  insert into public.regulation_drafts (regulation_id, title_en, title_es, title_zh, body_en, body_es, body_zh)
  values (v_reg.id, btrim(p_title_en), btrim(coalesce(p_title_es, '')), btrim(coalesce(p_title_zh, '')),
          coalesce(p_body_en, ''), coalesce(p_body_es, ''), coalesce(p_body_zh, ''));
  if not p_applies_to_all then
    insert into public.regulation_positions (regulation_id, position_id) select v_reg.id, unnest(p_positions);
  end if;
  return v_reg;
end;
$$;
comment on function public.create_regulation(text, uuid, text, text, text, text, text, text, date, boolean, uuid[]) is 'Adds a rule with its working draft (and positions) in one transaction.';

-- Saves the working copy of a rule (metadata, text in three languages, positions) in one
-- transaction. Both versions read by the editor are checked: a concurrent save is refused.
create or replace function public.save_regulation(
  p_regulation uuid, p_version integer, p_draft_version integer, p_category uuid, p_effective_date date,
  p_applies_to_all boolean, p_positions uuid[], p_title_en text, p_title_es text, p_title_zh text,
  p_body_en text, p_body_es text, p_body_zh text
)
returns public.regulations
language plpgsql
set search_path = ''
as $$
declare
  v_reg public.regulations;
begin
  update public.regulations
     set category_id = p_category, effective_date = p_effective_date, applies_to_all_positions = p_applies_to_all, version = p_version
   where id = p_regulation
  returning * into v_reg;
  if v_reg.id is null then
    raise exception using errcode = '42501', message = 'This rule does not exist, or you may not edit it.', detail = 'not_allowed';
  end if;
  update public.regulation_drafts
     set title_en = btrim(p_title_en), title_es = btrim(coalesce(p_title_es, '')), title_zh = btrim(coalesce(p_title_zh, '')),
         body_en = coalesce(p_body_en, ''), body_es = coalesce(p_body_es, ''), body_zh = coalesce(p_body_zh, ''), version = p_draft_version
   where regulation_id = p_regulation;
  if not found then
    raise exception using errcode = '42501', message = 'You may not edit this rule''s text.', detail = 'not_allowed';
  end if;
  delete from public.regulation_positions rp
   where rp.regulation_id = p_regulation and (p_applies_to_all or not (rp.position_id = any (coalesce(p_positions, '{}'))));
  if not p_applies_to_all then
    insert into public.regulation_positions (regulation_id, position_id)
    select p_regulation, x from unnest(coalesce(p_positions, '{}')) x
    on conflict (regulation_id, position_id) do nothing;
  end if;
  select * into v_reg from public.regulations r where r.id = p_regulation;
  return v_reg;
end;
$$;
comment on function public.save_regulation(uuid, integer, integer, uuid, date, boolean, uuid[], text, text, text, text, text, text) is
  'Saves a rule''s working copy (metadata, texts, positions) atomically, refusing a stale version.';
revoke all on function public.save_regulation(uuid, integer, integer, uuid, date, boolean, uuid[], text, text, text, text, text, text) from public, anon;
grant execute on function public.save_regulation(uuid, integer, integer, uuid, date, boolean, uuid[], text, text, text, text, text, text) to authenticated;

-- The published rules that apply to the signed-in person, with what they acknowledged.
create or replace function public.my_rules()
returns table (
  regulation_id uuid, code text, status public.regulation_status, current_version integer, category_id uuid,
  title_en text, title_es text, title_zh text, effective_date date, published_at timestamptz,
  acknowledged_version integer, acknowledged_at timestamptz, pending boolean
)
language sql
stable
set search_path = ''
as $$
  with me as (
    select s.id from public.staff s where s.user_id = (select auth.uid()) and s.status <> 'left' limit 1
  )
  select r.id, r.code, r.status, r.current_version, v.category_id, v.title_en, v.title_es, v.title_zh, v.effective_date, v.published_at,
         a.version_number, a.acknowledged_at,
         r.status <> 'retired' and (a.version_number is distinct from r.current_version)
    from public.regulations r
    join public.regulation_versions v on v.regulation_id = r.id and v.version_number = r.current_version
    left join lateral (
      select ak.version_number, ak.acknowledged_at from public.acknowledgements ak
       where ak.regulation_id = r.id and ak.staff_id = (select id from me)
       order by ak.version_number desc limit 1
    ) a on true
   where r.id in (select private.my_applicable_regulations())
   order by (r.status <> 'retired' and a.version_number is distinct from r.current_version) desc, r.code
$$;
comment on function public.my_rules() is 'The signed-in person''s rules: version in force, what they acknowledged, and whether it is pending.';

create or replace function public.acknowledge_regulation(p_regulation uuid, p_version integer)
returns public.acknowledgements
language plpgsql
set search_path = ''
as $$
declare
  v_staff uuid;
  v_ack public.acknowledgements;
begin
  select s.id into v_staff from public.staff s where s.user_id = (select auth.uid()) and s.status <> 'left' limit 1;
  if v_staff is null then
    raise exception using errcode = '42501', message = 'Your login is not linked to a staff record, so there is nothing to acknowledge.', detail = 'no_staff_record';
  end if;
  insert into public.acknowledgements (regulation_id, version_number, staff_id)
  values (p_regulation, p_version, v_staff)
  on conflict (regulation_id, version_number, staff_id) do nothing
  returning * into v_ack;
  if v_ack.id is null then
    select * into v_ack from public.acknowledgements a where a.regulation_id = p_regulation and a.version_number = p_version and a.staff_id = v_staff;
  end if;
  return v_ack;
end;
$$;
comment on function public.acknowledge_regulation(uuid, integer) is 'The signed-in person confirms reading the version in force of a rule.';

-- Who has and has not acknowledged the version in force, among the staff the caller may
-- see that the rule applies to, optionally inside one territory subtree.
create or replace function public.regulation_coverage(
  p_regulation uuid,
  p_territory uuid default null,
  p_search text default null,
  p_only_missing boolean default false
)
returns table (
  staff_id uuid, full_name text, email text, territory_id uuid, territory_code text, territory_path text,
  position_id uuid, acknowledged boolean, acknowledged_at timestamptz
)
language sql
stable
set search_path = ''
as $$
  with reg as (
    select r.id, r.current_version, r.applies_to_all_positions
      from public.regulations r
     where r.id = p_regulation and r.current_version is not null
  ),
  root as (
    select t.path::text as path from public.territories t where t.id = p_territory
  ),
  term as (
    select lower(btrim(coalesce(p_search, ''))) as text
  )
  select s.id, s.full_name, s.email::text, s.territory_id, t.code, s.territory_path, s.position_id,
         a.id is not null, a.acknowledged_at
    from reg
    cross join term
    join public.staff s on s.status = 'active'
    left join public.territories t on t.id = s.territory_id
    left join public.acknowledgements a on a.regulation_id = reg.id and a.version_number = reg.current_version and a.staff_id = s.id
   where (reg.applies_to_all_positions or s.position_id in (select rp.position_id from public.regulation_positions rp where rp.regulation_id = reg.id))
     and (p_territory is null or s.territory_path like (select root.path from root) || '%')
     and (not coalesce(p_only_missing, false) or a.id is null)
     and (term.text = '' or strpos(lower(s.full_name), term.text) > 0 or strpos(lower(s.email::text), term.text) > 0)
$$;
comment on function public.regulation_coverage(uuid, uuid, text, boolean) is
  'Per person the caller may see and the rule applies to: has the version in force been acknowledged? Optionally inside one territory subtree, matching a name or email, only those missing. Unordered: page it with order, limit and offset.';

-- Full-text-free search: trigram-indexed substring match over codes, titles and bodies in
-- every language (Chinese included), in the versions the caller may read (and working
-- drafts for those who read every rule). One row per rule, newest matching version first.
create or replace function public.search_regulations(p_query text, p_limit integer default 50)
returns table (
  regulation_id uuid, code text, status public.regulation_status, version_number integer, is_draft boolean,
  title_en text, title_es text, title_zh text, matched_field text, snippet text
)
language sql
stable
set search_path = ''
as $$
  with q as (
    select btrim(p_query) as term, '%' || replace(replace(replace(btrim(p_query), '\', '\\'), '%', '\%'), '_', '\_') || '%' as pattern
  ),
  hits as (
    select v.regulation_id, v.version_number, false as is_draft, v.title_en, v.title_es, v.title_zh,
           v.body_en, v.body_es, v.body_zh
      from public.regulation_versions v, q
     where length(q.term) > 0
       and ((v.title_en || ' ' || v.title_es || ' ' || v.title_zh) ilike q.pattern
            or (v.body_en || ' ' || v.body_es || ' ' || v.body_zh) ilike q.pattern)
    union all
    select d.regulation_id, null, true, d.title_en, d.title_es, d.title_zh, d.body_en, d.body_es, d.body_zh
      from public.regulation_drafts d, q
     where length(q.term) > 0
       and ((d.title_en || ' ' || d.title_es || ' ' || d.title_zh) ilike q.pattern
            or (d.body_en || ' ' || d.body_es || ' ' || d.body_zh) ilike q.pattern)
  ),
  ranked as (
    select distinct on (h.regulation_id) h.*, r.code, r.status
      from hits h join public.regulations r on r.id = h.regulation_id
     order by h.regulation_id, h.is_draft, h.version_number desc nulls last
  ),
  coded as (
    select r.id as regulation_id, null::integer as version_number, false as is_draft, v.title_en, v.title_es, v.title_zh,
           ''::text as body_en, ''::text as body_es, ''::text as body_zh, r.code, r.status
      from public.regulations r, q, public.regulation_versions v
     where length(q.term) > 0 and r.code ilike q.pattern and v.regulation_id = r.id and v.version_number = r.current_version
       and r.id not in (select ranked.regulation_id from ranked)
  )
  select x.regulation_id, x.code, x.status, x.version_number, x.is_draft, x.title_en, x.title_es, x.title_zh, m.field,
         case when m.field is null then null else
           (case when m.pos > 60 then '…' else '' end) || substr(m.text, greatest(1, m.pos - 60), 200) ||
           (case when length(m.text) > m.pos + 140 then '…' else '' end) end
    from (select * from ranked union all select * from coded) x, q
    left join lateral (
      select f.field, f.text, strpos(lower(f.text), lower(q.term)) as pos
        from (values ('title_en', x.title_en), ('title_es', x.title_es), ('title_zh', x.title_zh),
                     ('body_en', x.body_en), ('body_es', x.body_es), ('body_zh', x.body_zh)) f(field, text)
       where strpos(lower(f.text), lower(q.term)) > 0
       limit 1
    ) m on true
   order by x.code
   limit greatest(1, least(p_limit, 200))
$$;
comment on function public.search_regulations(text, integer) is 'Searches rule codes, titles and bodies in English, Spanish and Chinese; returns a snippet around the first match.';

revoke all on function public.transition_regulation(uuid, public.regulation_status, integer) from public, anon;
revoke all on function public.create_regulation(text, uuid, text, text, text, text, text, text, date, boolean, uuid[]) from public, anon;
revoke all on function public.my_rules() from public, anon;
revoke all on function public.acknowledge_regulation(uuid, integer) from public, anon;
revoke all on function public.search_regulations(text, integer) from public, anon;
grant execute on function public.transition_regulation(uuid, public.regulation_status, integer) to authenticated;
grant execute on function public.create_regulation(text, uuid, text, text, text, text, text, text, date, boolean, uuid[]) to authenticated;
grant execute on function public.my_rules() to authenticated;
grant execute on function public.acknowledge_regulation(uuid, integer) to authenticated;
grant execute on function public.search_regulations(text, integer) to authenticated;

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.permission_actions (code, is_write, label_en, label_es, label_zh, sort_order) values
  ('submit', true, 'Submit for review', 'Enviar a revisión', '提交审核', 50),
  ('publish', true, 'Publish', 'Publicar', '发布', 60),
  ('publish_own', true, 'Publish own submission', 'Publicar el propio envío', '发布本人提交的内容', 65),
  ('retire', true, 'Retire', 'Retirar', '废止', 70);

insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('regulation_categories', 'table', '{all}', 'Rule categories', 'Categorías de normas', '规章类别', 200),
  ('regulations', 'table', '{own,all}', 'Rules', 'Normas', '规章', 210),
  ('acknowledgements', 'table', '{own,territory,all}', 'Acknowledgements', 'Confirmaciones de lectura', '阅读确认', 220);

insert into public.resource_actions (resource, action) values
  ('regulation_categories', 'read'), ('regulation_categories', 'create'), ('regulation_categories', 'update'), ('regulation_categories', 'delete'),
  ('regulations', 'read'), ('regulations', 'create'), ('regulations', 'update'), ('regulations', 'delete'),
  ('regulations', 'submit'), ('regulations', 'publish'), ('regulations', 'publish_own'), ('regulations', 'retire'),
  ('acknowledgements', 'read'), ('acknowledgements', 'create');

insert into public.role_permissions (role_code, resource, action, scope) values
  ('hr_admin', 'regulation_categories', 'read', 'all'), ('hr_admin', 'regulation_categories', 'create', 'all'),
  ('hr_admin', 'regulation_categories', 'update', 'all'), ('hr_admin', 'regulation_categories', 'delete', 'all'),
  ('hr_admin', 'regulations', 'read', 'all'), ('hr_admin', 'regulations', 'create', 'all'), ('hr_admin', 'regulations', 'update', 'all'),
  ('hr_admin', 'regulations', 'delete', 'all'), ('hr_admin', 'regulations', 'submit', 'all'), ('hr_admin', 'regulations', 'publish', 'all'),
  ('hr_admin', 'regulations', 'retire', 'all'),
  ('hr_admin', 'acknowledgements', 'read', 'all'),
  ('manager', 'regulation_categories', 'read', 'all'),
  ('manager', 'regulations', 'read', 'own'),
  ('manager', 'acknowledgements', 'read', 'territory'), ('manager', 'acknowledgements', 'create', 'own'),
  ('auditor', 'regulation_categories', 'read', 'all'),
  ('auditor', 'regulations', 'read', 'all'),
  ('auditor', 'acknowledgements', 'read', 'all'),
  ('salesperson', 'regulation_categories', 'read', 'all'),
  ('salesperson', 'regulations', 'read', 'own'),
  ('salesperson', 'acknowledgements', 'read', 'own'), ('salesperson', 'acknowledgements', 'create', 'own');

-- =============================================================================
-- Coverage counted per territory
-- =============================================================================
create function public.regulation_coverage_groups(p_regulation uuid, p_territory uuid default null)
returns table (territory_id uuid, territory_code text, territory_name text, total bigint, acknowledged bigint)
language sql
stable
set search_path = ''
as $$
  with candidates as materialized (
    -- the chosen territory's children, or the topmost territories the caller can see
    select t.id, t.code, t.name, t.path
      from public.territories t
     where case when p_territory is null
                then t.parent_id is null or not exists (select 1 from public.territories p where p.id = t.parent_id)
                else t.parent_id = p_territory
           end
  ),
  -- counted per territory first (hundreds of places, not thousands of people)
  per_territory as (
    select c.territory_path::extensions.ltree as path, count(*) as total, count(*) filter (where c.acknowledged) as acknowledged
      from public.regulation_coverage(p_regulation, p_territory) c
     group by c.territory_path
  ),
  -- each place under the shallowest candidate holding it; none: placed directly, or nowhere
  placed as (
    select distinct on (pt.path) pt.total, pt.acknowledged, k.id, k.code, k.name
      from per_territory pt
      left join candidates k on k.path operator(extensions.@>) pt.path
     order by pt.path, extensions.nlevel(k.path)
  )
  select p.id, p.code, p.name, sum(p.total)::bigint, sum(p.acknowledged)::bigint
    from placed p
   group by p.id, p.code, p.name
   order by p.code nulls last
$$;
comment on function public.regulation_coverage_groups(uuid, uuid) is
  'Coverage counted per child territory of the chosen one (per topmost visible territory when none), plus a group (no territory) for people placed directly there or nowhere. Through the caller''s RLS.';

revoke all on function public.regulation_coverage(uuid, uuid, text, boolean) from public, anon;
revoke all on function public.regulation_coverage_groups(uuid, uuid) from public, anon;
grant execute on function public.regulation_coverage(uuid, uuid, text, boolean) to authenticated;
grant execute on function public.regulation_coverage_groups(uuid, uuid) to authenticated;

-- =============================================================================
-- A rule inserted through the API starts as a draft
-- =============================================================================
create or replace function private.guard_regulation_insert()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('authenticated', 'anon') then
    new.status := 'draft';
    new.current_version := null;
    new.draft_number := 1;
    new.submitted_by := null;
    new.submitted_at := null;
    new.retired_by := null;
    new.retired_at := null;
  end if;
  return new;
end;
$$;
comment on function private.guard_regulation_insert() is
  'BEFORE INSERT on regulations: a rule written through the API starts as a draft; workflow columns are the workflow''s.';
revoke all on function private.guard_regulation_insert() from public;
create trigger regulations_guard_insert before insert on public.regulations
  for each row execute function private.guard_regulation_insert();
