-- The kept sales totals behind the dashboard cards (private.sales_month_totals and
-- private.customer_first_sales) get row-level security with no policy, like the visit-plan
-- counts: no API role reads them; only their security-definer functions do.

-- ---------------------------------------------------------------------------
-- Row-level security
-- ---------------------------------------------------------------------------
alter table private.sales_month_totals enable row level security;
alter table private.customer_first_sales enable row level security;
