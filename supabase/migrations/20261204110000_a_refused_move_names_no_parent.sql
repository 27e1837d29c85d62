-- A territory move refused for a month closed under one parent and open under the other named
-- both parents; the person moving it may not be allowed to read the old one. The refusal now
-- names the territory being moved and the month only.

-- =============================================================================
-- Private functions
-- =============================================================================
CREATE OR REPLACE FUNCTION private.territory_moved_targets()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_keys private.target_key[];
  v_bad record;
begin
  -- (Descendants' paths are rewritten from inside the move: only the move itself counts.)
  if pg_trigger_depth() > 1 then
    return null;
  end if;
  -- Each moved territory's own targets (what it brings), month by month. The refusal names the
  -- territory being moved and the month, not the parents (the mover may not read the old one).
  select t.code as territory, make_date(g.year, m.i, 1) as month
    into v_bad
    from new_rows n
    join old_rows o on o.id = n.id and o.parent_id is distinct from n.parent_id
    join public.territories t on t.id = n.id
    join public.targets g on g.territory_id = n.id and g.staff_id is null
    join public.kpis k on k.id = g.kpi_id and k.year_aggregation = 'sum'
    cross join generate_series(1, 12) m(i)
   where g.months[m.i] <> 0
     and (o.parent_id is not null and private.month_closed(make_date(g.year, m.i, 1), o.parent_id))
         is distinct from (n.parent_id is not null and private.month_closed(make_date(g.year, m.i, 1), n.parent_id))
   order by 2, 1
   limit 1;
  if found then
    raise exception using errcode = '23514', detail = 'territory_move_across_closed_month',
      message = format('%s cannot move to this parent: %s is closed under one and open under the other, so its targets for that month would be counted twice or lost. Close the month for both first.',
                       v_bad.territory, to_char(v_bad.month, 'YYYY-MM'));
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
