// The registry's measures computed from the field data, to the cent: each person's credited
// share of sales, profit and collections, customers and new customers, visits, plan
// compliance, overdue customers at the period's end and rules acknowledged; the KPI filters;
// and values only for people the caller may read (real JWTs through PostgREST).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type TestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

const tag = randomUUID().slice(0, 6).toUpperCase();

async function one<T extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T> {
  const rows = await sql<T>(text, params);
  if (!rows[0]) throw new Error(`no row: ${text}`);
  return rows[0];
}
const id = async (text: string, params: unknown[] = []) => (await one<{ id: string }>(text, params)).id;

const feb = { p_from: "2026-02-01", p_to: "2026-02-28" };
let a: string;
let b: string;
let sellerA: TestUser;
let hr: TestUser;
let vip: string;
let territoryA: string;
let productLine: string;

/** Values of a measure for A and B over February, as the superuser sees them. */
async function values(measure: string, filters: { tier?: string; line?: string; status?: string } = {}) {
  const rows = await sql<{ staff_id: string; value: string | null }>(
    "select staff_id, value::text from public.kpi_measure_values($1, $2, $3, $4, $5, $6, $7)",
    [measure, feb.p_from, feb.p_to, [a, b], filters.tier ?? null, filters.line ?? null, filters.status ?? null],
  );
  const of = (s: string) => {
    const row = rows.find((r) => r.staff_id === s);
    return row ? row.value : "missing";
  };
  return { a: of(a), b: of(b) };
}

beforeAll(async () => {
  hr = await createTestUser(["hr_admin"]);
  sellerA = await createTestUser(["salesperson"]);
  const position = await id("select id from public.positions where code = 'salesperson'");
  territoryA = await id("insert into public.territories (code, name) values ($1, $1) returning id", [`KM-A-${tag}`]);
  const territoryB = await id("insert into public.territories (code, name) values ($1, $1) returning id", [
    `KM-B-${tag}`,
  ]);
  const person = (name: string, territory: string, user: string | null) =>
    id(
      "insert into public.staff (full_name, email, position_id, territory_id, user_id) values ($1, $2, $3, $4, $5) returning id",
      [name, `${name.toLowerCase().replace(/\W/g, "")}-${tag}@kpi.example.com`, position, territory, user],
    );
  a = await person("Measure Seller A", territoryA, sellerA.id);
  b = await person("Measure Seller B", territoryB, null);
  vip = await id("select id from public.customer_tiers where code = 'vip'");
  const firstLevel = await id("select id from public.customer_tiers where code = 'first_level'");
  const line = await id("select id from public.product_lines where code = 'equipment'");
  productLine = line;
  const customer = (code: string, tier: string, status: string, since = "2025-01-01") =>
    id(
      "insert into public.customers (code, name, tier_id, tier_since, status, territory_id, owner_id) values ($1, $1, $2, $3, $4, $5, $6) returning id",
      [`KM-${code}-${tag}`, tier, since, status, territoryA, a],
    );
  const c1 = await customer("C1", vip, "active");
  const c2 = await customer("C2", firstLevel, "potential");
  await customer("C4", vip, "active", "2025-12-01"); // never visited: overdue since 2025-12-31
  const sale = (customerId: string, on: string, amount: number, cost: number) =>
    id(
      "insert into public.sales (customer_id, product_line_id, sale_date, amount, cost) values ($1, $2, $3, $4, $5) returning id",
      [customerId, line, on, amount, cost],
    );
  const s1 = await sale(c1, "2026-02-05", 1000, 600);
  const s2 = await sale(c2, "2026-02-10", 500, 200);
  await sale(c1, "2026-03-01", 300, 100); // March: outside February
  const s0 = await sale(c2, "2026-01-15", 200, 100); // C2's first sale: January
  await sql("select public.set_sale_credits($1, $2)", [
    s2,
    JSON.stringify([
      { staff_id: a, share_percent: 60 },
      { staff_id: b, share_percent: 40 },
    ]),
  ]);
  await sql("select public.set_sale_credits($1, $2)", [s0, JSON.stringify([{ staff_id: b, share_percent: 100 }])]);
  const pay = (saleId: string, on: string, amount: number) =>
    sql("insert into public.payments (sale_id, paid_on, amount) values ($1, $2, $3)", [saleId, on, amount]);
  await pay(s1, "2026-02-20", 400);
  await pay(s2, "2026-02-25", 500);
  await pay(s1, "2026-03-05", 100); // March
  const visit = (customerId: string, staffId: string, on: string) =>
    sql("insert into public.visits (customer_id, staff_id, visited_on, purpose) values ($1, $2, $3, 'Measured')", [
      customerId,
      staffId,
      on,
    ]);
  await visit(c1, a, "2026-02-03");
  await visit(c1, a, "2026-02-17");
  await visit(c2, a, "2026-02-20");
  await visit(c2, b, "2026-01-30"); // January
  await sql(
    "insert into public.visit_plans (staff_id, month, customer_id, planned_visits) values ($1, '2026-02-01', $2, 2), ($1, '2026-02-01', $3, 2)",
    [a, c1, c2],
  );
});

describe("each measure, for February 2026", () => {
  it("sales amount: each person's credited share (a 60/40 split counted once across both)", async () => {
    expect(await values("sales_amount")).toEqual({ a: "1300.00", b: "200.00" });
  });

  it("profit contribution: amount minus cost, by share", async () => {
    expect(await values("profit_contribution")).toEqual({ a: "580.00", b: "120.00" });
  });

  it("payments collected in the period on the person's sales, by share", async () => {
    expect(await values("payments_collected")).toEqual({ a: "700.00", b: "200.00" });
  });

  it("customers with a sale credited to the person, and new customers by their first sale", async () => {
    expect(await values("distinct_customers")).toEqual({ a: "2", b: "1" });
    expect(await values("new_customers")).toEqual({ a: "1", b: "0" });
  });

  it("visits done, and plan compliance as done over planned (none when nothing was planned)", async () => {
    expect(await values("visits_done")).toEqual({ a: "3", b: "0" });
    expect(await values("visit_plan_compliance")).toEqual({ a: "75.00", b: null });
  });

  it("overdue visits: customers the person owns overdue at the period's end", async () => {
    expect(await values("overdue_visits")).toEqual({ a: "1", b: "0" });
  });

  it("rules acknowledged: the share of the rules in force for the person's position whose current version they acknowledged", async () => {
    // Other test files publish and retire rules meanwhile: the share is compared with a count
    // taken just before and just after (equal when nothing changed in between).
    const applying = () =>
      one<{ n: string; oldest: string }>(
        `select count(*)::text as n, (array_agg(r.id order by r.created_at, r.id))[1]::text as oldest
           from public.regulations r
          where r.current_version is not null and r.status <> 'retired'
            and (r.applies_to_all_positions or exists (
                  select 1 from public.regulation_positions rp join public.positions p on p.id = rp.position_id
                   where rp.regulation_id = r.id and p.code = 'salesperson'))`,
      );
    const share = async () => {
      for (;;) {
        const before = await applying();
        const value = (await values("rules_acknowledged")).b;
        const after = await applying();
        if (before.n === after.n) return { value, n: Number(before.n), oldest: before.oldest };
      }
    };
    const none = await share();
    expect(none.n).toBeGreaterThan(0);
    expect(none.value).toBe("0.00");
    await sql(
      "insert into public.acknowledgements (regulation_id, version_number, staff_id) select r.id, r.current_version, $2 from public.regulations r where r.id = $1",
      [none.oldest, b],
    );
    const acknowledgedOne = await share();
    expect(acknowledgedOne.value).toBe((Math.round(10000 / acknowledgedOne.n) / 100).toFixed(2));
  });

  it("applies a KPI's filters: customer tier, customer status", async () => {
    expect(await values("sales_amount", { tier: vip })).toEqual({ a: "1000.00", b: "0.00" });
    expect(await values("sales_amount", { status: "potential" })).toEqual({ a: "300.00", b: "200.00" });
  });

  it("measured together (as an evaluation run does), each measure is what it is measured alone", async () => {
    const measures = [
      "sales_amount",
      "profit_contribution",
      "payments_collected",
      "distinct_customers",
      "new_customers",
      "visits_done",
      "visit_plan_compliance",
      "overdue_visits",
    ];
    const together = await sql<{ staff_id: string; measure: string; value: string | null }>(
      "select staff_id, measure, value::text from private.measures_values($1, $2, $3, $4, $5)",
      [measures, feb.p_from, feb.p_to, [a, b], vip],
    );
    expect(together).toHaveLength(measures.length * 2);
    const alone = await Promise.all(
      measures
        .filter((m) => m !== "visit_plan_compliance")
        .map(async (m) => [m, await values(m, { tier: vip })] as const),
    );
    for (const [measure, value] of alone) {
      const of = (s: string) => together.find((r) => r.staff_id === s && r.measure === measure)?.value;
      expect({ measure, a: of(a), b: of(b) }).toEqual({ measure, ...value });
    }
    const compliance = await values("visit_plan_compliance");
    const untiered = await sql<{ staff_id: string; value: string | null }>(
      "select staff_id, value::text from private.measures_values($1, $2, $3, $4) where measure = 'visit_plan_compliance'",
      [measures, feb.p_from, feb.p_to, [a, b]],
    );
    expect({
      a: untiered.find((r) => r.staff_id === a)?.value ?? null,
      b: untiered.find((r) => r.staff_id === b)?.value ?? null,
    }).toEqual({ a: compliance.a, b: compliance.b });
  });
});

describe("who may see a person's values", () => {
  const asClient = async (who: TestUser) => {
    const { data, error } = await who.client.rpc("kpi_measure_values", {
      p_measure: "sales_amount",
      ...feb,
      p_staff: [a, b],
    });
    expect(error).toBeNull();
    return Object.fromEntries((data ?? []).map((r) => [r.staff_id, Number(r.value)]));
  };

  it("HR sees everyone's", async () => {
    expect(await asClient(hr)).toEqual({ [a]: 1300, [b]: 200 });
  });

  it("a salesperson sees only their own", async () => {
    expect(await asClient(sellerA)).toEqual({ [a]: 1300 });
  });

  it("the auditor sees everyone's, a manager responsible for neither territory no one's", async () => {
    expect(await asClient(await createTestUser(["auditor"]))).toEqual({ [a]: 1300, [b]: 200 });
    expect(await asClient(await createTestUser(["manager"]))).toEqual({});
  });

  it("answers a bad measure, period or filter with a 400 naming it", async () => {
    const bad = async (args: Record<string, unknown>) =>
      (await hr.client.rpc("kpi_measure_values", { p_measure: "sales_amount", ...feb, p_staff: [a], ...args } as never))
        .error?.message;
    expect(await bad({ p_measure: "revenue" })).toBe('There is no measure "revenue".');
    expect(await bad({ p_from: "2026-03-01" })).toBe("The period must have a start on or before its end.");
    expect(await bad({ p_measure: "visit_plan_compliance", p_tier: vip })).toBe(
      'The measure "Visit plan compliance" does not take that filter.',
    );
  });
});

describe("reconciliation of the sales the measures count", () => {
  it("shows per month the sales total, what the credit splits attribute and what is left, and lists the sale nobody is credited with", async () => {
    // A sale whose credit split was taken away: credited to no one.
    const orphan = await id(
      "insert into public.customers (code, name, tier_id, tier_since, status, territory_id) values ($1, $1, $2, '2025-01-01', 'active', $3) returning id",
      [`KM-ORPHAN-${tag}`, vip, territoryA],
    );
    const sale = await id(
      "insert into public.sales (customer_id, product_line_id, sale_date, amount, cost) values ($1, $2, '2026-02-14', 250, 0) returning id",
      [orphan, productLine],
    );
    await sql("delete from public.sale_credits where sale_id = $1", [sale]);
    const { data, error } = await sellerA.client.rpc("sales_reconciliation", {
      p_from: "2026-01-01",
      p_to: "2026-02-28",
    });
    expect(error).toBeNull();
    expect(data).toEqual([
      {
        month: "2026-01-01",
        sales: 1,
        source_total: 200,
        attributed_total: 200,
        unattributed_total: 0,
        unattributed_sales: 0,
      },
      {
        month: "2026-02-01",
        sales: 3,
        source_total: 1750,
        attributed_total: 1500,
        unattributed_total: 250,
        unattributed_sales: 1,
      },
    ]);
    const { data: unattributed } = await sellerA.client
      .rpc("unattributed_sales", { p_from: "2026-02-01", p_to: "2026-02-28" })
      .select("id");
    expect(unattributed).toEqual([{ id: sale }]);
    const { error: range } = await sellerA.client.rpc("sales_reconciliation", {
      p_from: "2026-03-01",
      p_to: "2026-02-01",
    });
    expect(range?.message).toBe("Give a range of months, the first not after the last.");
  });
});
