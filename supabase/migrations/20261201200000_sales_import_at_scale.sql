-- The ERP's sales file at scale: 100,000 lines in one import well inside the minute.
-- Measured on the reference department (npm run bench): the import spent a millisecond a
-- line in the default credit each new sale gets, because the row trigger inserted it one row
-- at a time and every one of those inserts ran the audit trail's statement trigger (hashing
-- its link of the chain). A statement trigger now credits a statement's new sales in one
-- insert (one audit statement); the placement each new sale looks up keeps its plan; and the
-- import matches the file's lines to customers and to known ERP ids with the file's
-- statistics known.

-- =============================================================================
-- The default credit, per statement
-- =============================================================================
create or replace function private.credit_new_sales()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.sale_credits (sale_id, staff_id, share_percent, territory_id)
  select n.id, n.owner_id, 100, n.territory_id from new_rows n where n.owner_id is not null;
  return null;
end;
$$;
comment on function private.credit_new_sales() is
  'Trigger: credits each sale a statement inserts 100% to its owner on the sale date, in one insert.';
revoke execute on function private.credit_new_sales() from public;

-- What is left of the row trigger: a sale moved to another territory takes its credits and
-- payments with it.
create or replace function private.sale_after_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.territory_id is distinct from old.territory_id then
    update public.sale_credits c set territory_id = new.territory_id where c.sale_id = new.id;
    update public.payments p set territory_id = new.territory_id where p.sale_id = new.id;
  end if;
  return null;
end;
$$;
comment on function private.sale_after_write() is
  'Trigger: a sale whose territory changes moves its credits and payments to that territory.';

drop trigger sales_after_write on public.sales;
create trigger sales_after_write after update of territory_id on public.sales
  for each row execute function private.sale_after_write();
create trigger sales_credit_new after insert on public.sales
  referencing new table as new_rows for each statement execute function private.credit_new_sales();

-- =============================================================================
-- A customer's placement on a date
-- =============================================================================
-- Each new sale and visit asks it once, from a row trigger. As an SQL function it was planned
-- again on every call (130 µs a line); in PL/pgSQL its plan is kept for the session.
create or replace function private.placement_on(p_customer uuid, p_on date)
returns table(territory_id uuid, owner_id uuid)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
  select p.territory_id, p.owner_id
    from public.customer_placements p
   where p.customer_id = p_customer
   order by (p.valid_from <= p_on and (p.valid_to is null or p.valid_to > p_on)) desc, p.valid_from
   limit 1;
end;
$$;

-- =============================================================================
-- The import
-- =============================================================================
create or replace function public.import_sales(p_rows jsonb, p_dry_run boolean default false)
returns jsonb
language plpgsql
set search_path = ''
set statement_timeout = '60s'
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
