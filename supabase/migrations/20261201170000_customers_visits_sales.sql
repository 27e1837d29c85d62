-- Customers, tiers, visits and sales: the department's field data, kept by territory.
--
-- Customer tiers (visit interval, previous-year sales threshold) and product lines as data;
-- customers with contacts, their territory and owner effective-dated in customer_placements;
-- visits and sales that snapshot the customer's territory and owner on their date, so a
-- reorganisation never rewrites who visited or sold what; monthly visit plans; sales with a
-- credit split that must add up to exactly 100 and payments that never exceed the sale.
-- Scope: a salesperson their own territory, a manager their subtree, HR everything, the
-- auditor reads everything, all through the matrix.

-- =============================================================================
-- Types
-- =============================================================================
create type public.customer_status as enum ('prospect', 'potential', 'active', 'lost');
create type public.sale_document as enum ('order', 'invoice');

-- =============================================================================
-- Tables
-- =============================================================================
create table public.customer_tiers (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name_en text not null check (length(btrim(name_en)) between 1 and 80),
  name_es text not null default '' check (length(name_es) <= 80),
  name_zh text not null default '' check (length(name_zh) <= 80),
  -- Days between visits; null = no fixed interval (visited as needed).
  visit_interval_days integer check (visit_interval_days between 1 and 3650),
  -- Last calendar year's sales that qualify a customer for this tier (the highest one met wins).
  min_previous_year_sales numeric(14, 2) not null default 0 check (min_previous_year_sales >= 0),
  sort_order integer not null default 100,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint customer_tiers_threshold_key unique (min_previous_year_sales)
);
comment on table public.customer_tiers is
  'Customer tiers (VIP, first level, ...): names in three languages, visit interval in days (null = as needed), the previous-year sales that qualify, order.';

create table public.product_lines (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name_en text not null check (length(btrim(name_en)) between 1 and 80),
  name_es text not null default '' check (length(name_es) <= 80),
  name_zh text not null default '' check (length(name_zh) <= 80),
  active boolean not null default true,
  sort_order integer not null default 100,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.product_lines is 'The small catalogue of product lines a sale belongs to.';

create table public.customers (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
  name text not null check (length(btrim(name)) between 1 and 200),
  tier_id uuid not null references public.customer_tiers (id) on delete restrict,
  -- When the customer entered its current tier (set by the database): a customer never
  -- visited is due from this date.
  tier_since date not null default current_date,
  status public.customer_status not null default 'prospect',
  territory_id uuid not null references public.territories (id) on delete restrict,
  owner_id uuid references public.staff (id) on delete restrict,
  address text not null default '' check (length(address) <= 500),
  custom_fields jsonb not null default '{}'::jsonb check (jsonb_typeof(custom_fields) = 'object'),
  -- The ERP's id, so a re-import of the same file updates instead of duplicating.
  external_id text unique check (length(external_id) between 1 and 64),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.customers is
  'Customers: code, name, tier (and since when), status, territory and owning salesperson (their history in customer_placements), address, custom fields.';
create index customers_tier_idx on public.customers (tier_id);
create index customers_territory_idx on public.customers (territory_id, name);
create index customers_owner_idx on public.customers (owner_id);
create index customers_name_trgm_idx on public.customers using gin (name extensions.gin_trgm_ops);
create index customers_status_idx on public.customers (status);

create table public.customer_placements (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references public.customers (id) on delete cascade,
  territory_id uuid not null references public.territories (id) on delete restrict,
  owner_id uuid references public.staff (id) on delete restrict,
  valid_from date not null default current_date,
  -- Exclusive end; null = current.
  valid_to date,
  changed_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_to > valid_from),
  constraint customer_placements_no_overlap
    exclude using gist (customer_id with =, daterange(valid_from, valid_to) with &&)
);
comment on table public.customer_placements is
  'Effective-dated history of each customer''s territory and owner (from, to exclusive, null = current), kept by the database when a customer moves.';
create index customer_placements_customer_idx on public.customer_placements (customer_id, valid_from desc);
create index customer_placements_territory_idx on public.customer_placements (territory_id);
create index customer_placements_owner_idx on public.customer_placements (owner_id);
create index customer_placements_changed_by_idx on public.customer_placements (changed_by);

create table public.customer_contacts (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references public.customers (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 120),
  role_title text not null default '' check (length(role_title) <= 120),
  phone text not null default '' check (length(phone) <= 40 and phone ~ '^[0-9+() .-]*$'),
  email text not null default '' check (length(email) <= 255 and (email = '' or email ~ '^[^\s@]+@[^\s@]+\.[^\s@]+$')),
  decision_maker boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.customer_contacts is 'The people met at a customer: name, role, phone, e-mail, and whether they decide (002 §3.2: negotiate only with decision makers).';
create index customer_contacts_customer_idx on public.customer_contacts (customer_id, name);

create table public.visits (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references public.customers (id) on delete restrict,
  -- Defaults to the caller's staff record (set by the database when left out).
  staff_id uuid references public.staff (id) on delete restrict,
  visited_on date not null default current_date check (visited_on between date '2000-01-01' and current_date + 1),
  purpose text not null check (length(btrim(purpose)) between 1 and 500),
  contact_id uuid references public.customer_contacts (id) on delete set null,
  -- Derived: whether the contact met was a decision maker on that day.
  decision_maker_met boolean not null default false,
  outcome text not null default '' check (length(outcome) <= 2000),
  next_step text not null default '' check (length(next_step) <= 1000),
  next_visit_on date,
  -- Snapshot of the customer's placement on visited_on (set by the database).
  territory_id uuid references public.territories (id) on delete restrict,
  owner_id uuid references public.staff (id) on delete restrict,
  created_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint visits_set_by_database check (staff_id is not null and territory_id is not null),
  check (next_visit_on is null or next_visit_on >= visited_on)
);
comment on table public.visits is
  'Customer visits: who, when, purpose, contact met (decision maker or not), outcome, next step and date. territory_id/owner_id are the customer''s placement on the visit date, never rewritten by a later move.';
create index visits_customer_idx on public.visits (customer_id, visited_on desc);
create index visits_staff_idx on public.visits (staff_id, visited_on desc);
create index visits_territory_idx on public.visits (territory_id, visited_on desc);
create index visits_owner_idx on public.visits (owner_id);
create index visits_contact_idx on public.visits (contact_id);
create index visits_created_by_idx on public.visits (created_by);

create table public.visit_plans (
  id uuid primary key default gen_random_uuid(),
  staff_id uuid references public.staff (id) on delete restrict,
  month date not null check (extract(day from month) = 1),
  customer_id uuid not null references public.customers (id) on delete cascade,
  planned_visits integer not null default 1 check (planned_visits between 1 and 31),
  -- Snapshot of the customer's territory when the plan was made (set by the database).
  territory_id uuid references public.territories (id) on delete restrict,
  created_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint visit_plans_set_by_database check (staff_id is not null and territory_id is not null),
  constraint visit_plans_one_line_per_customer unique (staff_id, month, customer_id)
);
comment on table public.visit_plans is 'Monthly visit plan: how many visits a salesperson plans per customer in a month (made at the start of the month).';
create index visit_plans_month_idx on public.visit_plans (month, staff_id);
create index visit_plans_customer_idx on public.visit_plans (customer_id);
create index visit_plans_territory_idx on public.visit_plans (territory_id, month);
create index visit_plans_created_by_idx on public.visit_plans (created_by);

create table public.sales (
  id uuid primary key default gen_random_uuid(),
  external_id text unique check (length(external_id) between 1 and 64),
  document public.sale_document not null default 'invoice',
  sale_date date not null check (sale_date between date '2000-01-01' and current_date + 1),
  customer_id uuid not null references public.customers (id) on delete restrict,
  product_line_id uuid not null references public.product_lines (id) on delete restrict,
  quantity numeric(14, 3) not null default 1 check (quantity > 0),
  amount numeric(14, 2) not null check (amount >= 0),
  cost numeric(14, 2) not null default 0 check (cost >= 0),
  profit numeric(14, 2) generated always as (amount - cost) stored,
  discount_percent numeric(5, 2) not null default 0 check (discount_percent between 0 and 100),
  discount_granted_by uuid references public.staff (id) on delete restrict,
  -- Snapshot of the customer's placement on sale_date (set by the database).
  territory_id uuid references public.territories (id) on delete restrict,
  owner_id uuid references public.staff (id) on delete restrict,
  created_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint sales_set_by_database check (territory_id is not null),
  constraint sales_discount_needs_grantor check (discount_percent = 0 or discount_granted_by is not null)
);
comment on table public.sales is
  'Sales lines (orders or invoices): date, customer, product line, quantity, amount, cost (profit = amount - cost), discount and who granted it; territory and owner as on the sale date.';
create index sales_customer_idx on public.sales (customer_id, sale_date);
create index sales_territory_idx on public.sales (territory_id, sale_date desc);
create index sales_date_idx on public.sales (sale_date desc);
create index sales_product_line_idx on public.sales (product_line_id);
create index sales_owner_idx on public.sales (owner_id);
create index sales_discount_granted_by_idx on public.sales (discount_granted_by);
create index sales_created_by_idx on public.sales (created_by);

create table public.sale_credits (
  sale_id uuid not null references public.sales (id) on delete cascade,
  staff_id uuid not null references public.staff (id) on delete restrict,
  share_percent numeric(5, 2) not null check (share_percent > 0 and share_percent <= 100),
  -- Copy of the sale's territory, for the read policy (set by the database).
  territory_id uuid references public.territories (id) on delete restrict,
  constraint sale_credits_set_by_database check (territory_id is not null),
  primary key (sale_id, staff_id)
);
comment on table public.sale_credits is 'Who is credited with a sale and by how much; the shares of a sale add up to exactly 100 (checked at commit).';
create index sale_credits_staff_idx on public.sale_credits (staff_id);
create index sale_credits_territory_idx on public.sale_credits (territory_id);

create table public.payments (
  id uuid primary key default gen_random_uuid(),
  external_id text unique check (length(external_id) between 1 and 64),
  sale_id uuid not null references public.sales (id) on delete restrict,
  paid_on date not null default current_date check (paid_on <= current_date + 1),
  amount numeric(14, 2) not null check (amount > 0),
  -- Copy of the sale's territory, for the read policy (set by the database).
  territory_id uuid references public.territories (id) on delete restrict,
  created_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint payments_set_by_database check (territory_id is not null)
);
comment on table public.payments is 'Payments collected against a sale; together never more than the sale''s amount.';
create index payments_sale_idx on public.payments (sale_id, paid_on);
create index payments_territory_idx on public.payments (territory_id, paid_on desc);
create index payments_created_by_idx on public.payments (created_by);

create table public.retiering_runs (
  id uuid primary key default gen_random_uuid(),
  sales_year integer not null check (sales_year between 2000 and 2999),
  reason text not null check (length(btrim(reason)) between 1 and 500),
  customers_moved integer not null default 0,
  -- [{customer_id, code, sales_total, from_tier_id, to_tier_id}], as applied.
  changes jsonb not null default '[]'::jsonb check (jsonb_typeof(changes) = 'array'),
  applied_by uuid references public.profiles (id) on delete set null,
  applied_at timestamptz not null default now()
);
comment on table public.retiering_runs is 'Each re-tiering HR applied: the sales year it used, why, who and when, and every customer moved (from, to, sales).';
create index retiering_runs_applied_by_idx on public.retiering_runs (applied_by);

alter table public.custom_field_definitions drop constraint if exists custom_field_definitions_resource_check;
alter table public.custom_field_definitions add constraint custom_field_definitions_resource_check
  check (resource in ('staff', 'territories', 'customers'));

-- =============================================================================
-- Private functions
-- =============================================================================
-- The caller's staff record (null for a login without one).
create or replace function private.my_staff_id()
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select s.id from public.staff s where s.user_id = (select auth.uid())
$$;
comment on function private.my_staff_id() is 'The staff record linked to the signed-in login, or null.';

-- A customer's placement on a date (the first one when the date is before it).
create or replace function private.placement_on(p_customer uuid, p_on date)
returns table (territory_id uuid, owner_id uuid)
language sql
stable
security definer
set search_path = ''
as $$
  select p.territory_id, p.owner_id
    from public.customer_placements p
   where p.customer_id = p_customer
   order by (p.valid_from <= p_on and (p.valid_to is null or p.valid_to > p_on)) desc, p.valid_from
   limit 1
$$;
comment on function private.placement_on(uuid, date) is 'Territory and owner of a customer on a date, from customer_placements (the earliest placement for a date before the first).';

create or replace function private.customer_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- tier_since is the database's: today when the tier is set or changes. Only a load without
  -- a signed-in person (the seed, a migration) may state an earlier date.
  if tg_op = 'INSERT' then
    if (select auth.uid()) is not null or new.tier_since is null then
      new.tier_since := current_date;
    end if;
  elsif new.tier_id is distinct from old.tier_id then
    new.tier_since := current_date;
  elsif new.tier_since is distinct from old.tier_since and (select auth.uid()) is not null then
    new.tier_since := old.tier_since;
  end if;
  -- A customer without an owner belongs to the territory's current salesperson; a customer
  -- moved to another territory without naming a new owner goes to that territory's.
  if (tg_op = 'INSERT' and new.owner_id is null)
     or (tg_op = 'UPDATE' and new.territory_id is distinct from old.territory_id and new.owner_id is not distinct from old.owner_id) then
    new.owner_id := null;
    select a.staff_id into new.owner_id from public.territory_assignments a
     where a.territory_id = new.territory_id and a.valid_to is null;
  end if;
  return new;
end;
$$;

-- Keeps customer_placements: a move closes the current placement and opens one from today
-- (a second change on the same day corrects today's placement instead).
create or replace function private.customer_placement_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.territory_id is not distinct from old.territory_id and new.owner_id is not distinct from old.owner_id then
    return null;
  end if;
  if tg_op = 'UPDATE' then
    delete from public.customer_placements p where p.customer_id = new.id and p.valid_to is null and p.valid_from >= current_date;
    update public.customer_placements p set valid_to = current_date where p.customer_id = new.id and p.valid_to is null;
  end if;
  insert into public.customer_placements (customer_id, territory_id, owner_id, valid_from, changed_by)
  values (new.id, new.territory_id, new.owner_id, current_date, (select auth.uid()));
  return null;
end;
$$;

-- Visits: the salesperson defaults to the caller, the snapshot comes from the placement on
-- the visit date, and whether a decision maker was met from the contact.
create or replace function private.visit_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_place record;
begin
  if tg_op = 'INSERT' then
    new.staff_id := coalesce(new.staff_id, private.my_staff_id());
    new.created_by := (select auth.uid());
  else
    new.created_by := old.created_by;
  end if;
  if new.staff_id is null then
    raise exception using errcode = '23502', message = 'Say who made the visit (your login has no staff record).', detail = 'staff_required';
  end if;
  if tg_op = 'INSERT' or new.customer_id is distinct from old.customer_id or new.visited_on is distinct from old.visited_on then
    select * into v_place from private.placement_on(new.customer_id, new.visited_on);
    new.territory_id := v_place.territory_id;
    new.owner_id := v_place.owner_id;
  else
    new.territory_id := old.territory_id;
    new.owner_id := old.owner_id;
  end if;
  if new.contact_id is not null then
    if not exists (select 1 from public.customer_contacts c where c.id = new.contact_id and c.customer_id = new.customer_id) then
      raise exception using errcode = '23514', message = 'The contact met must be one of this customer''s contacts.', detail = 'contact_of_other_customer';
    end if;
    if tg_op = 'INSERT' or new.contact_id is distinct from old.contact_id then
      select c.decision_maker into new.decision_maker_met from public.customer_contacts c where c.id = new.contact_id;
    else
      new.decision_maker_met := old.decision_maker_met;
    end if;
  else
    new.decision_maker_met := false;
  end if;
  return new;
end;
$$;

create or replace function private.visit_plan_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.staff_id := coalesce(new.staff_id, private.my_staff_id());
    new.created_by := (select auth.uid());
  else
    new.created_by := old.created_by;
  end if;
  if new.staff_id is null then
    raise exception using errcode = '23502', message = 'Say whose plan this is (your login has no staff record).', detail = 'staff_required';
  end if;
  -- A plan is made at the start of the month: no plans for months already gone.
  if (select auth.uid()) is not null and new.month < date_trunc('month', current_date)::date
     and (tg_op = 'INSERT' or new.month is distinct from old.month) then
    raise exception using errcode = '23514', message = 'A visit plan is for this month or a later one.', detail = 'plan_month_past';
  end if;
  select p.territory_id into new.territory_id from private.placement_on(new.customer_id, new.month) p;
  return new;
end;
$$;

create or replace function private.sale_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_place record;
  v_paid numeric;
begin
  if tg_op = 'INSERT' then
    new.created_by := (select auth.uid());
  else
    new.created_by := old.created_by;
  end if;
  if tg_op = 'INSERT' or new.customer_id is distinct from old.customer_id or new.sale_date is distinct from old.sale_date then
    select * into v_place from private.placement_on(new.customer_id, new.sale_date);
    new.territory_id := v_place.territory_id;
    new.owner_id := v_place.owner_id;
  else
    new.territory_id := old.territory_id;
    new.owner_id := old.owner_id;
  end if;
  if tg_op = 'UPDATE' and new.amount < old.amount then
    select coalesce(sum(p.amount), 0) into v_paid from public.payments p where p.sale_id = new.id;
    if new.amount < v_paid then
      raise exception using errcode = '23514',
        message = format('The amount cannot go below the %s already collected on this sale.', to_char(v_paid, 'FM999G999G999G990D00')),
        detail = 'amount_below_collected';
    end if;
  end if;
  return new;
end;
$$;

-- A new sale is credited 100% to the customer's owner on the sale date; set_sale_credits
-- changes the split. Credits follow the sale's territory.
create or replace function private.sale_after_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if new.owner_id is not null then
      insert into public.sale_credits (sale_id, staff_id, share_percent, territory_id) values (new.id, new.owner_id, 100, new.territory_id);
    end if;
  elsif new.territory_id is distinct from old.territory_id then
    update public.sale_credits c set territory_id = new.territory_id where c.sale_id = new.id;
    update public.payments p set territory_id = new.territory_id where p.sale_id = new.id;
  end if;
  return null;
end;
$$;

create or replace function private.sale_credit_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  select s.territory_id into new.territory_id from public.sales s where s.id = new.sale_id;
  return new;
end;
$$;

-- At commit: the shares of every touched sale add up to exactly 100 (or there are none).
create or replace function private.assert_credit_split()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_sale uuid;
  v_total numeric;
  v_count integer;
begin
  if tg_table_name = 'sales' then
    v_sale := new.id;
  elsif tg_op = 'DELETE' then
    v_sale := old.sale_id;
  else
    v_sale := new.sale_id;
  end if;
  if not exists (select 1 from public.sales s where s.id = v_sale) then
    return null;  -- the sale itself was removed
  end if;
  select coalesce(sum(c.share_percent), 0), count(*) into v_total, v_count from public.sale_credits c where c.sale_id = v_sale;
  -- No credits at all is a sale nobody is credited with yet (its customer has no owner).
  if v_count > 0 and v_total <> 100 then
    raise exception using errcode = '23514',
      message = format('The credit split adds up to %s%%, %s %s 100%%.', to_char(v_total, 'FM990D00'),
                       to_char(abs(100 - v_total), 'FM990D00'), case when v_total < 100 then 'short of' else 'more than' end),
      detail = 'credit_split_not_100';
  end if;
  return null;
end;
$$;

-- Payments: territory from the sale, and never more collected than the sale's amount
-- (the sale row is locked, so two payments at once cannot both slip under the limit).
create or replace function private.payment_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_sale record;
  v_others numeric;
begin
  if tg_op = 'INSERT' then
    new.created_by := (select auth.uid());
  else
    new.created_by := old.created_by;
  end if;
  select s.amount, s.sale_date, s.territory_id into v_sale from public.sales s where s.id = new.sale_id for update;
  if not found then
    raise exception using errcode = '23503', message = 'The sale does not exist.', detail = 'not_found';
  end if;
  new.territory_id := v_sale.territory_id;
  if new.paid_on < v_sale.sale_date then
    raise exception using errcode = '23514', message = 'A payment cannot be dated before its sale.', detail = 'payment_before_sale';
  end if;
  select coalesce(sum(p.amount), 0) into v_others from public.payments p where p.sale_id = new.sale_id and p.id <> new.id;
  if v_others + new.amount > v_sale.amount then
    raise exception using errcode = '23514',
      message = format('Payments would total %s, more than the sale''s %s (%s over).',
                       to_char(v_others + new.amount, 'FM999G999G999G990D00'), to_char(v_sale.amount, 'FM999G999G999G990D00'),
                       to_char(v_others + new.amount - v_sale.amount, 'FM999G999G999G990D00')),
      detail = 'payment_exceeds_sale';
  end if;
  return new;
end;
$$;

-- =============================================================================
-- Triggers
-- =============================================================================
create trigger customer_tiers_touch before insert or update on public.customer_tiers for each row execute function private.touch_row();
create trigger product_lines_touch before insert or update on public.product_lines for each row execute function private.touch_row();
create trigger customers_touch before insert or update on public.customers for each row execute function private.touch_row();
create trigger customers_before_write before insert or update on public.customers for each row execute function private.customer_before_write();
create trigger customers_custom_fields before insert or update of custom_fields on public.customers
  for each row execute function private.check_custom_fields();
create trigger customers_placement after insert or update of territory_id, owner_id on public.customers
  for each row execute function private.customer_placement_changed();
create trigger customer_contacts_touch before insert or update on public.customer_contacts for each row execute function private.touch_row();
create trigger visits_touch before insert or update on public.visits for each row execute function private.touch_row();
create trigger visits_before_write before insert or update on public.visits for each row execute function private.visit_before_write();
create trigger visit_plans_touch before insert or update on public.visit_plans for each row execute function private.touch_row();
create trigger visit_plans_before_write before insert or update on public.visit_plans for each row execute function private.visit_plan_before_write();
create trigger sales_touch before insert or update on public.sales for each row execute function private.touch_row();
create trigger sales_before_write before insert or update on public.sales for each row execute function private.sale_before_write();
create trigger sales_after_write after insert or update of territory_id on public.sales for each row execute function private.sale_after_write();
create constraint trigger sales_credit_split after insert on public.sales
  deferrable initially deferred for each row execute function private.assert_credit_split();
create trigger sale_credits_before_write before insert or update on public.sale_credits
  for each row execute function private.sale_credit_before_write();
create constraint trigger sale_credits_split after insert or update or delete on public.sale_credits
  deferrable initially deferred for each row execute function private.assert_credit_split();
create trigger payments_touch before insert or update on public.payments for each row execute function private.touch_row();
create trigger payments_before_write before insert or update on public.payments for each row execute function private.payment_before_write();

select private.enable_audit('public.customer_tiers');
select private.enable_audit('public.product_lines');
select private.enable_audit('public.customers');
select private.enable_audit('public.customer_placements');
select private.enable_audit('public.customer_contacts');
select private.enable_audit('public.visits');
select private.enable_audit('public.visit_plans');
select private.enable_audit('public.sales');
select private.enable_audit('public.sale_credits', '{sale_id,staff_id}');
select private.enable_audit('public.payments');
select private.enable_audit('public.retiering_runs');

-- =============================================================================
-- RLS policies
-- =============================================================================
alter table public.retiering_runs enable row level security;
alter table public.customer_tiers enable row level security;
alter table public.product_lines enable row level security;
alter table public.customers enable row level security;
alter table public.customer_placements enable row level security;
alter table public.customer_contacts enable row level security;
alter table public.visits enable row level security;
alter table public.visit_plans enable row level security;
alter table public.sales enable row level security;
alter table public.sale_credits enable row level security;
alter table public.payments enable row level security;

create policy "people with customer_tiers read permission can read tiers" on public.customer_tiers
  for select to authenticated using ((select private.allows_all('customer_tiers', 'read')));
create policy "people with customer_tiers create permission can add tiers" on public.customer_tiers
  for insert to authenticated with check ((select private.allows_all('customer_tiers', 'create')));
create policy "people with customer_tiers update permission can edit tiers" on public.customer_tiers
  for update to authenticated using ((select private.allows_all('customer_tiers', 'update'))) with check ((select private.allows_all('customer_tiers', 'update')));
create policy "people with customer_tiers delete permission can delete tiers" on public.customer_tiers
  for delete to authenticated using ((select private.allows_all('customer_tiers', 'delete')));

create policy "people with customer_tiers read permission can read re-tiering runs" on public.retiering_runs
  for select to authenticated using ((select private.allows_all('customer_tiers', 'read')));
-- Runs are written by apply_retiering only (no insert policy).

create policy "people with product_lines read permission can read product lines" on public.product_lines
  for select to authenticated using ((select private.allows_all('product_lines', 'read')));
create policy "people with product_lines create permission can add product lines" on public.product_lines
  for insert to authenticated with check ((select private.allows_all('product_lines', 'create')));
create policy "people with product_lines update permission can edit product lines" on public.product_lines
  for update to authenticated using ((select private.allows_all('product_lines', 'update'))) with check ((select private.allows_all('product_lines', 'update')));
create policy "people with product_lines delete permission can delete product lines" on public.product_lines
  for delete to authenticated using ((select private.allows_all('product_lines', 'delete')));

-- Customers: all, the territories one is responsible for, or one's own territory.
create policy "people with customers read permission in scope can read customers" on public.customers
  for select to authenticated
  using (
    (select private.allows_all('customers', 'read'))
    or territory_id in (select private.allowed_territories('customers', 'read'))
    or territory_id in (select private.own_territories((select private.allowed_owner('customers', 'read'))))
  );
create policy "people with customers create permission in scope can add customers" on public.customers
  for insert to authenticated
  with check (
    (select private.allows_all('customers', 'create'))
    or territory_id in (select private.allowed_territories('customers', 'create'))
    or territory_id in (select private.own_territories((select private.allowed_owner('customers', 'create'))))
  );
create policy "people with customers update permission in scope can edit customers" on public.customers
  for update to authenticated
  using (
    (select private.allows_all('customers', 'update'))
    or territory_id in (select private.allowed_territories('customers', 'update'))
    or territory_id in (select private.own_territories((select private.allowed_owner('customers', 'update'))))
  )
  with check (
    (select private.allows_all('customers', 'update'))
    or territory_id in (select private.allowed_territories('customers', 'update'))
    or territory_id in (select private.own_territories((select private.allowed_owner('customers', 'update'))))
  );
create policy "people with customers delete permission in scope can delete customers" on public.customers
  for delete to authenticated
  using ((select private.allows_all('customers', 'delete')) or territory_id in (select private.allowed_territories('customers', 'delete')));

-- Placements are written by the database only; they are read with their customer.
create policy "people who can read a customer can read its placements" on public.customer_placements
  for select to authenticated using (customer_id in (select c.id from public.customers c));

-- Contacts are part of the customer: read with it, written with customers update permission.
create policy "people who can read a customer can read its contacts" on public.customer_contacts
  for select to authenticated using (customer_id in (select c.id from public.customers c));
create policy "people with customers update permission in scope can add contacts" on public.customer_contacts
  for insert to authenticated
  with check (customer_id in (select c.id from public.customers c
                               where (select private.allows_all('customers', 'update'))
                                  or c.territory_id in (select private.allowed_territories('customers', 'update'))
                                  or c.territory_id in (select private.own_territories((select private.allowed_owner('customers', 'update'))))));
create policy "people with customers update permission in scope can edit contacts" on public.customer_contacts
  for update to authenticated
  using (customer_id in (select c.id from public.customers c
                          where (select private.allows_all('customers', 'update'))
                             or c.territory_id in (select private.allowed_territories('customers', 'update'))
                             or c.territory_id in (select private.own_territories((select private.allowed_owner('customers', 'update'))))))
  with check (customer_id in (select c.id from public.customers c
                               where (select private.allows_all('customers', 'update'))
                                  or c.territory_id in (select private.allowed_territories('customers', 'update'))
                                  or c.territory_id in (select private.own_territories((select private.allowed_owner('customers', 'update'))))));
create policy "people with customers update permission in scope can remove contacts" on public.customer_contacts
  for delete to authenticated
  using (customer_id in (select c.id from public.customers c
                          where (select private.allows_all('customers', 'update'))
                             or c.territory_id in (select private.allowed_territories('customers', 'update'))
                             or c.territory_id in (select private.own_territories((select private.allowed_owner('customers', 'update'))))));

-- Visits, by the territory they were made in: one's own visits in one's own territory.
create policy "people with visits read permission in scope can read visits" on public.visits
  for select to authenticated
  using (
    (select private.allows_all('visits', 'read'))
    or territory_id in (select private.allowed_territories('visits', 'read'))
    or territory_id in (select private.own_territories((select private.allowed_owner('visits', 'read'))))
  );
create policy "people with visits create permission in scope can log visits" on public.visits
  for insert to authenticated
  with check (
    (select private.allows_all('visits', 'create'))
    or territory_id in (select private.allowed_territories('visits', 'create'))
    or (territory_id in (select private.own_territories((select private.allowed_owner('visits', 'create'))))
        and staff_id = (select private.my_staff_id()))
  );
create policy "people with visits update permission in scope can edit visits" on public.visits
  for update to authenticated
  using (
    (select private.allows_all('visits', 'update'))
    or territory_id in (select private.allowed_territories('visits', 'update'))
    or (territory_id in (select private.own_territories((select private.allowed_owner('visits', 'update'))))
        and staff_id = (select private.my_staff_id()))
  )
  with check (
    (select private.allows_all('visits', 'update'))
    or territory_id in (select private.allowed_territories('visits', 'update'))
    or (territory_id in (select private.own_territories((select private.allowed_owner('visits', 'update'))))
        and staff_id = (select private.my_staff_id()))
  );
create policy "people with visits delete permission in scope can delete visits" on public.visits
  for delete to authenticated
  using ((select private.allows_all('visits', 'delete')) or territory_id in (select private.allowed_territories('visits', 'delete')));

-- Visit plans: one's own plan for customers of one's own territory.
create policy "people with visit_plans read permission in scope can read plans" on public.visit_plans
  for select to authenticated
  using (
    (select private.allows_all('visit_plans', 'read'))
    or territory_id in (select private.allowed_territories('visit_plans', 'read'))
    or (staff_id = (select private.my_staff_id()) and (select private.allowed_owner('visit_plans', 'read')) is not null)
  );
create policy "people with visit_plans create permission in scope can plan visits" on public.visit_plans
  for insert to authenticated
  with check (
    (select private.allows_all('visit_plans', 'create'))
    or territory_id in (select private.allowed_territories('visit_plans', 'create'))
    or (territory_id in (select private.own_territories((select private.allowed_owner('visit_plans', 'create'))))
        and staff_id = (select private.my_staff_id()))
  );
create policy "people with visit_plans update permission in scope can change plans" on public.visit_plans
  for update to authenticated
  using (
    (select private.allows_all('visit_plans', 'update'))
    or territory_id in (select private.allowed_territories('visit_plans', 'update'))
    or (territory_id in (select private.own_territories((select private.allowed_owner('visit_plans', 'update'))))
        and staff_id = (select private.my_staff_id()))
  )
  with check (
    (select private.allows_all('visit_plans', 'update'))
    or territory_id in (select private.allowed_territories('visit_plans', 'update'))
    or (territory_id in (select private.own_territories((select private.allowed_owner('visit_plans', 'update'))))
        and staff_id = (select private.my_staff_id()))
  );
create policy "people with visit_plans delete permission in scope can remove plan lines" on public.visit_plans
  for delete to authenticated
  using (
    (select private.allows_all('visit_plans', 'delete'))
    or territory_id in (select private.allowed_territories('visit_plans', 'delete'))
    or (territory_id in (select private.own_territories((select private.allowed_owner('visit_plans', 'delete'))))
        and staff_id = (select private.my_staff_id()))
  );

-- Sales, credits and payments, by the territory of the sale date.
create policy "people with sales read permission in scope can read sales" on public.sales
  for select to authenticated
  using (
    (select private.allows_all('sales', 'read'))
    or territory_id in (select private.allowed_territories('sales', 'read'))
    or territory_id in (select private.own_territories((select private.allowed_owner('sales', 'read'))))
  );
create policy "people with sales create permission in scope can record sales" on public.sales
  for insert to authenticated
  with check ((select private.allows_all('sales', 'create')) or territory_id in (select private.allowed_territories('sales', 'create')));
create policy "people with sales update permission in scope can edit sales" on public.sales
  for update to authenticated
  using ((select private.allows_all('sales', 'update')) or territory_id in (select private.allowed_territories('sales', 'update')))
  with check ((select private.allows_all('sales', 'update')) or territory_id in (select private.allowed_territories('sales', 'update')));
create policy "people with sales delete permission in scope can delete sales" on public.sales
  for delete to authenticated
  using ((select private.allows_all('sales', 'delete')) or territory_id in (select private.allowed_territories('sales', 'delete')));

create policy "people with sales read permission in scope can read credits" on public.sale_credits
  for select to authenticated
  using (
    (select private.allows_all('sales', 'read'))
    or territory_id in (select private.allowed_territories('sales', 'read'))
    or territory_id in (select private.own_territories((select private.allowed_owner('sales', 'read'))))
  );
create policy "people with sales update permission in scope can add credits" on public.sale_credits
  for insert to authenticated
  with check ((select private.allows_all('sales', 'update')) or territory_id in (select private.allowed_territories('sales', 'update')));
create policy "people with sales update permission in scope can change credits" on public.sale_credits
  for update to authenticated
  using ((select private.allows_all('sales', 'update')) or territory_id in (select private.allowed_territories('sales', 'update')))
  with check ((select private.allows_all('sales', 'update')) or territory_id in (select private.allowed_territories('sales', 'update')));
create policy "people with sales update permission in scope can remove credits" on public.sale_credits
  for delete to authenticated
  using ((select private.allows_all('sales', 'update')) or territory_id in (select private.allowed_territories('sales', 'update')));

create policy "people with payments read permission in scope can read payments" on public.payments
  for select to authenticated
  using (
    (select private.allows_all('payments', 'read'))
    or territory_id in (select private.allowed_territories('payments', 'read'))
    or territory_id in (select private.own_territories((select private.allowed_owner('payments', 'read'))))
  );
create policy "people with payments create permission in scope can record payments" on public.payments
  for insert to authenticated
  with check ((select private.allows_all('payments', 'create')) or territory_id in (select private.allowed_territories('payments', 'create')));
create policy "people with payments update permission in scope can edit payments" on public.payments
  for update to authenticated
  using ((select private.allows_all('payments', 'update')) or territory_id in (select private.allowed_territories('payments', 'update')))
  with check ((select private.allows_all('payments', 'update')) or territory_id in (select private.allowed_territories('payments', 'update')));
create policy "people with payments delete permission in scope can delete payments" on public.payments
  for delete to authenticated
  using ((select private.allows_all('payments', 'delete')) or territory_id in (select private.allowed_territories('payments', 'delete')));

-- =============================================================================
-- Public functions (security invoker: the caller's RLS decides what they count)
-- =============================================================================
-- A customer's territory and owner on a date.
create or replace function public.customer_placement_as_of(p_customer uuid, p_on date default current_date)
returns table (territory_id uuid, owner_id uuid, valid_from date, valid_to date)
language sql
stable
security invoker
set search_path = ''
as $$
  select p.territory_id, p.owner_id, p.valid_from, p.valid_to
    from public.customer_placements p
   where p.customer_id = p_customer and p.valid_from <= p_on and (p.valid_to is null or p.valid_to > p_on)
$$;
comment on function public.customer_placement_as_of(uuid, date) is 'Where a customer was (territory, owner) on a date; nothing before its first placement or for a customer you may not read.';

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
    left join lateral (
      select max(v.visited_on) as last_visit_on from public.visits v where v.customer_id = c.id and v.visited_on <= p_as_of
    ) lv on true
    cross join lateral (select coalesce(lv.last_visit_on, c.tier_since) + t.visit_interval_days as due_on) d
   where c.status <> 'lost'
     and d.due_on < p_as_of
     and (p_owner is null or c.owner_id = p_owner)
     and (p_territory is null or c.territory_id in (
           select sub.id from public.territories sub, public.territories root
            where root.id = p_territory and sub.path operator(extensions.<@) root.path))
$$;
comment on function public.overdue_customers(date, uuid, uuid) is
  'Customers (not lost) whose last visit, or the day they entered their tier when never visited, is older than the tier''s interval on p_as_of; optionally for one owner or a territory subtree. Your RLS applies.';

-- A customer's days past its visit due date today (negative: due in that many days; null: its
-- tier has no fixed interval, or it is lost). A computed column: lists filter and sort on it
-- (`days_overdue=gt.0`); the last visit counted is one the caller may read.
create or replace function public.days_overdue(p_customer public.customers)
returns integer
language sql
stable
security invoker
set search_path = ''
as $$
  select current_date - (coalesce((select max(v.visited_on) from public.visits v
                                    where v.customer_id = p_customer.id and v.visited_on <= current_date),
                                  p_customer.tier_since) + t.visit_interval_days)
    from public.customer_tiers t
   where t.id = p_customer.tier_id and t.visit_interval_days is not null and p_customer.status <> 'lost'
$$;
comment on function public.days_overdue(public.customers) is
  'Computed column of customers: days since the visit fell due (last visit you may read, or tier entry, + the tier''s interval); null without an interval or when lost.';

-- Plan vs done per salesperson and month, every month of the range present (zero-filled).
create or replace function public.visit_plan_vs_done(p_from date, p_to date, p_territory uuid default null)
returns table (month date, staff_id uuid, full_name text, territory_id uuid, planned bigint, done bigint)
language sql
stable
security invoker
set search_path = ''
as $$
  with months as (
    select m::date as month
      from generate_series(date_trunc('month', p_from), date_trunc('month', least(p_to, p_from + 1830)), interval '1 month') m
  ),
  sub as (
    select s.id from public.territories s, public.territories root
     where root.id = p_territory and s.path operator(extensions.<@) root.path
  ),
  people as (
    select s.id, s.full_name, s.territory_id
      from public.staff s
     where s.status <> 'left' and s.territory_id is not null and private.is_sales_position(s.position_id)
       and (p_territory is null or s.territory_id in (select id from sub))
  ),
  planned as (
    select vp.staff_id, vp.month, sum(vp.planned_visits) as n
      from public.visit_plans vp
     where vp.month between date_trunc('month', p_from) and p_to and vp.staff_id in (select id from people)
     group by 1, 2
  ),
  done as (
    select v.staff_id, date_trunc('month', v.visited_on)::date as month, count(*) as n
      from public.visits v
     where v.visited_on between date_trunc('month', p_from) and (date_trunc('month', p_to) + interval '1 month - 1 day')::date
       and v.staff_id in (select id from people)
     group by 1, 2
  )
  select m.month, p.id, p.full_name, p.territory_id, coalesce(pl.n, 0)::bigint, coalesce(d.n, 0)::bigint
    from months m
   cross join people p
    left join planned pl on pl.staff_id = p.id and pl.month = m.month
    left join done d on d.staff_id = p.id and d.month = m.month
   order by m.month, p.full_name
$$;
comment on function public.visit_plan_vs_done(date, date, uuid) is
  'Per current salesperson you may read (optionally in a territory subtree) and month from p_from to p_to: visits planned and done, 0 where none. Your RLS applies to people, plans and visits.';

-- The department's two customer definitions, reused by the KPIs:
--   a new customer in a period = a customer whose first sale falls inside it;
--   the customer count of a period = distinct customers with a sale inside it.
-- Optionally limited to sales credited to one person or made in a territory subtree.
create or replace function public.new_customer_count(p_from date, p_to date, p_staff uuid default null, p_territory uuid default null)
returns bigint
language sql
stable
security invoker
set search_path = ''
as $$
  select count(*)
    from (
      select s.customer_id, min(s.sale_date) as first_sale
        from public.sales s
       group by s.customer_id
    ) f
   where f.first_sale between p_from and p_to
     and exists (
       select 1 from public.sales s
        where s.customer_id = f.customer_id and s.sale_date = f.first_sale
          and (p_staff is null or exists (select 1 from public.sale_credits c where c.sale_id = s.id and c.staff_id = p_staff))
          and (p_territory is null or s.territory_id in (
                select sub.id from public.territories sub, public.territories root
                 where root.id = p_territory and sub.path operator(extensions.<@) root.path)))
$$;
comment on function public.new_customer_count(date, date, uuid, uuid) is
  'Customers whose first sale (of the sales you may read) falls in [p_from, p_to], optionally credited to p_staff or made in p_territory''s subtree.';

create or replace function public.customer_count(p_from date, p_to date, p_staff uuid default null, p_territory uuid default null)
returns bigint
language sql
stable
security invoker
set search_path = ''
as $$
  select count(distinct s.customer_id)
    from public.sales s
   where s.sale_date between p_from and p_to
     and (p_staff is null or exists (select 1 from public.sale_credits c where c.sale_id = s.id and c.staff_id = p_staff))
     and (p_territory is null or s.territory_id in (
           select sub.id from public.territories sub, public.territories root
            where root.id = p_territory and sub.path operator(extensions.<@) root.path))
$$;
comment on function public.customer_count(date, date, uuid, uuid) is
  'Distinct customers with a sale (that you may read) in [p_from, p_to], optionally credited to p_staff or in p_territory''s subtree.';

-- Sales with what is collected and what is outstanding.
create view public.sale_balances
with (security_invoker = true)
as
select s.id as sale_id,
       s.sale_date,
       s.customer_id,
       s.territory_id,
       s.owner_id,
       s.amount,
       coalesce(p.paid, 0)::numeric(14, 2) as collected,
       (s.amount - coalesce(p.paid, 0))::numeric(14, 2) as outstanding,
       case when s.amount > coalesce(p.paid, 0) then current_date - s.sale_date else 0 end as days_outstanding
  from public.sales s
  left join lateral (select sum(x.amount) as paid from public.payments x where x.sale_id = s.id) p on true;
comment on view public.sale_balances is
  'Per sale you may read: amount, collected (payments you may read), outstanding and days outstanding since the sale date (0 once paid).';

-- Re-tiering: each customer's tier by last calendar year's sales (the highest threshold met).
create or replace function public.propose_retiering(p_year integer default (extract(year from current_date)::integer - 1))
returns table (customer_id uuid, code text, name text, sales_total numeric, from_tier_id uuid, to_tier_id uuid)
language sql
stable
security invoker
set search_path = ''
as $$
  with totals as (
    select c.id, c.code, c.name, c.tier_id,
           coalesce((select sum(s.amount) from public.sales s
                      where s.customer_id = c.id and s.sale_date >= make_date(p_year, 1, 1) and s.sale_date < make_date(p_year + 1, 1, 1)), 0) as total
      from public.customers c
     where c.status <> 'lost'
  )
  select t.id, t.code, t.name, t.total, t.tier_id, target.id
    from totals t
   cross join lateral (
     select ct.id from public.customer_tiers ct
      where ct.min_previous_year_sales <= t.total
      order by ct.min_previous_year_sales desc
      limit 1
   ) target
   where target.id <> t.tier_id
   order by t.total desc, t.code
$$;
comment on function public.propose_retiering(integer) is
  'Which customers (not lost) would change tier by p_year''s sales, from and to (the tier with the highest threshold met). Nothing is changed.';

create or replace function private.apply_retiering(p_year integer, p_reason text)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_count integer;
begin
  if not private.allows_all('customer_tiers', 'retier') then
    raise exception using errcode = '42501', message = 'You are not allowed to re-tier customers.', detail = 'not_allowed';
  end if;
  if length(coalesce(btrim(p_reason), '')) = 0 then
    raise exception using errcode = '23502', message = 'Say why the customers are re-tiered.', detail = 'reason_required';
  end if;
  if p_year is null or p_year < 2000 or p_year >= extract(year from current_date) then
    raise exception using errcode = '22023', message = 'Re-tier from a full calendar year that has ended.', detail = 'invalid_year';
  end if;
  create temporary table if not exists pg_temp.retiering (customer_id uuid, code text, sales_total numeric, from_tier_id uuid, to_tier_id uuid)
    on commit drop;
  truncate pg_temp.retiering;
  insert into pg_temp.retiering select p.customer_id, p.code, p.sales_total, p.from_tier_id, p.to_tier_id from public.propose_retiering(p_year) p;
  update public.customers c set tier_id = r.to_tier_id from pg_temp.retiering r where c.id = r.customer_id;
  get diagnostics v_count = row_count;
  insert into public.retiering_runs (sales_year, reason, customers_moved, changes, applied_by)
  select p_year, btrim(p_reason), v_count,
         coalesce(jsonb_agg(to_jsonb(r) order by r.code), '[]'::jsonb), (select auth.uid())
    from pg_temp.retiering r;
  return v_count;
end;
$$;
comment on function private.apply_retiering(integer, text) is
  'Moves every customer the proposal names to its new tier and records the run (year, reason, who, each move) in one transaction. Needs customer_tiers: retier for all rows (security definer: it re-tiers every customer, whoever may read them).';

create or replace function public.apply_retiering(p_year integer, p_reason text)
returns integer
language sql
security invoker
set search_path = ''
as $$
  select private.apply_retiering(p_year, p_reason)
$$;
comment on function public.apply_retiering(integer, text) is 'Applies the re-tiering proposal for p_year with a reason (private.apply_retiering checks customer_tiers: retier).';

-- Replaces a sale's credit split in one step; the split must add up to 100 (checked at commit).
create or replace function public.set_sale_credits(p_sale uuid, p_credits jsonb)
returns setof public.sale_credits
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if jsonb_typeof(p_credits) is distinct from 'array' or jsonb_array_length(p_credits) = 0 then
    raise exception using errcode = '22023', message = 'Give at least one salesperson and share.', detail = 'invalid_input';
  end if;
  if not exists (select 1 from public.sales s where s.id = p_sale) then
    raise exception using errcode = '42501', message = 'This sale does not exist or is outside your territories.', detail = 'outside_scope';
  end if;
  if exists (select 1 from jsonb_array_elements(p_credits) e
              where jsonb_typeof(e -> 'staff_id') is distinct from 'string' or jsonb_typeof(e -> 'share_percent') is distinct from 'number') then
    raise exception using errcode = '22023', message = 'Each line needs a salesperson and a share.', detail = 'invalid_input';
  end if;
  delete from public.sale_credits c where c.sale_id = p_sale;
  insert into public.sale_credits (sale_id, staff_id, share_percent)
  select p_sale, (e ->> 'staff_id')::uuid, (e ->> 'share_percent')::numeric
    from jsonb_array_elements(p_credits) e;
  -- Check the split now, so the caller gets the message rather than a failed commit.
  set constraints public.sale_credits_split immediate;
  set constraints public.sale_credits_split deferred;
  return query select * from public.sale_credits c where c.sale_id = p_sale order by c.share_percent desc;
end;
$$;
comment on function public.set_sale_credits(uuid, jsonb) is 'Replaces who is credited with a sale and by how much ([{staff_id, share_percent}], adding up to 100), in one transaction.';

-- =============================================================================
-- The explainer and impact counts know the new tables
-- =============================================================================
create or replace function private.record_facts(p_resource text, p_action text, p_row jsonb, p_user uuid)
returns table (territory_id uuid, territory_applies boolean, is_own boolean, own_applies boolean)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_staff record;
  v_own_territory boolean;
  v_mine boolean;
begin
  case p_resource
    when 'staff' then
      return query select (p_row ->> 'territory_id')::uuid, true,
                          (p_row ->> 'user_id')::uuid is not distinct from p_user and p_user is not null,
                          p_action in ('read', 'update');
    when 'territories' then
      return query select case when p_action = 'create' then (p_row ->> 'parent_id')::uuid else (p_row ->> 'id')::uuid end, true,
                          (p_row ->> 'id')::uuid in (select private.own_territories(p_user)),
                          p_action = 'read';
    when 'territory_assignments' then
      select s.user_id into v_staff from public.staff s where s.id = (p_row ->> 'staff_id')::uuid;
      return query select (p_row ->> 'territory_id')::uuid, p_action in ('read', 'update'),
                          v_staff.user_id is not distinct from p_user and p_user is not null, p_action = 'read';
    when 'profiles' then
      return query select null::uuid, false, (p_row ->> 'id')::uuid = p_user, p_action in ('read', 'update');
    when 'user_roles' then
      return query select null::uuid, false, (p_row ->> 'user_id')::uuid = p_user, p_action = 'read';
    when 'acknowledgements' then
      select s.user_id, s.territory_id into v_staff from public.staff s where s.id = (p_row ->> 'staff_id')::uuid;
      return query select v_staff.territory_id, true, v_staff.user_id is not distinct from p_user and p_user is not null, true;
    when 'regulations' then
      return query select null::uuid, false,
        exists (select 1 from public.regulations r
                 where r.id = (p_row ->> 'id')::uuid and r.current_version is not null
                   and (r.applies_to_all_positions
                        or exists (select 1 from public.regulation_positions rp join public.staff s on s.position_id = rp.position_id
                                    where rp.regulation_id = r.id and s.user_id = p_user and s.status <> 'left'))),
        p_action = 'read';
    when 'customers', 'visits', 'visit_plans', 'sales', 'payments' then
      v_own_territory := p_user is not null and (p_row ->> 'territory_id')::uuid in (select private.own_territories(p_user));
      v_mine := p_user is not null
                and exists (select 1 from public.staff s where s.id = (p_row ->> 'staff_id')::uuid and s.user_id = p_user);
      return query select (p_row ->> 'territory_id')::uuid, true,
        case p_resource
          when 'customers' then v_own_territory
          when 'visits' then v_own_territory and (p_action = 'read' or v_mine)
          when 'visit_plans' then case when p_action = 'read' then v_mine else v_own_territory and v_mine end
          else v_own_territory
        end,
        case p_resource
          when 'customers' then p_action in ('read', 'create', 'update')
          when 'visits' then p_action in ('read', 'create', 'update')
          when 'visit_plans' then true
          else p_action = 'read'
        end;
    else
      return query select null::uuid, false, false, false;
  end case;
end;
$$;
comment on function private.record_facts(text, text, jsonb, uuid) is 'For the explainer and impact counts: the territory a row lies in and whether it is the person''s own, as each table''s policy sees it.';

-- Impact counts over the large field tables count by territory directly, not row by row.
create or replace function private.rows_in_scope(p_resource text, p_action text, p_grant private.access_grant, p_user uuid)
returns bigint
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_table text := private.resource_table(p_resource);
  v_count bigint;
begin
  if v_table is null then
    return null;
  end if;
  if cardinality(p_grant.scopes) = 0 then
    return 0;
  end if;
  if p_grant.all_rows then
    if v_table = 'audit_log' then
      -- A million rows: the planner's estimate is the honest, cheap answer.
      select greatest(c.reltuples, 0)::bigint into v_count from pg_catalog.pg_class c where c.oid = 'public.audit_log'::regclass;
      return v_count;
    end if;
    execute format('select count(*) from public.%I', v_table) into v_count;
    return v_count;
  end if;
  if v_table in ('customers', 'visits', 'sales', 'payments') then
    execute format(
      'select count(*) from public.%I t
        where t.territory_id = any ($1)
           or ($2 is not null and $4 and t.territory_id in (select private.own_territories($2))
               and ($3 not in (''visits'') or $5 = ''read''
                    or t.staff_id in (select s.id from public.staff s where s.user_id = $2)))', v_table)
      into v_count
      using p_grant.territory_ids, p_grant.owner_id,
            case when v_table = 'visits' then 'visits' else 'x' end,
            case when v_table in ('customers', 'visits') then p_action in ('read', 'create', 'update') else p_action = 'read' end,
            p_action;
    return v_count;
  end if;
  execute format(
    'select count(*) from public.%I t, private.record_facts($1, $2, to_jsonb(t), $3) f
      where (f.territory_applies and f.territory_id = any ($4)) or (f.own_applies and $5 is not null and f.is_own)',
    v_table)
    into v_count using p_resource, p_action, p_user, p_grant.territory_ids, p_grant.owner_id;
  return v_count;
end;
$$;

-- =============================================================================
-- Grants
-- =============================================================================
revoke all on function private.my_staff_id() from public;
grant execute on function private.my_staff_id() to authenticated, service_role;
revoke all on function private.placement_on(uuid, date) from public;
revoke all on function private.customer_before_write() from public;
revoke all on function private.customer_placement_changed() from public;
revoke all on function private.visit_before_write() from public;
revoke all on function private.visit_plan_before_write() from public;
revoke all on function private.sale_before_write() from public;
revoke all on function private.sale_after_write() from public;
revoke all on function private.sale_credit_before_write() from public;
revoke all on function private.assert_credit_split() from public;
revoke all on function private.payment_before_write() from public;

revoke all on public.customer_tiers, public.product_lines, public.customers, public.customer_placements, public.customer_contacts,
  public.visits, public.visit_plans, public.sales, public.sale_credits, public.payments from anon, authenticated, service_role;
grant select, insert, update, delete on public.customer_tiers, public.product_lines, public.customers, public.customer_contacts,
  public.visits, public.visit_plans, public.sales, public.sale_credits, public.payments to authenticated, service_role;
grant select on public.customer_placements to authenticated;
revoke all on public.retiering_runs from anon, authenticated, service_role;
grant select on public.retiering_runs to authenticated;
grant select, insert, update, delete on public.retiering_runs to service_role;
grant select, insert, update, delete on public.customer_placements to service_role;

-- The audit log's read policy names every audited table people may read (now including these).
select private.refresh_audit_read_policy();

revoke all on public.sale_balances from public, anon;
grant select on public.sale_balances to authenticated, service_role;

revoke all on function public.customer_placement_as_of(uuid, date) from public, anon;
grant execute on function public.customer_placement_as_of(uuid, date) to authenticated, service_role;
revoke all on function public.overdue_customers(date, uuid, uuid) from public, anon;
grant execute on function public.overdue_customers(date, uuid, uuid) to authenticated, service_role;
revoke all on function public.days_overdue(public.customers) from public, anon;
grant execute on function public.days_overdue(public.customers) to authenticated, service_role;
revoke all on function public.visit_plan_vs_done(date, date, uuid) from public, anon;
grant execute on function public.visit_plan_vs_done(date, date, uuid) to authenticated, service_role;
revoke all on function public.new_customer_count(date, date, uuid, uuid) from public, anon;
grant execute on function public.new_customer_count(date, date, uuid, uuid) to authenticated, service_role;
revoke all on function public.customer_count(date, date, uuid, uuid) from public, anon;
grant execute on function public.customer_count(date, date, uuid, uuid) to authenticated, service_role;
revoke all on function public.propose_retiering(integer) from public, anon;
grant execute on function public.propose_retiering(integer) to authenticated, service_role;
revoke all on function private.apply_retiering(integer, text) from public;
grant execute on function private.apply_retiering(integer, text) to authenticated;
revoke all on function public.apply_retiering(integer, text) from public, anon;
grant execute on function public.apply_retiering(integer, text) to authenticated;
revoke all on function public.set_sale_credits(uuid, jsonb) from public, anon;
grant execute on function public.set_sale_credits(uuid, jsonb) to authenticated, service_role;

-- =============================================================================
-- Catalogue and default matrix
-- =============================================================================
insert into public.permission_actions (code, is_write, label_en, label_es, label_zh, sort_order) values
  ('retier', true, 'Re-tier customers', 'Reclasificar clientes', '客户重新分级', 75);

insert into public.resources (code, kind, scopes, label_en, label_es, label_zh, sort_order) values
  ('customer_tiers', 'table', '{all}', 'Customer tiers', 'Categorías de cliente', '客户等级', 300),
  ('product_lines', 'table', '{all}', 'Product lines', 'Líneas de producto', '产品线', 305),
  ('customers', 'table', '{own,territory,all}', 'Customers', 'Clientes', '客户', 310),
  ('visits', 'table', '{own,territory,all}', 'Visits', 'Visitas', '拜访', 320),
  ('visit_plans', 'table', '{own,territory,all}', 'Visit plans', 'Planes de visita', '拜访计划', 330),
  ('sales', 'table', '{own,territory,all}', 'Sales', 'Ventas', '销售', 340),
  ('payments', 'table', '{own,territory,all}', 'Payments collected', 'Cobros', '回款', 350);

insert into public.resource_actions (resource, action)
select r, a from unnest(array['customer_tiers', 'product_lines', 'customers', 'visits', 'visit_plans', 'sales', 'payments']) r
 cross join unnest(array['read', 'create', 'update', 'delete']) a;
insert into public.resource_actions (resource, action) values ('customer_tiers', 'retier');

insert into public.role_permissions (role_code, resource, action, scope)
select 'hr_admin', ra.resource, ra.action, 'all'
  from public.resource_actions ra
 where ra.resource in ('customer_tiers', 'product_lines', 'customers', 'visits', 'visit_plans', 'sales', 'payments');
insert into public.role_permissions (role_code, resource, action, scope)
select 'auditor', r, 'read', 'all'
  from unnest(array['customer_tiers', 'product_lines', 'customers', 'visits', 'visit_plans', 'sales', 'payments']) r;
insert into public.role_permissions (role_code, resource, action, scope) values
  ('manager', 'customer_tiers', 'read', 'all'), ('manager', 'product_lines', 'read', 'all'),
  ('manager', 'customers', 'read', 'territory'), ('manager', 'customers', 'create', 'territory'), ('manager', 'customers', 'update', 'territory'),
  ('manager', 'visits', 'read', 'territory'), ('manager', 'visits', 'create', 'territory'), ('manager', 'visits', 'update', 'territory'),
  ('manager', 'visit_plans', 'read', 'territory'), ('manager', 'visit_plans', 'create', 'territory'),
  ('manager', 'visit_plans', 'update', 'territory'), ('manager', 'visit_plans', 'delete', 'territory'),
  ('manager', 'sales', 'read', 'territory'), ('manager', 'sales', 'create', 'territory'), ('manager', 'sales', 'update', 'territory'),
  ('manager', 'payments', 'read', 'territory'), ('manager', 'payments', 'create', 'territory'), ('manager', 'payments', 'update', 'territory'),
  ('salesperson', 'customer_tiers', 'read', 'all'), ('salesperson', 'product_lines', 'read', 'all'),
  ('salesperson', 'customers', 'read', 'own'), ('salesperson', 'customers', 'create', 'own'), ('salesperson', 'customers', 'update', 'own'),
  ('salesperson', 'visits', 'read', 'own'), ('salesperson', 'visits', 'create', 'own'), ('salesperson', 'visits', 'update', 'own'),
  ('salesperson', 'visit_plans', 'read', 'own'), ('salesperson', 'visit_plans', 'create', 'own'),
  ('salesperson', 'visit_plans', 'update', 'own'), ('salesperson', 'visit_plans', 'delete', 'own'),
  ('salesperson', 'sales', 'read', 'own'), ('salesperson', 'payments', 'read', 'own');

-- =============================================================================
-- Tiers and product lines (seeds 003 ch.5: VIP monthly, first level every two months,
-- the rest as needed). Thresholds are examples; HR edits them.
-- =============================================================================
insert into public.customer_tiers (code, name_en, name_es, name_zh, visit_interval_days, min_previous_year_sales, sort_order) values
  ('vip', 'VIP', 'VIP', '贵宾客户', 30, 100000, 10),
  ('first_level', 'First level', 'Primer nivel', '一级客户', 60, 40000, 20),
  ('second_level', 'Second level', 'Segundo nivel', '二级客户', null, 10000, 30),
  ('other', 'Others', 'Otros', '其他客户', null, 0, 40);

insert into public.product_lines (code, name_en, name_es, name_zh, sort_order) values
  ('industrial', 'Industrial supplies', 'Suministros industriales', '工业用品', 10),
  ('consumables', 'Consumables', 'Consumibles', '耗材', 20),
  ('equipment', 'Equipment', 'Equipos', '设备', 30),
  ('services', 'Services', 'Servicios', '服务', 40);
