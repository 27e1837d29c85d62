-- Rewards and recognition (000: the best are rewarded; 002 §5): praise, a bonus, a promotion
-- or a public announcement, for a reason, proposed by a manager in their subtree or by an
-- evaluation whose band proposes a reward (when it is approved), and confirmed or declined by
-- HR. Who proposed, who decided and when are set by the database; a decided reward no longer
-- changes. The person reads their own; the auditor reads all.

-- =============================================================================
-- Types and tables
-- =============================================================================
create type public.reward_kind as enum ('praise', 'bonus', 'promotion', 'announcement');
create type public.reward_status as enum ('proposed', 'confirmed', 'declined');

create table public.rewards (
  id uuid primary key default gen_random_uuid(),
  staff_id uuid not null references public.staff (id) on delete restrict,
  kind public.reward_kind not null default 'praise',
  -- A bonus has an amount; nothing else does.
  amount numeric(12, 2) check (amount > 0),
  reason text not null check (length(btrim(reason)) between 3 and 1000),
  awarded_on date not null default current_date,
  status public.reward_status not null default 'proposed',
  -- The evaluation that proposed it (set only by the approval).
  evaluation_id uuid unique references public.evaluations (id) on delete restrict,
  -- The person's territory when proposed (the evaluation's, for one it proposed): its scope.
  territory_id uuid not null references public.territories (id) on delete restrict,
  proposed_by uuid references public.profiles (id) on delete set null,
  decided_by uuid references public.profiles (id) on delete set null,
  decided_at timestamptz,
  decision_note text not null default '' check (length(decision_note) <= 1000),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint rewards_bonus_has_amount check ((kind = 'bonus') = (amount is not null)),
  constraint rewards_decided check ((status = 'proposed') = (decided_at is null))
);
comment on table public.rewards is
  'Rewards and recognition: proposed by a manager or by an approved evaluation''s band, confirmed or declined by HR; territory, proposer and decision are set by the database.';

create index rewards_staff_idx on public.rewards (staff_id, awarded_on);
create index rewards_territory_idx on public.rewards (territory_id, status);
create index rewards_proposed_by_idx on public.rewards (proposed_by);
create index rewards_decided_by_idx on public.rewards (decided_by);

-- =============================================================================
-- Triggers
-- =============================================================================
create or replace function private.reward_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    if old.status <> 'proposed' then
      raise exception using errcode = '23514', detail = 'reward_decided',
        message = format('This reward is already %s; it is kept.', old.status);
    end if;
    return old;
  end if;
  if (new.kind = 'bonus') <> (new.amount is not null) then
    raise exception using errcode = '23514', detail = 'reward_amount',
      message = case when new.kind = 'bonus' then 'A bonus needs its amount.' else 'Only a bonus has an amount.' end;
  end if;
  if tg_op = 'INSERT' then
    new.proposed_by := (select auth.uid());
    new.status := 'proposed';
    new.decided_by := null;
    new.decided_at := null;
    if new.evaluation_id is not null then
      select e.territory_id into new.territory_id from public.evaluations e where e.id = new.evaluation_id;
    else
      select s.territory_id into new.territory_id from public.staff s where s.id = new.staff_id;
    end if;
    if new.territory_id is null then
      raise exception using errcode = '23514', detail = 'reward_person_without_territory',
        message = 'This person has no territory; rewards are kept by territory.';
    end if;
    return new;
  end if;
  if old.status <> 'proposed' then
    raise exception using errcode = '23514', detail = 'reward_decided',
      message = format('This reward is already %s; it no longer changes.', old.status);
  end if;
  if (new.staff_id, new.evaluation_id, new.territory_id, new.proposed_by)
     is distinct from (old.staff_id, old.evaluation_id, old.territory_id, old.proposed_by) then
    raise exception using errcode = '23514', detail = 'reward_person_fixed',
      message = 'A reward''s person and origin cannot change; decline it and propose another.';
  end if;
  return new;
end;
$$;
comment on function private.reward_before_write() is
  'Trigger: a new reward is proposed by the writer in its person''s (or evaluation''s) territory; a decided reward is kept as it is.';

create trigger rewards_touch before insert or update on public.rewards for each row execute function private.touch_row();
create trigger rewards_before_write before insert or update or delete on public.rewards
  for each row execute function private.reward_before_write();
select private.enable_audit('public.rewards');

-- =============================================================================
-- Row-level security
-- =============================================================================
alter table public.rewards enable row level security;

create policy "people with rewards read permission in scope or their own can read rewards" on public.rewards
  for select to authenticated
  using (
    territory_id = any ((select private.territory_scope('rewards', 'read', false))::uuid[])
    or (staff_id = (select private.my_staff_id()) and (select private.allowed_owner('rewards', 'read')) is not null)
  );
create policy "people with rewards create permission in scope can propose rewards" on public.rewards
  for insert to authenticated
  with check (territory_id = any ((select private.territory_scope('rewards', 'create', false))::uuid[]));
create policy "people with rewards update permission in scope can change proposed rewards" on public.rewards
  for update to authenticated
  using (territory_id = any ((select private.territory_scope('rewards', 'update', false))::uuid[]))
  with check (territory_id = any ((select private.territory_scope('rewards', 'update', false))::uuid[]));
create policy "people with rewards delete permission in scope can withdraw proposed rewards" on public.rewards
  for delete to authenticated
  using (territory_id = any ((select private.territory_scope('rewards', 'delete', false))::uuid[]));

-- =============================================================================
-- Functions
-- =============================================================================
create or replace function private.decide_reward(
  p_reward uuid, p_version integer, p_confirm boolean,
  p_kind public.reward_kind default null, p_amount numeric default null, p_note text default '')
returns public.rewards
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.rewards;
  v_kind public.reward_kind;
  v_amount numeric;
begin
  select * into v_row from public.rewards r where r.id = p_reward;
  if v_row.id is null or not (
       v_row.territory_id = any (private.territory_scope('rewards', 'read', false))
       or (v_row.staff_id = private.my_staff_id() and private.allowed_owner('rewards', 'read') is not null)) then
    raise exception using errcode = 'PT404', detail = 'reward_not_found', message = 'No reward with this id that you may read.';
  end if;
  if not v_row.territory_id = any (private.territory_scope('rewards', 'approve', false)) then
    raise exception using errcode = '42501', detail = 'not_allowed', message = 'You may not confirm or decline rewards here.';
  end if;
  if v_row.staff_id = private.my_staff_id() then
    raise exception using errcode = '42501', detail = 'decider_is_recipient', message = 'This reward is yours: someone else decides it.';
  end if;
  if v_row.status <> 'proposed' then
    raise exception using errcode = '23514', detail = 'reward_decided', message = format('This reward is already %s.', v_row.status);
  end if;
  if p_version is distinct from v_row.version then
    raise exception using errcode = 'PT409', detail = 'stale_version',
      message = 'This reward was changed by someone else since you opened it. Reload it and decide again.';
  end if;
  if p_confirm is null then
    raise exception using errcode = '22023', detail = 'decision_required', message = 'Confirm or decline the reward.';
  end if;
  if not p_confirm and length(btrim(coalesce(p_note, ''))) < 3 then
    raise exception using errcode = '22023', detail = 'note_required', message = 'Say why the reward is declined (at least 3 characters).';
  end if;
  v_kind := case when p_confirm then coalesce(p_kind, v_row.kind) else v_row.kind end;
  v_amount := case when v_kind = 'bonus' then coalesce(p_amount, v_row.amount) end;
  if p_confirm and v_kind = 'bonus' and (v_amount is null or v_amount <= 0) then
    raise exception using errcode = '22023', detail = 'bonus_amount', message = 'A bonus needs an amount above 0.';
  end if;
  update public.rewards r
     set status = case when p_confirm then 'confirmed'::public.reward_status else 'declined' end,
         kind = v_kind, amount = v_amount,
         decided_by = (select auth.uid()), decided_at = now(), decision_note = coalesce(btrim(p_note), '')
   where r.id = v_row.id
  returning * into v_row;
  return v_row;
end;
$$;
comment on function private.decide_reward(uuid, integer, boolean, public.reward_kind, numeric, text) is
  'Confirms (optionally choosing the kind and a bonus''s amount) or declines (with a note) a proposed reward: by someone with rewards approve permission in its territory who is not its recipient.';

create or replace function public.decide_reward(
  p_reward uuid, p_version integer, p_confirm boolean,
  p_kind public.reward_kind default null, p_amount numeric default null, p_note text default '')
returns public.rewards
language sql
set search_path = ''
as $$
  select * from private.decide_reward(p_reward, p_version, p_confirm, p_kind, p_amount, p_note)
$$;
comment on function public.decide_reward(uuid, integer, boolean, public.reward_kind, numeric, text) is
  'Confirms (optionally choosing the kind and a bonus''s amount) or declines (with a note) a proposed reward: by someone with rewards approve permission in its territory who is not its recipient.';

-- An evaluation approved in a band that proposes a reward proposes one (praise unless HR
-- chooses otherwise when confirming it), by whoever approved it.
create or replace function private.evaluation_proposes_reward()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.rewards (staff_id, kind, reason, awarded_on, evaluation_id)
  values (new.staff_id, 'praise',
          format('Evaluation of %s: %s points, band %s.', to_char(new.month, 'YYYY-MM'), new.total_score,
                 (select b.name_en from public.rating_bands b where b.id = new.band_id)),
          current_date, new.id);
  return null;
end;
$$;
comment on function private.evaluation_proposes_reward() is
  'Trigger: an evaluation approved in a reward band proposes a reward for HR to confirm.';

create trigger evaluations_propose_reward after update of status on public.evaluations
  for each row when (old.status = 'submitted' and new.status = 'approved' and new.band_outcome = 'reward')
  execute function private.evaluation_proposes_reward();

-- The access explainer: a reward is in its territory and its person's own (to read).
create or replace function private.record_facts(p_resource text, p_action text, p_row jsonb, p_user uuid)
returns table(territory_id uuid, territory_applies boolean, is_own boolean, own_applies boolean)
language plpgsql
stable
security definer
set search_path = ''
as $$
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
    when 'targets', 'kpi_actuals', 'evaluations', 'rewards' then
      select s.user_id into v_staff from public.staff s where s.id = (p_row ->> 'staff_id')::uuid;
      return query select (p_row ->> 'territory_id')::uuid, true,
                          p_user is not null and v_staff.user_id is not distinct from p_user, p_action = 'read';
    else
      return query select null::uuid, false, false, false;
  end case;
end;
$$;

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.reward_before_write() from public;
revoke all on function private.evaluation_proposes_reward() from public;
revoke all on function private.decide_reward(uuid, integer, boolean, public.reward_kind, numeric, text) from public;
grant execute on function private.decide_reward(uuid, integer, boolean, public.reward_kind, numeric, text) to authenticated, service_role;
revoke all on function public.decide_reward(uuid, integer, boolean, public.reward_kind, numeric, text) from public, anon;
grant execute on function public.decide_reward(uuid, integer, boolean, public.reward_kind, numeric, text) to authenticated, service_role;

-- Status, decision and origin are written by the functions above only.
revoke all on public.rewards from anon, authenticated, service_role;
grant select, delete on public.rewards to authenticated, service_role;
grant insert (staff_id, kind, amount, reason, awarded_on) on public.rewards to authenticated, service_role;
grant update (kind, amount, reason, awarded_on, version) on public.rewards to authenticated, service_role;

select private.refresh_audit_read_policy();

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('rewards', 'table', '{all,territory,own}', 'Rewards', 'Reconocimientos', '奖励', 455);
insert into public.resource_actions (resource, action)
select 'rewards', a from unnest(array['read', 'create', 'update', 'delete', 'approve']) a;

-- Managers propose rewards in their subtree; HR proposes anywhere and confirms or declines;
-- the auditor reads everything; a person reads their own.
insert into public.role_permissions (role_code, resource, action, scope)
select 'hr_admin', 'rewards', a, 'all'::public.permission_scope from unnest(array['read', 'create', 'update', 'delete', 'approve']) a
union all
select 'manager', 'rewards', a, 'territory' from unnest(array['read', 'create', 'update', 'delete']) a
union all
select 'auditor', 'rewards', 'read', 'all'
union all
select 'salesperson', 'rewards', 'read', 'own';
