-- Holes a security review found, closed in the database:
-- - user errors are 4xx: "not found" is PT404 (PostgREST answers P0002 with HTTP 500);
-- - "View as" never shows more than the viewer may see, and refuses to start when nothing
--   would keep the preview read-only (the pre-request check is not installed);
-- - the explainer names a record (label, code, territory) only to a caller who may read it;
-- - who/when and derived columns are set by the database whatever the client sends;
-- - the audit log records the actor's e-mail; its chain is verified set-wise (no aggregate
--   without a search_path) and anchored outside the database by signed checkpoints;
-- - no UPDATE or DELETE without WHERE in any function (hosted projects load pg-safeupdate).

-- =============================================================================
-- Private functions: not found is PT404 (HTTP 404), never P0002 (HTTP 500)
-- =============================================================================
create or replace function private.set_login_active(p_user uuid, p_active boolean)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not private.authorize('logins', 'update') then
    raise exception using errcode = '42501', message = 'You are not allowed to change logins.', detail = 'not_allowed';
  end if;
  if p_user = (select auth.uid()) then
    raise exception using errcode = '42501', message = 'You cannot deactivate or reactivate your own login.', detail = 'no_self_grant';
  end if;
  update public.profiles set is_active = p_active, version = version where id = p_user;
  if not found then
    raise exception using errcode = 'PT404', message = 'No login with this id.', detail = 'not_found';
  end if;
  return p_active;
end;
$$;

create or replace function public.revert_permission_matrix(p_version bigint, p_reason text)
returns public.matrix_versions
language plpgsql
set search_path = ''
as $$
begin
  if not exists (select 1 from public.matrix_versions v where v.id = p_version) then
    raise exception using errcode = 'PT404', message = 'No such matrix version.', detail = 'not_found';
  end if;
  return public.save_permission_matrix(public.matrix_revert_changes(p_version), p_reason);
end;
$$;

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

-- =============================================================================
-- Private functions: the explainer names only rows the caller may read
-- =============================================================================
-- May p_user read this row of the resource? The same facts the explainer and the impact
-- preview use (the matrix grant for "read", the row's territory and owner).
create or replace function private.may_read_row(p_resource text, p_row jsonb, p_user uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_grant private.access_grant;
  v_facts record;
begin
  if p_row is null or p_user is null then
    return false;
  end if;
  v_grant := private.access(p_resource, 'read', p_user);
  if v_grant.all_rows then
    return true;
  end if;
  select * into v_facts from private.record_facts(p_resource, 'read', p_row, p_user);
  return coalesce((v_facts.territory_applies and v_facts.territory_id = any (v_grant.territory_ids))
                  or (v_facts.own_applies and v_grant.owner_id is not null and v_facts.is_own), false);
end;
$$;
comment on function private.may_read_row(text, jsonb, uuid) is
  'Whether p_user''s read grant reaches this row (all rows, its territory, or their own), as the table''s policy decides.';

create or replace function private.explain_access(p_user uuid, p_resource text, p_action text, p_record text default null)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_caller uuid := (select auth.uid());
  v_grant private.access_grant;
  v_person record;
  v_roles jsonb;
  v_rows jsonb;
  v_row jsonb;
  v_facts record;
  v_invariant text;
  v_decision text;
  v_allowed boolean;
  v_record jsonb;
  v_roots jsonb := '[]';
  v_territory jsonb;
begin
  if v_caller is null then
    raise exception using errcode = '42501', message = 'Sign in first.', detail = 'not_allowed';
  end if;
  if p_user is distinct from v_caller and not (private.access('permissions', 'read')).all_rows then
    raise exception using errcode = '42501', message = 'You may only ask why for yourself.', detail = 'not_allowed';
  end if;
  if not exists (select 1 from public.resource_actions ra where ra.resource = p_resource and ra.action = p_action) then
    raise exception using errcode = '22023', message = format('"%s" is not an action of "%s".', p_action, p_resource), detail = 'invalid_input';
  end if;
  select p.id, p.full_name, p.email, p.is_active into v_person from public.profiles p where p.id = p_user;
  if v_person.id is null then
    raise exception using errcode = 'PT404', message = 'No such person.', detail = 'not_found';
  end if;

  -- The very decision the policies use (p_user given, so a preview does not colour it).
  v_grant := private.access(p_resource, p_action, p_user);

  select coalesce(jsonb_agg(jsonb_build_object('code', r.code, 'label_en', r.label_en, 'label_es', r.label_es, 'label_zh', r.label_zh) order by r.code), '[]')
    into v_roles
    from public.user_roles ur join public.app_roles r on r.code = ur.role_code where ur.user_id = p_user;
  select coalesce(jsonb_agg(jsonb_build_object('role_code', rp.role_code, 'scope', rp.scope) order by rp.role_code), '[]')
    into v_rows
    from public.user_roles ur join public.role_permissions rp on rp.role_code = ur.role_code
   where ur.user_id = p_user and rp.resource = p_resource and rp.action = p_action;

  if not v_person.is_active then
    v_invariant := 'inactive';
  elsif private.action_is_write(p_action) and exists (select 1 from public.user_roles ur where ur.user_id = p_user and ur.role_code = 'auditor') then
    v_invariant := 'auditor_never_writes';
  end if;

  -- Territory roots the person is responsible for (for the wording "inside territory North").
  if 'territory' = any (v_grant.scopes) then
    select coalesce(jsonb_agg(jsonb_build_object('id', t.id, 'code', t.code, 'name', t.name) order by t.code), '[]')
      into v_roots
      from public.staff me join public.territories t on t.manager_id = me.id
     where me.user_id = p_user and private.may_read_row('territories', to_jsonb(t), v_caller);
  end if;

  if v_invariant is not null then
    v_decision := v_invariant;
    v_allowed := false;
  elsif cardinality(v_grant.scopes) = 0 then
    v_decision := 'no_grant';
    v_allowed := false;
  elsif v_grant.all_rows then
    v_decision := 'all';
    v_allowed := true;
  elsif p_record is null then
    v_decision := 'some_rows';
    v_allowed := true;
  end if;

  if p_record is not null then
    v_row := private.resource_row(p_resource, p_record);
    if v_row is null then
      v_record := jsonb_build_object('id', p_record, 'exists', false);
      if v_decision is null then
        v_decision := 'no_record';
        v_allowed := false;
      end if;
    else
      select * into v_facts from private.record_facts(p_resource, p_action, v_row, p_user);
      -- Name the row (label, code, territory) only to a caller who may read it; otherwise the
      -- decision is explained without saying what the row is or where it lies.
      if private.may_read_row(p_resource, v_row, v_caller) then
        select jsonb_build_object('id', t.id, 'code', t.code, 'name', t.name) into v_territory
          from public.territories t
         where t.id = v_facts.territory_id and private.may_read_row('territories', to_jsonb(t), v_caller);
        v_record := jsonb_build_object(
          'id', p_record, 'exists', true,
          'label', coalesce(v_row ->> 'full_name', v_row ->> 'code', v_row ->> 'name', v_row ->> 'email', p_record),
          'territory', v_territory,
          'is_own', coalesce(v_facts.is_own, false));
      else
        v_record := jsonb_build_object('id', p_record, 'exists', true, 'hidden', true, 'is_own', coalesce(v_facts.is_own, false));
      end if;
      if v_decision is null then
        if v_facts.territory_applies and v_facts.territory_id = any (v_grant.territory_ids) then
          v_decision := 'in_territory';
          v_allowed := true;
        elsif v_facts.own_applies and v_grant.owner_id is not null and v_facts.is_own then
          v_decision := 'own';
          v_allowed := true;
        elsif 'territory' = any (v_grant.scopes) and v_facts.territory_applies then
          v_decision := 'outside_territory';
          v_allowed := false;
        elsif 'own' = any (v_grant.scopes) and v_facts.own_applies then
          v_decision := 'not_own';
          v_allowed := false;
        else
          v_decision := 'scope_not_applicable';
          v_allowed := false;
        end if;
      end if;
    end if;
  end if;

  return jsonb_build_object(
    'allowed', v_allowed,
    'decision', v_decision,
    'invariant', v_invariant,
    'person', jsonb_build_object('id', v_person.id, 'name', v_person.full_name, 'email', v_person.email, 'active', v_person.is_active, 'roles', v_roles),
    'resource', p_resource,
    'action', p_action,
    'scope', (select max(s) from unnest(v_grant.scopes) s),
    'matrix_rows', v_rows,
    'territories', v_roots,
    'record', v_record);
end;
$$;


-- =============================================================================
-- Private functions: previews never show more than the viewer may see
-- =============================================================================
-- Whether PostgREST's pre-request check (which makes preview requests read-only) is set
-- for the authenticator role. Without it a preview token could write: previews refuse.
create or replace function private.preview_guard_in_force()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from pg_catalog.pg_db_role_setting s
     where s.setrole = (select r.oid from pg_catalog.pg_roles r where r.rolname = 'authenticator')
       and s.setdatabase = 0
       and 'pgrst.db_pre_request=private.check_request' = any (s.setconfig))
$$;
comment on function private.preview_guard_in_force() is
  'True when authenticator''s pgrst.db_pre_request names private.check_request (previews are then read-only).';

-- The first thing p_subject may read that p_viewer may not (null when none): for every read
-- action of the matrix, the subject's grant must lie inside the viewer's: all rows only under
-- all rows, territories only inside the viewer's territories, and every row that is the
-- subject's own must be one the viewer's grant reaches.
create or replace function private.preview_overreach(p_viewer uuid, p_subject uuid)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_cell record;
  v_subject private.access_grant;
  v_viewer private.access_grant;
  v_table text;
  v_hidden boolean;
begin
  for v_cell in
    select ra.resource, ra.action, r.label_en as resource_label
      from public.resource_actions ra
      join public.permission_actions a on a.code = ra.action and not a.is_write and a.code <> 'preview'
      join public.resources r on r.code = ra.resource
     order by r.sort_order, ra.resource, a.sort_order
  loop
    v_subject := private.access(v_cell.resource, v_cell.action, p_subject);
    continue when cardinality(v_subject.scopes) = 0;
    v_viewer := private.access(v_cell.resource, v_cell.action, p_viewer);
    continue when v_viewer.all_rows;
    if v_subject.all_rows then
      return format('%s: every record (you may not read them all)', v_cell.resource_label);
    end if;
    if 'territory' = any (v_subject.scopes) and not (v_subject.territory_ids operator(pg_catalog.<@) v_viewer.territory_ids) then
      return format('%s: records of territories you are not responsible for', v_cell.resource_label);
    end if;
    if v_subject.owner_id is not null then
      v_table := private.resource_table(v_cell.resource);
      if v_table is not null then
        execute format(
          'select exists (
             select 1 from public.%I t
              cross join lateral private.record_facts($1, $2, to_jsonb(t), $3) s
              cross join lateral private.record_facts($1, $2, to_jsonb(t), $4) v
              where s.own_applies and s.is_own
                and not coalesce((v.territory_applies and v.territory_id = any ($5)) or (v.own_applies and $6 is not null and v.is_own), false))',
          v_table)
          into v_hidden
          using v_cell.resource, v_cell.action, p_subject, p_viewer, v_viewer.territory_ids, v_viewer.owner_id;
        if v_hidden then
          return format('%s: their own records, which you may not read', v_cell.resource_label);
        end if;
      end if;
    end if;
  end loop;
  return null;
end;
$$;
comment on function private.preview_overreach(uuid, uuid) is
  'What p_subject may read that p_viewer may not (a sentence), or null: a preview is refused unless the subject''s reads lie inside the viewer''s.';

create or replace function private.start_preview(p_subject uuid)
returns public.preview_sessions
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_viewer uuid := (select auth.uid());
  v_row public.preview_sessions;
  v_overreach text;
begin
  if v_viewer is null or private.preview_session_id() is not null then
    raise exception using errcode = '42501', message = 'Start a preview from your own session.', detail = 'not_allowed';
  end if;
  if not (private.access('profiles', 'preview')).all_rows then
    raise exception using errcode = '42501', message = 'Your roles do not allow previewing the panel as another person.', detail = 'not_allowed';
  end if;
  if not private.preview_guard_in_force() then
    raise exception using errcode = 'PT503', detail = 'not_configured',
      message = 'Previews are not configured on this project: the read-only request check (pgrst.db_pre_request) is not installed.';
  end if;
  if p_subject = v_viewer then
    raise exception using errcode = '23514', message = 'Pick someone other than yourself.', detail = 'invalid_input';
  end if;
  if not exists (select 1 from public.profiles p where p.id = p_subject and p.is_active) then
    raise exception using errcode = 'PT404', message = 'No active login with this id.', detail = 'not_found';
  end if;
  v_overreach := private.preview_overreach(v_viewer, p_subject);
  if v_overreach is not null then
    raise exception using errcode = '42501', detail = 'preview_exceeds_viewer',
      message = format('This person can read more than you can (%s), so a preview would show you what you may not see.', v_overreach);
  end if;
  -- One live preview per viewer: starting a new one ends the previous one.
  update public.preview_sessions set ended_at = now() where viewer_id = v_viewer and ended_at is null and expires_at > now();
  insert into public.preview_sessions (viewer_id, subject_id) values (v_viewer, p_subject) returning * into v_row;
  return v_row;
end;
$$;
comment on function private.start_preview(uuid) is
  'Opens a 15-minute read-only preview as p_subject, for people holding profiles:preview whose own reads cover the subject''s, when the read-only check is installed.';

-- =============================================================================
-- Private functions: who/when and derived columns are the database's
-- =============================================================================
-- created_at is the insert's time, whatever the client sends (updates keep it already).
create or replace function private.touch_row()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    if new.version is distinct from old.version then
      raise exception using
        errcode = 'PT409',
        message = format('This %s was changed by someone else since you opened it (your version %s, current %s). Reload it and apply your changes again.',
                         replace(tg_table_name, '_', ' '), new.version, old.version),
        detail = 'stale_version';
    end if;
    new.version := old.version + 1;
    new.created_at := old.created_at;
  else
    new.version := 1;
    new.created_at := now();
  end if;
  new.updated_at := now();
  return new;
end;
$$;

-- A rule inserted through the API starts as a draft with no workflow history: status,
-- versions and the submitted/retired who and when come only from the workflow.
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

-- Assignment rows are written by the staff trigger; direct edits may only end one or
-- correct its reason. Who assigned and when stay; who ended it is the person ending it.
create or replace function private.guard_assignment()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and (new.territory_id <> old.territory_id or new.staff_id <> old.staff_id or new.valid_from <> old.valid_from) then
    raise exception using errcode = '42501', message = 'An assignment''s territory, person and start cannot change; end it and assign again.', detail = 'code_is_fixed';
  end if;
  if tg_op = 'INSERT' then
    new.assigned_by := coalesce(new.assigned_by, (select auth.uid()));
    new.created_at := now();
  elsif current_user in ('authenticated', 'anon') then
    new.assigned_by := old.assigned_by;
    new.created_at := old.created_at;
    new.ended_by := case
      when old.valid_to is null and new.valid_to is not null then (select auth.uid())
      when new.valid_to is null then null
      else old.ended_by end;
  end if;
  return new;
end;
$$;

-- Staff bookkeeping: status date, territory path copy (always derived), and only people
-- allowed to update every staff record link a login, when creating a person as when editing.
create or replace function private.staff_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.status is distinct from old.status and new.status_changed_on is not distinct from old.status_changed_on then
    new.status_changed_on := current_date;
  end if;
  if new.status = 'left' and new.territory_id is not null and private.is_sales_position(new.position_id) then
    new.territory_id := null;  -- a salesperson who leaves frees their territory
  end if;
  if new.territory_id is null then
    new.territory_path := null;
  elsif tg_op = 'INSERT' or new.territory_id is distinct from old.territory_id
        or new.territory_path is distinct from old.territory_path or new.territory_path is null then
    select t.path::text into new.territory_path from public.territories t where t.id = new.territory_id;
  end if;
  if (select auth.uid()) is not null
     and ((tg_op = 'INSERT' and new.user_id is not null) or (tg_op = 'UPDATE' and new.user_id is distinct from old.user_id))
     and not private.allows_all('staff', 'update') then
    raise exception using errcode = '42501', message = 'Only people with staff update permission for all records can link a login.', detail = 'not_allowed';
  end if;
  return new;
end;
$$;

-- =============================================================================
-- Private functions: statements pg-safeupdate accepts (every UPDATE and DELETE has a WHERE)
-- =============================================================================
create or replace function private.rebuild_responsibilities()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  update private.responsibility_generation set generation = generation + 1 where true;
  delete from private.responsibilities where true;
  insert into private.responsibilities (user_id, territory_ids)
  select me.user_id, array_agg(distinct t.id)
    from public.staff me
    join public.territories root on root.manager_id = me.id
    join public.territories t on t.path operator(extensions.<@) root.path
   where me.user_id is not null
   group by me.user_id;
end;
$$;

-- =============================================================================
-- Audit log: the actor's e-mail
-- =============================================================================
-- The name alone can be copied by a renamed person; the e-mail (unique per login) cannot.
alter table public.audit_log add column actor_email text;
comment on column public.audit_log.actor_email is 'The acting login''s e-mail at the time of the change (with the name, it tells two people of one name apart).';

-- The content hashed into the chain gains the e-mail. concat_ws skips nulls, so rows written
-- before this column existed (null e-mail) hash exactly as they did.
create or replace function private.audit_content_sql(p_alias text)
returns text
language sql
immutable
set search_path = ''
as $$
  select format(
    $f$pg_catalog.sha256(pg_catalog.convert_to(concat_ws(E'\x1f', %1$s.id::text, (extract(epoch from %1$s.occurred_at) * 1000000)::bigint::text,
        %1$s.table_name, %1$s.record_id, %1$s.operation, coalesce(%1$s.old_row::text, ''), coalesce(%1$s.new_row::text, ''),
        array_to_string(%1$s.changed_fields, ','), coalesce(%1$s.actor_id::text, ''), coalesce(%1$s.actor_name, ''),
        %1$s.actor_kind, array_to_string(%1$s.actor_roles, ','), %1$s.actor_email), 'UTF8'))$f$,
    p_alias)
$$;

drop function private.audit_actor();
create function private.audit_actor(out actor_id uuid, out actor_name text, out actor_kind text, out actor_roles text[], out actor_email text)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_role text := (select auth.role());
begin
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
$$;
comment on function private.audit_actor() is 'Who is acting: a person (id, name, e-mail, roles from the JWT''s subject), the service role, or a direct database session.';
revoke all on function private.audit_actor() from public;

create or replace function private.record_audit()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_keys text[];
  v_key_expr text;
  v_actor record;
  v_head bytea;
  v_sql text;
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
           where c.operation <> 'UPDATE' or cardinality(c.changed_fields) > 0
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
    end,
    private.audit_content_sql('n'), tg_table_name);
  execute v_sql using v_actor.actor_id, v_actor.actor_name, v_actor.actor_kind, v_actor.actor_roles, v_head, v_actor.actor_email;
  return null;
end;
$$;


-- =============================================================================
-- Audit log: the chain verified set-wise
-- =============================================================================
-- Each row is checked on its own: its hash is sha256(prev_hash || its content's hash), and its
-- prev_hash is the hash of the row before it (the genesis value for the first). Together the
-- two say the whole chain holds, without a running aggregate (which cannot pin a search_path).
create or replace function private.verify_audit_chain()
returns table (ok boolean, rows_checked bigint, first_broken_id bigint, reason text)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_broken record;
  v_count bigint;
begin
  select count(*) into v_count from public.audit_log;
  execute format($f$
    select s.id,
           case
             when s.prev_hash is distinct from s.expected_prev then 'the link to the previous row is broken (a row was removed or inserted before it)'
             else 'the row''s content no longer matches its hash (it was edited)'
           end as why
      from (
        select l.id, l.prev_hash, l.hash,
               pg_catalog.sha256(l.prev_hash || %s) as expected,
               coalesce(lag(l.hash) over (order by l.id), private.audit_genesis()) as expected_prev
          from public.audit_log l
      ) s
     where s.hash is distinct from s.expected or s.prev_hash is distinct from s.expected_prev
     order by s.id
     limit 1$f$, private.audit_content_sql('l'))
    into v_broken;
  if v_broken.id is null then
    return query select true, v_count, null::bigint, null::text;
  else
    return query select false, v_count, v_broken.id, v_broken.why;
  end if;
end;
$$;

drop aggregate private.audit_chain(bytea, bytea);
drop function private.audit_chain_step(bytea, bytea, bytea);

-- =============================================================================
-- Audit log: checkpoints signed outside the database
-- =============================================================================
-- The hash chain shows an edit made past the trigger, unless whoever made it also recomputed
-- every hash after it, or removed the newest rows. A checkpoint pins (last id, last hash, row
-- count) with an HMAC whose key only the audit-integrity Edge Function holds, so neither can
-- pass unnoticed: the database can store a signature but cannot make one.
create table public.audit_checkpoints (
  id bigint generated always as identity primary key,
  created_at timestamptz not null default now(),
  kind text not null check (kind in ('periodic', 'on_demand')),
  created_by uuid references public.profiles (id) on delete set null,
  last_id bigint not null,
  last_hash bytea not null check (length(last_hash) = 32),
  row_count bigint not null check (row_count > 0),
  signature text not null check (signature ~ '^[0-9a-f]{64}$')
);
comment on table public.audit_checkpoints is
  'Signed anchors of the audit chain: the log''s last id, last hash and row count at a moment, with an HMAC-SHA256 made by the audit-integrity Edge Function (its key is never in the database). "Verify integrity" checks every one.';
create index audit_checkpoints_created_by_idx on public.audit_checkpoints (created_by);
create index audit_checkpoints_last_id_idx on public.audit_checkpoints (last_id);

alter table public.audit_checkpoints enable row level security;
revoke all on public.audit_checkpoints from anon, authenticated, service_role;
grant select on public.audit_checkpoints to authenticated, service_role;

create policy "people who may read the whole audit log can read its checkpoints" on public.audit_checkpoints
  for select to authenticated
  using ((select private.allows_all('audit_log', 'read')));

-- The head of the log as a checkpoint would pin it (service role: the Edge Function).
create or replace function private.audit_head()
returns table (last_id bigint, last_hash text, row_count bigint)
language sql
stable
security definer
set search_path = ''
as $$
  select l.id, encode(l.hash, 'hex'), (select count(*) from public.audit_log c where c.id <= l.id)
    from public.audit_log l
   order by l.id desc
   limit 1
$$;
comment on function private.audit_head() is 'The audit log''s last id, last hash (hex) and row count up to it: what the audit-integrity function signs.';

-- Stores a checkpoint the Edge Function signed, after checking it names the log as it is.
create or replace function private.record_audit_checkpoint(
  p_last_id bigint, p_last_hash text, p_row_count bigint, p_signature text, p_kind text, p_created_by uuid
)
returns public.audit_checkpoints
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.audit_checkpoints;
begin
  if not exists (select 1 from public.audit_log l where l.id = p_last_id and l.hash = decode(p_last_hash, 'hex'))
     or (select count(*) from public.audit_log c where c.id <= p_last_id) <> p_row_count then
    raise exception using errcode = '22023', message = 'The checkpoint does not match the audit log.', detail = 'invalid_input';
  end if;
  insert into public.audit_checkpoints (kind, created_by, last_id, last_hash, row_count, signature)
  values (p_kind, p_created_by, p_last_id, decode(p_last_hash, 'hex'), p_row_count, p_signature)
  returning * into v_row;
  return v_row;
end;
$$;
comment on function private.record_audit_checkpoint(bigint, text, bigint, text, text, uuid) is
  'Stores a signed checkpoint (service role only: the audit-integrity Edge Function).';

-- Every checkpoint next to what the log holds now: the hash at its last id (null when that
-- row is gone) and how many rows there are up to it, counted in one pass over the log.
create or replace function private.audit_checkpoint_facts()
returns table (
  id bigint, created_at timestamptz, kind text, last_id bigint, last_hash text, row_count bigint, signature text,
  log_hash text, log_count bigint
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_thresholds bigint[];
begin
  if (select auth.role()) is distinct from 'service_role' and not private.allows_all('audit_log', 'read') then
    raise exception using errcode = '42501', message = 'Only people who may read the whole audit log can verify it.', detail = 'not_allowed';
  end if;
  -- Bucket k of width_bucket holds ids in [t[k], t[k+1]); rows with id <= last_id are the
  -- buckets below that of last_id + 1.
  select coalesce(array_agg(distinct c.last_id + 1 order by c.last_id + 1), '{}') into v_thresholds from public.audit_checkpoints c;
  if cardinality(v_thresholds) = 0 then
    return;
  end if;
  return query
    with buckets as (
      select width_bucket(l.id, v_thresholds) as k, count(*) as n from public.audit_log l group by 1
    ), below as (
      select t.k, (select coalesce(sum(b.n), 0) from buckets b where b.k < t.k)::bigint as n
        from generate_subscripts(v_thresholds, 1) t(k)
    )
    select c.id, c.created_at, c.kind, c.last_id, encode(c.last_hash, 'hex'), c.row_count, c.signature,
           encode(l.hash, 'hex'), b.n
      from public.audit_checkpoints c
      join below b on v_thresholds[b.k] = c.last_id + 1
      left join public.audit_log l on l.id = c.last_id
     order by c.id;
end;
$$;
comment on function private.audit_checkpoint_facts() is
  'Each checkpoint with the log''s current hash at its last id and row count up to it (for the audit-integrity function''s verification).';

-- The API's entry points (security invoker; the private functions check and act).
create or replace function public.audit_head()
returns table (last_id bigint, last_hash text, row_count bigint)
language sql
stable
set search_path = ''
as $$
  select * from private.audit_head()
$$;
comment on function public.audit_head() is 'The audit log''s head as a checkpoint pins it (service role only).';

create or replace function public.record_audit_checkpoint(
  p_last_id bigint, p_last_hash text, p_row_count bigint, p_signature text, p_kind text, p_created_by uuid default null
)
returns public.audit_checkpoints
language sql
set search_path = ''
as $$
  select * from private.record_audit_checkpoint(p_last_id, p_last_hash, p_row_count, p_signature, p_kind, p_created_by)
$$;
comment on function public.record_audit_checkpoint(bigint, text, bigint, text, text, uuid) is
  'Stores a checkpoint the audit-integrity Edge Function signed (service role only).';

create or replace function public.audit_checkpoint_facts()
returns table (
  id bigint, created_at timestamptz, kind text, last_id bigint, last_hash text, row_count bigint, signature text,
  log_hash text, log_count bigint
)
language sql
stable
set search_path = ''
as $$
  select * from private.audit_checkpoint_facts()
$$;
comment on function public.audit_checkpoint_facts() is
  'Each checkpoint next to the log''s current hash at its last id and row count up to it (people who may read the whole log).';

revoke all on function private.audit_head(), private.record_audit_checkpoint(bigint, text, bigint, text, text, uuid),
  private.audit_checkpoint_facts() from public;
revoke all on function public.audit_head(), public.record_audit_checkpoint(bigint, text, bigint, text, text, uuid),
  public.audit_checkpoint_facts() from public, anon, authenticated;
grant execute on function private.audit_head(), private.record_audit_checkpoint(bigint, text, bigint, text, text, uuid),
  public.audit_head(), public.record_audit_checkpoint(bigint, text, bigint, text, text, uuid) to service_role;
grant execute on function private.audit_checkpoint_facts(), public.audit_checkpoint_facts() to authenticated, service_role;

select private.enable_audit('public.audit_checkpoints');

-- Making a checkpoint on demand is an action of the matrix (a write: never an auditor's).
insert into public.permission_actions (code, is_write, label_en, label_es, label_zh, sort_order)
values ('checkpoint', true, 'Checkpoint', 'Punto de control', '检查点', 90);
insert into public.resource_actions (resource, action) values ('audit_log', 'checkpoint');
do $$
begin
  perform set_config('app.matrix_batch', 'on', true);
  insert into public.role_permissions (role_code, resource, action, scope) values ('hr_admin', 'audit_log', 'checkpoint', 'all');
  perform set_config('app.matrix_batch', '', true);
  if (select count(*) from public.matrix_versions) = 1 then
    -- A fresh database: the defaults are the matrix as the migrations leave it.
    update public.matrix_versions set cells = private.matrix_cells() where is_default;
  else
    perform private.record_matrix_version('Migration: audit checkpoints (HR may make one on demand)');
  end if;
end;
$$;

-- =============================================================================
-- Grants for the new private helpers
-- =============================================================================
-- Called only inside the explainer and start_preview (definer functions): no API role needs them.
revoke all on function private.may_read_row(text, jsonb, uuid), private.preview_guard_in_force(),
  private.preview_overreach(uuid, uuid), private.guard_regulation_insert() from public;

-- =============================================================================
-- Triggers
-- =============================================================================
create trigger regulations_guard_insert before insert on public.regulations
  for each row execute function private.guard_regulation_insert();
