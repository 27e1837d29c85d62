// Violations: recorded as a draft under the rule's version in force on the day, with the
// sanction its ladder proposes for the person's live repeats; the person adds a statement
// before it is decided; a manager in the subtree confirms (a lighter level only with a reason,
// never a heavier one), dismisses with a reason, or closes it. Each rule both ways through
// PostgREST with real JWTs.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type TestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

const tag = randomUUID().slice(0, 6).toUpperCase();

async function id(text: string, params: unknown[] = []): Promise<string> {
  const [row] = await sql<{ id: string }>(text, params);
  if (!row) throw new Error(`no row: ${text}`);
  return row.id;
}
const territory = (code: string, manager: string) =>
  id("insert into public.territories (code, name, manager_id) values ($1, $1, $2) returning id", [
    `VI-${code}-${tag}`,
    manager,
  ]);
const person = (name: string, territoryId: string | null, userId: string | null, position = "salesperson") =>
  id(
    `insert into public.staff (full_name, email, position_id, territory_id, user_id, hire_date)
     values ($1, $2, (select id from public.positions where code = $5), $3, $4, '2020-01-01') returning id`,
    [name, `${name.toLowerCase().replace(/\W/g, "")}-${tag}@violations.example.com`, territoryId, userId, position],
  );

/** A rule with two published versions: v1 from 2025-01-01 (warning, then a 50 fine, each live
 * 12 months, then referral), v2 from 2026-01-01 (a written warning live 6 months, then dismissal). */
async function ruleWithLadders(code: string): Promise<string> {
  const category = await id("select id from public.regulation_categories order by code limit 1");
  const rule = await id(
    "insert into public.regulations (code, category_id, effective_date) values ($1, $2, '2025-01-01') returning id",
    [`${code}-${tag}`, category],
  );
  const level = (order: number, kind: string, live: number, fine: number | null = null) => ({
    level_order: order,
    kind,
    fine_amount: fine,
    live_months: live,
    note_en: "",
    note_es: "",
    note_zh: "",
    inherited: false,
  });
  const version = (n: number, from: string, ladder: unknown[]) =>
    sql(
      `insert into public.regulation_versions (regulation_id, version_number, title_en, category_id, sanctions, effective_date)
       values ($1, $2, $3, $4, $5, $6)`,
      [rule, n, `Rule ${code} v${n}`, category, JSON.stringify(ladder), from],
    );
  await version(1, "2025-01-01", [level(1, "verbal_warning", 12), level(2, "fine", 12, 50), level(3, "referral", 12)]);
  await version(2, "2026-01-01", [level(1, "written_warning", 6), level(2, "dismissal", 12)]);
  return rule;
}

let region: string;
let seller: string;
let outsider: string;
let sellerUser: TestUser;
let manager: TestUser;
let otherManager: TestUser;
let hr: TestUser;
let auditor: TestUser;

beforeAll(async () => {
  [sellerUser, manager, otherManager, hr, auditor] = await Promise.all([
    createTestUser(["salesperson"]),
    createTestUser(["manager"]),
    createTestUser(["manager"]),
    createTestUser(["hr_admin"]),
    createTestUser(["auditor"]),
  ]);
  region = await territory("REGION", await person("Region Boss", null, manager.id, "regional_director"));
  const away = await territory("AWAY", await person("Away Boss", null, otherManager.id, "regional_director"));
  seller = await person("Violating Seller", region, sellerUser.id);
  outsider = await person("Away Seller", away, null);
}, 60_000);

type Violation = {
  id: string;
  status: string;
  version: number;
  version_number: number;
  repeat_count: number;
  proposed_level: number | null;
  level_order: number | null;
  sanction_kind: string | null;
  fine_amount: number | null;
  live_until: string | null;
  territory_id: string;
  recorded_by: string;
};

async function record(client: TestUser["client"], fields: Record<string, unknown>) {
  return client
    .from("violations")
    .insert({ staff_id: seller, description: "Gave a 10% discount without permission", ...fields } as never)
    .select("*")
    .single<Violation>();
}

async function recorded(rule: string, on: string): Promise<Violation> {
  const { data, error } = await record(manager.client, { regulation_id: rule, occurred_on: on });
  if (error || !data) throw new Error(error?.message ?? "nothing recorded");
  return data;
}

const decide = (client: TestUser["client"], v: Violation, decision: string, level?: number, reason?: string) =>
  client
    .rpc("decide_violation", {
      p_violation: v.id,
      p_version: v.version,
      p_decision: decision,
      ...(level !== undefined ? { p_level: level } : {}),
      ...(reason !== undefined ? { p_reason: reason } : {}),
    })
    .single<Violation>();

describe("recording a violation", () => {
  it("takes the version in force on the day, the person's territory and the recorder from the database", async () => {
    const rule = await ruleWithLadders("VER");
    const before = await recorded(rule, "2025-12-31");
    expect(before).toMatchObject({
      status: "draft",
      version_number: 1,
      repeat_count: 0,
      proposed_level: 1,
      territory_id: region,
      recorded_by: manager.id,
    });
    const after = await recorded(rule, "2026-01-01");
    expect(after.version_number).toBe(2);
    const { error } = await record(manager.client, { regulation_id: rule, occurred_on: "2024-12-31" });
    expect(error?.message).toBe("No version of this rule was in force on 2024-12-31.");
  });

  it("is refused outside the manager's subtree, to the person and the auditor, and when it forges its status", async () => {
    const rule = await ruleWithLadders("SCOPE");
    const { error: away } = await record(otherManager.client, { regulation_id: rule, occurred_on: "2025-06-01" });
    expect(away?.code).toBe("42501");
    for (const client of [sellerUser.client, auditor.client]) {
      const { error } = await record(client, { regulation_id: rule, occurred_on: "2025-06-01" });
      expect(error?.code).toBe("42501");
    }
    const { error: forged } = await record(hr.client, {
      regulation_id: rule,
      occurred_on: "2025-06-01",
      status: "confirmed",
    });
    expect(forged?.code).toBe("42501");
    const { error: outside } = await manager.client
      .from("violations")
      .insert({ staff_id: outsider, regulation_id: rule, occurred_on: "2025-06-01", description: "Not mine" } as never);
    expect(outside?.code).toBe("42501");
  });
});

describe("the ladder", () => {
  it("proposes the next level for each live repeat, and the first again once the earlier ones expired", async () => {
    const rule = await ruleWithLadders("LADDER");
    const first = await recorded(rule, "2025-02-10");
    const { data: one, error } = await decide(manager.client, first, "confirm");
    expect(error).toBeNull();
    expect(one).toMatchObject({
      status: "confirmed",
      level_order: 1,
      sanction_kind: "verbal_warning",
      live_until: "2026-02-10",
    });

    const second = await recorded(rule, "2025-03-01");
    expect(second).toMatchObject({ repeat_count: 1, proposed_level: 2 });
    const { data: two } = await decide(manager.client, second, "confirm");
    expect(two).toMatchObject({ level_order: 2, sanction_kind: "fine", fine_amount: 50 });

    const third = await recorded(rule, "2025-04-01");
    expect(third).toMatchObject({ repeat_count: 2, proposed_level: 3 });
    // Beyond the ladder's end, its last level.
    expect((await decide(manager.client, third, "confirm")).data?.sanction_kind).toBe("referral");
    const fourth = await recorded(rule, "2025-05-01");
    expect(fourth).toMatchObject({ repeat_count: 3, proposed_level: 3 });

    // On the last day the first one is live it still counts; the day after it does not.
    const lastLiveDay = await recorded(rule, "2026-02-09");
    expect(lastLiveDay.version_number).toBe(2);
    expect(lastLiveDay.repeat_count).toBe(3);
    const expired = await recorded(rule, "2026-02-10");
    expect(expired.repeat_count).toBe(2);
    const allExpired = await recorded(rule, "2026-04-01");
    expect(allExpired).toMatchObject({ repeat_count: 0, proposed_level: 1 });
  });

  it("a draft or dismissed violation is not a repeat", async () => {
    const rule = await ruleWithLadders("DRAFT");
    const draft = await recorded(rule, "2025-02-01");
    const dismissed = await recorded(rule, "2025-02-02");
    expect(dismissed.repeat_count).toBe(0);
    const { data, error } = await decide(
      manager.client,
      dismissed,
      "dismiss",
      undefined,
      "Customer confirmed the price",
    );
    expect(error).toBeNull();
    expect(data?.status).toBe("dismissed");
    expect((await recorded(rule, "2025-02-03")).repeat_count).toBe(0);
    expect(draft.status).toBe("draft");
  });

  it("takes a lighter level only with a reason, and never a heavier one", async () => {
    const rule = await ruleWithLadders("LIGHT");
    await decide(manager.client, await recorded(rule, "2025-02-01"), "confirm");
    const repeat = await recorded(rule, "2025-02-15");
    const { error: heavier } = await decide(manager.client, repeat, "confirm", 3);
    expect(heavier?.message).toBe("The ladder proposes level 2 for repeat 2; a heavier level is not allowed.");
    const { error: noReason } = await decide(manager.client, repeat, "confirm", 1);
    expect(noReason?.message).toBe("A level lighter than the proposed 2 needs a reason (at least 3 characters).");
    const { data, error } = await decide(manager.client, repeat, "confirm", 1, "First month in the job");
    expect(error).toBeNull();
    expect(data).toMatchObject({ level_order: 1, sanction_kind: "verbal_warning", proposed_level: 2 });
  });
});

describe("deciding and the person's statement", () => {
  it("the person adds a statement to a draft only; nobody else does", async () => {
    const rule = await ruleWithLadders("STATE");
    const v = await recorded(rule, "2025-06-01");
    const { error: notTheirs } = await manager.client.rpc("add_violation_statement", {
      p_violation: v.id,
      p_version: v.version,
      p_statement: "I did not",
    });
    expect(notTheirs?.message).toBe("Only the person concerned adds a statement.");
    const { data, error } = await sellerUser.client
      .rpc("add_violation_statement", {
        p_violation: v.id,
        p_version: v.version,
        p_statement: "The manager agreed by phone",
      })
      .single<Violation & { statement: string }>();
    expect(error).toBeNull();
    expect(data?.statement).toBe("The manager agreed by phone");
    const { data: confirmed } = await decide(manager.client, data!, "confirm");
    const { error: late } = await sellerUser.client.rpc("add_violation_statement", {
      p_violation: v.id,
      p_version: confirmed!.version,
      p_statement: "Too late?",
    });
    expect(late?.message).toBe("This violation is already confirmed: a statement is added before it is decided.");
  });

  it("is decided by a manager in scope who is not the person, at the version they saw", async () => {
    const rule = await ruleWithLadders("DECIDE");
    const v = await recorded(rule, "2025-06-01");
    for (const client of [otherManager.client, auditor.client]) {
      const { error } = await decide(client, v, "confirm");
      expect(error).not.toBeNull();
      expect(["PT404", "42501"]).toContain(error?.code);
    }
    const { error: seller } = await decide(sellerUser.client, v, "confirm");
    expect(seller?.code).toBe("42501");
    const { error: stale } = await decide(manager.client, { ...v, version: v.version + 5 }, "confirm");
    expect(stale?.message).toMatch(/changed by someone else/);
    const { error: noReason } = await decide(manager.client, v, "dismiss");
    expect(noReason?.message).toBe("Say why the violation is dismissed (at least 3 characters).");
    const { data: confirmed } = await decide(hr.client, v, "confirm");
    const { error: again } = await decide(manager.client, confirmed!, "dismiss", undefined, "Changed my mind");
    expect(again?.message).toBe("This violation is already confirmed.");
    const { data: closed, error } = await decide(manager.client, confirmed!, "close");
    expect(error).toBeNull();
    expect(closed?.status).toBe("closed");
  });

  it("keeps a decided violation as it is, and lets the person and the auditor read it", async () => {
    const rule = await ruleWithLadders("KEEP");
    const v = await recorded(rule, "2025-06-01");
    const { data: confirmed } = await decide(manager.client, v, "confirm");
    const { error: edit } = await manager.client
      .from("violations")
      .update({ description: "Rewritten afterwards" } as never)
      .eq("id", v.id);
    expect(edit?.message).toBe("This violation is already confirmed; it no longer changes.");
    const { error: remove } = await hr.client.from("violations").delete().eq("id", v.id);
    expect(remove?.message).toBe("This violation is already confirmed; it is kept.");
    for (const client of [sellerUser.client, auditor.client, hr.client]) {
      const { data } = await client.from("violations").select("id, status").eq("id", v.id);
      expect(data).toEqual([{ id: v.id, status: "confirmed" }]);
    }
    const { data: hidden } = await otherManager.client.from("violations").select("id").eq("id", v.id);
    expect(hidden).toEqual([]);
    expect(confirmed?.status).toBe("confirmed");
  });
});
