-- What may change in a closed month, and how:
-- * an approved amendment of a closed month's actual or target also rescores the person's
--   evaluation of that month, even an approved or acknowledged one: an approved evaluation
--   changes only this way (an amendment with a reason, decided by someone other than its
--   requester), never behind anyone's back, and the audit log shows its lines and total before
--   and after;
-- * a target's closed months are compared with what is stored: a row added (someone who joins
--   mid-year) or removed with nothing in its closed months changes no closed figure, and an
--   insert that meets an existing row (the roll-up's insert ... on conflict do update) is
--   checked as the update it becomes, so an open month of a year with a closed one changes.

-- =============================================================================
-- Functions
-- =============================================================================
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
    -- The person's evaluation of that month follows the amended figure, whatever its state:
    -- the change is the approved amendment's, and the audit log shows each line before and after.
    perform private.fill_evaluation_lines(array(
      select e.id from public.evaluations e where e.staff_id = v_row.staff_id and e.month = v_row.month));
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
comment on function private.decide_amendment(uuid, integer, boolean, text) is 'Approves (applying the change and rescoring the person''s evaluation of that month, which the audit log shows with before and after) or rejects (with a note) a pending amendment: by someone with periods approve permission in scope other than the requester.';

create or replace function private.target_not_closed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_month integer;
  v_year integer := coalesce(new.year, old.year);
  v_old numeric(16, 2)[];
  v_new numeric(16, 2)[];
begin
  -- Most years have no closed month at all: one look, then nothing to check.
  if coalesce(current_setting('app.amending', true), '') = 'on'
     or not exists (select 1 from public.period_closes c
                     where c.month >= make_date(v_year, 1, 1) and c.month < make_date(v_year + 1, 1, 1)) then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  -- An insert that meets its row (insert ... on conflict, before the conflict is known) writes
  -- nothing itself: the update it may become is checked by this trigger's update; a new row is
  -- measured against nothing.
  if tg_op = 'INSERT' then
    if exists (select 1 from public.targets t
                where t.kpi_id = new.kpi_id and t.year = new.year and t.territory_id = new.territory_id
                  and t.staff_id is not distinct from new.staff_id) then
      return new;
    end if;
  else
    v_old := old.months;
  end if;
  v_new := case when tg_op = 'DELETE' then null else new.months end;
  for v_month in 1 .. 12 loop
    if coalesce(v_new[v_month], 0) is distinct from coalesce(v_old[v_month], 0) then
      perform private.refuse_closed(make_date(coalesce(new.year, old.year), v_month, 1),
                                    case when tg_op = 'DELETE' then old.territory_id else new.territory_id end, 'its targets');
    end if;
  end loop;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
comment on function private.target_not_closed() is 'Trigger: a target''s month that is closed does not change (a row added or removed with nothing in its closed months changes none).';
