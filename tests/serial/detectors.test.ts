// In the serial project: it binds and switches the shared detectors, and runs them over everyone.
// Detectors that run: a sale's discount above its granter's authority with no approved request
// covering it, a visit or credited sale outside the person's territory that day (both found as
// they are written), and a visit overdue past the grace days (found by the nightly run). Each
// finding becomes one draft violation of the bound rule, never two for the same event, recorded
// by no one; a check switched off finds nothing; only those who may change the detectors run
// them. Through PostgREST with real JWTs.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type TestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";

const tag = randomUUID().slice(0, 6).toUpperCase();
const codes = ["discount_above_authority", "outside_territory", "overdue_visit"] as const;

async function id(text: string, params: unknown[] = []): Promise<string> {
  const [row] = await sql<{ id: string }>(text, params);
  if (!row) throw new Error(`no row: ${text}`);
  return row.id;
}
const territory = (code: string, parent: string | null, manager: string | null = null) =>
  id("insert into public.territories (code, name, parent_id, manager_id) values ($1, $1, $2, $3) returning id", [
    `DT-${code}-${tag}`,
    parent,
    manager,
  ]);
const person = (name: string, territoryId: string | null, userId: string | null, position: string) =>
  id(
    `insert into public.staff (full_name, email, position_id, territory_id, user_id, hire_date)
     values ($1, $2, (select id from public.positions where code = $5), $3, $4, '2020-01-01') returning id`,
    [name, `${name.toLowerCase().replace(/\W/g, "")}-${tag}@detectors.example.com`, territoryId, userId, position],
  );
/** A customer of a territory's owner whose visit fell due `dueDaysAgo` days ago (never visited). */
const customer = (territoryId: string, owner: string, dueDaysAgo = -100) =>
  id(
    `insert into public.customers (code, name, tier_id, tier_since, status, territory_id, owner_id)
     select $1, 'Detected customer', t.id, current_date - t.visit_interval_days - $4::integer, 'active', $2, $3
       from public.customer_tiers t where t.visit_interval_days is not null order by t.sort_order limit 1
     returning id`,
    [`DT-${randomUUID().slice(0, 8).toUpperCase()}`, territoryId, owner, dueDaysAgo],
  );

let manager: TestUser;
let hr: TestUser;
let auditor: TestUser;
let sellerUser: TestUser;
let region: string;
let boss: string;
let seller: string;
let neighbour: string;
let mine: string;
let theirs: string;
const rules: Record<string, string> = {};
let before: { code: string; regulation_id: string | null; enabled: boolean; grace_days: number }[] = [];

type Found = { id: string; staff_id: string; detected_by: string; recorded_by: string | null; customer_id: string };
const findings = (column: "sale_id" | "visit_id" | "customer_id", value: string, code: string) =>
  sql<Found>(
    `select id, staff_id, detected_by, recorded_by, customer_id from public.violations
      where ${column} = $1 and detected_by = $2`,
    [value, code],
  );
async function sale(customerId: string, discount: number, grantedBy: string | null) {
  const { data, error } = await manager.client
    .from("sales")
    .insert({
      customer_id: customerId,
      product_line_id: await id("select id from public.product_lines order by code limit 1"),
      sale_date: new Date().toISOString().slice(0, 10),
      amount: 1000,
      discount_percent: discount,
      discount_granted_by: grantedBy,
    })
    .select("id, version")
    .single<{ id: string; version: number }>();
  if (error) throw error;
  return data;
}
async function visit(customerId: string, staffId: string) {
  const { data, error } = await manager.client
    .from("visits")
    .insert({ customer_id: customerId, staff_id: staffId, purpose: "Detected visit" })
    .select("id")
    .single<{ id: string }>();
  if (error) throw error;
  return data.id;
}

beforeAll(async () => {
  [manager, hr, auditor, sellerUser] = await Promise.all([
    createTestUser(["manager"]),
    createTestUser(["hr_admin"]),
    createTestUser(["auditor"]),
    createTestUser(["salesperson"]),
  ]);
  // A regional manager (up to 10% on their own) over two areas, a salesperson in each.
  region = await territory("REGION", null);
  boss = await person("Detector Boss", region, manager.id, "regional_manager");
  await sql("update public.territories set manager_id = $1 where id = $2", [boss, region]);
  const areaA = await territory("A", region);
  const areaB = await territory("B", region);
  seller = await person("Detected Seller", areaA, sellerUser.id, "salesperson");
  neighbour = await person("Neighbour Seller", areaB, null, "salesperson");
  mine = await customer(areaA, seller);
  theirs = await customer(areaB, neighbour);
  // A one-level rule per check; the demo's bindings are put back after.
  const category = await id("select id from public.regulation_categories order by code limit 1");
  for (const code of codes) {
    rules[code] = await id(
      "insert into public.regulations (code, category_id, effective_date) values ($1, $2, '2025-01-01') returning id",
      [`DT-${code.slice(0, 4).toUpperCase()}-${tag}`, category],
    );
    await sql(
      `insert into public.regulation_versions (regulation_id, version_number, title_en, category_id, sanctions, effective_date)
       values ($1, 1, $2, $3, $4, '2025-01-01')`,
      [
        rules[code],
        code,
        category,
        JSON.stringify([
          {
            level_order: 1,
            kind: "verbal_warning",
            fine_amount: null,
            live_months: 12,
            note_en: "",
            note_es: "",
            note_zh: "",
            inherited: false,
          },
        ]),
      ],
    );
  }
  before = await sql("select code, regulation_id, enabled, grace_days from public.detectors where code = any($1)", [
    [...codes],
  ]);
  for (const code of codes)
    await sql("update public.detectors set regulation_id = $1, enabled = true, grace_days = $2 where code = $3", [
      rules[code],
      code === "overdue_visit" ? 7 : 0,
      code,
    ]);
}, 60_000);

afterAll(async () => {
  for (const b of before)
    await sql("update public.detectors set regulation_id = $1, enabled = $2, grace_days = $3 where code = $4", [
      b.regulation_id,
      b.enabled,
      b.grace_days,
      b.code,
    ]);
  await closePools();
});

describe("a discount above authority", () => {
  it("is found once as the sale is written, for the person who granted it, recorded by no one", async () => {
    const s = await sale(mine, 12, seller);
    const found = await findings("sale_id", s.id, "discount_above_authority");
    expect(found).toEqual([expect.objectContaining({ staff_id: seller, recorded_by: null, customer_id: mine })]);
    const [row] = await sql<{ status: string; regulation_id: string; version_number: number; description: string }>(
      "select status, regulation_id, version_number, description from public.violations where id = $1",
      [found[0]!.id],
    );
    expect(row).toMatchObject({ status: "draft", regulation_id: rules.discount_above_authority, version_number: 1 });
    expect(row?.description).toContain("12%");
    // Written again: still one.
    const { error } = await manager.client.from("sales").update({ quantity: 2, version: s.version }).eq("id", s.id);
    expect(error).toBeNull();
    expect(await findings("sale_id", s.id, "discount_above_authority")).toHaveLength(1);
  });

  it("is not found within the granter's authority, nor when an approved request covers it", async () => {
    expect(await findings("sale_id", (await sale(mine, 10, boss)).id, "discount_above_authority")).toEqual([]);
    const request = await id(
      `insert into public.discount_requests (customer_id, requested_by, list_price, discount_percent, reason)
       values ($1, $2, 1000, 10, 'Covered by the boss') returning id`,
      [mine, seller],
    );
    const { error } = await manager.client.rpc("decide_discount_request", {
      p_request: request,
      p_version: 1,
      p_approve: true,
      p_note: "",
    });
    expect(error).toBeNull();
    expect(await findings("sale_id", (await sale(mine, 10, seller)).id, "discount_above_authority")).toEqual([]);
    // Above what the request covers: found.
    expect(await findings("sale_id", (await sale(mine, 11, seller)).id, "discount_above_authority")).toHaveLength(1);
  });

  it("links the customer's latest request that was not approved as its evidence", async () => {
    const pending = await id(
      `insert into public.discount_requests (customer_id, requested_by, list_price, discount_percent, reason)
       values ($1, $2, 1000, 20, 'Still waiting') returning id`,
      [mine, seller],
    );
    const s = await sale(mine, 20, seller);
    const [found] = await sql<{ discount_request_id: string | null }>(
      "select discount_request_id from public.violations where sale_id = $1 and detected_by = 'discount_above_authority'",
      [s.id],
    );
    expect(found?.discount_request_id).toBe(pending);
  });

  it("is not found while the check is switched off", async () => {
    const [d] = await sql<{ version: number }>(
      "select version from public.detectors where code = 'discount_above_authority'",
    );
    const off = await hr.client
      .from("detectors")
      .update({ enabled: false, version: d!.version })
      .eq("code", "discount_above_authority")
      .select("code");
    expect(off.data).toHaveLength(1);
    try {
      expect(await findings("sale_id", (await sale(mine, 20, seller)).id, "discount_above_authority")).toEqual([]);
    } finally {
      await sql("update public.detectors set enabled = true where code = 'discount_above_authority'");
    }
  });
});

describe("work outside the territory", () => {
  it("finds a visit to another area's customer once, and none inside the person's territory or subtree", async () => {
    const away = await visit(theirs, seller);
    expect(await findings("visit_id", away, "outside_territory")).toEqual([
      expect.objectContaining({ staff_id: seller, recorded_by: null, customer_id: theirs }),
    ]);
    expect(await findings("visit_id", await visit(mine, seller), "outside_territory")).toEqual([]);
    // The regional manager's territory holds both areas.
    expect(await findings("visit_id", await visit(theirs, boss), "outside_territory")).toEqual([]);
  });

  it("finds each person credited with a sale outside their territory, once", async () => {
    const s = await sale(theirs, 0, null);
    expect(await findings("sale_id", s.id, "outside_territory")).toEqual([]);
    const credit = (shares: [string, number][]) =>
      manager.client.rpc("set_sale_credits", {
        p_sale: s.id,
        p_credits: shares.map(([staff_id, share_percent]) => ({ staff_id, share_percent })),
      });
    expect(
      (
        await credit([
          [neighbour, 50],
          [seller, 50],
        ])
      ).error,
    ).toBeNull();
    expect(
      (
        await credit([
          [neighbour, 40],
          [seller, 60],
        ])
      ).error,
    ).toBeNull();
    expect(await findings("sale_id", s.id, "outside_territory")).toEqual([
      expect.objectContaining({ staff_id: seller, customer_id: theirs }),
    ]);
  });
});

describe("the nightly run", () => {
  it("finds a visit overdue past the grace days once, and one still within them not at all", async () => {
    const overdue = await customer(
      (await sql<{ territory_id: string }>("select territory_id from public.staff where id = $1", [seller]))[0]!
        .territory_id,
      seller,
      8,
    );
    const withinGrace = await customer(
      (await sql<{ territory_id: string }>("select territory_id from public.staff where id = $1", [seller]))[0]!
        .territory_id,
      seller,
      7,
    );
    const { data, error } = await hr.client.rpc("run_detectors", { p_days: 31 });
    expect(error).toBeNull();
    expect(data?.map((r: { code: string }) => r.code)).toEqual([...codes]);
    expect(await findings("customer_id", overdue, "overdue_visit")).toEqual([
      expect.objectContaining({ staff_id: seller, recorded_by: null }),
    ]);
    expect(await findings("customer_id", withinGrace, "overdue_visit")).toEqual([]);
    // Run again: nothing new for the same due date.
    const again = await hr.client.rpc("run_detectors", { p_days: 31 });
    expect(again.error).toBeNull();
    expect(await findings("customer_id", overdue, "overdue_visit")).toHaveLength(1);
    const [noted] = await sql<{ last_run_at: string | null }>(
      "select last_run_at from public.detectors where code = 'overdue_visit'",
    );
    expect(noted?.last_run_at).not.toBeNull();
  });

  it("is started only by those who may change the detectors", async () => {
    for (const user of [manager, auditor, sellerUser]) {
      const { error, status } = await user.client.rpc("run_detectors", { p_days: 31 });
      expect(status).toBe(403);
      expect(error?.message).toBe("Only people who may change the detectors may run them.");
    }
    const wrong = await hr.client.rpc("run_detectors", { p_days: 0 });
    expect(wrong.status).toBe(400);
    expect(wrong.error?.message).toBe("Run the checks over 1 to 3,660 days.");
  });
});

describe("who sees a detected violation", () => {
  it("is the person, their manager and the auditor; the settings are changed by HR only", async () => {
    const [found] = await findings("customer_id", theirs, "outside_territory");
    for (const user of [sellerUser, manager, auditor]) {
      const { data } = await user.client.from("violations").select("id").eq("id", found!.id);
      expect(data).toHaveLength(1);
    }
    const [d] = await sql<{ version: number }>("select version from public.detectors where code = 'overdue_visit'");
    for (const user of [manager, auditor, sellerUser]) {
      const { data } = await user.client
        .from("detectors")
        .update({ grace_days: 1, version: d!.version })
        .eq("code", "overdue_visit")
        .select("code");
      expect(data ?? []).toEqual([]);
    }
    const bad = await hr.client
      .from("detectors")
      .update({ grace_days: 400, version: d!.version })
      .eq("code", "overdue_visit");
    expect(bad.status).toBe(400);
  });
});
