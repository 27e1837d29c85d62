-- Targets follow a territory that moves. A territory's target is the sum of its people and
-- child territories, but moving a territory under another parent left both parents (and
-- every level up to the first common one) with the sums of the old tree, until the next edit
-- of a target there, which the roll-up check then refused for a difference nobody made.
-- Now a move rolls the old and the new parent up at once, in the same statement.
--
-- A closed month is history: it keeps what it holds. A move is refused when one of the
-- territory's months with a target is closed under its old parent and open under the new one,
-- or the other way round: the month would count the territory twice (kept under the closed
-- parent, added under the open one) or lose it. With the month closed under both, both keep
-- their figures; open under both, both follow.

-- =============================================================================
-- Private functions
-- =============================================================================
CREATE OR REPLACE FUNCTION private.roll_up_targets(p_keys private.target_key[])
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_level integer;
  v_deepest integer;
  v_any_closed boolean;
begin
  -- Most years have no closed month at all: then nothing below looks for one.
  select exists (select 1 from public.period_closes c
                   join (select distinct k.year from unnest(p_keys) k) y
                     on c.month >= make_date(y.year, 1, 1) and c.month < make_date(y.year + 1, 1, 1))
    into v_any_closed;
  select max(extensions.nlevel(t.path)) into v_deepest
    from unnest(p_keys) k join public.territories t on t.id = k.territory_id;
  for v_level in reverse coalesce(v_deepest, 0) .. 1 loop
    with touched as materialized (
      -- The territories of this level at or above a touched one, for KPIs that add up.
      select distinct k.kpi_id, k.year, anc.id as territory_id
        from unnest(p_keys) k
        join public.kpis kp on kp.id = k.kpi_id and kp.year_aggregation = 'sum'
        join public.territories tt on tt.id = k.territory_id
        join public.territories anc on anc.path operator(extensions.@>) tt.path
       where extensions.nlevel(anc.path) = v_level
    ),
    -- What each is made of: its people's rows and its child territories' rows.
    parts as (
      select a.kpi_id, a.year, a.territory_id, x.months
        from touched a
        join public.targets x on x.territory_id = a.territory_id and x.year = a.year and x.kpi_id = a.kpi_id and x.staff_id is not null
      union all
      select a.kpi_id, a.year, a.territory_id, x.months
        from touched a
        join public.territories ct on ct.parent_id = a.territory_id
        join public.targets x on x.territory_id = ct.id and x.year = a.year and x.kpi_id = a.kpi_id and x.staff_id is null
    ),
    sums as (
      select c.kpi_id, c.year, c.territory_id, sum(c.months[1]) as m1, sum(c.months[2]) as m2, sum(c.months[3]) as m3, sum(c.months[4]) as m4, sum(c.months[5]) as m5, sum(c.months[6]) as m6, sum(c.months[7]) as m7, sum(c.months[8]) as m8, sum(c.months[9]) as m9, sum(c.months[10]) as m10, sum(c.months[11]) as m11, sum(c.months[12]) as m12
        from parts c group by c.kpi_id, c.year, c.territory_id
    ),
    -- A month closed for a territory (for it or a territory above it) keeps what it holds: a
    -- closed month is history, and only a territory moving between two parents closed alike
    -- reaches here with one (the sums of ordinary edits never change a closed month).
    closed as (
      select a.kpi_id, a.year, a.territory_id, x.months as kept,
             array(select exists (select 1 from public.period_closes c
                                    join public.territories ct on ct.id = c.territory_id
                                   where c.month = make_date(a.year, m.i, 1) and tt.path operator(extensions.<@) ct.path)
                     from generate_series(1, 12) m(i) order by m.i) as mask
        from touched a
        join public.territories tt on tt.id = a.territory_id
        left join public.targets x on x.kpi_id = a.kpi_id and x.year = a.year and x.territory_id = a.territory_id and x.staff_id is null
       where v_any_closed
         and exists (select 1 from public.period_closes c
                      where c.month >= make_date(a.year, 1, 1) and c.month < make_date(a.year + 1, 1, 1))
    )
    insert into public.targets as t (kpi_id, year, territory_id, staff_id, months)
    select a.kpi_id, a.year, a.territory_id, null,
           case when cl.mask is null
                then array[coalesce(s.m1, 0), coalesce(s.m2, 0), coalesce(s.m3, 0), coalesce(s.m4, 0), coalesce(s.m5, 0), coalesce(s.m6, 0), coalesce(s.m7, 0), coalesce(s.m8, 0), coalesce(s.m9, 0), coalesce(s.m10, 0), coalesce(s.m11, 0), coalesce(s.m12, 0)]
                else array[case when cl.mask[1] then coalesce(cl.kept[1], 0) else coalesce(s.m1, 0) end, case when cl.mask[2] then coalesce(cl.kept[2], 0) else coalesce(s.m2, 0) end, case when cl.mask[3] then coalesce(cl.kept[3], 0) else coalesce(s.m3, 0) end, case when cl.mask[4] then coalesce(cl.kept[4], 0) else coalesce(s.m4, 0) end, case when cl.mask[5] then coalesce(cl.kept[5], 0) else coalesce(s.m5, 0) end, case when cl.mask[6] then coalesce(cl.kept[6], 0) else coalesce(s.m6, 0) end, case when cl.mask[7] then coalesce(cl.kept[7], 0) else coalesce(s.m7, 0) end, case when cl.mask[8] then coalesce(cl.kept[8], 0) else coalesce(s.m8, 0) end, case when cl.mask[9] then coalesce(cl.kept[9], 0) else coalesce(s.m9, 0) end, case when cl.mask[10] then coalesce(cl.kept[10], 0) else coalesce(s.m10, 0) end, case when cl.mask[11] then coalesce(cl.kept[11], 0) else coalesce(s.m11, 0) end, case when cl.mask[12] then coalesce(cl.kept[12], 0) else coalesce(s.m12, 0) end] end::numeric(16, 2)[]
      from touched a
      left join sums s on s.kpi_id = a.kpi_id and s.year = a.year and s.territory_id = a.territory_id
      left join closed cl on cl.kpi_id = a.kpi_id and cl.year = a.year and cl.territory_id = a.territory_id
    on conflict (kpi_id, year, territory_id) where staff_id is null
    do update set months = excluded.months
     where not t.overridden and t.months is distinct from excluded.months;
  end loop;
end;
$function$;
comment on function private.roll_up_targets(p_keys private.target_key[]) is 'Makes every un-overridden ancestor of the touched territories (themselves included) the sum of its people and child territories, deepest first, one grouped pass per level; KPIs that add up only; a month closed for a territory keeps what it holds.';

create function private.territory_moved_targets()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_keys private.target_key[];
  v_bad record;
begin
  -- (Descendants' paths are rewritten from inside the move: only the move itself counts.)
  if pg_trigger_depth() > 1 then
    return null;
  end if;
  -- Each moved territory's own targets (what it brings), month by month.
  select t.code as territory, op.code as old_parent, np.code as new_parent, make_date(g.year, m.i, 1) as month
    into v_bad
    from new_rows n
    join old_rows o on o.id = n.id and o.parent_id is distinct from n.parent_id
    join public.territories t on t.id = n.id
    join public.targets g on g.territory_id = n.id and g.staff_id is null
    join public.kpis k on k.id = g.kpi_id and k.year_aggregation = 'sum'
    cross join generate_series(1, 12) m(i)
    left join public.territories op on op.id = o.parent_id
    left join public.territories np on np.id = n.parent_id
   where g.months[m.i] <> 0
     and (o.parent_id is not null and private.month_closed(make_date(g.year, m.i, 1), o.parent_id))
         is distinct from (n.parent_id is not null and private.month_closed(make_date(g.year, m.i, 1), n.parent_id))
   order by 4, 1
   limit 1;
  if found then
    raise exception using errcode = '23514', detail = 'territory_move_across_closed_month',
      message = format('%s cannot move from %s to %s: %s is closed under one and open under the other, so its targets for that month would be counted twice or lost. Close the month for both first.',
                       v_bad.territory, coalesce(v_bad.old_parent, 'the top'), coalesce(v_bad.new_parent, 'the top'),
                       to_char(v_bad.month, 'YYYY-MM'));
  end if;
  select array_agg(distinct row (g.kpi_id, g.year, p.parent_id)::private.target_key) into v_keys
    from new_rows n
    join old_rows o on o.id = n.id and o.parent_id is distinct from n.parent_id
    join public.targets g on g.territory_id = n.id and g.staff_id is null
    cross join lateral (values (o.parent_id), (n.parent_id)) p(parent_id)
   where p.parent_id is not null;
  if v_keys is not null then
    perform private.roll_up_targets(v_keys);
  end if;
  return null;
end;
$function$;
comment on function private.territory_moved_targets() is 'Statement trigger: a territory moved under another parent rolls the old and the new parent up; refused when one of its months with a target is closed under one parent and open under the other.';

-- =============================================================================
-- Triggers
-- =============================================================================
create trigger territories_targets_follow after update on public.territories
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.territory_moved_targets();
