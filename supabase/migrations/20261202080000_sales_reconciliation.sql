-- Reconciliation of the sales the KPIs are computed from: per month, the source total (every
-- sale line) against the attributed total (what the credit splits give the people), and which
-- sales are not attributed to anyone (a sale without a credit counts in no one's KPI). Read as
-- the caller: their sales through RLS.

-- =============================================================================
-- Public functions
-- =============================================================================
create or replace function public.sales_reconciliation(p_from date, p_to date)
returns table (month date, sales bigint, source_total numeric, attributed_total numeric, unattributed_total numeric,
               unattributed_sales bigint)
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_from is null or p_to is null or p_to < p_from then
    raise exception using errcode = '22023', detail = 'range', message = 'Give a range of months, the first not after the last.';
  end if;
  if p_to - p_from > 800 then
    raise exception using errcode = '22023', detail = 'range_too_long', message = 'Reconcile at most 26 months at a time.';
  end if;
  return query
  with lines as (
    select date_trunc('month', s.sale_date)::date as month, s.amount,
           coalesce((select sum(s.amount * c.share_percent / 100) from public.sale_credits c where c.sale_id = s.id), 0) as credited
      from public.sales s
     where s.sale_date between p_from and p_to
  )
  select m.m::date, coalesce(count(l.amount), 0), coalesce(sum(l.amount), 0), round(coalesce(sum(l.credited), 0), 2),
         round(coalesce(sum(l.amount - l.credited), 0), 2), coalesce(count(*) filter (where l.credited < l.amount), 0)
    from generate_series(date_trunc('month', p_from), date_trunc('month', p_to), interval '1 month') m(m)
    left join lines l on l.month = m.m::date
   group by m.m
   order by m.m;
end;
$$;
comment on function public.sales_reconciliation(date, date) is
  'Per month of the range (zero-filled): sale lines, their total, what the credit splits attribute to people, and what is left unattributed, over the sales the caller may read.';

create or replace function public.unattributed_sales(p_from date, p_to date)
returns setof public.sales
language sql
stable
set search_path = ''
as $$
  select s.* from public.sales s
   where s.sale_date between p_from and p_to
     and coalesce((select sum(c.share_percent) from public.sale_credits c where c.sale_id = s.id), 0) < 100
   order by s.sale_date, s.id
$$;
comment on function public.unattributed_sales(date, date) is
  'The sales of the range the caller may read that are not fully credited to people (so part of them counts in no one''s KPI).';

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function public.sales_reconciliation(date, date) from public, anon;
grant execute on function public.sales_reconciliation(date, date) to authenticated, service_role;
revoke all on function public.unattributed_sales(date, date) from public, anon;
grant execute on function public.unattributed_sales(date, date) to authenticated, service_role;
