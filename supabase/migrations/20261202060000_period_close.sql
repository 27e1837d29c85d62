-- Period close and amendments: a month, once closed for a territory subtree, keeps its
-- targets, actuals and evaluations as they are; a change after that is an amendment with a
-- reason, approved by someone other than the requester, and the audit log shows the change
-- with its before and after (seeds 000 §7: results are published and stay as published).
--
-- Closing needs every evaluation of the month in the subtree approved (or acknowledged). The
-- freeze is in the database: writes to a closed month's actuals, targets and evaluations are
-- refused (naming the month and territory) unless they are an approved amendment being applied.

-- =============================================================================
-- Types and tables
-- =============================================================================
create type public.amendment_status as enum ('pending', 'approved', 'rejected');
create type public.amendment_kind as enum ('actual', 'target');

create table public.period_closes (
  id uuid primary key default gen_random_uuid(),
  month date not null check (extract(day from month) = 1),
  territory_id uuid not null references public.territories (id) on delete restrict,
  note text not null default '' check (length(note) <= 1000),
  closed_by uuid references public.profiles (id) on delete set null,
  closed_at timestamptz not null default now(),
  constraint period_closes_once unique (month, territory_id)
);
comment on table public.period_closes is
  'Months closed for a territory subtree: from then on its targets, actuals and evaluations change only by an approved amendment. Written by close_period.';

create table public.amendments (
  id uuid primary key default gen_random_uuid(),
  kind public.amendment_kind not null,
  staff_id uuid not null references public.staff (id) on delete restrict,
  kpi_id uuid not null references public.kpis (id) on delete restrict,
  month date not null check (extract(day from month) = 1),
  -- The territory of the amended figure (its scope).
  territory_id uuid not null references public.territories (id) on delete restrict,
  old_value numeric(16, 2),
  new_value numeric(16, 2) not null check (new_value >= 0),
  reason text not null check (length(btrim(reason)) between 3 and 1000),
  status public.amendment_status not null default 'pending',
  requested_by uuid references public.profiles (id) on delete set null,
  requested_at timestamptz not null default now(),
  decided_by uuid references public.profiles (id) on delete set null,
  decided_at timestamptz,
  decision_note text not null default '' check (length(decision_note) <= 1000),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.amendments is
  'Requested changes to a closed month''s actual or target: the figure before and after, the reason, who asked and who decided (never the same person). Written by request_amendment and decide_amendment.';

create index period_closes_territory_idx on public.period_closes (territory_id);
create index period_closes_closed_by_idx on public.period_closes (closed_by);
create index amendments_territory_idx on public.amendments (territory_id, status);
create index amendments_staff_idx on public.amendments (staff_id);
create index amendments_kpi_idx on public.amendments (kpi_id);
create index amendments_requested_by_idx on public.amendments (requested_by);
create index amendments_decided_by_idx on public.amendments (decided_by);

create trigger amendments_touch before insert or update on public.amendments for each row execute function private.touch_row();
select private.enable_audit('public.period_closes');
select private.enable_audit('public.amendments');

-- =============================================================================
-- The freeze
-- =============================================================================
-- Whether a month is closed for a territory (closed for it or for a territory above it).
create or replace function private.month_closed(p_month date, p_territory uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.period_closes c
      join public.territories ct on ct.id = c.territory_id
      join public.territories t on t.id = p_territory
     where c.month = date_trunc('month', p_month)::date and t.path operator(extensions.<@) ct.path)
$$;
comment on function private.month_closed(date, uuid) is 'Whether a month is closed for a territory (for it or a territory above it).';

create or replace function private.refuse_closed(p_month date, p_territory uuid, p_what text)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if coalesce(current_setting('app.amending', true), '') <> 'on' and private.month_closed(p_month, p_territory) then
    raise exception using errcode = '23514', detail = 'period_closed',
      message = format('%s is closed for %s: %s cannot change. Request an amendment.',
                       to_char(p_month, 'YYYY-MM'), (select t.code from public.territories t where t.id = p_territory), p_what);
  end if;
end;
$$;
comment on function private.refuse_closed(date, uuid, text) is 'Refuses a write to a closed month (unless an approved amendment is being applied), naming the month and territory.';

create or replace function private.actual_not_closed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.refuse_closed(old.month, old.territory_id, 'its actuals');
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform private.refuse_closed(new.month, new.territory_id, 'its actuals');
    return new;
  end if;
  return old;
end;
$$;
comment on function private.actual_not_closed() is 'Trigger: an actual of a closed month does not change.';

create or replace function private.target_not_closed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_month integer;
  v_year integer := coalesce(new.year, old.year);
begin
  -- Most years have no closed month at all: one look, then nothing to check.
  if coalesce(current_setting('app.amending', true), '') = 'on'
     or not exists (select 1 from public.period_closes c
                     where c.month >= make_date(v_year, 1, 1) and c.month < make_date(v_year + 1, 1, 1)) then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  for v_month in 1 .. 12 loop
    if tg_op = 'DELETE' or tg_op = 'INSERT' or old.months[v_month] is distinct from new.months[v_month] then
      perform private.refuse_closed(make_date(coalesce(new.year, old.year), v_month, 1),
                                    case when tg_op = 'DELETE' then old.territory_id else new.territory_id end, 'its targets');
    end if;
  end loop;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
comment on function private.target_not_closed() is 'Trigger: a target''s month that is closed does not change.';

create or replace function private.evaluation_not_closed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- The person's acknowledgement (and comment) is theirs to give after the close too.
  if tg_op = 'UPDATE' and old.status = 'approved' and new.status = 'acknowledged' then
    return new;
  end if;
  perform private.refuse_closed(coalesce(new.month, old.month), coalesce(new.territory_id, old.territory_id), 'its evaluations');
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
comment on function private.evaluation_not_closed() is 'Trigger: an evaluation of a closed month does not change (but for the person''s acknowledgement).';

create trigger kpi_actuals_not_closed before insert or update or delete on public.kpi_actuals
  for each row execute function private.actual_not_closed();
create trigger targets_not_closed before insert or update or delete on public.targets
  for each row execute function private.target_not_closed();
create trigger evaluations_not_closed before insert or update or delete on public.evaluations
  for each row execute function private.evaluation_not_closed();

-- =============================================================================
-- Row-level security
-- =============================================================================
alter table public.period_closes enable row level security;
alter table public.amendments enable row level security;

create policy "people with periods read permission in scope can read closes" on public.period_closes
  for select to authenticated
  using (territory_id = any ((select private.territory_scope('periods', 'read', false))::uuid[]));
create policy "people with periods read permission in scope or who asked can read amendments" on public.amendments
  for select to authenticated
  using (
    territory_id = any ((select private.territory_scope('periods', 'read', false))::uuid[])
    or requested_by = (select auth.uid())
  );

-- =============================================================================
-- Functions: closing, requesting and deciding amendments
-- =============================================================================
create or replace function private.close_period(p_month date, p_territory uuid, p_note text default '')
returns public.period_closes
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_month date := date_trunc('month', p_month)::date;
  v_open integer;
  v_row public.period_closes;
begin
  if p_month is null or p_territory is null then
    raise exception using errcode = '22023', detail = 'month_and_territory_required', message = 'Choose the month and the territory to close.';
  end if;
  if not p_territory = any (private.territory_scope('periods', 'create', false)) then
    raise exception using errcode = '42501', detail = 'not_allowed', message = 'You may not close periods for this territory.';
  end if;
  if v_month >= date_trunc('month', current_date)::date then
    raise exception using errcode = '22023', detail = 'month_not_over',
      message = format('%s is not over yet: a month is closed after its last day.', to_char(v_month, 'YYYY-MM'));
  end if;
  if private.month_closed(v_month, p_territory) then
    raise exception using errcode = '23505', detail = 'already_closed',
      message = format('%s is already closed for this territory.', to_char(v_month, 'YYYY-MM'));
  end if;
  select count(*) into v_open
    from public.evaluations e
    join public.territories t on t.id = e.territory_id
    join public.territories r on r.id = p_territory
   where e.month = v_month and t.path operator(extensions.<@) r.path and e.status in ('draft', 'submitted');
  if v_open > 0 then
    raise exception using errcode = '23514', detail = 'evaluations_open',
      message = format('%s evaluation(s) of %s in this territory are still draft or submitted: approve them before closing.',
                       v_open, to_char(v_month, 'YYYY-MM'));
  end if;
  insert into public.period_closes (month, territory_id, note, closed_by)
  values (v_month, p_territory, coalesce(btrim(p_note), ''), (select auth.uid()))
  returning * into v_row;
  return v_row;
end;
$$;
comment on function private.close_period(date, uuid, text) is
  'Closes a month that is over for a territory subtree in your periods create scope, once its evaluations there are all approved.';

create or replace function private.request_amendment(p_kind public.amendment_kind, p_staff uuid, p_kpi uuid, p_month date,
                                                     p_value numeric, p_reason text)
returns public.amendments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_month date := date_trunc('month', p_month)::date;
  v_territory uuid;
  v_old numeric;
  v_row public.amendments;
begin
  if p_value is null or p_value < 0 then
    raise exception using errcode = '22023', detail = 'value', message = 'Give the new figure (0 or more).';
  end if;
  if length(btrim(coalesce(p_reason, ''))) < 3 then
    raise exception using errcode = '22023', detail = 'reason_required', message = 'Say why the figure changes (at least 3 characters).';
  end if;
  if p_kind = 'actual' then
    select a.territory_id, a.value into v_territory, v_old from public.kpi_actuals a
     where a.staff_id = p_staff and a.kpi_id = p_kpi and a.month = v_month;
    if v_territory is null or not v_territory = any (private.territory_scope('kpi_actuals', 'update', false)) then
      raise exception using errcode = 'PT404', detail = 'actual_not_found', message = 'No actual of this person, KPI and month that you may change.';
    end if;
  else
    select t.territory_id, t.months[extract(month from v_month)::integer] into v_territory, v_old from public.targets t
     where t.staff_id = p_staff and t.kpi_id = p_kpi and t.year = extract(year from v_month)
       and t.months[extract(month from v_month)::integer] is not null;
    if v_territory is null or not v_territory = any (private.territory_scope('targets', 'update', false)) then
      raise exception using errcode = 'PT404', detail = 'target_not_found', message = 'No target of this person, KPI and month that you may change.';
    end if;
  end if;
  if not private.month_closed(v_month, v_territory) then
    raise exception using errcode = '23514', detail = 'period_open',
      message = format('%s is open for this territory: change the figure directly.', to_char(v_month, 'YYYY-MM'));
  end if;
  insert into public.amendments (kind, staff_id, kpi_id, month, territory_id, old_value, new_value, reason, requested_by)
  values (p_kind, p_staff, p_kpi, v_month, v_territory, v_old, p_value, btrim(p_reason), (select auth.uid()))
  returning * into v_row;
  return v_row;
end;
$$;
comment on function private.request_amendment(public.amendment_kind, uuid, uuid, date, numeric, text) is
  'Asks to change a closed month''s actual or target you may otherwise change, with the reason; someone else decides.';

create or replace function private.decide_amendment(p_amendment uuid, p_version integer, p_approve boolean, p_note text default '')
returns public.amendments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.amendments;
  v_month integer;
begin
  select * into v_row from public.amendments a where a.id = p_amendment;
  if v_row.id is null or not v_row.territory_id = any (private.territory_scope('periods', 'read', false)) then
    raise exception using errcode = 'PT404', detail = 'amendment_not_found', message = 'No amendment with this id that you may read.';
  end if;
  if not v_row.territory_id = any (private.territory_scope('periods', 'approve', false)) then
    raise exception using errcode = '42501', detail = 'not_allowed', message = 'You may not decide amendments for this territory.';
  end if;
  if v_row.requested_by = (select auth.uid()) then
    raise exception using errcode = '42501', detail = 'decider_is_requester', message = 'You asked for this amendment: someone else decides it.';
  end if;
  if v_row.status <> 'pending' then
    raise exception using errcode = '23514', detail = 'amendment_decided', message = format('This amendment is already %s.', v_row.status);
  end if;
  if p_version is distinct from v_row.version then
    raise exception using errcode = 'PT409', detail = 'stale_version',
      message = 'This amendment was changed by someone else since you opened it. Reload it and decide again.';
  end if;
  if not p_approve and length(btrim(coalesce(p_note, ''))) < 3 then
    raise exception using errcode = '22023', detail = 'note_required', message = 'Say why the amendment is rejected (at least 3 characters).';
  end if;
  if p_approve then
    perform set_config('app.amending', 'on', true);
    if v_row.kind = 'actual' then
      update public.kpi_actuals a set value = v_row.new_value
       where a.staff_id = v_row.staff_id and a.kpi_id = v_row.kpi_id and a.month = v_row.month;
    else
      v_month := extract(month from v_row.month)::integer;
      update public.targets t set months[v_month] = v_row.new_value
       where t.staff_id = v_row.staff_id and t.kpi_id = v_row.kpi_id and t.year = extract(year from v_row.month)
         and t.territory_id = v_row.territory_id;
    end if;
    perform set_config('app.amending', '', true);
  end if;
  update public.amendments a
     set status = case when p_approve then 'approved'::public.amendment_status else 'rejected' end,
         decided_by = (select auth.uid()), decided_at = now(), decision_note = coalesce(btrim(p_note), '')
   where a.id = v_row.id
  returning * into v_row;
  return v_row;
end;
$$;
comment on function private.decide_amendment(uuid, integer, boolean, text) is
  'Approves (applying the change, which the audit log shows with before and after) or rejects (with a note) a pending amendment: by someone with periods approve permission in scope other than the requester.';

-- The API over them (invoker; each implementation checks the matrix itself).
create or replace function public.close_period(p_month date, p_territory uuid, p_note text default '')
returns public.period_closes
language sql
set search_path = ''
as $$
  select * from private.close_period(p_month, p_territory, p_note)
$$;
comment on function public.close_period(date, uuid, text) is
  'Closes a month that is over for a territory subtree (periods create permission in scope), once its evaluations there are all approved.';

create or replace function public.request_amendment(p_kind public.amendment_kind, p_staff uuid, p_kpi uuid, p_month date,
                                                    p_value numeric, p_reason text)
returns public.amendments
language sql
set search_path = ''
as $$
  select * from private.request_amendment(p_kind, p_staff, p_kpi, p_month, p_value, p_reason)
$$;
comment on function public.request_amendment(public.amendment_kind, uuid, uuid, date, numeric, text) is
  'Asks to change a closed month''s actual or target, with the reason.';

create or replace function public.decide_amendment(p_amendment uuid, p_version integer, p_approve boolean, p_note text default '')
returns public.amendments
language sql
set search_path = ''
as $$
  select * from private.decide_amendment(p_amendment, p_version, p_approve, p_note)
$$;
comment on function public.decide_amendment(uuid, integer, boolean, text) is
  'Approves or rejects a pending amendment (not your own request).';

-- =============================================================================
-- Evaluations of closed months are left alone by the monthly run
-- =============================================================================
create or replace function private.run_evaluations(p_month date, p_territory uuid default null)
returns table (people integer, computed integer, left_alone integer)
language plpgsql
security definer
set search_path = ''
as $$
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
  return query select coalesce(v_people, 0)::integer, cardinality(v_ids)::integer, v_left::integer;
end;
$$;
comment on function private.run_evaluations(date, uuid) is
  'Computes a month''s draft evaluations for a territory subtree in your evaluations create scope (all of it when none is given): template in force, targets, actuals, achievements, total and band, set-based; submitted evaluations and closed months are left alone. Returns the people evaluated, drafts computed and evaluations left alone.';

-- =============================================================================
-- The explainer and impact counts
-- =============================================================================
-- The periods resource has no table of its own (closes and amendments are written by
-- functions), so the explainer counts no rows for it; nothing to add.

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.month_closed(date, uuid) from public;
revoke all on function private.refuse_closed(date, uuid, text) from public;
revoke all on function private.actual_not_closed() from public;
revoke all on function private.target_not_closed() from public;
revoke all on function private.evaluation_not_closed() from public;
revoke all on function private.close_period(date, uuid, text) from public;
grant execute on function private.close_period(date, uuid, text) to authenticated, service_role;
revoke all on function private.request_amendment(public.amendment_kind, uuid, uuid, date, numeric, text) from public;
grant execute on function private.request_amendment(public.amendment_kind, uuid, uuid, date, numeric, text) to authenticated, service_role;
revoke all on function private.decide_amendment(uuid, integer, boolean, text) from public;
grant execute on function private.decide_amendment(uuid, integer, boolean, text) to authenticated, service_role;

revoke all on function public.close_period(date, uuid, text) from public, anon;
grant execute on function public.close_period(date, uuid, text) to authenticated, service_role;
revoke all on function public.request_amendment(public.amendment_kind, uuid, uuid, date, numeric, text) from public, anon;
grant execute on function public.request_amendment(public.amendment_kind, uuid, uuid, date, numeric, text) to authenticated, service_role;
revoke all on function public.decide_amendment(uuid, integer, boolean, text) from public, anon;
grant execute on function public.decide_amendment(uuid, integer, boolean, text) to authenticated, service_role;

revoke all on public.period_closes, public.amendments from anon, authenticated, service_role;
grant select on public.period_closes, public.amendments to authenticated;
grant select, insert, update, delete on public.period_closes, public.amendments to service_role;

select private.refresh_audit_read_policy();

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('periods', 'table', '{all,territory}', 'Period close and amendments', 'Cierre de periodos y enmiendas', '期间结账与更正', 460);

insert into public.resource_actions (resource, action)
select 'periods', a from unnest(array['read', 'create', 'approve']) a;

-- HR closes any subtree and decides amendments; a manager their own subtree's; the auditor
-- reads them all.
insert into public.role_permissions (role_code, resource, action, scope)
select 'hr_admin', 'periods', a, 'all'::public.permission_scope from unnest(array['read', 'create', 'approve']) a
union all
select 'manager', 'periods', a, 'territory' from unnest(array['read', 'create', 'approve']) a
union all
select 'auditor', 'periods', 'read', 'all';
