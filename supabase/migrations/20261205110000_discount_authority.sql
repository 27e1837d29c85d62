-- Discount authority (000 §9: no lowering the price without the manager's permission): each
-- position may grant a discount up to a percentage of the list price on its own (a salesperson
-- none, the managers above). A salesperson asks for a larger one with a discount request
-- (customer, list price, discount, reason); it is approved only by someone whose position's
-- authority covers the discount and who is not the requester, so a large one passes up the
-- chain; anyone who may decide it in its territory may refuse it, with a reason. The
-- requester, the territory, the decision and who took it when are set by the database.

-- =============================================================================
-- Authority per position
-- =============================================================================
alter table public.positions
  add column max_discount_percent numeric(5, 2) not null default 0
    check (max_discount_percent >= 0 and max_discount_percent <= 100);
comment on column public.positions.max_discount_percent is
  'The largest discount (percent of the list price) someone in this position may grant on their own.';

update public.positions set max_discount_percent = case code
  when 'general_manager' then 30
  when 'sales_director' then 25
  when 'regional_director' then 15
  when 'sales_manager' then 15
  when 'regional_manager' then 10
  when 'sales_supervisor' then 5
  else 0 end
 where code in ('general_manager', 'sales_director', 'regional_director', 'sales_manager', 'regional_manager', 'sales_supervisor');

-- =============================================================================
-- Requests
-- =============================================================================
create type public.discount_request_status as enum ('pending', 'approved', 'refused');

create table public.discount_requests (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references public.customers (id) on delete restrict,
  -- The customer's territory when asked (set by the database): the request's scope.
  territory_id uuid not null references public.territories (id) on delete restrict,
  requested_by uuid not null references public.staff (id) on delete restrict,
  list_price numeric(14, 2) not null check (list_price > 0),
  discount_percent numeric(5, 2) not null check (discount_percent > 0 and discount_percent <= 100),
  reason text not null check (length(btrim(reason)) between 3 and 1000),
  status public.discount_request_status not null default 'pending',
  decided_by uuid references public.staff (id) on delete restrict,
  decided_at timestamptz,
  decision_note text not null default '' check (length(decision_note) <= 1000),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint discount_requests_decided check ((status = 'pending') = (decided_at is null)),
  constraint discount_requests_refusal_reason check (status <> 'refused' or length(btrim(decision_note)) >= 3),
  constraint discount_requests_four_eyes check (decided_by is distinct from requested_by)
);
comment on table public.discount_requests is
  'Requests for a discount above the requester''s authority: customer, list price, discount and reason, approved by someone whose position''s authority covers it (never the requester) or refused with a reason. Requester, territory and decision are set by the database.';

-- The queue: pending requests, newest first. A partial index, because a list under RLS cannot
-- use an index condition on an enum (its equality is not leakproof, so it is checked after the
-- policy), while the index's own predicate still applies.
create index discount_requests_pending_idx on public.discount_requests (created_at desc) where status = 'pending';
create index discount_requests_territory_idx on public.discount_requests (territory_id, created_at desc);
create index discount_requests_customer_idx on public.discount_requests (customer_id);
create index discount_requests_requested_by_idx on public.discount_requests (requested_by, created_at desc);
create index discount_requests_decided_by_idx on public.discount_requests (decided_by);

-- =============================================================================
-- Triggers
-- =============================================================================
create or replace function private.discount_request_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    if old.status <> 'pending' then
      raise exception using errcode = '23514', detail = 'discount_request_decided',
        message = format('This request is already %s; it is kept.', old.status);
    end if;
    return old;
  end if;
  if tg_op = 'UPDATE' then
    if coalesce(current_setting('app.discount_decision', true), '') <> 'on' then
      if old.status <> 'pending' then
        raise exception using errcode = '23514', detail = 'discount_request_decided',
          message = format('This request is already %s; it no longer changes.', old.status);
      end if;
      if (new.status, new.decided_by, new.decided_at, new.decision_note)
         is distinct from (old.status, old.decided_by, old.decided_at, old.decision_note) then
        raise exception using errcode = '42501', detail = 'discount_decision',
          message = 'A discount request is approved or refused through its own step only.';
      end if;
    end if;
    new.requested_by := old.requested_by;
    if new.customer_id is not distinct from old.customer_id then
      new.territory_id := old.territory_id;
      return new;
    end if;
  else
    -- A signed-in person asks for themselves; the service role (imports, fixtures) names the requester.
    if (select auth.uid()) is not null then
      new.requested_by := private.my_staff_id();
    end if;
    if new.requested_by is null then
      raise exception using errcode = '42501', detail = 'requester_not_on_staff',
        message = 'Only someone on the staff asks for a discount.';
    end if;
    new.status := 'pending';
    new.decided_by := null;
    new.decided_at := null;
    new.decision_note := '';
  end if;
  select c.territory_id into new.territory_id from public.customers c where c.id = new.customer_id;
  -- A customer that does not exist and one outside the asker's scope get the same answer.
  if (select auth.uid()) is not null
     and (new.territory_id is null
          or not new.territory_id = any (private.territory_scope('discount_requests', case when tg_op = 'INSERT' then 'create' else 'update' end))) then
    raise exception using errcode = '42501', detail = 'customer_not_found',
      message = 'No customer with this id that you may ask a discount for.';
  end if;
  return new;
end;
$$;
comment on function private.discount_request_before_write() is
  'Trigger: a discount request is asked by the writer''s staff record, pending, in its customer''s territory; once decided it is kept as it is.';

create trigger discount_requests_touch before insert or update on public.discount_requests
  for each row execute function private.touch_row();
create trigger discount_requests_before_write before insert or update or delete on public.discount_requests
  for each row execute function private.discount_request_before_write();
select private.enable_audit('public.discount_requests');

-- =============================================================================
-- Row-level security
-- =============================================================================
alter table public.discount_requests enable row level security;

create policy "people with discount_requests read permission in scope or their own can read discount requests" on public.discount_requests
  for select to authenticated
  using (
    (select private.allows_all('discount_requests', 'read'))
    or territory_id in (select unnest(private.territory_scope('discount_requests', 'read', false)))
    or (requested_by = (select private.my_staff_id()) and (select private.allowed_owner('discount_requests', 'read')) is not null)
  );
-- Asking: for a customer in one's create scope (a salesperson's own territory).
create policy "people with discount_requests create permission in scope can ask for discounts" on public.discount_requests
  for insert to authenticated
  with check (territory_id = any ((select private.territory_scope('discount_requests', 'create'))::uuid[]));
-- Changing or withdrawing one's own pending request (the trigger keeps decided ones).
create policy "requesters with discount_requests update permission can edit their pending requests" on public.discount_requests
  for update to authenticated
  using (requested_by = (select private.my_staff_id())
         and territory_id = any ((select private.territory_scope('discount_requests', 'update'))::uuid[]))
  with check (requested_by = (select private.my_staff_id())
              and territory_id = any ((select private.territory_scope('discount_requests', 'update'))::uuid[]));
create policy "requesters with discount_requests delete permission can withdraw their pending requests" on public.discount_requests
  for delete to authenticated
  using (requested_by = (select private.my_staff_id())
         and territory_id = any ((select private.territory_scope('discount_requests', 'delete'))::uuid[]));

-- =============================================================================
-- Deciding
-- =============================================================================
-- The discount the signed-in person may grant on their own: their position's today.
create or replace function private.my_discount_authority()
returns numeric
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select p.max_discount_percent from public.staff s join public.positions p on p.id = s.position_id
                    where s.id = private.my_staff_id() and s.status <> 'left'), 0)
$$;
comment on function private.my_discount_authority() is
  'The largest discount the signed-in person''s position may grant on their own (0 without a staff record).';

create or replace function private.decide_discount_request(p_request uuid, p_version integer, p_approve boolean, p_note text default '')
returns public.discount_requests
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.discount_requests;
  v_me uuid := private.my_staff_id();
  v_authority numeric := private.my_discount_authority();
begin
  select * into v_row from public.discount_requests r where r.id = p_request for update;
  if v_row.id is null or not (
       v_row.territory_id = any (private.territory_scope('discount_requests', 'read', false))
       or (v_row.requested_by = v_me and private.allowed_owner('discount_requests', 'read') is not null)) then
    raise exception using errcode = 'PT404', detail = 'discount_request_not_found',
      message = 'No discount request with this id that you may read.';
  end if;
  if p_version is distinct from v_row.version then
    raise exception using errcode = 'PT409', detail = 'stale_version',
      message = 'This request was changed by someone else since you opened it. Reload it and try again.';
  end if;
  if p_approve is null then
    raise exception using errcode = '22023', detail = 'decision_unknown', message = 'Approve or refuse the request.';
  end if;
  if not v_row.territory_id = any (private.territory_scope('discount_requests', 'approve', false)) then
    raise exception using errcode = '42501', detail = 'not_allowed', message = 'You may not decide discount requests here.';
  end if;
  if v_me is null or v_row.requested_by = v_me then
    raise exception using errcode = '42501', detail = 'decider_is_requester',
      message = 'You asked for this discount: someone else decides it.';
  end if;
  if v_row.status <> 'pending' then
    raise exception using errcode = '23514', detail = 'discount_request_decided',
      message = format('This request is already %s.', v_row.status);
  end if;
  if p_approve and v_authority < v_row.discount_percent then
    raise exception using errcode = '42501', detail = 'authority_too_low',
      message = format('Your position may grant up to %s%%; this request asks %s%%: it passes to someone above.',
                       trim_scale(v_authority), trim_scale(v_row.discount_percent));
  end if;
  if not p_approve and length(btrim(coalesce(p_note, ''))) < 3 then
    raise exception using errcode = '22023', detail = 'reason_required', message = 'Say why the request is refused (at least 3 characters).';
  end if;
  if length(coalesce(p_note, '')) > 1000 then
    raise exception using errcode = '22023', detail = 'note_too_long', message = 'A note is at most 1,000 characters.';
  end if;
  perform set_config('app.discount_decision', 'on', true);
  update public.discount_requests r
     set status = case when p_approve then 'approved' else 'refused' end::public.discount_request_status,
         decided_by = v_me, decided_at = now(), decision_note = btrim(coalesce(p_note, ''))
   where r.id = v_row.id
  returning * into v_row;
  perform set_config('app.discount_decision', '', true);
  return v_row;
end;
$$;
comment on function private.decide_discount_request(uuid, integer, boolean, text) is
  'Approves a pending discount request (by someone with discount_requests approve permission in its territory whose position''s authority covers the discount, never the requester) or refuses it with a reason.';

create or replace function public.decide_discount_request(p_request uuid, p_version integer, p_approve boolean, p_note text default '')
returns public.discount_requests
language sql
set search_path = ''
as $$
  select * from private.decide_discount_request(p_request, p_version, p_approve, p_note)
$$;
comment on function public.decide_discount_request(uuid, integer, boolean, text) is
  'Approves a pending discount request (someone whose authority covers it, never the requester) or refuses it with a reason.';

create or replace function public.my_discount_authority()
returns numeric
language sql
stable
set search_path = ''
as $$
  select private.my_discount_authority()
$$;
comment on function public.my_discount_authority() is
  'The largest discount the signed-in person''s position may grant on their own.';

-- =============================================================================
-- The access explainer: a request is in its territory; one's own is the one one asked for.
-- =============================================================================
CREATE OR REPLACE FUNCTION private.record_facts(p_resource text, p_action text, p_row jsonb, p_user uuid)
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
    when 'personal_goals' then
      select s.user_id into v_staff from public.staff s where s.id = (p_row ->> 'staff_id')::uuid;
      return query select (p_row ->> 'territory_id')::uuid, true,
                          p_user is not null and v_staff.user_id is not distinct from p_user, true;
    when 'targets', 'kpi_actuals', 'evaluations', 'rewards', 'violations' then
      select s.user_id into v_staff from public.staff s where s.id = (p_row ->> 'staff_id')::uuid;
      return query select (p_row ->> 'territory_id')::uuid, true,
                          p_user is not null and v_staff.user_id is not distinct from p_user, p_action = 'read';
    when 'meetings' then
      v_mine := p_user is not null and (
        case when p_row ? 'staff_id'
             then exists (select 1 from public.staff s where s.id = (p_row ->> 'staff_id')::uuid and s.user_id = p_user)
             else exists (select 1 from public.meeting_attendance a join public.staff s on s.id = a.staff_id
                           where a.meeting_id = (p_row ->> 'id')::uuid and s.user_id = p_user) end);
      return query select (p_row ->> 'territory_id')::uuid, true, v_mine, p_action = 'read';
    when 'discount_requests' then
      -- Asking is in one's own territory; reading, changing and withdrawing one's own request.
      v_own_territory := p_user is not null and (p_row ->> 'territory_id')::uuid in (select private.own_territories(p_user));
      v_mine := p_user is not null
                and exists (select 1 from public.staff s where s.id = (p_row ->> 'requested_by')::uuid and s.user_id = p_user);
      return query select (p_row ->> 'territory_id')::uuid, true,
                          case when p_action = 'create' then v_own_territory else v_mine end,
                          p_action in ('read', 'create', 'update', 'delete');
    else
      return query select null::uuid, false, false, false;
  end case;
end;
$function$;

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.discount_request_before_write() from public;
revoke all on function private.my_discount_authority() from public;
grant execute on function private.my_discount_authority() to authenticated, service_role;
revoke all on function private.decide_discount_request(uuid, integer, boolean, text) from public;
grant execute on function private.decide_discount_request(uuid, integer, boolean, text) to authenticated, service_role;
revoke all on function public.decide_discount_request(uuid, integer, boolean, text) from public, anon;
grant execute on function public.decide_discount_request(uuid, integer, boolean, text) to authenticated, service_role;
revoke all on function public.my_discount_authority() from public, anon;
grant execute on function public.my_discount_authority() to authenticated, service_role;

revoke all on public.discount_requests from anon, authenticated, service_role;
grant select, delete on public.discount_requests to authenticated, service_role;
grant insert (customer_id, list_price, discount_percent, reason) on public.discount_requests to authenticated, service_role;
grant insert (requested_by) on public.discount_requests to service_role;
grant update (customer_id, list_price, discount_percent, reason, version) on public.discount_requests to authenticated, service_role;

select private.refresh_audit_read_policy();

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('discount_requests', 'table', '{all,territory,own}', 'Discount requests', 'Solicitudes de descuento', '折扣申请', 459);
insert into public.resource_actions (resource, action)
select 'discount_requests', a from unnest(array['read', 'create', 'update', 'delete', 'approve']) a;

-- A salesperson asks for their own customers and follows their requests; a manager decides
-- those of their subtree (within their position's authority); HR anywhere; the auditor reads.
insert into public.role_permissions (role_code, resource, action, scope)
select 'hr_admin', 'discount_requests', a, 'all'::public.permission_scope from unnest(array['read', 'approve']) a
union all
select 'manager', 'discount_requests', a, 'territory' from unnest(array['read', 'approve']) a
union all
select 'auditor', 'discount_requests', 'read', 'all'
union all
select 'salesperson', 'discount_requests', a, 'own' from unnest(array['read', 'create', 'update', 'delete']) a;
