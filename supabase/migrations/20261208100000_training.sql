-- Training (001 §6.2, 004): sessions organised with other departments on corporate culture,
-- products, sales skills, finance, production and contracts, each with its topic (a catalogue
-- kept as data), trainer, day, duration and material; attendance and an assessment score per
-- participant; a training record per person. A training session is a meeting of kind
-- 'training': it is called, invited and marked like any meeting, so its scope, its attendance
-- sheet and the attendance detector are the meetings' own. A rule can require a training (the
-- product training for new salespeople): whoever the rule applies to completes a session of that
-- topic within so many days of joining, and the coverage shows by territory like
-- acknowledgements. "Training completed" joins the KPI registry.

-- =============================================================================
-- Tables
-- =============================================================================
create table public.training_topics (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name_en text not null check (length(btrim(name_en)) between 2 and 120),
  name_es text not null default '' check (length(name_es) <= 120),
  name_zh text not null default '' check (length(name_zh) <= 120),
  description_en text not null default '' check (length(description_en) <= 2000),
  description_es text not null default '' check (length(description_es) <= 2000),
  description_zh text not null default '' check (length(description_zh) <= 2000),
  sort_order integer not null default 100 check (sort_order between 0 and 10000),
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.training_topics is
  'The catalogue of training topics (001 §6.2): names and descriptions in three languages, order, and whether new sessions may use it. Seeded with the six topics of the seeds.';
create index training_topics_order_idx on public.training_topics (sort_order, code);

insert into public.training_topics (code, name_en, name_es, name_zh, description_en, description_es, description_zh, sort_order) values
  ('corporate_culture', 'Corporate culture', 'Cultura corporativa', '企业文化',
   'The company''s history, values and ways of working.', 'Historia, valores y forma de trabajar de la empresa.', '公司的历史、价值观和工作方式。', 10),
  ('products', 'Product knowledge', 'Conocimiento de producto', '产品知识',
   'The product lines, their uses and how they compare.', 'Las líneas de producto, sus usos y cómo se comparan.', '各产品线、用途及对比。', 20),
  ('sales_skills', 'Sales skills', 'Técnicas de venta', '销售技巧',
   'Prospecting, visits, negotiation and closing.', 'Prospección, visitas, negociación y cierre.', '开发客户、拜访、谈判与成交。', 30),
  ('finance', 'Finance', 'Finanzas', '财务知识',
   'Prices, margins, credit and collection.', 'Precios, márgenes, crédito y cobro.', '价格、毛利、信用与回款。', 40),
  ('production', 'Production', 'Producción', '生产知识',
   'How the products are made, lead times and quality.', 'Cómo se fabrican los productos, plazos y calidad.', '产品如何生产、交期与质量。', 50),
  ('contracts', 'Contracts', 'Contratos', '合同知识',
   'Contract terms, approval and the law that applies.', 'Condiciones de contrato, aprobación y legislación aplicable.', '合同条款、审批与适用法律。', 60);

-- A training session is a meeting of kind 'training': its topic, trainer, material and the score
-- that passes (none: attending completes it).
alter table public.meetings
  add column topic_id uuid references public.training_topics (id) on delete restrict,
  add column trainer text not null default '' check (length(trainer) <= 200),
  add column material text not null default '' check (length(material) <= 2000),
  add column pass_score numeric(5,2) check (pass_score between 0 and 100);
create index meetings_topic_idx on public.meetings (topic_id, held_on) where topic_id is not null;

-- Sessions held before topics existed: the product training of the demo data, or the first topic.
update public.meetings m
   set topic_id = coalesce((select t.id from public.training_topics t where t.code = 'products' and m.title ilike '%product%'),
                           (select t.id from public.training_topics t where t.code = 'corporate_culture')),
       trainer = coalesce((select s.full_name from public.staff s where s.id = m.organiser_id), 'Trainer')
 where m.kind = 'training';
alter table public.meetings
  add constraint meetings_training_topic check ((kind = 'training') = (topic_id is not null)),
  add constraint meetings_training_trainer check (kind <> 'training' or length(btrim(trainer)) >= 2),
  add constraint meetings_training_only check (kind = 'training' or (trainer = '' and material = '' and pass_score is null));

-- The assessment of a participant (0-100), for those who attended a training session.
alter table public.meeting_attendance
  add column assessment_score numeric(5,2) check (assessment_score between 0 and 100);

-- A rule can require a training of whoever it applies to, within so many days of joining.
create table public.regulation_trainings (
  regulation_id uuid primary key references public.regulations (id) on delete cascade,
  topic_id uuid not null references public.training_topics (id) on delete restrict,
  due_within_days integer not null default 30 check (due_within_days between 1 and 365),
  created_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.regulation_trainings is
  'The training a rule requires: whoever the rule applies to completes a session of the topic within so many days of joining (e.g. the product training for new salespeople). Who set it is kept by the database.';
create index regulation_trainings_topic_idx on public.regulation_trainings (topic_id);
create index regulation_trainings_created_by_idx on public.regulation_trainings (created_by);

-- =============================================================================
-- Triggers
-- =============================================================================
-- A score is for someone who attended a training session; the session's topic stays once
-- anyone is assessed (their record says which training they completed).
create or replace function private.training_score_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.assessment_score is null then
    return new;
  end if;
  if not exists (select 1 from public.meetings m where m.id = new.meeting_id and m.kind = 'training') then
    raise exception using errcode = '23514', detail = 'score_needs_training',
      message = 'Only participants of a training session are assessed.';
  end if;
  if new.mark is null or new.mark not in ('present', 'late', 'left_early') then
    raise exception using errcode = '23514', detail = 'score_needs_attendance',
      message = 'Only someone who attended is assessed: mark them present, late or left early first.';
  end if;
  return new;
end;
$$;
comment on function private.training_score_before_write() is
  'Trigger: an assessment score is only for someone who attended a training session.';

create or replace function private.training_session_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (new.kind, new.topic_id) is distinct from (old.kind, old.topic_id)
     and exists (select 1 from public.meeting_attendance a where a.meeting_id = old.id and a.assessment_score is not null) then
    raise exception using errcode = '23514', detail = 'session_assessed',
      message = 'Participants of this session have been assessed: its kind and topic no longer change.';
  end if;
  new.trainer := btrim(new.trainer);
  new.material := btrim(new.material);
  return new;
end;
$$;
comment on function private.training_session_before_write() is
  'Trigger: a training session''s kind and topic are fixed once anyone is assessed.';

create or replace function private.regulation_training_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.created_by := (select auth.uid());
  else
    new.regulation_id := old.regulation_id;
    new.created_by := old.created_by;
  end if;
  return new;
end;
$$;
comment on function private.regulation_training_before_write() is 'Trigger: a requirement keeps its rule and who set it.';

create trigger meeting_attendance_training_score before insert or update of assessment_score, mark on public.meeting_attendance
  for each row execute function private.training_score_before_write();
create trigger meetings_training_session before update on public.meetings
  for each row execute function private.training_session_before_write();
create trigger training_topics_touch before insert or update on public.training_topics
  for each row execute function private.touch_row();
create trigger regulation_trainings_touch before insert or update on public.regulation_trainings
  for each row execute function private.touch_row();
create trigger regulation_trainings_before_write before insert or update on public.regulation_trainings
  for each row execute function private.regulation_training_before_write();
select private.enable_audit('public.training_topics');
select private.enable_audit('public.regulation_trainings', '{regulation_id}');

-- =============================================================================
-- Row-level security
-- =============================================================================
alter table public.training_topics enable row level security;
alter table public.regulation_trainings enable row level security;

create policy "people with training_topics read permission can read topics" on public.training_topics
  for select to authenticated using ((select private.allows_all('training_topics', 'read')));
create policy "people with training_topics create permission can add topics" on public.training_topics
  for insert to authenticated with check ((select private.allows_all('training_topics', 'create')));
create policy "people with training_topics update permission can edit topics" on public.training_topics
  for update to authenticated
  using ((select private.allows_all('training_topics', 'update')))
  with check ((select private.allows_all('training_topics', 'update')));
create policy "people with training_topics delete permission can delete unused topics" on public.training_topics
  for delete to authenticated using ((select private.allows_all('training_topics', 'delete')));

-- A requirement is read with its rule (the rules one may read) and set by whoever edits rules.
create policy "people who can read a rule can read the training it requires" on public.regulation_trainings
  for select to authenticated using (regulation_id in (select r.id from public.regulations r));
create policy "people with regulations update permission can require trainings" on public.regulation_trainings
  for insert to authenticated with check ((select private.allows_all('regulations', 'update')));
create policy "people with regulations update permission can change required trainings" on public.regulation_trainings
  for update to authenticated
  using ((select private.allows_all('regulations', 'update')))
  with check ((select private.allows_all('regulations', 'update')));
create policy "people with regulations update permission can drop required trainings" on public.regulation_trainings
  for delete to authenticated using ((select private.allows_all('regulations', 'update')));

-- =============================================================================
-- The training record
-- =============================================================================
-- One row per invitation to a training session, read through the meetings' own policies
-- (security invoker): completed when the person attended (present or late) and, where the
-- session has a pass score, reached it.
create view public.training_records with (security_invoker = true) as
select a.id, a.staff_id, a.territory_id, a.meeting_id, m.topic_id, m.title, m.held_on, m.duration_minutes, m.trainer,
       a.mark, a.assessment_score, m.pass_score,
       coalesce(a.mark in ('present', 'late') and (m.pass_score is null or a.assessment_score >= m.pass_score), false) as completed
  from public.meeting_attendance a
  join public.meetings m on m.id = a.meeting_id
 where m.kind = 'training';
comment on view public.training_records is
  'Each person''s training record: one row per invitation to a training session, with the topic, day, duration, trainer, mark and score; completed when they attended (present or late) and reached the pass score where there is one. Read through the meetings'' policies.';

-- The index the record and the measure read: each person's marks.
create index meeting_attendance_completed_idx on public.meeting_attendance (staff_id, meeting_id)
  include (mark, assessment_score) where mark in ('present', 'late');

-- Completed training sessions of a topic (any topic when null) per person, for the people the
-- caller may read (the staff read rule) and the caller themselves.
create or replace function private.trainings_completed(p_staff uuid[], p_from date, p_to date, p_topic uuid default null)
returns table (staff_id uuid, sessions bigint, last_on date)
language sql
stable
security definer
set search_path = ''
as $$
  select a.staff_id, count(*), max(m.held_on)
    from public.staff s
    join public.meeting_attendance a on a.staff_id = s.id
    join public.meetings m on m.id = a.meeting_id
   where s.id = any (p_staff)
     and ((select private.caller_bypasses_rls())
          or (select private.allows_all('staff', 'read'))
          or s.territory_id in (select private.allowed_territories('staff', 'read'))
          or s.user_id = (select private.allowed_owner('staff', 'read'))
          or s.user_id = (select auth.uid()))
     and a.mark in ('present', 'late')
     and m.kind = 'training'
     and (p_topic is null or m.topic_id = p_topic)
     and m.held_on between p_from and p_to
     and (m.pass_score is null or a.assessment_score >= m.pass_score)
   group by a.staff_id
$$;
comment on function private.trainings_completed(uuid[], date, date, uuid) is
  'Training sessions each of the given people completed in a period (of one topic, or any): how many and the last day; only for people the caller may read (the staff read rule) and the caller themselves.';

-- =============================================================================
-- Coverage of a required training, like acknowledgements
-- =============================================================================
create or replace function public.regulation_training_coverage(p_regulation uuid, p_territory uuid default null,
                                                              p_search text default null, p_only_missing boolean default false)
returns table (staff_id uuid, full_name text, email text, territory_id uuid, territory_code text, territory_path text,
               position_id uuid, hire_date date, due_on date, completed boolean, completed_on date)
language sql
stable
set search_path = ''
as $$
  with req as (
    select r.id, r.applies_to_all_positions, rt.topic_id, rt.due_within_days
      from public.regulations r
      join public.regulation_trainings rt on rt.regulation_id = r.id
     where r.id = p_regulation and r.current_version is not null
  ),
  root as (
    select t.path::text as path from public.territories t where t.id = p_territory
  ),
  term as (
    select lower(btrim(coalesce(p_search, ''))) as text
  ),
  people as materialized (
    select s.id, s.full_name, s.email::text as email, s.territory_id, s.territory_path, s.position_id, s.hire_date,
           s.hire_date + req.due_within_days as due_on
      from req
     cross join term
      join public.staff s on s.status = 'active'
     where (req.applies_to_all_positions
            or s.position_id in (select rp.position_id from public.regulation_positions rp where rp.regulation_id = req.id))
       and (p_territory is null or s.territory_path like (select root.path from root) || '%')
       and (term.text = '' or strpos(lower(s.full_name), term.text) > 0 or strpos(lower(s.email::text), term.text) > 0)
  ),
  done as materialized (
    select c.staff_id, c.last_on
      from req
     cross join lateral private.trainings_completed(array(select p.id from people p), '1900-01-01', '2999-12-31', req.topic_id) c
  )
  select p.id, p.full_name, p.email, p.territory_id, t.code, p.territory_path, p.position_id, p.hire_date, p.due_on,
         d.staff_id is not null, d.last_on
    from people p
    left join public.territories t on t.id = p.territory_id
    left join done d on d.staff_id = p.id
   where not coalesce(p_only_missing, false) or d.staff_id is null
$$;
comment on function public.regulation_training_coverage(uuid, uuid, text, boolean) is
  'Per person the caller may see (their staff policies) and the rule applies to: have they completed a session of the training the rule requires, and by when is it due? Optionally inside one territory subtree, matching a name or email, only those missing. Unordered: page it with order, limit and offset.';

create or replace function public.regulation_training_coverage_groups(p_regulation uuid, p_territory uuid default null)
returns table (territory_id uuid, territory_code text, territory_name text, total bigint, completed bigint)
language sql
stable
set search_path = ''
as $$
  with candidates as materialized (
    select t.id, t.code, t.name, t.path
      from public.territories t
     where case when p_territory is null
                then t.parent_id is null or not exists (select 1 from public.territories p where p.id = t.parent_id)
                else t.parent_id = p_territory
           end
  ),
  per_territory as (
    select c.territory_path::extensions.ltree as path, count(*) as total, count(*) filter (where c.completed) as completed
      from public.regulation_training_coverage(p_regulation, p_territory) c
     group by c.territory_path
  ),
  placed as (
    select distinct on (pt.path) pt.total, pt.completed, k.id, k.code, k.name
      from per_territory pt
      left join candidates k on k.path operator(extensions.@>) pt.path
     order by pt.path, extensions.nlevel(k.path)
  )
  select p.id, p.code, p.name, sum(p.total)::bigint, sum(p.completed)::bigint
    from placed p
   group by p.id, p.code, p.name
   order by p.code nulls last
$$;
comment on function public.regulation_training_coverage_groups(uuid, uuid) is
  'Required-training coverage counted per child territory of the chosen one (per topmost visible territory when none), plus a group (no territory) for people placed directly there or nowhere. Through the caller''s RLS.';

-- =============================================================================
-- "Training completed" joins the KPI registry
-- =============================================================================
insert into public.kpi_measures (code, name_en, name_es, name_zh, description_en, description_es, description_zh, unit, sort_order)
values ('training_completed', 'Training completed', 'Formación completada', '完成培训',
        'Training sessions held in the period that the person attended (present or late) and passed where the session has a pass score.',
        'Sesiones de formación del periodo a las que la persona asistió (presente o con retraso) y que aprobó cuando la sesión tiene nota mínima.',
        '本期内举行、该人员出席(准时或迟到)并在设有及格分时达到及格分的培训场次。',
        'count', 97);

CREATE OR REPLACE FUNCTION private.measures_values(p_measures text[], p_from date, p_to date, p_staff uuid[], p_tier uuid DEFAULT NULL::uuid, p_product_line uuid DEFAULT NULL::uuid, p_customer_status public.customer_status DEFAULT NULL::public.customer_status)
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
    -- Training sessions of the period each person completed.
    trained as materialized (
      select c.staff_id, c.sessions as value
        from private.trainings_completed(array(select p.id from people p), $2, $3) c
       where 'training_completed' = any ($1)
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
      union all
      select x.staff_id, 'training_completed', x.value from trained x
    )
    select p.id, q.measure,
           case when q.measure in ('sales_amount', 'profit_contribution', 'payments_collected')
                  then round(coalesce(m.value, 0), 2)
                when q.measure in ('visit_plan_compliance', 'rules_acknowledged') then m.value
                when q.measure in ('distinct_customers', 'new_customers', 'visits_done', 'overdue_visits', 'discipline_points',
                                   'training_completed')
                  then coalesce(m.value, 0)
           end::numeric
      from people p
     cross join unnest ($1) q(measure)
      left join measured m on m.staff_id = p.id and m.measure = q.measure
  $q$ using p_measures, p_from, p_to, p_staff, p_tier, p_product_line, p_customer_status;
end;
$function$;

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.training_score_before_write() from public;
revoke all on function private.training_session_before_write() from public;
revoke all on function private.regulation_training_before_write() from public;
revoke all on function private.trainings_completed(uuid[], date, date, uuid) from public;
grant execute on function private.trainings_completed(uuid[], date, date, uuid) to authenticated, service_role;
revoke all on function public.regulation_training_coverage(uuid, uuid, text, boolean) from public, anon;
grant execute on function public.regulation_training_coverage(uuid, uuid, text, boolean) to authenticated, service_role;
revoke all on function public.regulation_training_coverage_groups(uuid, uuid) from public, anon;
grant execute on function public.regulation_training_coverage_groups(uuid, uuid) to authenticated, service_role;

grant insert (topic_id, trainer, material, pass_score) on public.meetings to authenticated, service_role;
grant update (topic_id, trainer, material, pass_score) on public.meetings to authenticated, service_role;
grant insert (assessment_score) on public.meeting_attendance to authenticated, service_role;
grant update (assessment_score) on public.meeting_attendance to authenticated, service_role;

revoke all on public.training_topics from anon, authenticated, service_role;
grant select, delete on public.training_topics to authenticated, service_role;
grant insert (code, name_en, name_es, name_zh, description_en, description_es, description_zh, sort_order, active)
  on public.training_topics to authenticated, service_role;
grant update (name_en, name_es, name_zh, description_en, description_es, description_zh, sort_order, active, version)
  on public.training_topics to authenticated, service_role;

revoke all on public.regulation_trainings from anon, authenticated, service_role;
grant select, delete on public.regulation_trainings to authenticated, service_role;
grant insert (regulation_id, topic_id, due_within_days) on public.regulation_trainings to authenticated, service_role;
grant update (topic_id, due_within_days, version) on public.regulation_trainings to authenticated, service_role;

revoke all on public.training_records from anon, authenticated, service_role;
grant select on public.training_records to authenticated, service_role;

select private.refresh_audit_read_policy();

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('training_topics', 'table', '{all}', 'Training topics', 'Temas de formación', '培训主题', 456);
insert into public.resource_actions (resource, action)
select 'training_topics', a from unnest(array['read', 'create', 'update', 'delete']) a;

-- Everyone reads the catalogue (a session names its topic); HR keeps it.
insert into public.role_permissions (role_code, resource, action, scope)
select 'hr_admin', 'training_topics', a, 'all'::public.permission_scope from unnest(array['read', 'create', 'update', 'delete']) a
union all
select r, 'training_topics', 'read', 'all' from unnest(array['manager', 'auditor', 'salesperson']) r;
