-- Detectors that run (000 §9: no lowering the price without the manager's permission; 002 §3.2:
-- work only inside one's own territory; the customer-care rule's visiting rhythm). Three more
-- checks join the registry beside the attendance one:
--   discount_above_authority  a sale whose discount is above its granter's position authority on
--                             the sale day, with no approved request for that customer covering it
--   outside_territory         a visit, or a credited share of a sale, for a customer outside the
--                             person's territory (subtree) on that day, by someone who was not
--                             the customer's owner then
--   overdue_visit             a customer's visit overdue past the detector's grace days
-- The first two run on write (statement triggers over the written rows) and in the nightly run;
-- the third is about time passing and runs nightly. Each finding becomes one draft violation of
-- the rule HR binds to the detector, never two for the same event (a unique key per detector).
-- Discipline in the evaluation: points per sanction kind as data, and a KPI measure that sums a
-- period's confirmed and closed violations.

-- =============================================================================
-- Tables
-- =============================================================================
alter table public.detectors drop constraint detectors_code_check;
alter table public.detectors add constraint detectors_code_check
  check (code in ('meeting_attendance', 'discount_above_authority', 'outside_territory', 'overdue_visit'));
alter table public.detectors
  add column grace_days integer not null default 0 check (grace_days between 0 and 365),
  add column last_run_at timestamptz,
  add column last_run_found integer check (last_run_found >= 0);
comment on column public.detectors.grace_days is 'Days a finding waits before it is a breach (the overdue-visit check: days past the visit''s due date).';
comment on column public.detectors.last_run_at is 'When the nightly run (or a run HR started) last ran this check; set by the database.';
comment on column public.detectors.last_run_found is 'How many new draft violations that run recorded; set by the database.';

insert into public.detectors (code, grace_days) values
  ('discount_above_authority', 0), ('outside_territory', 0), ('overdue_visit', 7);

-- A detected violation names the customer it concerns and the event it was found for: one
-- violation per detector and event at most.
alter table public.violations
  add column customer_id uuid references public.customers (id) on delete restrict,
  add column detection_key text,
  add constraint violations_detection_key check ((detection_key is null) or (detected_by is not null));
comment on column public.violations.customer_id is 'The customer a detected violation concerns (the visit''s, the sale''s or the overdue one); set by the database.';
comment on column public.violations.detection_key is 'The event a detector found (one violation per detector and event); set by the database.';
create index violations_customer_idx on public.violations (customer_id);
-- A discount request can be the evidence of a violation too (asked for, refused, and granted
-- anyway); a withdrawn request leaves the violation without it.
alter table public.violations
  add column discount_request_id uuid references public.discount_requests (id) on delete set null;
comment on column public.violations.discount_request_id is 'The discount request that shows the breach, if any (the discount check links the customer''s latest request not approved).';
create index violations_discount_request_idx on public.violations (discount_request_id);
create unique index violations_detection_idx on public.violations (detected_by, detection_key)
  where detection_key is not null;
-- A person's decided violations of a rule, as the repeat count reads them: a batch of findings
-- for one person no longer re-reads every earlier draft of theirs for each new one.
create index violations_repeats_idx on public.violations (staff_id, regulation_id, occurred_on)
  where status in ('confirmed', 'closed');

-- Points each confirmed sanction costs in the discipline measure.
create table public.sanction_points (
  kind public.sanction_kind primary key,
  points integer not null default 0 check (points between 0 and 1000),
  updated_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.sanction_points is
  'Discipline points per sanction kind: the discipline_points KPI measure sums them over a person''s confirmed and closed violations of a period. One row per kind; whoever edits KPIs sets the points.';
create index sanction_points_updated_by_idx on public.sanction_points (updated_by);
insert into public.sanction_points (kind, points) values
  ('verbal_warning', 1), ('written_warning', 3), ('fine', 5), ('referral', 5), ('demotion', 10), ('dismissal', 20);

insert into public.kpi_measures (code, name_en, name_es, name_zh, description_en, description_es, description_zh, unit, sort_order)
values ('discipline_points', 'Discipline points', 'Puntos de disciplina', '纪律扣分',
        'Points of the person''s confirmed and closed violations that happened in the period, by the sanction chosen (points per sanction are data). Lower is better.',
        'Puntos de las infracciones confirmadas y cerradas de la persona ocurridas en el periodo, según la sanción elegida (los puntos por sanción son datos). Menos es mejor.',
        '本期内发生且已确认或已结案的违规按所定处分计分(每种处分的分值可配置)。越低越好。',
        'count', 95);

-- =============================================================================
-- Triggers
-- =============================================================================
-- A violation a detector found has no recorder; the rest is as before.
create or replace function private.violation_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_proposal record;
  v_territory uuid;
begin
  if tg_op = 'DELETE' then
    if old.status <> 'draft' then
      raise exception using errcode = '23514', detail = 'violation_decided',
        message = format('This violation is already %s; it is kept.', old.status);
    end if;
    return old;
  end if;
  if tg_op = 'UPDATE' and coalesce(current_setting('app.violation_workflow', true), '') <> 'on' then
    if old.status <> 'draft' then
      raise exception using errcode = '23514', detail = 'violation_decided',
        message = format('This violation is already %s; it no longer changes.', old.status);
    end if;
    if (new.status, new.statement, new.statement_at, new.decided_by, new.decided_at, new.closed_by, new.closed_at,
        new.level_order, new.sanction_kind, new.fine_amount, new.live_until, new.lighter_reason, new.dismissal_reason,
        new.recorded_by)
       is distinct from
       (old.status, old.statement, old.statement_at, old.decided_by, old.decided_at, old.closed_by, old.closed_at,
        old.level_order, old.sanction_kind, old.fine_amount, old.live_until, old.lighter_reason, old.dismissal_reason,
        old.recorded_by) then
      raise exception using errcode = '42501', detail = 'violation_workflow',
        message = 'A violation''s status, statement and sanction change through its own steps only.';
    end if;
  end if;
  if tg_op = 'INSERT' then
    new.status := 'draft';
    new.recorded_by := case when new.detected_by is null then (select auth.uid()) end;
    new.statement := '';
    new.statement_at := null;
    new.decided_by := null;
    new.decided_at := null;
    new.closed_by := null;
    new.closed_at := null;
    new.level_order := null;
    new.sanction_kind := null;
    new.fine_amount := null;
    new.live_until := null;
    new.lighter_reason := '';
    new.dismissal_reason := '';
  else
    new.detected_by := old.detected_by;
    new.detection_key := old.detection_key;
    new.customer_id := old.customer_id;
  end if;
  if new.status = 'draft' then
    if new.occurred_on > current_date then
      raise exception using errcode = '23514', detail = 'violation_in_future',
        message = 'A violation is recorded on or after the day it happened, not before.';
    end if;
    select a.territory_id into v_territory from private.assignment_on(new.staff_id, new.occurred_on) a;
    if v_territory is null then
      raise exception using errcode = '23514', detail = 'violation_person_without_territory',
        message = 'This person had no territory that day; violations are kept by territory.';
    end if;
    new.territory_id := v_territory;
    select * into v_proposal from private.violation_proposal(new.staff_id, new.regulation_id, new.occurred_on, new.id);
    new.version_number := v_proposal.version_number;
    new.repeat_count := v_proposal.repeat_count;
    new.proposed_level := v_proposal.level_order;
  end if;
  return new;
end;
$$;
comment on function private.violation_before_write() is
  'Trigger: a violation is recorded as a draft by the writer (by no one when a detector found it), in its person''s territory of the day, under the rule''s version in force then, with its repeat count and proposal kept current; what a detector found stays as found; once decided it is kept as it is.';

create trigger sanction_points_touch before update on public.sanction_points
  for each row execute function private.touch_row();

create or replace function private.sanction_points_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  new.kind := old.kind;
  new.updated_by := (select auth.uid());
  return new;
end;
$$;
comment on function private.sanction_points_before_write() is 'Trigger: a sanction''s points keep their kind and who changed them last.';
create trigger sanction_points_before_write before update on public.sanction_points
  for each row execute function private.sanction_points_before_write();
select private.enable_audit('public.sanction_points', '{kind}');

-- =============================================================================
-- Finding breaches
-- =============================================================================
-- The breaches the given checks find among the events of a period (p_from..p_to, never after
-- today), optionally only among some sales or visits (the rows a statement wrote). Set-based:
-- each event's person is placed on its day (position and territory from the assignment history)
-- with one index probe, and only events whose person had a territory then and whose rule had a
-- version in force are returned, so that recording them cannot fail.
create or replace function private.detector_findings(
  p_codes text[], p_from date, p_to date, p_sales uuid[] default null, p_visits uuid[] default null)
returns table (code text, regulation_id uuid, staff_id uuid, occurred_on date, description text, evidence_note text,
               visit_id uuid, sale_id uuid, customer_id uuid, detection_key text, discount_request_id uuid)
language plpgsql
stable
security definer
set search_path = ''
as $function$
begin
  -- Planned for the call's own values (a statement's few rows, or the whole period), not a
  -- generic plan that scans every sale for the rows one statement wrote.
  return query execute $q$
  with rules as materialized (
    select d.code, d.regulation_id, d.grace_days from public.detectors d
     where d.enabled and d.code = any ($1)
  ),
  events as materialized (
    -- A discount: the person who granted it.
    select 'discount_above_authority'::text as code, s.discount_granted_by as staff_id, s.sale_date as day,
           s.customer_id, s.territory_id, s.id as sale_id, null::uuid as visit_id, s.discount_percent,
           s.id::text as detection_key
      from public.sales s
     where exists (select 1 from rules r where r.code = 'discount_above_authority')
       and s.discount_percent > 0
       and s.sale_date between $2 and least($3, current_date)
       and ($4 is null or s.id = any ($4))
    union all
    -- A credited share of a sale: the person credited, unless they owned the customer that day
    -- (a customer's owner works for them wherever the territory lines are).
    select 'outside_territory', c.staff_id, s.sale_date, s.customer_id, s.territory_id, s.id, null, null,
           'sale:' || s.id || ':' || c.staff_id
      from public.sale_credits c
      join public.sales s on s.id = c.sale_id
     where exists (select 1 from rules r where r.code = 'outside_territory')
       and c.staff_id is distinct from s.owner_id
       and s.sale_date between $2 and least($3, current_date)
       and ($4 is null or s.id = any ($4))
       and $5 is null
    union all
    -- A visit: the person who made it, unless they owned the customer that day.
    select 'outside_territory', v.staff_id, v.visited_on, v.customer_id, v.territory_id, null, v.id, null,
           'visit:' || v.id
      from public.visits v
     where exists (select 1 from rules r where r.code = 'outside_territory')
       and v.staff_id is distinct from v.owner_id
       and v.visited_on between $2 and least($3, current_date)
       and ($5 is null or v.id = any ($5))
       and $4 is null
  ),
  placed as (
    select e.*, coalesce(a.position_id, st.position_id) as position_id,
           case when a.staff_id is null then st.territory_id else a.territory_id end as own_territory
      from events e
      join public.staff st on st.id = e.staff_id
      left join lateral (
        select x.staff_id, x.position_id, x.territory_id from public.staff_assignments x
         where x.staff_id = e.staff_id and x.valid_from <= e.day and (x.valid_to is null or x.valid_to > e.day)
         order by x.valid_from desc limit 1) a on true
  ),
  found as (
    select p.code, p.staff_id, p.day, p.customer_id, p.sale_id, p.visit_id, p.detection_key, p.own_territory,
           case when p.code = 'discount_above_authority' then (
             select q.id from public.discount_requests q
              where q.customer_id = p.customer_id and q.status <> 'approved' and q.created_at::date <= p.day
              order by q.created_at desc limit 1) end as discount_request_id,
           case when p.code = 'discount_above_authority'
                  then format('Granted a %s%% discount; the position''s authority that day was %s%%, and no approved request covered it.',
                              to_char(p.discount_percent, 'FM990.##'), to_char(coalesce(pos.max_discount_percent, 0), 'FM990.##'))
                when p.sale_id is not null
                  then format('Credited with a sale to %s, a customer outside their territory that day.', cu.code)
                else format('Visited %s, a customer outside their territory that day.', cu.code) end as description,
           case when p.sale_id is not null then 'Sale of ' || to_char(p.day, 'YYYY-MM-DD') || ' to ' || cu.code || ' ' || cu.name || '.'
                else 'Visit of ' || to_char(p.day, 'YYYY-MM-DD') || ' to ' || cu.code || ' ' || cu.name || '.' end as evidence_note
      from placed p
      join public.customers cu on cu.id = p.customer_id
      left join public.positions pos on pos.id = p.position_id
     where p.own_territory is not null
       and case
             when p.code = 'discount_above_authority' then
               coalesce(pos.max_discount_percent, 0) < p.discount_percent
               and not exists (
                 select 1 from public.discount_requests q
                  where q.customer_id = p.customer_id and q.status = 'approved'
                    and q.discount_percent >= p.discount_percent and q.decided_at::date <= p.day)
             else
               not exists (
                 select 1 from public.territories ct, public.territories ot
                  where ct.id = p.territory_id and ot.id = p.own_territory
                    and ct.path operator(extensions.<@) ot.path)
           end
    union all
    -- An overdue visit: the customer's owner, on the first day past the grace days, once per due date.
    select 'overdue_visit', cu.owner_id, d.breach_on, cu.id, null, null, 'customer:' || cu.id || ':' || d.due_on,
           a.territory_id, null,
           format('The visit to %s fell due on %s and was still not made %s days later.', cu.code,
                  to_char(d.due_on, 'YYYY-MM-DD'), r.grace_days),
           format('Customer %s %s, tier interval %s days, last visit %s.', cu.code, cu.name, t.visit_interval_days,
                  coalesce(to_char(lv.last_visit_on, 'YYYY-MM-DD'), 'never'))
      from rules r
      join public.customers cu on cu.owner_id is not null and cu.status <> 'lost'
      join public.customer_tiers t on t.id = cu.tier_id and t.visit_interval_days is not null
      cross join lateral (
        select max(v.visited_on) as last_visit_on from public.visits v
         where v.customer_id = cu.id and v.visited_on <= least($3, current_date)) lv
      cross join lateral (select coalesce(lv.last_visit_on, cu.tier_since) + t.visit_interval_days as due_on) d0
      cross join lateral (select d0.due_on, d0.due_on + r.grace_days + 1 as breach_on) d
      cross join lateral (
        select case when x.staff_id is null then st.territory_id else x.territory_id end as territory_id
          from public.staff st
          left join lateral (
            select y.staff_id, y.territory_id from public.staff_assignments y
             where y.staff_id = st.id and y.valid_from <= d.breach_on and (y.valid_to is null or y.valid_to > d.breach_on)
             order by y.valid_from desc limit 1) x on true
         where st.id = cu.owner_id) a
     where r.code = 'overdue_visit'
       and $4 is null and $5 is null
       and d.breach_on between $2 and least($3, current_date)
       and a.territory_id is not null
  )
  select f.code, r.regulation_id, f.staff_id, f.day, f.description, f.evidence_note, f.visit_id, f.sale_id, f.customer_id,
         f.detection_key, f.discount_request_id
    from found f
    join rules r on r.code = f.code
   where exists (select 1 from public.regulation_versions v where v.regulation_id = r.regulation_id and v.effective_date <= f.day)
  $q$ using p_codes, p_from, p_to, p_sales, p_visits;
end;
$function$;
comment on function private.detector_findings(text[], date, date, uuid[], uuid[]) is
  'The breaches the switched-on checks among p_codes find among the events of p_from..p_to (never after today), optionally only among given sales or visits: one row per event, for a person with a territory that day and a rule with a version in force.';

-- Records the findings as draft violations, one per detector and event (those already found are
-- left as they are); returns how many each check recorded.
create or replace function private.record_findings(
  p_codes text[], p_from date, p_to date, p_sales uuid[] default null, p_visits uuid[] default null)
returns table (code text, found integer)
language plpgsql
security definer
set search_path = ''
as $$
begin
  return query
  with inserted as (
    insert into public.violations (staff_id, regulation_id, occurred_on, description, evidence_note, visit_id, sale_id,
                                   customer_id, detected_by, detection_key, discount_request_id)
    select f.staff_id, f.regulation_id, f.occurred_on, f.description, f.evidence_note, f.visit_id, f.sale_id,
           f.customer_id, f.code, f.detection_key, f.discount_request_id
      from private.detector_findings(p_codes, p_from, p_to, p_sales, p_visits) f
     order by f.occurred_on, f.staff_id
    on conflict (detected_by, detection_key) where detection_key is not null do nothing
    returning detected_by
  )
  select c, (select count(*)::integer from inserted i where i.detected_by = c)
    from unnest(p_codes) c;
end;
$$;
comment on function private.record_findings(text[], date, date, uuid[], uuid[]) is
  'Records what the checks find as draft violations of their rules, one per detector and event, in one statement; returns how many each recorded.';

-- On write: the sales and credits a statement wrote, and the visits.
create or replace function private.detect_on_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_codes text[];
  v_ids uuid[];
begin
  select array_agg(d.code) into v_codes from public.detectors d
   where d.enabled and d.code = any (case tg_table_name
                                       when 'sales' then array['discount_above_authority']
                                       else array['outside_territory'] end);
  if v_codes is null then
    return null;
  end if;
  if tg_table_name = 'sales' then
    select array_agg(n.id) into v_ids from new_rows n where n.discount_percent > 0;
  elsif tg_table_name = 'sale_credits' then
    -- Only shares credited to someone other than the customer's owner can be outside.
    select array_agg(distinct n.sale_id) into v_ids
      from new_rows n join public.sales s on s.id = n.sale_id
     where n.staff_id is distinct from s.owner_id;
  else
    select array_agg(n.id) into v_ids from new_rows n where n.staff_id is distinct from n.owner_id;
  end if;
  if v_ids is null then
    return null;
  end if;
  if tg_table_name = 'visits' then
    perform private.record_findings(v_codes, date '2000-01-01', current_date, null, v_ids);
  else
    perform private.record_findings(v_codes, date '2000-01-01', current_date, v_ids, null);
  end if;
  return null;
end;
$$;
comment on function private.detect_on_write() is
  'Trigger: while a check is on, the sales, credits or visits a statement wrote are checked in one pass, and each breach becomes one draft violation.';

create trigger sales_detect_insert after insert on public.sales
  referencing new table as new_rows for each statement execute function private.detect_on_write();
create trigger sales_detect_update after update on public.sales
  referencing new table as new_rows for each statement execute function private.detect_on_write();
create trigger sale_credits_detect_insert after insert on public.sale_credits
  referencing new table as new_rows for each statement execute function private.detect_on_write();
create trigger sale_credits_detect_update after update on public.sale_credits
  referencing new table as new_rows for each statement execute function private.detect_on_write();
create trigger visits_detect_insert after insert on public.visits
  referencing new table as new_rows for each statement execute function private.detect_on_write();
create trigger visits_detect_update after update on public.visits
  referencing new table as new_rows for each statement execute function private.detect_on_write();

-- =============================================================================
-- The nightly run
-- =============================================================================
-- Runs every switched-on check over the last p_days days (the overdue check as of today) and
-- notes when each ran and what it recorded. Whoever may change the detectors may start it.
create or replace function private.run_detectors(p_days integer default 31)
returns table (code text, found integer)
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_codes text[];
begin
  if not (private.caller_bypasses_rls() or private.allows_all('detectors', 'update')) then
    raise exception using errcode = '42501', detail = 'detectors_run_forbidden',
      message = 'Only people who may change the detectors may run them.';
  end if;
  if p_days is null or p_days < 1 or p_days > 3660 then
    raise exception using errcode = '22023', detail = 'detectors_run_days',
      message = 'Run the checks over 1 to 3,660 days.';
  end if;
  select array_agg(d.code order by d.code) into v_codes from public.detectors d
   where d.enabled and d.code <> 'meeting_attendance';
  if v_codes is null then
    return;
  end if;
  return query
  with counted as (
    select r.code, r.found from private.record_findings(v_codes, current_date - p_days, current_date) r
  ), noted as (
    update public.detectors d set last_run_at = now(), last_run_found = c.found
      from counted c where d.code = c.code
    returning d.code, d.last_run_found
  )
  select n.code, n.last_run_found from noted n order by n.code;
end;
$$;
comment on function private.run_detectors(integer) is
  'The nightly run: every switched-on check over the last p_days days, each breach one draft violation; notes when each check ran and how many it recorded.';

create or replace function public.run_detectors(p_days integer default 31)
returns table (code text, found integer)
language sql
set search_path = ''
set statement_timeout = '60s'
as $$
  select * from private.run_detectors(p_days)
$$;
comment on function public.run_detectors(integer) is
  'Runs the switched-on checks now over the last p_days days (the nightly run does the same); for people who may change the detectors.';

-- The detectors' last run is the database's to note: the row trigger keeps it otherwise.
create or replace function private.detector_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  new.code := old.code;
  -- Who bound or switched it last: whoever changes the binding, never what a writer sends.
  new.updated_by := case
                      when (new.regulation_id, new.enabled, new.grace_days)
                           is distinct from (old.regulation_id, old.enabled, old.grace_days)
                        then (select auth.uid())
                      else old.updated_by
                    end;
  return new;
end;
$$;
comment on function private.detector_before_write() is 'Trigger: a detector keeps its code, and who bound or switched it last.';

-- On a hosted project with pg_cron switched on, the run is scheduled every night at 02:30 UTC.
do $$
begin
  if exists (select 1 from pg_catalog.pg_extension where extname = 'pg_cron') then
    perform cron.schedule('run-detectors-nightly', '30 2 * * *', 'select private.run_detectors(31)');
  end if;
end;
$$;

-- =============================================================================
-- Discipline points, a KPI measure
-- =============================================================================
create or replace function private.discipline_points(p_from date, p_to date, p_staff uuid[])
returns table (staff_id uuid, value numeric)
language sql
stable
security definer
set search_path = ''
as $$
  select v.staff_id, sum(coalesce(sp.points, 0))::numeric
    from public.violations v
    left join public.sanction_points sp on sp.kind = v.sanction_kind
   where v.staff_id = any (p_staff)
     and v.occurred_on between p_from and p_to
     and v.status in ('confirmed', 'closed')
   group by v.staff_id
$$;
comment on function private.discipline_points(date, date, uuid[]) is
  'Each person''s discipline points in a period: the points of the sanctions chosen for their confirmed and closed violations that happened in it.';

create or replace function private.measures_values(p_measures text[], p_from date, p_to date, p_staff uuid[], p_tier uuid DEFAULT NULL::uuid, p_product_line uuid DEFAULT NULL::uuid, p_customer_status public.customer_status DEFAULT NULL::public.customer_status)
 RETURNS TABLE(staff_id uuid, measure text, value numeric)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
 SET enable_nestloop TO 'on'
AS $function$
begin
  -- Planned for the call's own values (how many people, which measures), not a generic plan
  -- that guesses ten people and loops over every sale of each.
  return query execute $q$
    with people as materialized (
      select s.id, s.position_id
        from public.staff s
       where s.id = any ($4)
         and ((select private.caller_bypasses_rls())
              or (select private.allows_all('staff', 'read'))
              or s.territory_id in (select private.allowed_territories('staff', 'read'))
              or s.user_id = (select private.allowed_owner('staff', 'read')))
    ),
    -- Each person's credited share of the period's sales, with the customer's filters.
    credited as materialized (
      select c.staff_id, sum(s.amount * c.share_percent / 100) as amount,
             sum((s.amount - s.cost) * c.share_percent / 100) as profit, count(distinct s.customer_id) as customers
        from public.sale_credits c
        join public.sales s on s.id = c.sale_id
        join public.customers cu on cu.id = s.customer_id
       where $1 && array['sales_amount', 'profit_contribution', 'distinct_customers']
         and c.staff_id in (select p.id from people p)
         and s.sale_date between $2 and $3
         and ($5 is null or cu.tier_id = $5)
         and ($6 is null or s.product_line_id = $6)
         and ($7 is null or cu.status = $7)
       group by c.staff_id
    ),
    collected as materialized (
      select c.staff_id, sum(pay.amount * c.share_percent / 100) as value
        from public.payments pay
        join public.sales s on s.id = pay.sale_id
        join public.sale_credits c on c.sale_id = s.id
        join public.customers cu on cu.id = s.customer_id
       where 'payments_collected' = any ($1)
         and c.staff_id in (select p.id from people p)
         and pay.paid_on between $2 and $3
         and ($5 is null or cu.tier_id = $5)
         and ($7 is null or cu.status = $7)
       group by c.staff_id
    ),
    -- Customers whose first sale (of the product line, when filtered) falls in the period, and
    -- that sale: the earliest of the period's sales of a customer with none before the period.
    first_sales as materialized (
      select distinct on (s.customer_id) s.customer_id, s.id as sale_id
        from public.sales s
        join public.customers cu on cu.id = s.customer_id
       where 'new_customers' = any ($1)
         and s.sale_date between $2 and $3
         and ($5 is null or cu.tier_id = $5)
         and ($6 is null or s.product_line_id = $6)
         and not exists (select 1 from public.sales e
                          where e.customer_id = s.customer_id and e.sale_date < $2
                            and ($6 is null or e.product_line_id = $6))
       order by s.customer_id, s.sale_date, s.id
    ),
    new_customers as materialized (
      select c.staff_id, count(distinct f.customer_id) as value
        from first_sales f
        join public.sale_credits c on c.sale_id = f.sale_id
       where c.staff_id in (select p.id from people p)
       group by c.staff_id
    ),
    visits as materialized (
      select v.staff_id, count(*) as value
        from public.visits v
        join public.customers cu on cu.id = v.customer_id
       where $1 && array['visits_done', 'visit_plan_compliance']
         and v.staff_id in (select p.id from people p)
         and v.visited_on between $2 and $3
         and ($5 is null or cu.tier_id = $5)
         and ($7 is null or cu.status = $7)
       group by v.staff_id
    ),
    planned as materialized (
      select vp.staff_id, sum(vp.planned_visits) as value
        from public.visit_plans vp
       where 'visit_plan_compliance' = any ($1)
         and vp.staff_id in (select p.id from people p)
         and vp.month between date_trunc('month', $2)::date and $3
       group by vp.staff_id
    ),
    -- Customers each person owns that are overdue at the period's end (as overdue_customers
    -- counts them: the last visit up to that day, or the day they entered their tier).
    overdue as materialized (
      select cu.owner_id as staff_id, count(*) as value
        from public.customers cu
        join public.customer_tiers t on t.id = cu.tier_id and t.visit_interval_days is not null
        cross join lateral (
          select max(v.visited_on) as last_visit_on from public.visits v
           where v.customer_id = cu.id and v.visited_on <= $3
        ) lv
       where 'overdue_visits' = any ($1)
         and cu.owner_id in (select p.id from people p)
         and cu.status <> 'lost'
         and ($5 is null or cu.tier_id = $5)
         and coalesce(lv.last_visit_on, cu.tier_since) + t.visit_interval_days < $3
       group by cu.owner_id
    ),
    -- The rules in force (published, not retired) that apply to each person's position, and which
    -- of them they acknowledged.
    rules as materialized (
      select p.id as staff_id, count(*) as applying,
             count(*) filter (where exists (
               select 1 from public.acknowledgements a
                where a.regulation_id = r.id and a.version_number = r.current_version and a.staff_id = p.id)) as acknowledged
        from people p
        join public.regulations r on r.current_version is not null and r.status <> 'retired'
         and (r.applies_to_all_positions
              or exists (select 1 from public.regulation_positions rp where rp.regulation_id = r.id and rp.position_id = p.position_id))
       where 'rules_acknowledged' = any ($1)
       group by p.id
    ),
    -- Points of the confirmed and closed violations that happened in the period.
    discipline as materialized (
      select d.staff_id, d.value
        from private.discipline_points($2, $3, array(select p.id from people p)) d
       where 'discipline_points' = any ($1)
    ),
    -- Each measure asked for, per person who has one (every other branch is empty).
    measured as (
      select c.staff_id, 'sales_amount' as measure, c.amount as value from credited c where 'sales_amount' = any ($1)
      union all
      select c.staff_id, 'profit_contribution', c.profit from credited c where 'profit_contribution' = any ($1)
      union all
      select c.staff_id, 'distinct_customers', c.customers from credited c where 'distinct_customers' = any ($1)
      union all
      select x.staff_id, 'payments_collected', x.value from collected x
      union all
      select x.staff_id, 'new_customers', x.value from new_customers x
      union all
      select x.staff_id, 'visits_done', x.value from visits x where 'visits_done' = any ($1)
      union all
      select pl.staff_id, 'visit_plan_compliance', round(coalesce(v.value, 0) * 100.0 / nullif(pl.value, 0), 2)
        from planned pl left join visits v on v.staff_id = pl.staff_id
      union all
      select x.staff_id, 'overdue_visits', x.value from overdue x
      union all
      select x.staff_id, 'rules_acknowledged', round(x.acknowledged * 100.0 / nullif(x.applying, 0), 2) from rules x
      union all
      select x.staff_id, 'discipline_points', x.value from discipline x
    )
    select p.id, q.measure,
           case when q.measure in ('sales_amount', 'profit_contribution', 'payments_collected')
                  then round(coalesce(m.value, 0), 2)
                when q.measure in ('visit_plan_compliance', 'rules_acknowledged') then m.value
                when q.measure in ('distinct_customers', 'new_customers', 'visits_done', 'overdue_visits', 'discipline_points')
                  then coalesce(m.value, 0)
           end::numeric
      from people p
     cross join unnest ($1) q(measure)
      left join measured m on m.staff_id = p.id and m.measure = q.measure
  $q$ using p_measures, p_from, p_to, p_staff, p_tier, p_product_line, p_customer_status;
end;
$function$;
comment on function private.measures_values(p_measures text[], p_from date, p_to date, p_staff uuid[], p_tier uuid, p_product_line uuid, p_customer_status public.customer_status) is 'Registry measures for a period and the given people the caller may read (the staff read rule): each person''s value of each measure asked for, computed from all of their records in one grouped pass per kind of record; 0 where nothing counts (compliance and rules: none when nothing was planned or applies).';

-- =============================================================================
-- Row-level security
-- =============================================================================
-- The violations a manager reads: one array of territories and the person's own staff id (none
-- unless the scope is own), two index conditions the planner ORs as bitmaps, instead of a
-- per-row test of every violation (the list's exact count read all 100,000 for a region's
-- 19,000).
create or replace function private.own_staff_id(p_resource text, p_action text)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select case when private.allowed_owner(p_resource, p_action) is not null then private.my_staff_id() end
$$;
comment on function private.own_staff_id(text, text) is
  'Policy helper: the signed-in person''s staff id when they may touch their own rows of the resource, else null.';

drop policy "people with violations read permission in scope or their own can read violations" on public.violations;
create policy "people with violations read permission in scope or their own can read violations" on public.violations
  for select to authenticated
  using (
    territory_id = any ((select private.territory_scope('violations', 'read', false))::uuid[])
    or staff_id = (select private.own_staff_id('violations', 'read'))
  );

alter table public.sanction_points enable row level security;
create policy "people with kpis read permission can read sanction points" on public.sanction_points
  for select to authenticated
  using ((select private.allows_all('kpis', 'read')));
create policy "people with kpis update permission can set sanction points" on public.sanction_points
  for update to authenticated
  using ((select private.allows_all('kpis', 'update')))
  with check ((select private.allows_all('kpis', 'update')));

-- =============================================================================
-- Grants
-- =============================================================================
grant update (grace_days) on public.detectors to authenticated, service_role;
grant insert (discount_request_id), update (discount_request_id) on public.violations to authenticated, service_role;

revoke all on public.sanction_points from anon, authenticated, service_role;
grant select on public.sanction_points to authenticated, service_role;
grant update (points, version) on public.sanction_points to authenticated, service_role;

revoke all on function private.detector_findings(text[], date, date, uuid[], uuid[]) from public;
revoke all on function private.record_findings(text[], date, date, uuid[], uuid[]) from public;
revoke all on function private.detect_on_write() from public;
revoke all on function private.run_detectors(integer) from public;
revoke all on function private.sanction_points_before_write() from public;
revoke all on function private.discipline_points(date, date, uuid[]) from public;
revoke all on function private.own_staff_id(text, text) from public;
grant execute on function private.own_staff_id(text, text) to authenticated, service_role;
grant execute on function private.run_detectors(integer) to authenticated, service_role;

revoke all on function public.run_detectors(integer) from public, anon;
grant execute on function public.run_detectors(integer) to authenticated, service_role;

select private.refresh_audit_read_policy();
