// Dashboards: every card's figures for a region of the test's own, through PostgREST with real
// JWTs, against SQL written here from the rows themselves: HR and the region's manager read the
// region, the salesperson their own figures, another region's manager nothing of it. The
// ranking is for managers and HR only; bad periods are 400s that say why.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type Client, type TestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

const tag = randomUUID().slice(0, 6).toUpperCase();
// The year the seeded rules and templates came into force.
const year = 2026;

async function one<T extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T> {
  const rows = await sql<T>(text, params);
  if (!rows[0]) throw new Error(`no row: ${text}`);
  return rows[0];
}
const id = async (text: string, params: unknown[] = []) => (await one<{ id: string }>(text, params)).id;

let seller: TestUser;
let manager: TestUser;
let otherManager: TestUser;
let hr: TestUser;
let auditor: TestUser;
let salesKpi: string;
let region: string;
let areaA: string;
let areaB: string;
let s1: string;
let s2: string;
let regionPeople: string[];

const territory = (code: string, parent: string | null, managerStaff: string | null = null) =>
  id("insert into public.territories (code, name, parent_id, manager_id) values ($1, $1, $2, $3) returning id", [
    `DB-${code}-${tag}`,
    parent,
    managerStaff,
  ]);
const person = (name: string, territoryId: string | null, userId: string | null, positionCode: string) =>
  id(
    `insert into public.staff (full_name, email, position_id, territory_id, user_id, hire_date)
     values ($1, $2, (select id from public.positions where code = $3), $4, $5, '2020-01-01') returning id`,
    [
      `${name} ${tag}`,
      `${name.toLowerCase().replace(/\W/g, "")}-${tag}@dashboards.example.com`,
      positionCode,
      territoryId,
      userId,
    ],
  );
const customer = (code: string, territoryId: string, owner: string, tierCode: string) =>
  id(
    `insert into public.customers (code, name, tier_id, tier_since, status, territory_id, owner_id)
     values ($1, $1, (select id from public.customer_tiers where code = $4), '2024-01-01', 'active', $2, $3) returning id`,
    [`DB-${code}-${tag}`, territoryId, owner, tierCode],
  );
const sale = (customerId: string, day: string, amount: number, cost: number) =>
  id(
    `insert into public.sales (customer_id, product_line_id, sale_date, amount, cost)
     values ($1, (select id from public.product_lines order by code limit 1), $2, $3, $4) returning id`,
    [customerId, day, amount, cost],
  );
/** Writes actuals as the evaluation run does (computed actuals are the run's alone). */
const actual = (staffId: string, month: string, value: number) =>
  sql(`do $$ begin
    perform set_config('app.evaluation_writes', 'on', true);
    insert into public.kpi_actuals (staff_id, kpi_id, month, value, source, territory_id, position_id)
    select s.id, '${salesKpi}', date '${month}', ${value}, 'computed', s.territory_id, s.position_id
      from public.staff s where s.id = '${staffId}';
  end $$`);

async function rpc<T>(client: Client, fn: string, args: Record<string, unknown>): Promise<T[]> {
  const { data, error } = await client.rpc(fn as "dashboard_months", args as never);
  if (error) throw new Error(`${fn}: ${error.message}`);
  return data as unknown as T[];
}
const numbers = <T extends Record<string, unknown>>(rows: T[]) =>
  rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v]),
    ),
  );

beforeAll(async () => {
  [seller, manager, otherManager, hr, auditor] = await Promise.all([
    createTestUser(["salesperson"]),
    createTestUser(["manager"]),
    createTestUser(["manager"]),
    createTestUser(["hr_admin"]),
    createTestUser(["auditor"]),
  ]);
  salesKpi = await id("select id from public.kpis where code = 'sales_amount'");
  const boss = await person("Region Boss", null, manager.id, "regional_director");
  const otherBoss = await person("Other Boss", null, otherManager.id, "regional_director");
  region = await territory("R", null, boss);
  areaA = await territory("A", region);
  areaB = await territory("B", region);
  const other = await territory("O", null, otherBoss);
  s1 = await person("Seller One", areaA, seller.id, "salesperson");
  s2 = await person("Seller Two", areaB, null, "salesperson");
  const s3 = await person("Seller Three", other, null, "salesperson");
  regionPeople = [s1, s2];

  for (const [staffId, monthly] of [
    [s1, 1000],
    [s2, 2000],
    [s3, 5000],
  ] as const) {
    await sql(
      `insert into public.targets (kpi_id, year, territory_id, staff_id, months)
       select $1, $2, s.territory_id, s.id, array_fill($4::numeric, array[12]) from public.staff s where s.id = $3`,
      [salesKpi, year, staffId, monthly],
    );
  }
  await actual(s1, `${year}-01-01`, 900);
  await actual(s1, `${year}-02-01`, 1100);
  await actual(s2, `${year}-01-01`, 2500);
  await actual(s3, `${year}-01-01`, 7000);
  await sql(
    `insert into public.personal_goals (staff_id, kpi_id, year, months)
     values ($1, $2, $3, array[1500, null, null, null, null, null, null, null, null, null, null, null]::numeric[])`,
    [s1, salesKpi, year],
  );

  const c1 = await customer("C1", areaA, s1, "vip");
  const c2 = await customer("C2", areaB, s2, "first_level");
  const c3 = await customer("C3", other, s3, "vip");
  const sale1 = await sale(c1, `${year}-01-10`, 1000, 600);
  await sale(c1, `${year}-02-05`, 500, 200);
  const sale3 = await sale(c2, `${year}-01-20`, 3000, 1000);
  await sale(c3, `${year}-01-15`, 7000, 0);
  await sql("insert into public.payments (sale_id, paid_on, amount) values ($1, $2, 1000), ($3, $4, 1000)", [
    sale1,
    `${year}-01-31`,
    sale3,
    `${year}-02-10`,
  ]);
  await sql(
    "insert into public.visits (customer_id, staff_id, visited_on, purpose) values ($1, $2, $3, 'Dashboards')",
    [c1, s1, `${year}-01-12`],
  );
  await sql("insert into public.visit_plans (staff_id, month, customer_id, planned_visits) values ($1, $2, $3, 2)", [
    s1,
    `${year}-01-01`,
    c1,
  ]);
  const rule = await id("select id from public.regulations where code = 'CON-01'");
  await sql(
    `insert into public.violations (staff_id, regulation_id, occurred_on, description) values ($1, $2, $3, 'Counted')`,
    [s1, rule, `${year}-01-15`],
  );
  const dismissed = await id(
    `insert into public.violations (staff_id, regulation_id, occurred_on, description) values ($1, $2, $3, 'Dismissed') returning id`,
    [s2, rule, `${year}-01-16`],
  );
  const { error: dismissError } = await hr.client.rpc("decide_violation", {
    p_violation: dismissed,
    p_version: 1,
    p_decision: "dismiss",
    p_reason: "Not so",
  });
  if (dismissError) throw new Error(dismissError.message);
  await sql(
    `insert into public.acknowledgements (regulation_id, version_number, staff_id)
     select r.id, r.current_version, $1 from public.regulations r where r.code = 'CON-01'`,
    [s1],
  );
}, 90_000);

describe("achievement by territory", () => {
  // Independent: each territory's people's targets and actuals, summed here.
  const expected = async (territories: string[], months = 12) =>
    sql<{ territory_id: string; target: number; actual: number }>(
      `select t.id as territory_id,
              coalesce((select sum(x) from public.targets g, unnest(g.months[1:${months}]) x
                         where g.kpi_id = $2 and g.year = $3 and g.staff_id is not null and g.territory_id = t.id), 0)::float8 as target,
              coalesce((select sum(a.value) from public.kpi_actuals a
                         where a.kpi_id = $2 and a.territory_id = t.id and extract(year from a.month) = $3), 0)::float8 as actual
         from public.territories t where t.id = any ($1) order by t.code`,
      [territories, salesKpi, year],
    );
  const call = (client: Client, parent?: string) =>
    rpc<{ territory_id: string; target: number; actual: number; achievement: number | null; has_children: boolean }>(
      client,
      "dashboard_achievement",
      { p_kpi: salesKpi, p_year: year, p_parent: parent },
    );

  it("HR and the region's manager read the region's areas to the cent", async () => {
    const want = await expected([areaA, areaB]);
    expect(want.map((w) => [w.target, w.actual])).toEqual([
      [12000, 2000],
      [24000, 2500],
    ]);
    for (const client of [hr.client, manager.client]) {
      const got = await call(client, region);
      expect(got.map((r) => ({ territory_id: r.territory_id, target: r.target, actual: r.actual }))).toEqual(want);
      expect(got.map((r) => r.achievement)).toEqual([16.7, 10.4]);
    }
    const top = await call(manager.client);
    expect(top.map((r) => [r.territory_id, r.has_children, r.target, r.actual])).toEqual([[region, true, 36000, 4500]]);
  });

  it("the salesperson reads their own area only; another region's manager nothing of this one", async () => {
    const [want] = await expected([areaA]);
    expect(await call(seller.client)).toMatchObject([
      { territory_id: areaA, target: want!.target, actual: want!.actual },
    ]);
    expect(await call(otherManager.client, region)).toEqual([]);
  });

  it("refuses a period out of range with a 400 that says why", async () => {
    const { error, status } = await hr.client.rpc("dashboard_achievement", {
      p_kpi: salesKpi,
      p_year: year,
      p_from_month: 5,
      p_to_month: 2,
    });
    expect(status).toBe(400);
    expect(error?.message).toBe("Choose months from 1 to 12, the first not after the last.");
  });
});

describe("target vs actual by month", () => {
  const expected = async (people: string[]) =>
    sql<{ month: number; target: number; goal: number | null; actual: number }>(
      `select m as month,
              (select coalesce(sum(g.months[m]), 0) from public.targets g where g.kpi_id = $2 and g.year = $3 and g.staff_id = any ($1))::float8 as target,
              (select sum(p.months[m]) from public.personal_goals p where p.kpi_id = $2 and p.year = $3 and p.staff_id = any ($1))::float8 as goal,
              (select coalesce(sum(a.value), 0) from public.kpi_actuals a where a.kpi_id = $2 and a.staff_id = any ($1)
                  and a.month = make_date($3, m, 1))::float8 as actual
         from generate_series(1, 12) m order by m`,
      [people, salesKpi, year],
    );

  it("sums the region's people for HR and its manager, the person's own for the salesperson", async () => {
    const region12 = await expected(regionPeople);
    expect(region12[0]).toEqual({ month: 1, target: 3000, goal: 1500, actual: 3400 });
    for (const client of [hr.client, manager.client]) {
      expect(
        numbers(
          await rpc<Record<string, unknown>>(client, "dashboard_months", {
            p_kpi: salesKpi,
            p_year: year,
            p_territory: region,
          }),
        ),
      ).toEqual(region12);
    }
    const own = numbers(
      await rpc<Record<string, unknown>>(seller.client, "dashboard_months", { p_kpi: salesKpi, p_year: year }),
    );
    expect(own).toEqual(await expected([s1]));
    const outside = numbers(
      await rpc<Record<string, unknown>>(otherManager.client, "dashboard_months", {
        p_kpi: salesKpi,
        p_year: year,
        p_territory: region,
      }),
    );
    expect(outside.every((m) => m.target === 0 && m.actual === 0 && m.goal === null)).toBe(true);
  });
});

describe("sales and collection", () => {
  const expected = async (owners: string[]) =>
    sql<{ month: number; amount: number; profit: number; collected: number }>(
      `select m as month,
              (select coalesce(sum(s.amount), 0) from public.sales s where s.owner_id = any ($1) and s.sale_date between make_date($2, m, 1) and (make_date($2, m, 1) + interval '1 month - 1 day')::date)::float8 as amount,
              (select coalesce(sum(s.amount - s.cost), 0) from public.sales s where s.owner_id = any ($1) and s.sale_date between make_date($2, m, 1) and (make_date($2, m, 1) + interval '1 month - 1 day')::date)::float8 as profit,
              (select coalesce(sum(p.amount), 0) from public.payments p join public.sales s on s.id = p.sale_id
                where s.owner_id = any ($1) and p.paid_on between make_date($2, m, 1) and (make_date($2, m, 1) + interval '1 month - 1 day')::date)::float8 as collected
         from generate_series(1, 12) m order by m`,
      [owners, year],
    );
  const call = async (client: Client, territoryId?: string) =>
    numbers(
      await rpc<Record<string, unknown>>(client, "dashboard_sales", { p_year: year, p_territory: territoryId }),
    ).map(({ month, amount, profit, collected }) => ({ month, amount, profit, collected }));

  it("per month: amount, profit and collections of the region for HR and its manager, the own for the salesperson", async () => {
    const want = await expected(regionPeople);
    expect(want.slice(0, 2)).toEqual([
      { month: 1, amount: 4000, profit: 2400, collected: 1000 },
      { month: 2, amount: 500, profit: 300, collected: 1000 },
    ]);
    expect(await call(hr.client, region)).toEqual(want);
    expect(await call(manager.client, region)).toEqual(want);
    expect(await call(seller.client)).toEqual(await expected([s1]));
    expect((await call(otherManager.client, region)).every((m) => m.amount === 0 && m.collected === 0)).toBe(true);
  });

  it("counts a customer new in the month of their first sale", async () => {
    const rows = numbers(
      await rpc<Record<string, unknown>>(manager.client, "dashboard_sales", { p_year: year, p_territory: region }),
    );
    const [want] = await sql<{ n: number }>(
      `select count(*)::int as n from public.customers c
        where c.owner_id = any ($1)
          and (select min(s.sale_date) from public.sales s where s.customer_id = c.id) between make_date($2, 1, 1) and make_date($2, 1, 31)`,
      [regionPeople, year],
    );
    expect(rows[0]!.new_customers).toBe(want!.n);
    expect(want!.n).toBe(2);
  });

  it("outstanding by age: what is left to pay on each month's sales, three months ago and earlier together", async () => {
    const want = await sql<{ months_ago: number; sold: number; outstanding: number }>(
      `with ages as (
         select s.amount, s.amount - coalesce((select sum(p.amount) from public.payments p where p.sale_id = s.id), 0) as left_to_pay,
                least((extract(year from age(date_trunc('month', current_date), date_trunc('month', s.sale_date))) * 12
                       + extract(month from age(date_trunc('month', current_date), date_trunc('month', s.sale_date))))::int, 3) as months_ago
           from public.sales s where s.owner_id = any ($1))
       select a as months_ago, coalesce(sum(x.amount), 0)::float8 as sold, coalesce(sum(x.left_to_pay), 0)::float8 as outstanding
         from generate_series(0, 3) a left join ages x on x.months_ago = a
        group by a order by a`,
      [regionPeople],
    );
    expect(want.at(-1)).toEqual({ months_ago: 3, sold: 4500, outstanding: 2500 });
    const got = (client: Client, territoryId?: string) =>
      rpc<Record<string, unknown>>(client, "dashboard_outstanding", { p_territory: territoryId }).then((rows) =>
        numbers(rows).map(({ months_ago, sold, outstanding }) => ({ months_ago, sold, outstanding })),
      );
    expect(await got(manager.client, region)).toEqual(want);
    expect(await got(hr.client, region)).toEqual(want);
    expect((await got(seller.client)).at(-1)).toEqual({ months_ago: 3, sold: 1500, outstanding: 500 });
  });

  it("keeps the monthly totals right when a sale is moved and an earlier first sale is written", async () => {
    const totals = () =>
      rpc<Record<string, unknown>>(manager.client, "dashboard_sales", { p_year: year, p_territory: areaA }).then(
        (rows) =>
          numbers(rows).map(({ month, amount, collected, new_customers }) => ({
            month,
            amount,
            collected,
            new_customers,
          })),
      );
    const before = await totals();
    expect(before.slice(0, 3)).toEqual([
      { month: 1, amount: 1000, collected: 1000, new_customers: 1 },
      { month: 2, amount: 500, collected: 0, new_customers: 0 },
      { month: 3, amount: 0, collected: 0, new_customers: 0 },
    ]);
    const c1 = await id("select id from public.customers where code = $1", [`DB-C1-${tag}`]);
    // The paid January sale moves to March: its amount and what was paid against it move too.
    await sql("update public.sales set sale_date = $2 where customer_id = $1 and sale_date = $3", [
      c1,
      `${year}-03-03`,
      `${year}-01-10`,
    ]);
    // Its customer's first sale is now February's.
    expect((await totals()).slice(0, 3)).toEqual([
      { month: 1, amount: 0, collected: 1000, new_customers: 0 },
      { month: 2, amount: 500, collected: 0, new_customers: 1 },
      { month: 3, amount: 1000, collected: 0, new_customers: 0 },
    ]);
    await sql("update public.sales set sale_date = $2 where customer_id = $1 and sale_date = $3", [
      c1,
      `${year}-01-10`,
      `${year}-03-03`,
    ]);
    expect(await totals()).toEqual(before);
  });
});

describe("visits", () => {
  it("overdue customers by tier, and visit-plan compliance per month", async () => {
    const want = await sql<{ code: string; customers: number; overdue: number }>(
      `select t.code, count(c.id)::int as customers,
              count(c.id) filter (where coalesce((select max(v.visited_on) from public.visits v where v.customer_id = c.id), c.tier_since)
                                         + t.visit_interval_days < current_date)::int as overdue
         from public.customer_tiers t
         left join public.customers c on c.tier_id = t.id and c.owner_id = any ($1) and c.status <> 'lost'
        where t.visit_interval_days is not null
        group by t.code, t.sort_order order by t.sort_order, t.code`,
      [regionPeople],
    );
    const got = async (client: Client, territoryId?: string) =>
      numbers(await rpc<Record<string, unknown>>(client, "dashboard_overdue", { p_territory: territoryId })).map(
        ({ code, customers, overdue }) => ({ code, customers, overdue }),
      );
    expect(await got(manager.client, region)).toEqual(want);
    expect(await got(hr.client, region)).toEqual(want);
    expect((await got(seller.client)).find((r) => r.code === "vip")).toEqual({ code: "vip", customers: 1, overdue: 1 });

    const compliance = numbers(
      await rpc<Record<string, unknown>>(manager.client, "dashboard_visit_compliance", {
        p_from: `${year}-01-01`,
        p_to: `${year}-02-28`,
        p_territory: region,
      }),
    );
    expect(compliance).toEqual([
      { month: `${year}-01-01`, planned: 2, done: 1, compliance: 50 },
      { month: `${year}-02-01`, planned: 0, done: 0, compliance: null },
    ]);
  });
});

describe("discipline", () => {
  it("violations by rule and month leave dismissed ones out; acknowledgement coverage per rule", async () => {
    const args = { p_from: `${year}-01-01`, p_to: `${year}-12-31`, p_territory: region };
    for (const client of [hr.client, manager.client]) {
      const rows = numbers(await rpc<Record<string, unknown>>(client, "dashboard_violations", args));
      expect(rows.map(({ month, code, violations }) => ({ month, code, violations }))).toEqual([
        { month: `${year}-01-01`, code: "CON-01", violations: 1 },
      ]);
    }
    expect(await rpc(otherManager.client, "dashboard_violations", args)).toEqual([]);

    const want = await sql<{ code: string; applicable: number; acknowledged: number }>(
      `select r.code,
              count(s.id)::int as applicable,
              count(a.id)::int as acknowledged
         from public.regulations r
         join public.staff s on s.id = any ($1) and s.status = 'active'
              and (r.applies_to_all_positions or exists (select 1 from public.regulation_positions rp
                                                          where rp.regulation_id = r.id and rp.position_id = s.position_id))
         left join public.acknowledgements a on a.regulation_id = r.id and a.version_number = r.current_version and a.staff_id = s.id
        where r.status = 'published' and r.current_version is not null
        group by r.code order by r.code`,
      [regionPeople],
    );
    expect(want.find((w) => w.code === "CON-01")).toEqual({ code: "CON-01", applicable: 2, acknowledged: 1 });
    // A manager reads only the rules that apply to them (regulations read scope "own"): the
    // others are not on their dashboard at all.
    const managerRules = await sql<{ code: string }>(
      `select r.code from public.regulations r
        where r.applies_to_all_positions
           or exists (select 1 from public.regulation_positions rp join public.positions p on p.id = rp.position_id
                       where rp.regulation_id = r.id and p.code = 'regional_director')`,
    );
    const readable = new Set(managerRules.map((r) => r.code));
    for (const [client, expected] of [
      [hr.client, want],
      [manager.client, want.filter((w) => readable.has(w.code))],
    ] as const) {
      const rows = numbers(
        await rpc<Record<string, unknown>>(client, "dashboard_acknowledgements", { p_territory: region }),
      );
      expect(
        rows
          .filter((r) => Number(r.applicable) > 0)
          .map(({ code, applicable, acknowledged }) => ({ code, applicable, acknowledged })),
      ).toEqual(expected);
    }
    expect(want.filter((w) => readable.has(w.code)).length).toBeLessThan(want.length);
    const own = numbers(await rpc<Record<string, unknown>>(seller.client, "dashboard_acknowledgements", {}));
    expect(own.find((r) => r.code === "CON-01")).toMatchObject({ applicable: 1, acknowledged: 1, coverage: 100 });
  });
});

describe("evaluations", () => {
  it("bands of a month's evaluations as HR and the manager count them, the salesperson only their own", async () => {
    const month = `${year}-01-01`;
    const { error } = await hr.client.rpc("run_evaluations", { p_month: month, p_territory: region });
    expect(error).toBeNull();
    const want = await sql<{ code: string; evaluations: number }>(
      `select b.code, count(e.id)::int as evaluations from public.rating_bands b
         left join public.evaluations e on e.band_id = b.id and e.month = $2 and e.staff_id = any ($1)
        group by b.code, b.lower_bound order by b.lower_bound desc`,
      [regionPeople, month],
    );
    expect(want.reduce((n, w) => n + w.evaluations, 0)).toBe(2);
    for (const client of [hr.client, manager.client]) {
      const rows = numbers(
        await rpc<Record<string, unknown>>(client, "dashboard_bands", { p_territory: region, p_month: month }),
      );
      expect(rows.map(({ code, evaluations }) => ({ code, evaluations }))).toEqual(want);
    }
    const own = numbers(await rpc<Record<string, unknown>>(seller.client, "dashboard_bands", { p_month: month }));
    expect(own.reduce((n, r) => n + Number(r.evaluations), 0)).toBe(1);
    const plans = numbers(
      await rpc<Record<string, unknown>>(manager.client, "dashboard_plans", { p_territory: region }),
    );
    const [planWant] = await sql<{ open: number; missed: number; met: number }>(
      `select count(*) filter (where s.status = 'open')::int as open, count(*) filter (where s.status = 'missed')::int as missed,
              count(*) filter (where s.status = 'met')::int as met
         from public.improvement_plan_status s join public.evaluations e on e.id = s.evaluation_id where e.staff_id = any ($1)`,
      [regionPeople],
    );
    expect(plans[0]).toMatchObject(planWant!);
  });
});

describe("the ranking", () => {
  it("ranks the region's people for its manager and HR by actual / target", async () => {
    const want = await sql<{ rank: number; staff_id: string; achievement: number }>(
      `with figures as (
         select s.id,
                (select sum(x) from public.targets g, unnest(g.months) x where g.kpi_id = $2 and g.year = $3 and g.staff_id = s.id) as target,
                (select coalesce(sum(a.value), 0) from public.kpi_actuals a
                  where a.kpi_id = $2 and a.staff_id = s.id and extract(year from a.month) = $3) as actual
           from public.staff s where s.id = any ($1))
       select rank() over (order by round(100 * actual / target, 1) desc)::int as rank, id as staff_id,
              round(100 * actual / target, 1)::float8 as achievement
         from figures order by 1`,
      [regionPeople, salesKpi, year],
    );
    expect(want.map((w) => w.staff_id)).toHaveLength(2);
    for (const client of [manager.client, hr.client]) {
      const rows = numbers(
        await rpc<Record<string, unknown>>(client, "dashboard_ranking", {
          p_kpi: salesKpi,
          p_year: year,
          p_territory: region,
        }),
      );
      expect(rows.map(({ rank, staff_id, achievement }) => ({ rank, staff_id, achievement }))).toEqual(want);
    }
    expect(
      await rpc(otherManager.client, "dashboard_ranking", { p_kpi: salesKpi, p_year: year, p_territory: region }),
    ).toEqual([]);
  });

  it("is refused (403) to the salesperson and the auditor", async () => {
    for (const client of [seller.client, auditor.client]) {
      const { data, error, status } = await client.rpc("dashboard_ranking", { p_kpi: salesKpi, p_year: year });
      expect(status).toBe(403);
      expect(error?.message).toBe("Only managers and HR see the ranking.");
      expect(data).toBeNull();
    }
  });
});
