-- Plans and summaries (003 ch.2-4): at the start of each month a salesperson submits a monthly
-- plan (the sales target broken down, key customers to keep, prospects to develop, visits
-- planned, how to handle known problems); at the end a summary mirroring it whose figures the
-- database fills in from the records (sales, collection, visits done against planned, new
-- customers), with free-text sections for results, causes, what went well and badly; weekly
-- summaries the same in small. The manager reviews and comments, or sends it back. The annual
-- summary follows 003 ch.4 (results, causes, personal growth and gaps) and ends with suggestions
-- to the company, which land in the suggestions channel when it is submitted.

-- =============================================================================
-- Types and tables
-- =============================================================================
create type public.report_status as enum ('draft', 'submitted', 'reviewed');
create type public.summary_period as enum ('week', 'month', 'year');

create table public.monthly_plans (
  id uuid primary key default gen_random_uuid(),
  staff_id uuid not null references public.staff (id) on delete restrict,
  month date not null check (extract(day from month) = 1 and month between '2000-01-01' and '2100-12-01'),
  -- The person's territory on the month's first day (set by the database): the plan's scope.
  territory_id uuid references public.territories (id) on delete restrict,
  sales_target numeric(14,2) not null default 0 check (sales_target between 0 and 1000000000),
  target_breakdown text not null default '' check (length(target_breakdown) <= 4000),
  key_customers text not null default '' check (length(key_customers) <= 4000),
  prospects text not null default '' check (length(prospects) <= 4000),
  visits_planned integer not null default 0 check (visits_planned between 0 and 1000),
  known_problems text not null default '' check (length(known_problems) <= 4000),
  status public.report_status not null default 'draft',
  submitted_at timestamptz,
  review_comment text not null default '' check (length(review_comment) <= 4000),
  reviewed_by uuid references public.profiles (id) on delete set null,
  -- The reviewer's name when they reviewed it (set by the database): the person reads it even
  -- where they may not read the reviewer's profile.
  reviewer_name text not null default '',
  reviewed_at timestamptz,
  created_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint monthly_plans_once unique (staff_id, month),
  constraint monthly_plans_set_by_database check (territory_id is not null),
  constraint monthly_plans_submitted check ((status = 'draft') = (submitted_at is null)),
  constraint monthly_plans_reviewed check ((status = 'reviewed') = (reviewed_at is not null))
);
comment on table public.monthly_plans is
  'A salesperson''s monthly plan (003 ch.3): sales target and its breakdown, key customers to keep, prospects to develop, visits planned, how known problems will be handled; draft, submitted, reviewed with the manager''s comment. The territory, every time and who reviewed are set by the database.';
create index monthly_plans_territory_idx on public.monthly_plans (territory_id, month desc);
create index monthly_plans_month_idx on public.monthly_plans (month, status);
create index monthly_plans_reviewed_by_idx on public.monthly_plans (reviewed_by);
create index monthly_plans_created_by_idx on public.monthly_plans (created_by);

create table public.summaries (
  id uuid primary key default gen_random_uuid(),
  staff_id uuid not null references public.staff (id) on delete restrict,
  period public.summary_period not null default 'month',
  period_start date not null check (period_start between '2000-01-01' and '2100-12-31'),
  period_end date not null generated always as (
    case period when 'week' then period_start + 6
                when 'month' then (period_start + interval '1 month' - interval '1 day')::date
                else (period_start + interval '1 year' - interval '1 day')::date end) stored,
  -- The person's territory on the period's first day (set by the database): the summary's scope.
  territory_id uuid references public.territories (id) on delete restrict,
  -- Figures filled in by the database from the records (kept fresh while a draft, frozen when
  -- submitted); planned ones come from the monthly plans of the period (none for a week).
  sales_amount numeric(16,2) not null default 0,
  payments_collected numeric(16,2) not null default 0,
  visits_done integer not null default 0,
  new_customers integer not null default 0,
  sales_planned numeric(16,2),
  visits_planned integer,
  figures_at timestamptz not null default now(),
  results text not null default '' check (length(results) <= 8000),
  causes text not null default '' check (length(causes) <= 8000),
  went_well text not null default '' check (length(went_well) <= 8000),
  went_badly text not null default '' check (length(went_badly) <= 8000),
  next_steps text not null default '' check (length(next_steps) <= 8000),
  -- The annual summary's own sections (003 ch.4).
  personal_growth text not null default '' check (length(personal_growth) <= 8000),
  gaps text not null default '' check (length(gaps) <= 8000),
  company_suggestions text not null default '' check (length(company_suggestions) <= 10000),
  status public.report_status not null default 'draft',
  submitted_at timestamptz,
  review_comment text not null default '' check (length(review_comment) <= 4000),
  reviewed_by uuid references public.profiles (id) on delete set null,
  -- The reviewer's name when they reviewed it (set by the database), as on plans.
  reviewer_name text not null default '',
  reviewed_at timestamptz,
  -- The suggestion the annual summary's suggestions to the company became.
  suggestion_id uuid references public.suggestions (id) on delete set null,
  created_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint summaries_once unique (staff_id, period, period_start),
  constraint summaries_set_by_database check (territory_id is not null),
  constraint summaries_period_start check (
    case period when 'week' then extract(isodow from period_start) = 1
                when 'month' then extract(day from period_start) = 1
                else extract(doy from period_start) = 1 end),
  constraint summaries_year_sections check (period = 'year' or (personal_growth = '' and gaps = '' and company_suggestions = '')),
  constraint summaries_suggestions_long_enough check (company_suggestions = '' or length(btrim(company_suggestions)) >= 10),
  constraint summaries_submitted check ((status = 'draft') = (submitted_at is null)),
  constraint summaries_reviewed check ((status = 'reviewed') = (reviewed_at is not null))
);
comment on table public.summaries is
  'Weekly, monthly and annual summaries (003 ch.2-4): figures filled in by the database from the records (sales, collection, visits done against planned, new customers), sections for results, causes, what went well and badly and next steps; the annual one adds personal growth, gaps and suggestions to the company. Draft, submitted, reviewed with the manager''s comment.';
-- The list as it opens (newest period first) walks this index and stops at its page.
create index summaries_list_idx on public.summaries (period_start desc, id);
create index summaries_territory_idx on public.summaries (territory_id, period, period_start desc);
create index summaries_staff_idx on public.summaries (staff_id, period, period_start desc);
create index summaries_status_idx on public.summaries (status, period_start desc);
create index summaries_reviewed_by_idx on public.summaries (reviewed_by);
create index summaries_created_by_idx on public.summaries (created_by);
create index summaries_suggestion_idx on public.summaries (suggestion_id);

alter table public.suggestions add column summary_id uuid references public.summaries (id) on delete set null;
create index suggestions_summary_idx on public.suggestions (summary_id);

-- =============================================================================
-- The workflow both share
-- =============================================================================
-- Draft: the person (or whoever may update it in scope) writes it; only the person submits it.
-- Submitted: it no longer changes; someone else with update permission reviews it with a
-- comment, or sends it back to draft with the comment saying why. Reviewed: the comment may
-- still be completed. Only a draft is deleted.
create or replace function private.report_workflow(p_old public.report_status, p_new public.report_status, p_staff uuid,
                                                   p_content_changed boolean, p_comment_changed boolean, p_comment text)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_is_person boolean := exists (select 1 from public.staff s where s.id = p_staff and s.user_id = (select auth.uid()));
begin
  if p_content_changed and p_old <> 'draft' then
    raise exception using errcode = '23514', detail = 'report_submitted',
      message = 'It has been submitted: it no longer changes unless it is sent back.';
  end if;
  if p_new = p_old then
    if p_comment_changed and (p_old = 'draft' or v_is_person) then
      raise exception using errcode = '23514', detail = 'review_by_other',
        message = 'The review comment is written by the reviewer, once it is submitted.';
    end if;
    return;
  end if;
  if p_old = 'draft' and p_new = 'submitted' then
    if not v_is_person then
      raise exception using errcode = '42501', detail = 'submit_by_person', message = 'Only the person submits their own.';
    end if;
  elsif p_old = 'submitted' and p_new in ('reviewed', 'draft') then
    if v_is_person then
      raise exception using errcode = '42501', detail = 'review_by_other', message = 'Someone else reviews what you submitted.';
    end if;
    if length(btrim(p_comment)) < 3 then
      raise exception using errcode = '23514', detail = 'review_comment_required',
        message = 'Write a comment: it is what the person reads.';
    end if;
  else
    raise exception using errcode = '23514', detail = 'report_status_order',
      message = format('It cannot go from %s to %s.', p_old, p_new);
  end if;
end;
$$;
comment on function private.report_workflow(public.report_status, public.report_status, uuid, boolean, boolean, text) is
  'Checks a plan''s or summary''s change: content only while a draft; the person submits; someone else reviews or sends back, with a comment.';

-- Who and when, set by the database: submitted when it left the draft; reviewed by whoever
-- reviewed it or last changed the review comment (or sent it back: then no review time).
create or replace function private.report_stamps(p_old public.report_status, p_new public.report_status, p_submitted_at timestamptz,
                                                 p_reviewed_by uuid, p_reviewed_at timestamptz, p_comment_changed boolean,
                                                 out submitted_at timestamptz, out reviewed_by uuid, out reviewed_at timestamptz)
language sql
stable
security definer
set search_path = ''
as $$
  select case when p_new = 'draft' then null when p_old = 'draft' then now() else p_submitted_at end,
         case when p_new = 'reviewed' and (p_old <> 'reviewed' or p_comment_changed) then (select auth.uid())
              when p_new = 'reviewed' then p_reviewed_by
              when p_new = 'draft' and p_old = 'submitted' then (select auth.uid()) end,
         case when p_new = 'reviewed' and (p_old <> 'reviewed' or p_comment_changed) then now()
              when p_new = 'reviewed' then p_reviewed_at end
$$;
comment on function private.report_stamps(public.report_status, public.report_status, timestamptz, uuid, timestamptz, boolean) is
  'A plan''s or summary''s submission and review stamps after a change, set by the database.';

-- The figures of a person's summary, from the records: sales and collection credited to them,
-- visits they made, new customers, and what their monthly plans of the period planned.
create or replace function private.summary_figures(p_staff uuid, p_from date, p_to date, p_period public.summary_period)
returns table (sales_amount numeric, payments_collected numeric, visits_done integer, new_customers integer,
               sales_planned numeric, visits_planned integer)
language sql
stable
security definer
set search_path = ''
as $$
  with m as (
    select coalesce(max(x.value) filter (where x.measure = 'sales_amount'), 0) as sales_amount,
           coalesce(max(x.value) filter (where x.measure = 'payments_collected'), 0) as payments_collected,
           coalesce(max(x.value) filter (where x.measure = 'visits_done'), 0) as visits_done,
           coalesce(max(x.value) filter (where x.measure = 'new_customers'), 0) as new_customers
      from private.measures_values(array['sales_amount', 'payments_collected', 'visits_done', 'new_customers'],
                                   p_from, p_to, array[p_staff]) x
  ),
  p as (
    select sum(mp.sales_target) as sales_planned, sum(mp.visits_planned)::integer as visits_planned
      from public.monthly_plans mp
     where mp.staff_id = p_staff and mp.month between p_from and p_to and p_period <> 'week'
  )
  select m.sales_amount, m.payments_collected, m.visits_done::integer, m.new_customers::integer, p.sales_planned, p.visits_planned
    from m cross join p
$$;
comment on function private.summary_figures(uuid, date, date, public.summary_period) is
  'A summary''s figures for a person and period, from the records the caller may read (the registry measures) and the monthly plans of the period (none for a week).';

-- =============================================================================
-- Triggers
-- =============================================================================
create or replace function private.monthly_plan_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    if old.status <> 'draft' then
      raise exception using errcode = '23514', detail = 'report_submitted', message = 'Only a draft plan is deleted.';
    end if;
    return old;
  end if;
  if tg_op = 'INSERT' then
    new.created_by := (select auth.uid());
    new.status := 'draft';
    new.submitted_at := null;
    new.review_comment := '';
    new.reviewed_by := null;
    new.reviewer_name := '';
    new.reviewed_at := null;
    select a.territory_id into new.territory_id from private.assignment_on(new.staff_id, new.month) a;
    if new.territory_id is null then
      raise exception using errcode = '23514', detail = 'person_without_territory',
        message = 'This person has no territory that month; plans are kept by territory.';
    end if;
    return new;
  end if;
  new.staff_id := old.staff_id;
  new.month := old.month;
  new.territory_id := old.territory_id;
  new.created_by := old.created_by;
  perform private.report_workflow(old.status, new.status, old.staff_id,
    (new.sales_target, new.target_breakdown, new.key_customers, new.prospects, new.visits_planned, new.known_problems)
      is distinct from (old.sales_target, old.target_breakdown, old.key_customers, old.prospects, old.visits_planned, old.known_problems),
    new.review_comment is distinct from old.review_comment, new.review_comment);
  select w.submitted_at, w.reviewed_by, w.reviewed_at into new.submitted_at, new.reviewed_by, new.reviewed_at
    from private.report_stamps(old.status, new.status, old.submitted_at, old.reviewed_by, old.reviewed_at,
                               new.review_comment is distinct from old.review_comment) w;
  new.reviewer_name := coalesce((select p.full_name from public.profiles p where p.id = new.reviewed_by), '');
  return new;
end;
$$;
comment on function private.monthly_plan_before_write() is
  'Trigger: a monthly plan keeps its person, month, territory (of the month''s first day) and creator; content changes while a draft; the person submits; someone else reviews or sends it back with a comment; only a draft is deleted.';

create or replace function private.summary_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_figures record;
  v_staff public.staff;
  v_suggestion uuid;
begin
  if tg_op = 'DELETE' then
    if old.status <> 'draft' then
      raise exception using errcode = '23514', detail = 'report_submitted', message = 'Only a draft summary is deleted.';
    end if;
    return old;
  end if;
  if tg_op = 'INSERT' then
    new.created_by := (select auth.uid());
    new.status := 'draft';
    new.submitted_at := null;
    new.review_comment := '';
    new.reviewed_by := null;
    new.reviewer_name := '';
    new.reviewed_at := null;
    new.suggestion_id := null;
    select a.territory_id into new.territory_id from private.assignment_on(new.staff_id, new.period_start) a;
    if new.territory_id is null then
      raise exception using errcode = '23514', detail = 'person_without_territory',
        message = 'This person had no territory when the period began; summaries are kept by territory.';
    end if;
  else
    new.staff_id := old.staff_id;
    new.period := old.period;
    new.period_start := old.period_start;
    new.territory_id := old.territory_id;
    new.created_by := old.created_by;
    new.suggestion_id := old.suggestion_id;
    perform private.report_workflow(old.status, new.status, old.staff_id,
      (new.results, new.causes, new.went_well, new.went_badly, new.next_steps, new.personal_growth, new.gaps, new.company_suggestions)
        is distinct from
      (old.results, old.causes, old.went_well, old.went_badly, old.next_steps, old.personal_growth, old.gaps, old.company_suggestions),
      new.review_comment is distinct from old.review_comment, new.review_comment);
    select w.submitted_at, w.reviewed_by, w.reviewed_at into new.submitted_at, new.reviewed_by, new.reviewed_at
      from private.report_stamps(old.status, new.status, old.submitted_at, old.reviewed_by, old.reviewed_at,
                                 new.review_comment is distinct from old.review_comment) w;
    new.reviewer_name := coalesce((select p.full_name from public.profiles p where p.id = new.reviewed_by), '');
  end if;
  -- Figures: fresh while a draft and at submission, then frozen.
  if tg_op = 'INSERT' or old.status = 'draft' then
    select * into v_figures
      from private.summary_figures(new.staff_id, new.period_start,
                                   least(case new.period when 'week' then new.period_start + 6
                                                         when 'month' then (new.period_start + interval '1 month' - interval '1 day')::date
                                                         else (new.period_start + interval '1 year' - interval '1 day')::date end,
                                         current_date),
                                   new.period);
    new.sales_amount := v_figures.sales_amount;
    new.payments_collected := v_figures.payments_collected;
    new.visits_done := v_figures.visits_done;
    new.new_customers := v_figures.new_customers;
    new.sales_planned := v_figures.sales_planned;
    new.visits_planned := v_figures.visits_planned;
    new.figures_at := now();
  else
    new.sales_amount := old.sales_amount;
    new.payments_collected := old.payments_collected;
    new.visits_done := old.visits_done;
    new.new_customers := old.new_customers;
    new.sales_planned := old.sales_planned;
    new.visits_planned := old.visits_planned;
    new.figures_at := old.figures_at;
  end if;
  -- The annual summary's suggestions to the company land in the suggestions channel, once.
  if tg_op = 'UPDATE' and new.period = 'year' and old.status = 'draft' and new.status = 'submitted'
     and new.company_suggestions <> '' and old.suggestion_id is null then
    select * into v_staff from public.staff s where s.id = new.staff_id;
    perform set_config('app.suggestion_submit', 'on', true);
    insert into public.suggestions (title, body, area, staff_id, territory_id, summary_id)
    values (format('Suggestions from the annual summary %s', extract(year from new.period_start)), btrim(new.company_suggestions),
            'company', v_staff.id, v_staff.territory_id, new.id)
    returning id into v_suggestion;
    perform set_config('app.suggestion_submit', '', true);
    insert into public.suggestion_authors (suggestion_id, staff_id) values (v_suggestion, v_staff.id);
    new.suggestion_id := v_suggestion;
  end if;
  return new;
end;
$$;
comment on function private.summary_before_write() is
  'Trigger: a summary keeps its person, period, territory (of the period''s first day) and creator; its figures are filled in from the records while a draft and frozen at submission; the workflow is the plans''; an annual summary''s suggestions to the company become one suggestion when it is submitted.';

create trigger monthly_plans_touch before insert or update on public.monthly_plans for each row execute function private.touch_row();
create trigger monthly_plans_before_write before insert or update or delete on public.monthly_plans
  for each row execute function private.monthly_plan_before_write();
create trigger summaries_touch before insert or update on public.summaries for each row execute function private.touch_row();
create trigger summaries_before_write before insert or update or delete on public.summaries
  for each row execute function private.summary_before_write();
select private.enable_audit('public.monthly_plans');
select private.enable_audit('public.summaries');

-- =============================================================================
-- Row-level security
-- =============================================================================
alter table public.monthly_plans enable row level security;
alter table public.summaries enable row level security;

create policy "people with monthly_plans read permission in scope or their own can read plans" on public.monthly_plans
  for select to authenticated
  using ((select private.allows_all('monthly_plans', 'read'))
         or territory_id in (select unnest(private.territory_scope('monthly_plans', 'read', false)))
         or staff_id = (select private.own_staff_id('monthly_plans', 'read')));
create policy "people with monthly_plans create permission in scope or for themselves can write plans" on public.monthly_plans
  for insert to authenticated
  with check (territory_id = any ((select private.territory_scope('monthly_plans', 'create', false))::uuid[])
              or staff_id = (select private.own_staff_id('monthly_plans', 'create')));
create policy "people with monthly_plans update permission in scope or their own can edit and review plans" on public.monthly_plans
  for update to authenticated
  using (territory_id = any ((select private.territory_scope('monthly_plans', 'update', false))::uuid[])
         or staff_id = (select private.own_staff_id('monthly_plans', 'update')))
  with check (territory_id = any ((select private.territory_scope('monthly_plans', 'update', false))::uuid[])
              or staff_id = (select private.own_staff_id('monthly_plans', 'update')));
create policy "people with monthly_plans delete permission in scope or their own can delete draft plans" on public.monthly_plans
  for delete to authenticated
  using (territory_id = any ((select private.territory_scope('monthly_plans', 'delete', false))::uuid[])
         or staff_id = (select private.own_staff_id('monthly_plans', 'delete')));

create policy "people with summaries read permission in scope or their own can read summaries" on public.summaries
  for select to authenticated
  using ((select private.allows_all('summaries', 'read'))
         or territory_id in (select unnest(private.territory_scope('summaries', 'read', false)))
         or staff_id = (select private.own_staff_id('summaries', 'read')));
create policy "people with summaries create permission in scope or for themselves can write summaries" on public.summaries
  for insert to authenticated
  with check (territory_id = any ((select private.territory_scope('summaries', 'create', false))::uuid[])
              or staff_id = (select private.own_staff_id('summaries', 'create')));
create policy "people with summaries update permission in scope or their own can edit and review summaries" on public.summaries
  for update to authenticated
  using (territory_id = any ((select private.territory_scope('summaries', 'update', false))::uuid[])
         or staff_id = (select private.own_staff_id('summaries', 'update')))
  with check (territory_id = any ((select private.territory_scope('summaries', 'update', false))::uuid[])
              or staff_id = (select private.own_staff_id('summaries', 'update')));
create policy "people with summaries delete permission in scope or their own can delete draft summaries" on public.summaries
  for delete to authenticated
  using (territory_id = any ((select private.territory_scope('summaries', 'delete', false))::uuid[])
         or staff_id = (select private.own_staff_id('summaries', 'delete')));

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.report_workflow(public.report_status, public.report_status, uuid, boolean, boolean, text) from public;
revoke all on function private.summary_figures(uuid, date, date, public.summary_period) from public;
revoke all on function private.report_stamps(public.report_status, public.report_status, timestamptz, uuid, timestamptz, boolean) from public;
revoke all on function private.monthly_plan_before_write() from public;
revoke all on function private.summary_before_write() from public;

revoke all on public.monthly_plans from anon, authenticated, service_role;
grant select, delete on public.monthly_plans to authenticated, service_role;
grant insert (staff_id, month, sales_target, target_breakdown, key_customers, prospects, visits_planned, known_problems)
  on public.monthly_plans to authenticated, service_role;
grant update (sales_target, target_breakdown, key_customers, prospects, visits_planned, known_problems, status, review_comment, version)
  on public.monthly_plans to authenticated, service_role;

revoke all on public.summaries from anon, authenticated, service_role;
grant select, delete on public.summaries to authenticated, service_role;
grant insert (staff_id, period, period_start, results, causes, went_well, went_badly, next_steps, personal_growth, gaps, company_suggestions)
  on public.summaries to authenticated, service_role;
grant update (results, causes, went_well, went_badly, next_steps, personal_growth, gaps, company_suggestions, status, review_comment, version)
  on public.summaries to authenticated, service_role;

select private.refresh_audit_read_policy();

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('monthly_plans', 'table', '{all,territory,own}', 'Monthly plans', 'Planes mensuales', '月度计划', 472),
  ('summaries', 'table', '{all,territory,own}', 'Summaries', 'Resúmenes', '工作总结', 473);
insert into public.resource_actions (resource, action)
select r, a from unnest(array['monthly_plans', 'summaries']) r cross join unnest(array['read', 'create', 'update', 'delete']) a;

-- A salesperson writes, submits and follows their own; a manager reads and reviews their
-- subtree's (and writes for someone there); HR everyone's; the auditor reads.
insert into public.role_permissions (role_code, resource, action, scope)
select 'salesperson', r, a, 'own'::public.permission_scope
  from unnest(array['monthly_plans', 'summaries']) r cross join unnest(array['read', 'create', 'update', 'delete']) a
union all
select 'manager', r, a, 'territory'
  from unnest(array['monthly_plans', 'summaries']) r cross join unnest(array['read', 'create', 'update', 'delete']) a
union all
select 'hr_admin', r, a, 'all'
  from unnest(array['monthly_plans', 'summaries']) r cross join unnest(array['read', 'create', 'update', 'delete']) a
union all
select 'auditor', r, 'read', 'all' from unnest(array['monthly_plans', 'summaries']) r;
