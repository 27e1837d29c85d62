-- The field data's lists and the ERP's monthly files.
-- Completes 20261201170000 (customers, tiers, visits, plans, sales, credits, payments):
-- - the customer list read in name order from an index, and each customer's latest visit kept
--   by a trigger, so the overdue list and the list's "days overdue" read one row per customer;
-- - what a customer still owes, summed in the database for the customer's page;
-- - imports of customers, sales and payments from CSV: every bad row named by line and column,
--   nothing written when any row is bad or on a dry run, a re-import writing nothing new.

-- =============================================================================
-- The customer list and the latest visits
-- =============================================================================
-- The list's default order: read in name order, stopping at a page's worth of rows in scope.
create index customers_name_idx on public.customers (name, id);

-- Each customer's latest visit, kept by the visits trigger. In the private schema (the API
-- does not expose it); read only by the invoker functions below, joined to the customers the
-- caller may read.
create table private.customer_last_visits (
  customer_id uuid primary key references public.customers (id) on delete cascade,
  last_visit_on date not null
);
comment on table private.customer_last_visits is 'Per customer, the date of its latest visit (kept by a trigger on visits).';
insert into private.customer_last_visits (customer_id, last_visit_on)
select v.customer_id, max(v.visited_on) from public.visits v group by v.customer_id;

create or replace function private.visit_dates_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into private.customer_last_visits as l (customer_id, last_visit_on) values (new.customer_id, new.visited_on)
    on conflict (customer_id) do update set last_visit_on = excluded.last_visit_on
     where l.last_visit_on < excluded.last_visit_on;
    return null;
  end if;
  -- A visit moved, re-dated or removed: recount the customers it touched.
  delete from private.customer_last_visits l
   where l.customer_id in (old.customer_id, case when tg_op = 'UPDATE' then new.customer_id end)
     and not exists (select 1 from public.visits v where v.customer_id = l.customer_id);
  insert into private.customer_last_visits as l (customer_id, last_visit_on)
  select v.customer_id, max(v.visited_on) from public.visits v
   where v.customer_id in (old.customer_id, case when tg_op = 'UPDATE' then new.customer_id end)
   group by v.customer_id
  on conflict (customer_id) do update set last_visit_on = excluded.last_visit_on;
  return null;
end;
$$;

create trigger visits_last_visit after insert or update of customer_id, visited_on or delete on public.visits
  for each row execute function private.visit_dates_changed();

revoke all on private.customer_last_visits from public, anon, authenticated, service_role;
grant select on private.customer_last_visits to authenticated, service_role;
revoke all on function private.visit_dates_changed() from public;

-- Customers overdue for a visit: the last visit (or, never visited, the day they entered
-- their tier) is older than their tier's interval. days_overdue = as_of - (last + interval).
create or replace function public.overdue_customers(
  p_as_of date default current_date,
  p_owner uuid default null,
  p_territory uuid default null
)
returns table (
  customer_id uuid, code text, name text, tier_id uuid, visit_interval_days integer,
  territory_id uuid, owner_id uuid, last_visit_on date, due_on date, days_overdue integer
)
language sql
stable
security invoker
set search_path = ''
as $$
  select c.id, c.code, c.name, c.tier_id, t.visit_interval_days, c.territory_id, c.owner_id,
         lv.last_visit_on, d.due_on, p_as_of - d.due_on
    from public.customers c
    join public.customer_tiers t on t.id = c.tier_id and t.visit_interval_days is not null
    -- From today on, the kept latest visit; for a past date, the latest visit up to it.
    left join private.customer_last_visits kept on kept.customer_id = c.id and p_as_of >= current_date
    left join lateral (
      select max(v.visited_on) as last_visit_on from public.visits v
       where p_as_of < current_date and v.customer_id = c.id and v.visited_on <= p_as_of
    ) past on true
    cross join lateral (select coalesce(kept.last_visit_on, past.last_visit_on) as last_visit_on) lv
    cross join lateral (select coalesce(lv.last_visit_on, c.tier_since) + t.visit_interval_days as due_on) d
   where c.status <> 'lost'
     and d.due_on < p_as_of
     and (p_owner is null or c.owner_id = p_owner)
     and (p_territory is null or c.territory_id in (
           select sub.id from public.territories sub, public.territories root
            where root.id = p_territory and sub.path operator(extensions.<@) root.path))
$$;
comment on function public.overdue_customers(date, uuid, uuid) is
  'Customers (not lost) you may read whose last visit, or the day they entered their tier when never visited, is older than the tier''s interval on p_as_of; optionally for one owner or a territory subtree.';

-- A customer's days past its visit due date today (negative: due in that many days; null: its
-- tier has no fixed interval, or it is lost). A computed column: lists filter and sort on it
-- (`days_overdue=gt.0`).
create or replace function public.days_overdue(p_customer public.customers)
returns integer
language sql
stable
security invoker
set search_path = ''
as $$
  select current_date - (coalesce((select l.last_visit_on from private.customer_last_visits l where l.customer_id = p_customer.id),
                                  p_customer.tier_since) + t.visit_interval_days)
    from public.customer_tiers t
   where t.id = p_customer.tier_id and t.visit_interval_days is not null and p_customer.status <> 'lost'
$$;
comment on function public.days_overdue(public.customers) is
  'Computed column of customers: days since the visit fell due (last visit, or tier entry, + the tier''s interval); null without an interval or when lost.';

-- =============================================================================
-- What a customer still owes
-- =============================================================================
-- On the sales the caller may read (sale_balances runs with the caller's rights): how many are
-- not fully paid, the total outstanding and the oldest one's days outstanding. A customer the
-- caller may not read has no sales they may read: 0, 0, 0.
create or replace function public.customer_balance(p_customer uuid)
returns table(open_sales integer, outstanding numeric, oldest_days integer)
language sql
stable
set search_path = ''
as $$
  select count(*)::integer, coalesce(sum(b.outstanding), 0)::numeric(14, 2), coalesce(max(b.days_outstanding), 0)::integer
    from public.sale_balances b
   where b.customer_id = p_customer and b.outstanding > 0
$$;
comment on function public.customer_balance(uuid) is
  'A customer''s open sales you may read: how many, the total outstanding and the oldest one''s days outstanding.';
revoke all on function public.customer_balance(uuid) from public, anon;
grant execute on function public.customer_balance(uuid) to authenticated, service_role;

-- =============================================================================
-- Imports: customers, sales and payments from the ERP's monthly CSV exports
-- =============================================================================
-- Each checks every row first (line and column in each error, at most 1,000 reported), writes
-- nothing when any row is bad or on a dry run, and otherwise writes the whole file in one
-- transaction. A re-import of the same file changes nothing new: customers are matched by
-- code, sales and payments by the ERP's external id, and updated in place.
create or replace function private.try_amount(p_text text)
returns numeric
language sql
immutable
set search_path = ''
as $$
  select case when btrim(p_text) ~ '^-?\d{1,12}(\.\d{1,2})?$' then btrim(p_text)::numeric end
$$;
comment on function private.try_amount(text) is 'A CSV cell as an amount of money (at most two decimals), or null when it is not one.';

create or replace function private.try_quantity(p_text text)
returns numeric
language sql
immutable
set search_path = ''
as $$
  select case when btrim(p_text) ~ '^\d{1,11}(\.\d{1,3})?$' then btrim(p_text)::numeric end
$$;
comment on function private.try_quantity(text) is 'A CSV cell as a quantity (at most three decimals), or null when it is not one.';

create or replace function private.import_result(p_errors jsonb, p_rows integer, p_inserted integer, p_dry_run boolean)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select jsonb_build_object('ok', jsonb_array_length(p_errors) = 0, 'rows', p_rows, 'inserted', p_inserted,
                            'errors', p_errors, 'dry_run', p_dry_run)
$$;

create or replace function private.check_import_size(p_rows jsonb, p_max integer)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if jsonb_typeof(p_rows) is distinct from 'array' then
    raise exception using errcode = '22023', message = 'The import expects a JSON array of rows.', detail = 'invalid_input';
  end if;
  if jsonb_array_length(p_rows) > p_max then
    raise exception using errcode = '22023', message = format('At most %s rows per import.', to_char(p_max, 'FM999G999')), detail = 'invalid_input';
  end if;
end;
$$;

create or replace function public.import_customers(p_rows jsonb, p_dry_run boolean default false)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_known text[] := array['_line', 'code', 'name', 'tier', 'status', 'territory', 'owner_email', 'address', 'external_id'];
  v_all boolean := private.allows_all('customers', 'create');
  v_scope uuid[] := array(select private.allowed_territories('customers', 'create')
                          union select private.own_territories(private.allowed_owner('customers', 'create')));
  v_errors jsonb;
  v_count integer;
  v_written integer;
begin
  perform private.check_import_size(p_rows, 20000);
  if not private.allows_some('customers', 'create') then
    raise exception using errcode = '42501', message = 'You are not allowed to add customers.', detail = 'not_allowed';
  end if;
  create temporary table if not exists pg_temp.customer_import (
    line integer, code text, name text, tier_code text, status_text text, territory_code text, owner_email text, address text,
    external_id text, custom_fields jsonb, raw jsonb, tier_id uuid, territory_id uuid, owner_id uuid, existing_id uuid, existing_visible boolean
  ) on commit drop;
  truncate pg_temp.customer_import;
  insert into pg_temp.customer_import (line, code, name, tier_code, status_text, territory_code, owner_email, address, external_id, custom_fields, raw)
  select coalesce((r ->> '_line')::integer, i::integer + 1), upper(nullif(btrim(r ->> 'code'), '')), nullif(btrim(r ->> 'name'), ''),
         nullif(btrim(r ->> 'tier'), ''), coalesce(nullif(btrim(r ->> 'status'), ''), 'active'), nullif(btrim(r ->> 'territory'), ''),
         lower(nullif(btrim(r ->> 'owner_email'), '')), coalesce(btrim(r ->> 'address'), ''), nullif(btrim(r ->> 'external_id'), ''),
         private.custom_fields_from_csv('customers', r), r
    from jsonb_array_elements(p_rows) with ordinality as e(r, i);
  update pg_temp.customer_import s set tier_id = t.id from public.customer_tiers t where t.code = s.tier_code;
  update pg_temp.customer_import s set territory_id = t.id
    from private.territory_ids_by_code(array(select distinct territory_code from pg_temp.customer_import where territory_code is not null)) t
   where t.code = s.territory_code;
  update pg_temp.customer_import s set owner_id = m.id
    from private.staff_ids_by_email(array(select distinct owner_email from pg_temp.customer_import where owner_email is not null)) m
   where m.email = s.owner_email;
  -- An existing customer with the same code: updated, if the caller may see and change it.
  update pg_temp.customer_import s set existing_id = c.id from public.customers c where c.code = s.code;

  with problems(line, col, code, message) as (
    select 1, k, 'unknown_column', format('Unknown column "%s".', k)
      from (select distinct jsonb_object_keys(raw) k from pg_temp.customer_import) keys
     where not (k = any (v_known))
       and not (k like 'cf\_%' and exists (select 1 from public.custom_field_definitions d where d.resource = 'customers' and d.active and 'cf_' || d.key = k))
    union all
    select line, 'code', 'required', 'A code is required.' from pg_temp.customer_import where code is null
    union all
    select line, 'code', 'bad_code', format('"%s" is not a customer code (capital letters, digits, - and _, at most 32).', code)
      from pg_temp.customer_import where code is not null and code !~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'
    union all
    select line, 'code', 'duplicate_in_file', format('%s appears more than once in the file.', code)
      from (select line, code, count(*) over (partition by code) n from pg_temp.customer_import where code is not null) d where n > 1
    union all
    select line, 'name', 'required', 'A name is required.' from pg_temp.customer_import where name is null
    union all
    select line, 'name', 'too_long', 'The name has more than 200 characters.' from pg_temp.customer_import where length(name) > 200
    union all
    select line, 'tier', 'required', 'A tier is required.' from pg_temp.customer_import where tier_code is null
    union all
    select line, 'tier', 'unknown_tier', format('Unknown tier "%s".', tier_code) from pg_temp.customer_import where tier_code is not null and tier_id is null
    union all
    select line, 'status', 'bad_status', format('Status "%s" is not one of prospect, potential, active, lost.', status_text)
      from pg_temp.customer_import where status_text not in ('prospect', 'potential', 'active', 'lost')
    union all
    select line, 'territory', 'required', 'A territory is required.' from pg_temp.customer_import where territory_code is null
    union all
    select line, 'territory', 'unknown_territory', format('Unknown territory "%s".', territory_code)
      from pg_temp.customer_import where territory_code is not null and territory_id is null
    union all
    select line, 'territory', 'territory_outside_scope', format('Territory %s is outside the territories you may add customers to.', territory_code)
      from pg_temp.customer_import where not v_all and territory_id is not null and not (territory_id = any (v_scope))
    union all
    select line, 'code', 'not_yours', format('Customer %s exists and is outside your territories.', code)
      from pg_temp.customer_import s
     where s.existing_id is null and s.code is not null
       and exists (select 1 from private.customer_codes_taken(array(select code from pg_temp.customer_import where code is not null)) t where t.code = s.code)
    union all
    select line, 'owner_email', 'unknown_owner', format('No staff member has the e-mail %s.', owner_email)
      from pg_temp.customer_import where owner_email is not null and owner_id is null
    union all
    select line, 'address', 'too_long', 'The address has more than 500 characters.' from pg_temp.customer_import where length(address) > 500
    union all
    select line, 'external_id', 'too_long', 'The external id has more than 64 characters.' from pg_temp.customer_import where length(external_id) > 64
    union all
    select s.line, 'cf_' || coalesce(e.field, ''), e.code, e.message
      from pg_temp.customer_import s cross join lateral private.custom_field_errors('customers', s.custom_fields, null) e
  )
  select coalesce(jsonb_agg(jsonb_build_object('line', line, 'column', col, 'code', code, 'message', message) order by line, col), '[]')
    into v_errors from (select * from problems order by line, col limit 1000) p;
  select count(*) into v_count from pg_temp.customer_import;
  if jsonb_array_length(v_errors) > 0 or p_dry_run then
    return private.import_result(v_errors, v_count, 0, p_dry_run);
  end if;

  -- Known codes: only rows that change are written (a re-import of the same file writes nothing).
  -- Without an owner in the file, a customer moved to another territory goes to its salesperson.
  update public.customers c
     set name = s.name, tier_id = s.tier_id, status = s.status_text::public.customer_status, territory_id = s.territory_id,
         owner_id = coalesce(s.owner_id, c.owner_id), address = s.address, custom_fields = c.custom_fields || s.custom_fields,
         external_id = coalesce(s.external_id, c.external_id)
    from pg_temp.customer_import s
   where c.id = s.existing_id
     and (c.name, c.tier_id, c.status::text, c.territory_id, c.owner_id, c.address, c.custom_fields, c.external_id)
         is distinct from (s.name, s.tier_id, s.status_text, s.territory_id, coalesce(s.owner_id, c.owner_id), s.address,
                           c.custom_fields || s.custom_fields, coalesce(s.external_id, c.external_id));
  get diagnostics v_written = row_count;
  insert into public.customers (code, name, tier_id, status, territory_id, owner_id, address, custom_fields, external_id)
  select code, name, tier_id, status_text::public.customer_status, territory_id, owner_id, address, custom_fields, external_id
    from pg_temp.customer_import where existing_id is null order by line;
  get diagnostics v_count = row_count;
  return private.import_result('[]'::jsonb, (select count(*)::integer from pg_temp.customer_import), v_count + v_written, false);
end;
$$;
comment on function public.import_customers(jsonb, boolean) is
  'Checks every customer CSV row (line, column, reason) and, if none is bad and p_dry_run is false, adds new codes and updates known ones in one transaction.';

-- Codes already used by customers, whoever may see them (so an import names a clash instead of failing).
create or replace function private.customer_codes_taken(p_codes text[])
returns table (code text)
language sql
stable
security definer
set search_path = ''
as $$
  select c.code from public.customers c where c.code = any (p_codes)
$$;
comment on function private.customer_codes_taken(text[]) is 'Which of these customer codes exist (codes only, for the import''s clash message).';

create or replace function public.import_sales(p_rows jsonb, p_dry_run boolean default false)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_known text[] := array['_line', 'external_id', 'document', 'sale_date', 'customer', 'product_line', 'quantity', 'amount', 'cost',
                          'discount_percent', 'discount_granted_by'];
  v_all boolean := private.allows_all('sales', 'create');
  v_scope uuid[] := array(select private.allowed_territories('sales', 'create'));
  v_errors jsonb;
  v_count integer;
  v_written integer;
begin
  perform private.check_import_size(p_rows, 100000);
  if not private.allows_some('sales', 'create') then
    raise exception using errcode = '42501', message = 'You are not allowed to record sales.', detail = 'not_allowed';
  end if;
  create temporary table if not exists pg_temp.sale_import (
    line integer, external_id text, document text, date_text text, customer_code text, line_code text, quantity_text text,
    amount_text text, cost_text text, discount_text text, grantor_email text, raw jsonb,
    sale_date date, customer_id uuid, territory_id uuid, product_line_id uuid, quantity numeric, amount numeric, cost numeric,
    discount numeric, grantor_id uuid, existing_id uuid, collected numeric
  ) on commit drop;
  truncate pg_temp.sale_import;
  insert into pg_temp.sale_import (line, external_id, document, date_text, customer_code, line_code, quantity_text, amount_text, cost_text,
                                   discount_text, grantor_email, raw)
  select coalesce((r ->> '_line')::integer, i::integer + 1), nullif(btrim(r ->> 'external_id'), ''),
         coalesce(nullif(lower(btrim(r ->> 'document')), ''), 'invoice'), nullif(btrim(r ->> 'sale_date'), ''),
         upper(nullif(btrim(r ->> 'customer'), '')), nullif(btrim(r ->> 'product_line'), ''), coalesce(nullif(btrim(r ->> 'quantity'), ''), '1'),
         nullif(btrim(r ->> 'amount'), ''), coalesce(nullif(btrim(r ->> 'cost'), ''), '0'), coalesce(nullif(btrim(r ->> 'discount_percent'), ''), '0'),
         lower(nullif(btrim(r ->> 'discount_granted_by'), '')), r
    from jsonb_array_elements(p_rows) with ordinality as e(r, i);
  update pg_temp.sale_import set sale_date = private.try_date(date_text), quantity = private.try_quantity(quantity_text),
         amount = private.try_amount(amount_text), cost = private.try_amount(cost_text), discount = private.try_amount(discount_text)
   where true;
  -- The file's own statistics first: each lookup below is then one index probe per line
  -- (customer code, ERP id) rather than a scan of a million sales under RLS.
  analyze pg_temp.sale_import;
  -- Customers the caller may read (RLS): one they may not is "unknown" to them.
  update pg_temp.sale_import s set customer_id = c.id, territory_id = c.territory_id from public.customers c where c.code = s.customer_code;
  update pg_temp.sale_import s set product_line_id = l.id from public.product_lines l where l.code = s.line_code;
  update pg_temp.sale_import s set grantor_id = m.id
    from private.staff_ids_by_email(array(select distinct grantor_email from pg_temp.sale_import where grantor_email is not null)) m
   where m.email = s.grantor_email;
  update pg_temp.sale_import s set existing_id = x.id, collected = (select coalesce(sum(p.amount), 0) from public.payments p where p.sale_id = x.id)
    from public.sales x where x.external_id = s.external_id and s.external_id is not null;
  analyze pg_temp.sale_import;

  with problems(line, col, code, message) as (
    select 1, k, 'unknown_column', format('Unknown column "%s".', k)
      from (select distinct jsonb_object_keys(raw) k from pg_temp.sale_import) keys where not (k = any (v_known))
    union all
    select line, 'external_id', 'required', 'The ERP id is required (a re-import matches sales by it).' from pg_temp.sale_import where external_id is null
    union all
    select line, 'external_id', 'too_long', 'The ERP id has more than 64 characters.' from pg_temp.sale_import where length(external_id) > 64
    union all
    select line, 'external_id', 'duplicate_in_file', format('%s appears more than once in the file.', external_id)
      from (select line, external_id, count(*) over (partition by external_id) n from pg_temp.sale_import where external_id is not null) d where n > 1
    union all
    select line, 'document', 'bad_document', format('Document "%s" is not one of invoice, order.', document)
      from pg_temp.sale_import where document not in ('invoice', 'order')
    union all
    select line, 'sale_date', 'required', 'The date is required.' from pg_temp.sale_import where date_text is null
    union all
    select line, 'sale_date', 'bad_date', format('"%s" is not a date (YYYY-MM-DD) between 2000 and today.', date_text)
      from pg_temp.sale_import where date_text is not null and (sale_date is null or sale_date < date '2000-01-01' or sale_date > current_date + 1)
    union all
    select line, 'customer', 'required', 'The customer''s code is required.' from pg_temp.sale_import where customer_code is null
    union all
    select line, 'customer', 'unknown_customer', format('No customer %s among the customers you may see.', customer_code)
      from pg_temp.sale_import where customer_code is not null and customer_id is null
    union all
    select line, 'customer', 'territory_outside_scope', format('Customer %s is outside the territories you may record sales for.', customer_code)
      from pg_temp.sale_import where not v_all and customer_id is not null and not (territory_id = any (v_scope))
    union all
    select line, 'product_line', 'required', 'The product line is required.' from pg_temp.sale_import where line_code is null
    union all
    select line, 'product_line', 'unknown_product_line', format('Unknown product line "%s".', line_code)
      from pg_temp.sale_import where line_code is not null and product_line_id is null
    union all
    select line, 'quantity', 'bad_number', format('"%s" is not a quantity above 0 (at most three decimals).', quantity_text)
      from pg_temp.sale_import where quantity is null or quantity <= 0
    union all
    select line, 'amount', 'required', 'The amount is required.' from pg_temp.sale_import where amount_text is null
    union all
    select line, 'amount', 'bad_amount', format('"%s" is not an amount of 0 or more (at most two decimals).', amount_text)
      from pg_temp.sale_import where amount_text is not null and (amount is null or amount < 0)
    union all
    select line, 'amount', 'amount_below_collected', format('The amount cannot go below the %s already collected on this sale.', collected)
      from pg_temp.sale_import where amount is not null and collected is not null and amount < collected
    union all
    select line, 'cost', 'bad_amount', format('"%s" is not an amount of 0 or more (at most two decimals).', cost_text)
      from pg_temp.sale_import where cost is null or cost < 0
    union all
    select line, 'discount_percent', 'bad_discount', format('"%s" is not a discount between 0 and 100.', discount_text)
      from pg_temp.sale_import where discount is null or discount < 0 or discount > 100
    union all
    select line, 'discount_granted_by', 'grantor_required', 'A discount needs the e-mail of who granted it.'
      from pg_temp.sale_import where discount > 0 and grantor_email is null
    union all
    select line, 'discount_granted_by', 'unknown_grantor', format('No staff member has the e-mail %s.', grantor_email)
      from pg_temp.sale_import where grantor_email is not null and grantor_id is null
  )
  select coalesce(jsonb_agg(jsonb_build_object('line', line, 'column', col, 'code', code, 'message', message) order by line, col), '[]')
    into v_errors from (select * from problems order by line, col limit 1000) p;
  select count(*) into v_count from pg_temp.sale_import;
  if jsonb_array_length(v_errors) > 0 or p_dry_run then
    return private.import_result(v_errors, v_count, 0, p_dry_run);
  end if;

  update public.sales x
     set document = s.document::public.sale_document, sale_date = s.sale_date, customer_id = s.customer_id, product_line_id = s.product_line_id,
         quantity = s.quantity, amount = s.amount, cost = s.cost, discount_percent = s.discount,
         discount_granted_by = case when s.discount > 0 then s.grantor_id end
    from pg_temp.sale_import s
   where s.existing_id is not null and x.id = s.existing_id
     and (x.document::text, x.sale_date, x.customer_id, x.product_line_id, x.quantity, x.amount, x.cost, x.discount_percent, x.discount_granted_by)
         is distinct from (s.document, s.sale_date, s.customer_id, s.product_line_id, s.quantity, s.amount, s.cost, s.discount,
                           case when s.discount > 0 then s.grantor_id end);
  get diagnostics v_written = row_count;
  insert into public.sales (external_id, document, sale_date, customer_id, product_line_id, quantity, amount, cost, discount_percent, discount_granted_by)
  select external_id, document::public.sale_document, sale_date, customer_id, product_line_id, quantity, amount, cost, discount,
         case when discount > 0 then grantor_id end
    from pg_temp.sale_import where existing_id is null order by line;
  get diagnostics v_count = row_count;
  return private.import_result('[]'::jsonb, (select count(*)::integer from pg_temp.sale_import), v_count + v_written, false);
end;
$$;
comment on function public.import_sales(jsonb, boolean) is
  'Checks every sales CSV row (line, column, reason) and, if none is bad and p_dry_run is false, adds new ERP ids and updates known ones in one transaction.';

create or replace function public.import_payments(p_rows jsonb, p_dry_run boolean default false)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_known text[] := array['_line', 'external_id', 'sale', 'paid_on', 'amount'];
  v_all boolean := private.allows_all('payments', 'create');
  v_scope uuid[] := array(select private.allowed_territories('payments', 'create'));
  v_errors jsonb;
  v_count integer;
  v_written integer;
begin
  perform private.check_import_size(p_rows, 100000);
  if not private.allows_some('payments', 'create') then
    raise exception using errcode = '42501', message = 'You are not allowed to record payments.', detail = 'not_allowed';
  end if;
  create temporary table if not exists pg_temp.payment_import (
    line integer, external_id text, sale_ref text, date_text text, amount_text text, raw jsonb,
    sale_id uuid, sale_date date, sale_amount numeric, territory_id uuid, paid_on date, amount numeric, existing_id uuid
  ) on commit drop;
  truncate pg_temp.payment_import;
  insert into pg_temp.payment_import (line, external_id, sale_ref, date_text, amount_text, raw)
  select coalesce((r ->> '_line')::integer, i::integer + 1), nullif(btrim(r ->> 'external_id'), ''), nullif(btrim(r ->> 'sale'), ''),
         nullif(btrim(r ->> 'paid_on'), ''), nullif(btrim(r ->> 'amount'), ''), r
    from jsonb_array_elements(p_rows) with ordinality as e(r, i);
  update pg_temp.payment_import set paid_on = private.try_date(date_text), amount = private.try_amount(amount_text) where true;
  update pg_temp.payment_import s set sale_id = x.id, sale_date = x.sale_date, sale_amount = x.amount, territory_id = x.territory_id
    from public.sales x where x.external_id = s.sale_ref;
  update pg_temp.payment_import s set existing_id = p.id from public.payments p where p.external_id = s.external_id;
  analyze pg_temp.payment_import;

  with problems(line, col, code, message) as (
    select 1, k, 'unknown_column', format('Unknown column "%s".', k)
      from (select distinct jsonb_object_keys(raw) k from pg_temp.payment_import) keys where not (k = any (v_known))
    union all
    select line, 'external_id', 'required', 'The ERP id is required (a re-import matches payments by it).' from pg_temp.payment_import where external_id is null
    union all
    select line, 'external_id', 'duplicate_in_file', format('%s appears more than once in the file.', external_id)
      from (select line, external_id, count(*) over (partition by external_id) n from pg_temp.payment_import where external_id is not null) d where n > 1
    union all
    select line, 'sale', 'required', 'The sale''s ERP id is required.' from pg_temp.payment_import where sale_ref is null
    union all
    select line, 'sale', 'unknown_sale', format('No sale %s among the sales you may see.', sale_ref)
      from pg_temp.payment_import where sale_ref is not null and sale_id is null
    union all
    select line, 'sale', 'territory_outside_scope', format('Sale %s is outside the territories you may record payments for.', sale_ref)
      from pg_temp.payment_import where not v_all and sale_id is not null and not (territory_id = any (v_scope))
    union all
    select line, 'paid_on', 'bad_date', format('"%s" is not a date (YYYY-MM-DD).', coalesce(date_text, ''))
      from pg_temp.payment_import where paid_on is null
    union all
    select line, 'paid_on', 'payment_before_sale', 'A payment cannot be dated before its sale.'
      from pg_temp.payment_import where paid_on < sale_date
    union all
    select line, 'amount', 'bad_amount', format('"%s" is not an amount above 0 (at most two decimals).', coalesce(amount_text, ''))
      from pg_temp.payment_import where amount is null or amount <= 0
    union all
    -- The line where a sale's payments (those kept plus the file's, in file order) pass its amount.
    select r.line, 'amount', 'payment_exceeds_sale',
           format('Payments on sale %s would total %s, more than its %s.', r.sale_ref, r.running, r.sale_amount)
      from (select s.line, s.sale_ref, s.sale_amount,
                   s.kept + sum(s.amount) over (partition by s.sale_id order by s.line) as running
              from (select i.*, (select coalesce(sum(p.amount), 0) from public.payments p
                                  where p.sale_id = i.sale_id
                                    and not exists (select 1 from pg_temp.payment_import x where x.external_id = p.external_id)) as kept
                      from pg_temp.payment_import i where i.sale_id is not null and i.amount > 0) s) r
     where r.running > r.sale_amount
  )
  select coalesce(jsonb_agg(jsonb_build_object('line', line, 'column', col, 'code', code, 'message', message) order by line, col), '[]')
    into v_errors from (select * from problems order by line, col limit 1000) p;
  select count(*) into v_count from pg_temp.payment_import;
  if jsonb_array_length(v_errors) > 0 or p_dry_run then
    return private.import_result(v_errors, v_count, 0, p_dry_run);
  end if;

  -- Known payments first (lowered amounts free room before new ones are added).
  update public.payments p set sale_id = s.sale_id, paid_on = s.paid_on, amount = s.amount
    from pg_temp.payment_import s
   where p.id = s.existing_id and (p.sale_id, p.paid_on, p.amount) is distinct from (s.sale_id, s.paid_on, s.amount);
  get diagnostics v_written = row_count;
  insert into public.payments (external_id, sale_id, paid_on, amount)
  select external_id, sale_id, paid_on, amount from pg_temp.payment_import where existing_id is null order by line;
  get diagnostics v_count = row_count;
  return private.import_result('[]'::jsonb, (select count(*)::integer from pg_temp.payment_import), v_count + v_written, false);
end;
$$;
comment on function public.import_payments(jsonb, boolean) is
  'Checks every payments CSV row (line, column, reason; never more collected than a sale''s amount) and, if none is bad and p_dry_run is false, adds new ERP ids and updates known ones in one transaction.';

revoke all on function private.try_amount(text) from public;
grant execute on function private.try_amount(text) to authenticated, service_role;
revoke all on function private.try_quantity(text) from public;
grant execute on function private.try_quantity(text) to authenticated, service_role;
revoke all on function private.import_result(jsonb, integer, integer, boolean) from public;
grant execute on function private.import_result(jsonb, integer, integer, boolean) to authenticated, service_role;
revoke all on function private.check_import_size(jsonb, integer) from public;
grant execute on function private.check_import_size(jsonb, integer) to authenticated, service_role;
revoke all on function private.customer_codes_taken(text[]) from public;
grant execute on function private.customer_codes_taken(text[]) to authenticated;
revoke all on function public.import_customers(jsonb, boolean) from public, anon;
grant execute on function public.import_customers(jsonb, boolean) to authenticated;
revoke all on function public.import_sales(jsonb, boolean) from public, anon;
grant execute on function public.import_sales(jsonb, boolean) to authenticated;
revoke all on function public.import_payments(jsonb, boolean) from public, anon;
grant execute on function public.import_payments(jsonb, boolean) to authenticated;
