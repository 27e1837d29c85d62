// Customers, visits and sales: the numbers KPIs will be computed from, to the day and the
// cent. Re-tiering by last year's sales, overdue days at the boundaries, the credit split and
// collections refused when they do not add up, history that stays where it happened when a
// customer moves, the two customer definitions, and a salesperson kept to their own territory
// through every API path (real JWTs through PostgREST).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type TestUser } from "../support/clients.ts";
import { asRole, closePools, sql } from "../support/sql.ts";

afterAll(closePools);

const tag = randomUUID().slice(0, 6).toUpperCase();

async function one<T extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T> {
  const rows = await sql<T>(text, params);
  if (!rows[0]) throw new Error(`no row: ${text}`);
  return rows[0];
}

const tier = async (code: string) =>
  (await one<{ id: string }>("select id from public.customer_tiers where code = $1", [code])).id;
const productLine = async () =>
  (await one<{ id: string }>("select id from public.product_lines where code = 'equipment'")).id;
const position = async (code: string) =>
  (await one<{ id: string }>("select id from public.positions where code = $1", [code])).id;

async function territory(code: string, parent: string | null = null): Promise<string> {
  return (
    await one<{ id: string }>(
      "insert into public.territories (code, name, parent_id) values ($1, $1, $2) returning id",
      [`${code}-${tag}`, parent],
    )
  ).id;
}

async function salesperson(name: string, territoryId: string, userId: string | null = null): Promise<string> {
  return (
    await one<{ id: string }>(
      `insert into public.staff (full_name, email, position_id, territory_id, user_id) values ($1, $2, $3, $4, $5) returning id`,
      [
        name,
        `${name.toLowerCase().replace(/\W/g, "")}-${tag}@field.example.com`,
        await position("salesperson"),
        territoryId,
        userId,
      ],
    )
  ).id;
}

/** A customer placed in its territory since 2024 (as the seed does), in tier `tierCode` since `since`. */
async function customer(code: string, territoryId: string, tierCode: string, since = "2025-01-01", status = "active") {
  const row = await one<{ id: string }>(
    `insert into public.customers (code, name, tier_id, tier_since, status, territory_id) values ($1, $1, $2, $3, $4, $5) returning id`,
    [`${code}-${tag}`, await tier(tierCode), since, status, territoryId],
  );
  await sql("update public.customer_placements set valid_from = date '2024-01-01' where customer_id = $1", [row.id]);
  return row.id;
}

async function visit(customerId: string, staffId: string, on: string) {
  return (
    await one<{ id: string }>(
      "insert into public.visits (customer_id, staff_id, visited_on, purpose) values ($1, $2, $3, 'Test visit') returning id",
      [customerId, staffId, on],
    )
  ).id;
}

async function sale(customerId: string, on: string, amount: string, cost = "0") {
  return (
    await one<{ id: string }>(
      "insert into public.sales (customer_id, product_line_id, sale_date, amount, cost) values ($1, $2, $3, $4, $5) returning id",
      [customerId, await productLine(), on, amount, cost],
    )
  ).id;
}

describe("re-tiering by last calendar year's sales", () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    const t = await territory("RT");
    await salesperson("Retier Seller", t);
    ids = {
      exactlyVip: await customer("RT-A", t, "other"),
      justBelowVip: await customer("RT-B", t, "vip"),
      nothingSold: await customer("RT-C", t, "first_level"),
      staysSecond: await customer("RT-D", t, "second_level"),
      lost: await customer("RT-E", t, "vip", "2025-01-01", "lost"),
    };
    await sale(ids.exactlyVip!, "2025-01-01", "60000.00");
    await sale(ids.exactlyVip!, "2025-12-31", "40000.00");
    await sale(ids.exactlyVip!, "2026-01-01", "999999.00"); // this year: not counted
    await sale(ids.justBelowVip!, "2025-06-30", "99999.99");
    await sale(ids.justBelowVip!, "2024-12-31", "50000.00"); // the year before: not counted
    await sale(ids.staysSecond!, "2025-03-03", "10000.00");
  });

  it("proposes exactly the customers whose tier changes, with the highest threshold met", async () => {
    const rows = await sql<{ customer_id: string; sales_total: string; from_code: string; to_code: string }>(
      `select p.customer_id, p.sales_total::text, f.code as from_code, t.code as to_code
         from public.propose_retiering(2025) p
         join public.customer_tiers f on f.id = p.from_tier_id join public.customer_tiers t on t.id = p.to_tier_id
        where p.customer_id = any ($1::uuid[]) order by p.code`,
      [Object.values(ids)],
    );
    expect(rows).toEqual([
      { customer_id: ids.exactlyVip, sales_total: "100000.00", from_code: "other", to_code: "vip" },
      { customer_id: ids.justBelowVip, sales_total: "99999.99", from_code: "vip", to_code: "first_level" },
      { customer_id: ids.nothingSold, sales_total: "0", from_code: "first_level", to_code: "other" },
    ]);
  });

  it("is applied by HR in one step with a reason (recorded with every move), and refused to every other role", async () => {
    for (const role of ["manager", "auditor", "salesperson"]) {
      const user = await createTestUser([role], { signIn: false });
      await expect(
        asRole({ role: "authenticated", sub: user.id }, (c) =>
          c.query("select public.apply_retiering(2025, 'Yearly review')"),
        ),
      ).rejects.toThrow(/not allowed to re-tier/);
    }
    const hr = await createTestUser(["hr_admin"], { signIn: false });
    await expect(
      asRole({ role: "authenticated", sub: hr.id }, (c) => c.query("select public.apply_retiering(2025, '  ')")),
    ).rejects.toThrow(/Say why/);
    const result = await asRole({ role: "authenticated", sub: hr.id }, async (c) => {
      const moved = (await c.query<{ n: number }>("select public.apply_retiering(2025, 'Yearly review') as n")).rows[0]!
        .n;
      const tiers = (
        await c.query<{ id: string; code: string; tier_since: string }>(
          "select c.id, t.code, c.tier_since::text from public.customers c join public.customer_tiers t on t.id = c.tier_id where c.id = any ($1::uuid[])",
          [Object.values(ids)],
        )
      ).rows;
      const run = (
        await c.query<{ reason: string; applied_by: string; changes: { customer_id: string }[] }>(
          "select reason, applied_by, changes from public.retiering_runs order by applied_at desc limit 1",
        )
      ).rows[0]!;
      return { moved, tiers, run };
    });
    expect(result.moved).toBeGreaterThanOrEqual(3);
    const byId = Object.fromEntries(result.tiers.map((r) => [r.id, r]));
    expect(byId[ids.exactlyVip!]!.code).toBe("vip");
    expect(byId[ids.justBelowVip!]!.code).toBe("first_level");
    expect(byId[ids.nothingSold!]!.code).toBe("other");
    expect(byId[ids.staysSecond!]!.code).toBe("second_level");
    expect(byId[ids.lost!]!.code).toBe("vip");
    expect(byId[ids.exactlyVip!]!.tier_since).toBe(new Date().toISOString().slice(0, 10));
    expect(result.run.reason).toBe("Yearly review");
    expect(result.run.applied_by).toBe(hr.id);
    expect(result.run.changes.map((c) => c.customer_id)).toEqual(
      expect.arrayContaining([ids.exactlyVip, ids.nothingSold]),
    );
  });
});

describe("overdue visits", () => {
  let root: string;
  let visited: string;
  let neverVisited: string;
  let seller: string;
  beforeAll(async () => {
    root = await territory("OD");
    seller = await salesperson("Overdue Seller", root);
    visited = await customer("OD-A", root, "vip", "2025-06-01");
    neverVisited = await customer("OD-B", root, "vip", "2026-03-01");
    await customer("OD-C", root, "second_level", "2024-01-01"); // no fixed interval: never overdue
    await customer("OD-D", root, "vip", "2024-01-01", "lost"); // lost: never overdue
    await visit(visited, seller, "2025-12-15");
    await visit(visited, seller, "2026-01-01");
    await visit(visited, seller, "2026-02-10"); // after the dates asked about below
  });

  const overdue = async (asOf: string) =>
    sql<{ customer_id: string; days_overdue: number; last_visit_on: string | null; due_on: string }>(
      `select customer_id, days_overdue, last_visit_on::text, due_on::text from public.overdue_customers($1::date, null, $2) order by code`,
      [asOf, root],
    );

  it("is not overdue on the day the interval ends, and one day overdue the day after", async () => {
    expect(await overdue("2026-01-31")).toEqual([]);
    expect(await overdue("2026-02-01")).toEqual([
      { customer_id: visited, days_overdue: 1, last_visit_on: "2026-01-01", due_on: "2026-01-31" },
    ]);
  });

  it("counts a customer never visited from the day it entered its tier", async () => {
    const rows = await overdue("2026-04-01");
    expect(rows.find((r) => r.customer_id === neverVisited)).toEqual({
      customer_id: neverVisited,
      days_overdue: 1,
      last_visit_on: null,
      due_on: "2026-03-31",
    });
    expect((await overdue("2026-03-31")).map((r) => r.customer_id)).not.toContain(neverVisited);
  });

  it("uses the latest visit up to the date asked, counting across months to the year end", async () => {
    // Last visit 2026-02-10 + 30 days = 2026-03-12; on 2026-12-31 that is 294 days overdue.
    expect((await overdue("2026-12-31")).find((r) => r.customer_id === visited)?.days_overdue).toBe(294);
  });

  it("follows visits logged, re-dated and removed when asked about today", async () => {
    const area = await territory("OD-TODAY");
    const areaSeller = await salesperson("Today Seller", area);
    const c = await customer("OD-E", area, "vip", "2024-01-01");
    const today = async () =>
      (
        await sql<{ customer_id: string }>("select customer_id from public.overdue_customers(current_date, null, $1)", [
          area,
        ])
      ).map((r) => r.customer_id);
    expect(await today()).toContain(c);
    const v = await visit(c, areaSeller, new Date().toISOString().slice(0, 10));
    expect(await today()).not.toContain(c);
    expect(
      (await one<{ d: number }>("select public.days_overdue(c) as d from public.customers c where c.id = $1", [c])).d,
    ).toBe(-30);
    await sql("update public.visits set visited_on = current_date - 45 where id = $1", [v]);
    expect(await today()).toContain(c);
    await sql("delete from public.visits where id = $1", [v]);
    expect(await sql("select 1 from private.customer_last_visits where customer_id = $1", [c])).toEqual([]);
    expect(await today()).toContain(c);
  });

  it("filters by owner", async () => {
    const rows = await sql<{ customer_id: string }>(
      "select customer_id from public.overdue_customers('2026-04-01'::date, $1, $2)",
      [seller, root],
    );
    expect(rows.map((r) => r.customer_id).sort()).toEqual([visited, neverVisited].sort());
    const none = await sql("select 1 from public.overdue_customers('2026-04-01'::date, $1, $2)", [randomUUID(), root]);
    expect(none).toEqual([]);
  });
});

describe("plan vs done", () => {
  it("has a row for every month of the range, 0 where nothing was planned or done", async () => {
    const root = await territory("PV");
    const seller = await salesperson("Plan Seller", root);
    const c = await customer("PV-A", root, "vip");
    await sql(
      "insert into public.visit_plans (staff_id, month, customer_id, planned_visits) values ($1, '2026-02-01', $2, 3)",
      [seller, c],
    );
    await visit(c, seller, "2026-02-03");
    await visit(c, seller, "2026-02-27");
    await visit(c, seller, "2026-04-30");
    const rows = await sql<{ month: string; planned: string; done: string }>(
      "select month::text, planned::text, done::text from public.visit_plan_vs_done('2026-01-01', '2026-04-30', $1) where staff_id = $2",
      [root, seller],
    );
    expect(rows).toEqual([
      { month: "2026-01-01", planned: "0", done: "0" },
      { month: "2026-02-01", planned: "3", done: "2" },
      { month: "2026-03-01", planned: "0", done: "0" },
      { month: "2026-04-01", planned: "0", done: "1" },
    ]);
  });

  it("follows plan lines added in bulk, changed, moved to another month and removed", async () => {
    const root = await territory("PL");
    const seller = await salesperson("Plan Lines Seller", root);
    const [a, b, c] = [
      await customer("PL-A", root, "vip"),
      await customer("PL-B", root, "vip"),
      await customer("PL-C", root, "vip"),
    ];
    await sql(
      `insert into public.visit_plans (staff_id, month, customer_id, planned_visits)
       values ($1, '2026-02-01', $2, 2), ($1, '2026-02-01', $3, 1), ($1, '2026-03-01', $4, 4)`,
      [seller, a, b, c],
    );
    await sql("update public.visit_plans set planned_visits = 5 where staff_id = $1 and customer_id = $2", [seller, a]);
    await sql("update public.visit_plans set month = '2026-04-01' where staff_id = $1 and customer_id = $2", [
      seller,
      c,
    ]);
    await sql("delete from public.visit_plans where staff_id = $1 and customer_id = $2", [seller, b]);
    const kept = await sql<{ month: string; n: string }>(
      "select month::text, sum(n)::text as n from private.visit_plan_month_counts where staff_id = $1 and n > 0 group by 1 order by 1",
      [seller],
    );
    const recount = await sql<{ month: string; n: string }>(
      "select month::text, sum(planned_visits)::text as n from public.visit_plans where staff_id = $1 group by 1 order by 1",
      [seller],
    );
    expect(kept).toEqual(recount);
    expect(kept).toEqual([
      { month: "2026-02-01", n: "5" },
      { month: "2026-04-01", n: "4" },
    ]);
    const planned = await sql<{ month: string; planned: string }>(
      "select month::text, planned::text from public.visit_plan_vs_done('2026-02-01', '2026-04-30', $1) where staff_id = $2",
      [root, seller],
    );
    expect(planned).toEqual([
      { month: "2026-02-01", planned: "5" },
      { month: "2026-03-01", planned: "0" },
      { month: "2026-04-01", planned: "4" },
    ]);
  });

  it("follows visits re-dated, moved and deleted, and counts only the visits the reader may read", async () => {
    const home = await territory("PM");
    const away = await territory("PM-AWAY");
    const me = await createTestUser(["salesperson"], { signIn: true });
    const seller = await salesperson("Moving Seller", home, me.id);
    const mine = await customer("PM-A", home, "vip");
    const elsewhere = await customer("PM-B", away, "vip");
    await visit(mine, seller, "2026-02-03");
    const redated = await visit(mine, seller, "2026-02-27");
    const removed = await visit(mine, seller, "2026-04-30");
    // A visit the seller made in a territory that is not theirs (covering for a colleague).
    await visit(elsewhere, seller, "2026-02-10");
    await sql("update public.visits set visited_on = '2026-03-05' where id = $1", [redated]);
    await sql("delete from public.visits where id = $1", [removed]);
    const kept = await sql<{ month: string; n: string }>(
      "select month::text, sum(n)::text as n from private.visit_month_counts where staff_id = $1 and n > 0 group by 1 order by 1",
      [seller],
    );
    const recount = await sql<{ month: string; n: string }>(
      "select date_trunc('month', visited_on)::date::text as month, count(*)::text as n from public.visits where staff_id = $1 group by 1 order by 1",
      [seller],
    );
    expect(kept).toEqual(recount);
    const done = (rows: { month: string; staff_id: string; done: number }[] | null) =>
      (rows ?? []).filter((r) => r.staff_id === seller).map((r) => [r.month, Number(r.done)]);
    const range = { p_from: "2026-02-01", p_to: "2026-04-30" };
    // The database's own role sees every visit; the seller, only those in their own territory.
    const all = await sql<{ month: string; staff_id: string; done: number }>(
      "select month::text, staff_id, done from public.visit_plan_vs_done($1, $2) where staff_id = $3",
      [range.p_from, range.p_to, seller],
    );
    expect(done(all)).toEqual([
      ["2026-02-01", 2],
      ["2026-03-01", 1],
      ["2026-04-01", 0],
    ]);
    expect(done((await me.client.rpc("visit_plan_vs_done", range)).data)).toEqual([
      ["2026-02-01", 1],
      ["2026-03-01", 1],
      ["2026-04-01", 0],
    ]);
  });
});

describe("sales: the credit split and collections", () => {
  let hr: TestUser;
  let saleId: string;
  let sellerA: string;
  let sellerB: string;
  beforeAll(async () => {
    hr = await createTestUser(["hr_admin"]);
    const root = await territory("CS");
    sellerA = await salesperson("Credit Seller A", root);
    sellerB = await salesperson("Credit Seller B", await territory("CS-B", root));
    saleId = await sale(await customer("CS-A", root, "first_level"), "2026-03-10", "1000.00", "620.00");
  });

  it("credits a new sale 100% to the customer's owner on the sale date, with profit = amount - cost", async () => {
    expect(
      await sql("select staff_id, share_percent::text from public.sale_credits where sale_id = $1", [saleId]),
    ).toEqual([{ staff_id: sellerA, share_percent: "100.00" }]);
    expect(
      (await one<{ profit: string }>("select profit::text from public.sales where id = $1", [saleId])).profit,
    ).toBe("380.00");
  });

  it("refuses a split that does not add up to 100, naming the difference, and keeps the old one", async () => {
    const { error } = await hr.client.rpc("set_sale_credits", {
      p_sale: saleId,
      p_credits: [
        { staff_id: sellerA, share_percent: 60 },
        { staff_id: sellerB, share_percent: 30 },
      ],
    });
    expect(error?.message).toBe("The credit split adds up to 90.00%, 10.00 short of 100%.");
    expect(error?.code).toBe("23514");
    const { error: over } = await hr.client.rpc("set_sale_credits", {
      p_sale: saleId,
      p_credits: [
        { staff_id: sellerA, share_percent: 60.5 },
        { staff_id: sellerB, share_percent: 40 },
      ],
    });
    expect(over?.message).toBe("The credit split adds up to 100.50%, 0.50 more than 100%.");
    expect(await sql("select staff_id from public.sale_credits where sale_id = $1", [saleId])).toEqual([
      { staff_id: sellerA },
    ]);
  });

  it("accepts a split of exactly 100 in one step", async () => {
    const { data, error } = await hr.client.rpc("set_sale_credits", {
      p_sale: saleId,
      p_credits: [
        { staff_id: sellerA, share_percent: 66.67 },
        { staff_id: sellerB, share_percent: 33.33 },
      ],
    });
    expect(error).toBeNull();
    expect((data ?? []).map((c) => [c.staff_id, c.share_percent])).toEqual([
      [sellerA, 66.67],
      [sellerB, 33.33],
    ]);
  });

  it("never collects more than the sale's amount, and shows the balance outstanding", async () => {
    const first = await hr.client
      .from("payments")
      .insert({ sale_id: saleId, paid_on: "2026-04-01", amount: 600 })
      .select()
      .single();
    expect(first.error).toBeNull();
    const over = await hr.client
      .from("payments")
      .insert({ sale_id: saleId, paid_on: "2026-04-02", amount: 400.01 })
      .select();
    expect(over.error?.message).toBe("Payments would total 1,000.01, more than the sale's 1,000.00 (0.01 over).");
    const early = await hr.client
      .from("payments")
      .insert({ sale_id: saleId, paid_on: "2026-03-09", amount: 1 })
      .select();
    expect(early.error?.message).toBe("A payment cannot be dated before its sale.");
    const lower = await hr.client.from("sales").update({ amount: 500 }).eq("id", saleId).select();
    expect(lower.error?.message).toMatch(/cannot go below the 600.00 already collected/);
    const { data: balance } = await hr.client.from("sale_balances").select("*").eq("sale_id", saleId).single();
    expect(balance).toMatchObject({ amount: 1000, collected: 600, outstanding: 400 });
    const days = Math.round(
      (Date.parse(new Date().toISOString().slice(0, 10)) - Date.parse("2026-03-10")) / 86_400_000,
    );
    expect(balance?.days_outstanding).toBe(days);
    const rest = await hr.client
      .from("payments")
      .insert({ sale_id: saleId, paid_on: "2026-04-05", amount: 400 })
      .select();
    expect(rest.error).toBeNull();
    const { data: paid } = await hr.client
      .from("sale_balances")
      .select("outstanding, days_outstanding")
      .eq("sale_id", saleId)
      .single();
    expect(paid).toEqual({ outstanding: 0, days_outstanding: 0 });
  });

  it("records who entered a sale, a payment or a plan line whatever the client sends, and keeps it on update", async () => {
    const someoneElse = (await createTestUser(["hr_admin"], { signIn: false })).id;
    const { customer_id: customerId } = await one<{ customer_id: string }>(
      "select customer_id from public.sales where id = $1",
      [saleId],
    );
    const entered = await hr.client
      .from("sales")
      .insert({
        customer_id: customerId,
        product_line_id: await productLine(),
        sale_date: "2026-03-11",
        amount: 10,
        created_by: someoneElse,
      } as never)
      .select("id, created_by")
      .single();
    expect(entered.error).toBeNull();
    expect(entered.data!.created_by).toBe(hr.id);
    const saleAgain = await hr.client
      .from("sales")
      .update({ created_by: someoneElse } as never)
      .eq("id", entered.data!.id)
      .select("created_by")
      .single();
    expect(saleAgain.data).toEqual({ created_by: hr.id });

    const paid = await hr.client
      .from("payments")
      .insert({ sale_id: entered.data!.id, paid_on: "2026-03-12", amount: 5, created_by: someoneElse } as never)
      .select("id, created_by")
      .single();
    expect(paid.error).toBeNull();
    expect(paid.data!.created_by).toBe(hr.id);
    const paidAgain = await hr.client
      .from("payments")
      .update({ created_by: someoneElse } as never)
      .eq("id", paid.data!.id)
      .select("created_by")
      .single();
    expect(paidAgain.data).toEqual({ created_by: hr.id });

    const month = new Date().toISOString().slice(0, 8) + "01";
    const planned = await hr.client
      .from("visit_plans")
      .insert({
        staff_id: sellerA,
        customer_id: customerId,
        month,
        planned_visits: 1,
        created_by: someoneElse,
      } as never)
      .select("id, created_by")
      .single();
    expect(planned.error).toBeNull();
    expect(planned.data!.created_by).toBe(hr.id);
    const plannedAgain = await hr.client
      .from("visit_plans")
      .update({ created_by: someoneElse } as never)
      .eq("id", planned.data!.id)
      .select("created_by")
      .single();
    expect(plannedAgain.data).toEqual({ created_by: hr.id });
  });
});

describe("history stays where it happened when a customer moves", () => {
  it("keeps past visits and sales with the old territory and owner; new ones go to the new", async () => {
    const north = await territory("HN");
    const south = await territory("HS");
    const oldOwner = await salesperson("History Old", north);
    const newOwner = await salesperson("History New", south);
    const c = await customer("HM-A", north, "vip");
    const pastVisit = await visit(c, oldOwner, "2026-01-10");
    const pastSale = await sale(c, "2026-01-20", "250.00");
    const hr = await createTestUser(["hr_admin"]);
    const { error } = await hr.client.from("customers").update({ territory_id: south }).eq("id", c).select().single();
    expect(error).toBeNull();
    expect(await one("select territory_id, owner_id from public.customers where id = $1", [c])).toEqual({
      territory_id: south,
      owner_id: newOwner,
    });
    expect(await one("select territory_id, owner_id from public.visits where id = $1", [pastVisit])).toEqual({
      territory_id: north,
      owner_id: oldOwner,
    });
    expect(await one("select territory_id, owner_id from public.sales where id = $1", [pastSale])).toEqual({
      territory_id: north,
      owner_id: oldOwner,
    });
    expect(await sql("select staff_id from public.sale_credits where sale_id = $1", [pastSale])).toEqual([
      { staff_id: oldOwner },
    ]);
    const { data: then } = await hr.client.rpc("customer_placement_as_of", { p_customer: c, p_on: "2026-01-15" });
    expect(then?.[0]).toMatchObject({ territory_id: north, owner_id: oldOwner });
    const { data: now } = await hr.client.rpc("customer_placement_as_of", { p_customer: c });
    expect(now?.[0]).toMatchObject({ territory_id: south, owner_id: newOwner, valid_to: null });
    const newSale = await sale(c, new Date().toISOString().slice(0, 10), "90.00");
    expect(await one("select territory_id, owner_id from public.sales where id = $1", [newSale])).toEqual({
      territory_id: south,
      owner_id: newOwner,
    });
  });
});

describe("the two customer definitions KPIs reuse", () => {
  it("counts a new customer by its first sale and customers by any sale in the period", async () => {
    const root = await territory("NC");
    const seller = await salesperson("Count Seller", root);
    const old = await customer("NC-A", root, "other");
    const fresh = await customer("NC-B", root, "other");
    const lateFresh = await customer("NC-C", root, "other");
    await sale(old, "2025-11-30", "10.00");
    await sale(old, "2026-02-01", "10.00");
    await sale(fresh, "2026-02-28", "10.00");
    await sale(fresh, "2026-03-01", "10.00");
    await sale(lateFresh, "2026-03-01", "10.00");
    const count = async (fn: string, from: string, to: string, staff: string | null = null) =>
      Number((await one<{ n: string }>(`select public.${fn}($1, $2, $3, $4) as n`, [from, to, staff, root])).n);
    expect(await count("new_customer_count", "2026-02-01", "2026-02-28")).toBe(1);
    expect(await count("new_customer_count", "2026-01-01", "2026-03-31")).toBe(2);
    expect(await count("new_customer_count", "2025-01-01", "2025-12-31")).toBe(1);
    expect(await count("customer_count", "2026-02-01", "2026-02-28")).toBe(2);
    expect(await count("customer_count", "2026-03-01", "2026-03-01")).toBe(2);
    expect(await count("customer_count", "2026-01-01", "2026-01-31")).toBe(0);
    expect(await count("customer_count", "2026-02-01", "2026-03-31", seller)).toBe(3);
    expect(await count("customer_count", "2026-02-01", "2026-03-31", randomUUID())).toBe(0);
  });
});

describe("a salesperson is kept to their own territory on every API path", () => {
  let me: TestUser;
  let mine: string;
  let theirs: string;
  let theirSale: string;
  let theirTerritory: string;
  let myStaff: string;
  let theirSeller: string;
  beforeAll(async () => {
    me = await createTestUser(["salesperson"]);
    const myTerritory = await territory("ST-ME");
    theirTerritory = await territory("ST-THEM");
    myStaff = await salesperson("Scope Me", myTerritory, me.id);
    theirSeller = await salesperson("Scope Them", theirTerritory);
    mine = await customer("ST-MINE", myTerritory, "vip", "2024-01-01");
    theirs = await customer("ST-THEIRS", theirTerritory, "vip", "2024-01-01");
    await visit(theirs, theirSeller, "2026-02-01");
    theirSale = await sale(theirs, "2026-02-02", "700.00");
    await sql("insert into public.customer_contacts (customer_id, name) values ($1, 'Their contact')", [theirs]);
    await sql("insert into public.payments (sale_id, paid_on, amount) values ($1, '2026-02-10', 100)", [theirSale]);
  });

  it("reads their own customers and nothing of another territory, table by table", async () => {
    const c = me.client;
    expect((await c.from("customers").select("id").in("id", [mine, theirs])).data).toEqual([{ id: mine }]);
    for (const [table, column] of [
      ["visits", "customer_id"],
      ["customer_contacts", "customer_id"],
      ["customer_placements", "customer_id"],
      ["sales", "customer_id"],
      ["sale_balances", "customer_id"],
    ] as const) {
      const { data, error } = await c
        .from(table as "visits")
        .select("*")
        .eq(column as "customer_id", theirs);
      expect(error, table).toBeNull();
      expect(data, table).toEqual([]);
    }
    for (const table of ["sale_credits", "payments"] as const) {
      expect((await c.from(table).select("*").eq("sale_id", theirSale)).data, table).toEqual([]);
    }
  });

  it("learns nothing of them through the functions", async () => {
    const c = me.client;
    expect((await c.rpc("customer_placement_as_of", { p_customer: theirs })).data).toEqual([]);
    const overdue = (await c.rpc("overdue_customers", {})).data ?? [];
    expect(overdue.map((r) => r.customer_id)).toContain(mine);
    expect(overdue.map((r) => r.customer_id)).not.toContain(theirs);
    const plan = (await c.rpc("visit_plan_vs_done", { p_from: "2026-02-01", p_to: "2026-02-28" })).data ?? [];
    expect(plan.map((r) => r.staff_id)).not.toContain(theirSeller);
    expect(
      Number((await c.rpc("customer_count", { p_from: "2026-02-01", p_to: "2026-02-28", p_staff: theirSeller })).data),
    ).toBe(0);
    const proposal = (await c.rpc("propose_retiering", { p_year: 2025 })).data ?? [];
    expect(proposal.map((r) => r.customer_id)).not.toContain(theirs);
    // What a customer owes: HR reads the 700.00 sale less the 100.00 paid; the salesperson, nothing.
    const hr = await createTestUser(["hr_admin"]);
    expect((await hr.client.rpc("customer_balance", { p_customer: theirs })).data).toEqual([
      { open_sales: 1, outstanding: 600, oldest_days: expect.any(Number) },
    ]);
    expect((await c.rpc("customer_balance", { p_customer: theirs })).data).toEqual([
      { open_sales: 0, outstanding: 0, oldest_days: 0 },
    ]);
  });

  it("cannot write another territory's customers, contacts, visits, plans, sales or payments", async () => {
    const c = me.client;
    const month = new Date().toISOString().slice(0, 8) + "01";
    expect((await c.from("customers").update({ address: "Hijacked" }).eq("id", theirs).select()).data).toEqual([]);
    expect((await c.from("customers").delete().eq("id", theirs).select()).data ?? []).toEqual([]);
    const created = await c
      .from("customers")
      .insert({ code: `ST-NEW-${tag}`, name: "Planted", tier_id: await tier("other"), territory_id: theirTerritory })
      .select();
    expect(created.error?.code).toBe("42501");
    // Moving one's own customer into another territory is refused too.
    expect(
      (await c.from("customers").update({ territory_id: theirTerritory }).eq("id", mine).select()).error?.code,
    ).toBe("42501");
    expect(
      (await c.from("customer_contacts").insert({ customer_id: theirs, name: "Planted" }).select()).error?.code,
    ).toBe("42501");
    expect((await c.from("visits").insert({ customer_id: theirs, purpose: "Poaching" }).select()).error?.code).toBe(
      "42501",
    );
    expect(
      (await c.from("visit_plans").insert({ customer_id: theirs, month, planned_visits: 2 }).select()).error?.code,
    ).toBe("42501");
    expect(
      (
        await c
          .from("sales")
          .insert({ customer_id: theirs, product_line_id: await productLine(), sale_date: "2026-02-03", amount: 1 })
          .select()
      ).error?.code,
    ).toBe("42501");
    expect((await c.from("payments").insert({ sale_id: theirSale, amount: 1 }).select()).error?.code).toBe("42501");
    const split = await c.rpc("set_sale_credits", {
      p_sale: theirSale,
      p_credits: [{ staff_id: myStaff, share_percent: 100 }],
    });
    expect(split.error?.code).toBe("42501");
    expect(await one("select address, territory_id from public.customers where id = $1", [theirs])).toEqual({
      address: "",
      territory_id: theirTerritory,
    });
    expect(await sql("select staff_id from public.sale_credits where sale_id = $1", [theirSale])).toEqual([
      { staff_id: theirSeller },
    ]);
    expect((await sql("select count(*)::int as n from public.visits where customer_id = $1", [theirs]))[0]).toEqual({
      n: 1,
    });
  });

  it("logs a visit to their own customer as themselves, snapshotting where it was", async () => {
    const { data, error } = await me.client
      .from("visits")
      .insert({ customer_id: mine, purpose: "Quarterly review" })
      .select("staff_id, territory_id, created_by")
      .single();
    expect(error).toBeNull();
    expect(data).toMatchObject({ staff_id: myStaff, created_by: me.id });
    // Naming someone else as the visitor is refused.
    const forged = await me.client
      .from("visits")
      .insert({ customer_id: mine, staff_id: theirSeller, purpose: "Forged" })
      .select();
    expect(forged.error?.code).toBe("42501");
    // Server-set columns are not taken from the client.
    const { data: snap } = await me.client
      .from("visits")
      .insert({ customer_id: mine, purpose: "Sneaky", territory_id: theirTerritory, created_by: theirSeller } as never)
      .select("territory_id, created_by")
      .single();
    expect(snap).toEqual({
      territory_id: (
        await one<{ territory_id: string }>("select territory_id from public.customers where id = $1", [mine])
      ).territory_id,
      created_by: me.id,
    });
  });
});
