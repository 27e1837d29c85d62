-- The org chart at the size of a real department. The chart used to fetch every person,
-- which PostgREST caps at max_rows (1,000): with 5,000 staff it silently showed a part.
-- It now asks, per position, how many people the viewer may see and the first few of them.

-- =============================================================================
-- Function: people per position, read through the caller's RLS
-- =============================================================================
create or replace function public.org_chart_members(p_per_position integer default 12)
returns table (position_id uuid, filled bigint, members jsonb)
language sql
stable
security invoker
set search_path = ''
as $$
  with visible as (
    select s.id, s.full_name, s.position_id, s.status, t.code as territory_code,
           row_number() over (partition by s.position_id order by s.full_name, s.id) as n
      from public.staff s
      left join public.territories t on t.id = s.territory_id
     where s.status <> 'left'
  )
  select v.position_id,
         count(*),
         coalesce(jsonb_agg(jsonb_build_object('id', v.id, 'full_name', v.full_name, 'status', v.status, 'territory_code', v.territory_code) order by v.n)
                    filter (where v.n <= greatest(1, least(p_per_position, 100))), '[]'::jsonb)
    from visible v
   group by v.position_id
$$;
comment on function public.org_chart_members(integer) is
  'Per position: how many current people the caller may see, and the first of them by name (security invoker: the caller''s RLS applies).';

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function public.org_chart_members(integer) from public, anon;
grant execute on function public.org_chart_members(integer) to authenticated, service_role;
