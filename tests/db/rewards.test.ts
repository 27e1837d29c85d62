// Rewards: proposed by a manager in their subtree (or by an approved evaluation whose band
// proposes one), confirmed or declined by HR, read by the person; who proposed and decided,
// the territory and the status are the database's. Each rule both ways through PostgREST with
// real JWTs.
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
    `RW-${code}-${tag}`,
    manager,
  ]);
const person = (name: string, territoryId: string | null, userId: string | null, position = "salesperson") =>
  id(
    `insert into public.staff (full_name, email, position_id, territory_id, user_id, hire_date)
     values ($1, $2, (select id from public.positions where code = $5), $3, $4, '2020-01-01') returning id`,
    [name, `${name.toLowerCase().replace(/\W/g, "")}-${tag}@rewards.example.com`, territoryId, userId, position],
  );

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
  seller = await person("Rewarded Seller", region, sellerUser.id);
  outsider = await person("Away Seller", away, null);
}, 60_000);

const propose = (client: TestUser["client"], fields: Record<string, unknown>) =>
  client
    .from("rewards")
    .insert({ staff_id: seller, reason: "Best month of the region", ...fields } as never)
    .select("id, status, territory_id, proposed_by, version")
    .single();

describe("proposing a reward", () => {
  it("is done by a manager in their subtree, with territory and proposer set by the database", async () => {
    const { data, error } = await propose(manager.client, { kind: "praise" });
    expect(error).toBeNull();
    expect(data).toMatchObject({ status: "proposed", territory_id: region, proposed_by: manager.id });
  });

  it("is refused outside the manager's subtree, and to the person, the auditor and anyone forging its status", async () => {
    const { error: away } = await otherManager.client
      .from("rewards")
      .insert({ staff_id: seller, reason: "Not my region" } as never);
    expect(away?.code).toBe("42501");
    for (const client of [sellerUser.client, auditor.client]) {
      const { error } = await propose(client, {});
      expect(error?.code).toBe("42501");
    }
    const { error: forged } = await propose(hr.client, { status: "confirmed" });
    expect(forged?.code).toBe("42501");
    const { data: mine } = await otherManager.client
      .from("rewards")
      .insert({ staff_id: outsider, reason: "Good work away" } as never)
      .select("territory_id")
      .single();
    expect(mine).toBeTruthy();
  });

  it("needs an amount for a bonus and none for anything else, with a clear message", async () => {
    const { error: noAmount } = await propose(manager.client, { kind: "bonus" });
    expect(noAmount?.message).toBe("A bonus needs its amount.");
    const { error: praiseAmount } = await propose(manager.client, { kind: "praise", amount: 100 });
    expect(praiseAmount?.message).toBe("Only a bonus has an amount.");
    const { error } = await propose(manager.client, { kind: "bonus", amount: 250 });
    expect(error).toBeNull();
  });
});

describe("deciding a reward", () => {
  it("is confirmed by HR only (choosing a bonus and its amount), and is kept as decided", async () => {
    const { data: proposed } = await propose(manager.client, { kind: "praise" });
    const decide = (client: TestUser["client"], extra: Record<string, unknown> = {}) =>
      client.rpc("decide_reward", { p_reward: proposed!.id, p_version: proposed!.version, p_confirm: true, ...extra });
    expect((await decide(manager.client)).error?.message).toBe("You may not confirm or decline rewards here.");
    expect((await decide(auditor.client)).error?.message).toBe("You may not confirm or decline rewards here.");
    expect((await decide(sellerUser.client)).error?.message).toBe("You may not confirm or decline rewards here.");
    expect((await decide(otherManager.client)).error?.message).toBe("No reward with this id that you may read.");
    expect((await decide(hr.client, { p_kind: "bonus" })).error?.message).toBe("A bonus needs an amount above 0.");
    const { data, error } = await decide(hr.client, { p_kind: "bonus", p_amount: 500 });
    expect(error).toBeNull();
    expect(data).toMatchObject({ status: "confirmed", kind: "bonus", amount: 500, decided_by: hr.id });
    expect((await decide(hr.client)).error?.message).toBe("This reward is already confirmed.");
    const { error: edit } = await hr.client.from("rewards").update({ reason: "Changed later" }).eq("id", proposed!.id);
    expect(edit?.message).toBe("This reward is already confirmed; it no longer changes.");
    const { error: remove } = await hr.client.from("rewards").delete().eq("id", proposed!.id);
    expect(remove?.message).toBe("This reward is already confirmed; it is kept.");
  });

  it("is declined only with a note, and a stale version is a conflict", async () => {
    const { data: proposed } = await propose(manager.client, { kind: "announcement" });
    const { error: stale } = await hr.client.rpc("decide_reward", {
      p_reward: proposed!.id,
      p_version: proposed!.version + 1,
      p_confirm: false,
      p_note: "Too late",
    });
    expect(stale?.code).toBe("PT409");
    const { error: noNote } = await hr.client.rpc("decide_reward", {
      p_reward: proposed!.id,
      p_version: proposed!.version,
      p_confirm: false,
    });
    expect(noNote?.message).toBe("Say why the reward is declined (at least 3 characters).");
    const { data } = await hr.client.rpc("decide_reward", {
      p_reward: proposed!.id,
      p_version: proposed!.version,
      p_confirm: false,
      p_note: "Announced last month already",
    });
    expect(data).toMatchObject({ status: "declined", decision_note: "Announced last month already" });
  });
});

describe("reading rewards", () => {
  it("shows the person their own, the auditor and HR every one, a manager their subtree's", async () => {
    const { data: own } = await sellerUser.client.from("rewards").select("staff_id");
    expect(new Set((own ?? []).map((r) => r.staff_id))).toEqual(new Set([seller]));
    const { data: away } = await otherManager.client.from("rewards").select("staff_id").eq("staff_id", seller);
    expect(away).toEqual([]);
    for (const client of [hr.client, auditor.client, manager.client]) {
      const { data } = await client.from("rewards").select("id").eq("staff_id", seller);
      expect((data ?? []).length).toBeGreaterThan(0);
    }
  });
});
