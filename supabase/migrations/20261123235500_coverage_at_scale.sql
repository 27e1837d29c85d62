-- Coverage at department scale: counted in the database, people read a page at a time.
--
-- The coverage page fetched every person a rule applies to and counted them in the browser.
-- PostgREST returns at most max_rows (1,000) rows per request, so for a department of
-- 5,000 the totals, the percentages per territory and the export of the people missing were
-- silently computed over the first thousand. Now:
-- - regulation_coverage_groups() counts people and acknowledgements per child territory of
--   the chosen one (per topmost territory the caller can see when none is chosen), plus one
--   group for people placed directly there or without a territory;
-- - regulation_coverage() takes the page's search and "only missing" filter and no longer
--   sorts: the caller orders and pages it (PostgREST's order, limit/offset and count).
-- Both are security invoker: every row is read through the caller's RLS.

-- =============================================================================
-- Public RPCs
-- =============================================================================
drop function public.regulation_coverage(uuid, uuid);

create function public.regulation_coverage(
  p_regulation uuid,
  p_territory uuid default null,
  p_search text default null,
  p_only_missing boolean default false
)
returns table (
  staff_id uuid, full_name text, email text, territory_id uuid, territory_code text, territory_path text,
  position_id uuid, acknowledged boolean, acknowledged_at timestamptz
)
language sql
stable
set search_path = ''
as $$
  with reg as (
    select r.id, r.current_version, r.applies_to_all_positions
      from public.regulations r
     where r.id = p_regulation and r.current_version is not null
  ),
  root as (
    select t.path::text as path from public.territories t where t.id = p_territory
  ),
  term as (
    select lower(btrim(coalesce(p_search, ''))) as text
  )
  select s.id, s.full_name, s.email::text, s.territory_id, t.code, s.territory_path, s.position_id,
         a.id is not null, a.acknowledged_at
    from reg
    cross join term
    join public.staff s on s.status = 'active'
    left join public.territories t on t.id = s.territory_id
    left join public.acknowledgements a on a.regulation_id = reg.id and a.version_number = reg.current_version and a.staff_id = s.id
   where (reg.applies_to_all_positions or s.position_id in (select rp.position_id from public.regulation_positions rp where rp.regulation_id = reg.id))
     and (p_territory is null or s.territory_path like (select root.path from root) || '%')
     and (not coalesce(p_only_missing, false) or a.id is null)
     and (term.text = '' or strpos(lower(s.full_name), term.text) > 0 or strpos(lower(s.email::text), term.text) > 0)
$$;
comment on function public.regulation_coverage(uuid, uuid, text, boolean) is
  'Per person the caller may see and the rule applies to: has the version in force been acknowledged? Optionally inside one territory subtree, matching a name or email, only those missing. Unordered: page it with order, limit and offset.';

create function public.regulation_coverage_groups(p_regulation uuid, p_territory uuid default null)
returns table (territory_id uuid, territory_code text, territory_name text, total bigint, acknowledged bigint)
language sql
stable
set search_path = ''
as $$
  with candidates as materialized (
    -- the chosen territory's children, or the topmost territories the caller can see
    select t.id, t.code, t.name, t.path
      from public.territories t
     where case when p_territory is null
                then t.parent_id is null or not exists (select 1 from public.territories p where p.id = t.parent_id)
                else t.parent_id = p_territory
           end
  ),
  -- counted per territory first (hundreds of places, not thousands of people)
  per_territory as (
    select c.territory_path::extensions.ltree as path, count(*) as total, count(*) filter (where c.acknowledged) as acknowledged
      from public.regulation_coverage(p_regulation, p_territory) c
     group by c.territory_path
  ),
  -- each place under the shallowest candidate holding it; none: placed directly, or nowhere
  placed as (
    select distinct on (pt.path) pt.total, pt.acknowledged, k.id, k.code, k.name
      from per_territory pt
      left join candidates k on k.path operator(extensions.@>) pt.path
     order by pt.path, extensions.nlevel(k.path)
  )
  select p.id, p.code, p.name, sum(p.total)::bigint, sum(p.acknowledged)::bigint
    from placed p
   group by p.id, p.code, p.name
   order by p.code nulls last
$$;
comment on function public.regulation_coverage_groups(uuid, uuid) is
  'Coverage counted per child territory of the chosen one (per topmost visible territory when none), plus a group (no territory) for people placed directly there or nowhere. Through the caller''s RLS.';

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function public.regulation_coverage(uuid, uuid, text, boolean) from public, anon;
revoke all on function public.regulation_coverage_groups(uuid, uuid) from public, anon;
grant execute on function public.regulation_coverage(uuid, uuid, text, boolean) to authenticated;
grant execute on function public.regulation_coverage_groups(uuid, uuid) to authenticated;
