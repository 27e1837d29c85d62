-- Suggestions (001): a standard channel for staff suggestions that management answers and, when
-- adopted, turns into practice. Anyone on the staff submits one (title, text, area) and follows
-- its status (received, under review, adopted, declined) and the answer; HR and managers answer
-- within their scope; an adopted suggestion can open a draft rule that links back to it. A
-- suggestion may be submitted so that only HR sees its author: the author is then kept apart
-- (readable by HR and the author alone), the suggestion has no territory (so only those who read
-- every suggestion see it), and the audit trail records its submission without naming anyone.

-- =============================================================================
-- Types and tables
-- =============================================================================
create type public.suggestion_status as enum ('received', 'under_review', 'adopted', 'declined');
create type public.suggestion_area as enum ('sales', 'customers', 'products', 'training', 'rules', 'workplace', 'company', 'other');

create table public.suggestions (
  id uuid primary key default gen_random_uuid(),
  title text not null check (length(btrim(title)) between 3 and 200),
  body text not null check (length(btrim(body)) between 10 and 10000),
  area public.suggestion_area not null default 'other',
  -- Whether only HR may see who wrote it.
  author_hidden boolean not null default false,
  -- The author, or null when hidden (the author is then only in suggestion_authors).
  staff_id uuid references public.staff (id) on delete restrict,
  -- The scope: the author's territory when they submitted it; none when the author is hidden.
  territory_id uuid references public.territories (id) on delete restrict,
  status public.suggestion_status not null default 'received',
  answer text not null default '' check (length(answer) <= 10000),
  answered_by uuid references public.profiles (id) on delete set null,
  answered_at timestamptz,
  -- The draft rule an adopted suggestion opened.
  regulation_id uuid references public.regulations (id) on delete set null,
  submitted_at timestamptz not null default now(),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint suggestions_author_kept check (not author_hidden or (staff_id is null and territory_id is null)),
  constraint suggestions_decided_answered check (status not in ('adopted', 'declined') or length(btrim(answer)) >= 3),
  constraint suggestions_rule_adopted check (regulation_id is null or status = 'adopted')
);
comment on table public.suggestions is
  'Staff suggestions (001): title, text, area, status (received, under review, adopted, declined) and the answer, who answered and when, and the draft rule an adopted one opened. The author, their territory, the answerer and every time are set by the database; a hidden author is kept only in suggestion_authors.';
create index suggestions_list_idx on public.suggestions (submitted_at desc);
create index suggestions_territory_idx on public.suggestions (territory_id, status, submitted_at desc);
create index suggestions_staff_idx on public.suggestions (staff_id, submitted_at desc);
create index suggestions_answered_by_idx on public.suggestions (answered_by);
create index suggestions_regulation_idx on public.suggestions (regulation_id);
create index suggestions_status_idx on public.suggestions (status, submitted_at desc);

-- Who wrote each suggestion, hidden or not: read by the author and by those with the
-- suggestion_authors permission (HR).
create table public.suggestion_authors (
  suggestion_id uuid primary key references public.suggestions (id) on delete cascade,
  staff_id uuid not null references public.staff (id) on delete restrict,
  created_at timestamptz not null default now()
);
comment on table public.suggestion_authors is
  'The author of every suggestion, written by the database when it is submitted: the only place a hidden author is kept, read by the author and by HR.';
create index suggestion_authors_staff_idx on public.suggestion_authors (staff_id, suggestion_id);

-- =============================================================================
-- The audit trail can withhold who acted
-- =============================================================================
-- A submission whose author is hidden is recorded with the actor withheld: a manager who may
-- read the suggestion's history learns nothing of its author from it.
alter table public.audit_log drop constraint audit_log_actor_kind_check;
alter table public.audit_log add constraint audit_log_actor_kind_check
  check (actor_kind = any (array['user', 'service_role', 'migration', 'anon', 'withheld']));

CREATE OR REPLACE FUNCTION private.audit_actor(OUT actor_id uuid, OUT actor_name text, OUT actor_kind text, OUT actor_roles text[], OUT actor_email text)
 RETURNS record
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_role text := (select auth.role());
begin
  -- Set (for its transaction) only by functions that write on behalf of someone who asked not
  -- to be named; a client cannot set it.
  if coalesce(current_setting('app.audit_withhold_actor', true), '') = 'on' then
    actor_kind := 'withheld';
    actor_roles := '{}';
    return;
  end if;
  actor_id := (select auth.uid());
  if actor_id is not null then
    actor_kind := 'user';
    select p.full_name, p.email into actor_name, actor_email from public.profiles p where p.id = actor_id;
    actor_email := coalesce(actor_email, nullif((select auth.jwt()) ->> 'email', ''));
    select coalesce(array_agg(ur.role_code order by ur.role_code), '{}') into actor_roles
      from public.user_roles ur where ur.user_id = actor_id;
  elsif v_role = 'service_role' then
    actor_kind := 'service_role';
    actor_roles := '{}';
  elsif v_role = 'anon' then
    actor_kind := 'anon';
    actor_roles := '{}';
  else
    actor_kind := 'migration';
    actor_roles := '{}';
  end if;
end;
$function$;

-- =============================================================================
-- Triggers
-- =============================================================================
-- Answering: the status moves on (never back to received), a decision needs an answer, and who
-- answered and when are set by the database; the text, area, author and scope never change.
create or replace function private.suggestion_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if coalesce(current_setting('app.suggestion_submit', true), '') <> 'on' then
      raise exception using errcode = '42501', detail = 'submit_through_function',
        message = 'Suggestions are submitted with submit_suggestion.';
    end if;
    new.status := 'received';
    new.answer := '';
    new.answered_by := null;
    new.answered_at := null;
    new.regulation_id := null;
    new.submitted_at := now();
    return new;
  end if;
  new.title := old.title;
  new.body := old.body;
  new.area := old.area;
  new.author_hidden := old.author_hidden;
  new.staff_id := old.staff_id;
  new.territory_id := old.territory_id;
  new.submitted_at := old.submitted_at;
  if coalesce(current_setting('app.suggestion_rule', true), '') <> 'on' then
    new.regulation_id := old.regulation_id;
  end if;
  if new.status = 'received' and old.status <> 'received' then
    raise exception using errcode = '23514', detail = 'suggestion_status_back',
      message = 'A suggestion under review or decided does not go back to received.';
  end if;
  if old.regulation_id is not null and new.status <> 'adopted' then
    raise exception using errcode = '23514', detail = 'suggestion_opened_rule',
      message = 'This suggestion opened a rule change: it stays adopted.';
  end if;
  new.answer := btrim(new.answer);
  if (new.status, new.answer) is distinct from (old.status, old.answer) then
    new.answered_by := (select auth.uid());
    new.answered_at := now();
  else
    new.answered_by := old.answered_by;
    new.answered_at := old.answered_at;
  end if;
  return new;
end;
$$;
comment on function private.suggestion_before_write() is
  'Trigger: a suggestion is written only by submit_suggestion; afterwards only its status and answer change (never back to received), with who answered and when set by the database.';

create trigger suggestions_touch before insert or update on public.suggestions for each row execute function private.touch_row();
create trigger suggestions_before_write before insert or update on public.suggestions
  for each row execute function private.suggestion_before_write();
select private.enable_audit('public.suggestions');
-- Who wrote a suggestion is not audited: an entry would name the hidden author to whoever reads
-- every history. It is written once, with the suggestion, and never changes.

-- =============================================================================
-- Row-level security
-- =============================================================================
alter table public.suggestions enable row level security;
alter table public.suggestion_authors enable row level security;

-- The suggestions the signed-in person wrote, hidden or not.
create or replace function private.my_suggestion_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select a.suggestion_id from public.suggestion_authors a where a.staff_id = private.my_staff_id()
$$;
comment on function private.my_suggestion_ids() is 'Policy helper: the suggestions the signed-in person wrote, hidden or not.';

create policy "people with suggestions read permission in scope or their authors can read suggestions" on public.suggestions
  for select to authenticated
  using (
    (select private.allows_all('suggestions', 'read'))
    or territory_id in (select unnest(private.territory_scope('suggestions', 'read', false)))
    or ((select private.allowed_owner('suggestions', 'read')) is not null and id in (select private.my_suggestion_ids()))
  );
create policy "people with suggestions update permission in scope can answer suggestions" on public.suggestions
  for update to authenticated
  using ((select private.allows_all('suggestions', 'update'))
         or territory_id = any ((select private.territory_scope('suggestions', 'update', false))::uuid[]))
  with check ((select private.allows_all('suggestions', 'update'))
              or territory_id = any ((select private.territory_scope('suggestions', 'update', false))::uuid[]));

create policy "people with suggestion_authors read permission or the author can read who wrote a suggestion" on public.suggestion_authors
  for select to authenticated
  using ((select private.allows_all('suggestion_authors', 'read')) or staff_id = (select private.my_staff_id()));

-- =============================================================================
-- Submitting, and opening a rule change
-- =============================================================================
create or replace function private.submit_suggestion(p_title text, p_body text, p_area public.suggestion_area,
                                                     p_hide_author boolean)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_staff public.staff;
  v_id uuid;
begin
  select * into v_staff from public.staff s where s.id = private.my_staff_id();
  if v_staff.id is null or v_staff.status = 'left' then
    raise exception using errcode = '42501', detail = 'not_on_staff', message = 'Only people on the staff submit suggestions.';
  end if;
  if not (private.allows_all('suggestions', 'create') or private.allowed_owner('suggestions', 'create') is not null
          or v_staff.territory_id = any (private.territory_scope('suggestions', 'create', false))) then
    raise exception using errcode = '42501', detail = 'not_allowed', message = 'You may not submit suggestions.';
  end if;
  perform set_config('app.suggestion_submit', 'on', true);
  if coalesce(p_hide_author, false) then
    perform set_config('app.audit_withhold_actor', 'on', true);
  end if;
  insert into public.suggestions (title, body, area, author_hidden, staff_id, territory_id)
  values (btrim(coalesce(p_title, '')), btrim(coalesce(p_body, '')), coalesce(p_area, 'other'), coalesce(p_hide_author, false),
          case when coalesce(p_hide_author, false) then null else v_staff.id end,
          case when coalesce(p_hide_author, false) then null else v_staff.territory_id end)
  returning id into v_id;
  insert into public.suggestion_authors (suggestion_id, staff_id) values (v_id, v_staff.id);
  perform set_config('app.audit_withhold_actor', '', true);
  perform set_config('app.suggestion_submit', '', true);
  return v_id;
end;
$$;
comment on function private.submit_suggestion(text, text, public.suggestion_area, boolean) is
  'Submits a suggestion of the signed-in person (on the staff, with suggestions create permission): with their territory, or with the author hidden (no territory, the audit entry names nobody). Returns its id.';

create or replace function public.submit_suggestion(p_title text, p_body text, p_area public.suggestion_area default 'other',
                                                    p_hide_author boolean default false)
returns uuid
language sql
set search_path = ''
as $$
  select private.submit_suggestion(p_title, p_body, p_area, p_hide_author)
$$;
comment on function public.submit_suggestion(text, text, public.suggestion_area, boolean) is
  'Submits a suggestion of the signed-in person, optionally so that only HR sees the author. Returns its id.';

-- An adopted suggestion opens a draft rule (whoever may create rules and answer the suggestion):
-- its title and text become the rule's working draft, and the suggestion links to it.
create or replace function private.suggestion_to_rule(p_suggestion uuid, p_code text, p_category uuid)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_suggestion public.suggestions;
  v_rule public.regulations;
begin
  select * into v_suggestion from public.suggestions s where s.id = p_suggestion for update;
  if v_suggestion.id is null
     or not (private.allows_all('suggestions', 'update')
             or v_suggestion.territory_id = any (private.territory_scope('suggestions', 'update', false))) then
    raise exception using errcode = 'PT404', detail = 'suggestion_not_found', message = 'No suggestion with this id that you may answer.';
  end if;
  if not private.allows_all('regulations', 'create') then
    raise exception using errcode = '42501', detail = 'not_allowed', message = 'You may not create rules.';
  end if;
  if v_suggestion.status <> 'adopted' then
    raise exception using errcode = '23514', detail = 'suggestion_not_adopted', message = 'Only an adopted suggestion opens a rule change.';
  end if;
  if v_suggestion.regulation_id is not null then
    raise exception using errcode = '23514', detail = 'suggestion_opened_rule', message = 'This suggestion already opened a rule change.';
  end if;
  select * into v_rule from public.create_regulation(p_code, p_category, left(v_suggestion.title, 200), '', '',
    v_suggestion.body || E'\n\n' || format('(From suggestion of %s.)', to_char(v_suggestion.submitted_at, 'YYYY-MM-DD')));
  perform set_config('app.suggestion_rule', 'on', true);
  update public.suggestions set regulation_id = v_rule.id where id = p_suggestion;
  perform set_config('app.suggestion_rule', '', true);
  return v_rule.id;
end;
$$;
comment on function private.suggestion_to_rule(uuid, text, uuid) is
  'Opens a draft rule from an adopted suggestion the caller may answer (who must also create rules): the suggestion''s title and text become its working draft and the suggestion links to it. Returns the rule''s id.';

create or replace function public.suggestion_to_rule(p_suggestion uuid, p_code text, p_category uuid)
returns uuid
language sql
set search_path = ''
as $$
  select private.suggestion_to_rule(p_suggestion, p_code, p_category)
$$;
comment on function public.suggestion_to_rule(uuid, text, uuid) is
  'Opens a draft rule from an adopted suggestion, linked back to it. Returns the rule''s id.';

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.suggestion_before_write() from public;
revoke all on function private.my_suggestion_ids() from public;
grant execute on function private.my_suggestion_ids() to authenticated, service_role;
revoke all on function private.submit_suggestion(text, text, public.suggestion_area, boolean) from public;
grant execute on function private.submit_suggestion(text, text, public.suggestion_area, boolean) to authenticated, service_role;
revoke all on function public.submit_suggestion(text, text, public.suggestion_area, boolean) from public, anon;
grant execute on function public.submit_suggestion(text, text, public.suggestion_area, boolean) to authenticated, service_role;
revoke all on function private.suggestion_to_rule(uuid, text, uuid) from public;
grant execute on function private.suggestion_to_rule(uuid, text, uuid) to authenticated, service_role;
revoke all on function public.suggestion_to_rule(uuid, text, uuid) from public, anon;
grant execute on function public.suggestion_to_rule(uuid, text, uuid) to authenticated, service_role;

revoke all on public.suggestions from anon, authenticated, service_role;
grant select on public.suggestions to authenticated, service_role;
grant update (status, answer, version) on public.suggestions to authenticated, service_role;

revoke all on public.suggestion_authors from anon, authenticated, service_role;
grant select on public.suggestion_authors to authenticated, service_role;

select private.refresh_audit_read_policy();

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('suggestions', 'table', '{all,territory,own}', 'Suggestions', 'Sugerencias', '合理化建议', 470),
  ('suggestion_authors', 'table', '{all}', 'Authors of suggestions', 'Autores de sugerencias', '建议提出人', 471);
insert into public.resource_actions (resource, action)
select 'suggestions', a from unnest(array['read', 'create', 'update']) a
union all
select 'suggestion_authors', 'read';

-- Everyone submits and follows their own; managers read and answer their subtree's; HR reads and
-- answers every one and alone sees hidden authors; the auditor reads every suggestion.
insert into public.role_permissions (role_code, resource, action, scope)
select 'hr_admin', 'suggestions', a, 'all'::public.permission_scope from unnest(array['read', 'create', 'update']) a
union all
select 'manager', 'suggestions', a, 'territory' from unnest(array['read', 'update']) a
union all
select 'manager', 'suggestions', 'create', 'own'
union all
select 'salesperson', 'suggestions', a, 'own' from unnest(array['read', 'create']) a
union all
select 'auditor', 'suggestions', 'read', 'all'
union all
select 'hr_admin', 'suggestion_authors', 'read', 'all';
