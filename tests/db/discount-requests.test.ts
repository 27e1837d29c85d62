// Discount authority and requests: a salesperson asks for a discount for a customer in their
// territory; it is approved only by someone in scope whose position's authority covers it and
// who is not the requester (a large one passes up the chain), or refused with a reason; a
// decided request is kept. Each rule both ways through PostgREST with real JWTs.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, serviceClient, type TestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

const tag = randomUUID().slice(0, 6).toUpperCase();

async function id(text: string, params: unknown[] = []): Promise<string> {
  const [row] = await sql<{ id: string }>(text, params);
  if (!row) throw new Error(`no row: ${text}`);
  return row.id;
}
const territory = (code: string, parent: string | null = null) =>
  id("insert into public.territories (code, name, parent_id) values ($1, $1, $2) returning id", [
    `DR-${code}-${tag}`,
    parent,
  ]);
const person = (name: string, territoryId: string | null, userId: string | null, position: string) =>
  id(
    `insert into public.staff (full_name, email, position_id, territory_id, user_id, hire_date)
     values ($1, $2, (select id from public.positions where code = $5), $3, $4, '2020-01-01') returning id`,
    [name, `${name.toLowerCase().replace(/\W/g, "")}-${tag}@discounts.example.com`, territoryId, userId, position],
  );
const customerIn = (territoryId: string) =>
  id(
    `insert into public.customers (code, name, tier_id, territory_id)
     values ($1, 'Discount customer', (select id from public.customer_tiers order by sort_order limit 1), $2) returning id`,
    [`DR-${randomUUID().slice(0, 8).toUpperCase()}`, territoryId],
  );

let area: string;
let customer: string;
let awayCustomer: string;
let seller: string;
let sellerUser: TestUser;
let manager: TestUser;
let director: TestUser;
let otherManager: TestUser;
let hr: TestUser;
let auditor: TestUser;

beforeAll(async () => {
  [sellerUser, manager, director, otherManager, hr, auditor] = await Promise.all([
    createTestUser(["salesperson"]),
    createTestUser(["manager"]),
    createTestUser(["manager"]),
    createTestUser(["manager"]),
    createTestUser(["hr_admin"]),
    createTestUser(["auditor"]),
  ]);
  // The director (up to 25%) above the region's manager (a regional director: up to 15%).
  const top = await territory("TOP");
  const region = await territory("REGION", top);
  area = await territory("AREA", region);
  const managerStaff = await person("Discount Manager", region, manager.id, "regional_director");
  const directorStaff = await person("Discount Director", top, director.id, "sales_director");
  await sql("update public.territories set manager_id = $1 where id = $2", [directorStaff, top]);
  await sql("update public.territories set manager_id = $1 where id = $2", [managerStaff, region]);
  const away = await territory("AWAY");
  await sql("update public.territories set manager_id = $1 where id = $2", [
    await person("Away Manager", away, otherManager.id, "regional_director"),
    away,
  ]);
  seller = await person("Discount Seller", area, sellerUser.id, "salesperson");
  await person("Discount HR", null, hr.id, "general_manager");
  customer = await customerIn(area);
  awayCustomer = await customerIn(away);
}, 60_000);

type Request = {
  id: string;
  version: number;
  status: string;
  requested_by: string;
  territory_id: string;
  decided_by: string | null;
  decision_note: string;
};

const ask = (client: TestUser["client"], fields: Record<string, unknown> = {}) =>
  client
    .from("discount_requests")
    .insert({
      customer_id: customer,
      list_price: 10000,
      discount_percent: 8,
      reason: "Matching a competitor",
      ...fields,
    } as never)
    .select("*")
    .single<Request>();
async function asked(percent: number): Promise<Request> {
  const { data, error } = await ask(sellerUser.client, { discount_percent: percent });
  if (error || !data) throw new Error(error?.message ?? "not asked");
  return data;
}
const decide = (client: TestUser["client"], r: Request, approve: boolean, note = "") =>
  client
    .rpc("decide_discount_request", { p_request: r.id, p_version: r.version, p_approve: approve, p_note: note })
    .single<Request>();
const staffOf = async (user: TestUser) => id("select id from public.staff where user_id = $1", [user.id]);

describe("asking for a discount", () => {
  it("is the salesperson's own, for a customer in their territory, pending, with the requester set by the database", async () => {
    const request = await asked(8);
    expect(request).toMatchObject({ status: "pending", requested_by: seller, territory_id: area });
    expect((await ask(sellerUser.client, { customer_id: awayCustomer })).error?.code).toBe("42501");
    expect((await ask(sellerUser.client, { status: "approved" })).error?.code).toBe("42501");
    expect((await ask(sellerUser.client, { requested_by: await staffOf(manager) })).error?.code).toBe("42501");
    for (const client of [manager.client, auditor.client]) expect((await ask(client)).error?.code).toBe("42501");
    const { error: noReason } = await ask(sellerUser.client, { reason: " " });
    expect(noReason?.code).toBe("23514");
    const { error: tooMuch } = await ask(sellerUser.client, { discount_percent: 120 });
    expect(tooMuch?.code).toBe("23514");
  });

  it("is read by the requester, the managers above and the auditor, and by nobody else", async () => {
    const request = await asked(3);
    for (const client of [sellerUser.client, manager.client, director.client, hr.client, auditor.client]) {
      const { data } = await client.from("discount_requests").select("id").eq("id", request.id);
      expect(data).toHaveLength(1);
    }
    expect((await otherManager.client.from("discount_requests").select("id").eq("id", request.id)).data).toEqual([]);
    const other = await person(
      `Other Seller ${randomUUID().slice(0, 4)}`,
      await territory(`O${randomUUID().slice(0, 4).toUpperCase()}`, area),
      null,
      "sales_assistant",
    );
    const { data: theirs, error } = await serviceClient()
      .from("discount_requests")
      .insert({
        customer_id: customer,
        list_price: 100,
        discount_percent: 2,
        reason: "Someone else's",
        requested_by: other,
      } as never)
      .select("id")
      .single();
    expect(error).toBeNull();
    expect((await sellerUser.client.from("discount_requests").select("id").eq("id", theirs!.id)).data).toEqual([]);
  });
});

describe("deciding a discount", () => {
  it("is approved within the approver's authority; above it, it passes to someone above", async () => {
    const small = await asked(8);
    const { data: approved, error } = await decide(manager.client, small, true);
    expect(error).toBeNull();
    expect(approved).toMatchObject({ status: "approved", decided_by: await staffOf(manager) });

    const large = await asked(20);
    const { error: beyond } = await decide(manager.client, large, true);
    expect(beyond?.message).toBe(
      "Your position may grant up to 15%; this request asks 20%: it passes to someone above.",
    );
    expect((await decide(director.client, large, true)).data?.status).toBe("approved");
  });

  it("is refused for the requester, outside the scope, for the person and the auditor, and without a reason", async () => {
    const request = await asked(5);
    expect((await decide(sellerUser.client, request, true)).error?.code).toBe("42501");
    expect((await decide(auditor.client, request, true)).error?.code).toBe("42501");
    expect((await decide(otherManager.client, request, true)).error?.code).toBe("PT404");
    const { error: noReason } = await decide(manager.client, request, false, " ");
    expect(noReason?.message).toBe("Say why the request is refused (at least 3 characters).");
    const { data: refused } = await decide(manager.client, request, false, "Price already at the floor");
    expect(refused).toMatchObject({ status: "refused", decision_note: "Price already at the floor" });

    // HR (a general manager, up to 30%) may not approve their own request.
    const { data: own } = await serviceClient()
      .from("discount_requests")
      .insert({
        customer_id: customer,
        list_price: 100,
        discount_percent: 2,
        reason: "Mine",
        requested_by: await staffOf(hr),
      } as never)
      .select("*")
      .single<Request>();
    expect((await decide(hr.client, own!, true)).error?.message).toBe(
      "You asked for this discount: someone else decides it.",
    );
    expect((await decide(hr.client, { ...own!, version: own!.version + 5 }, true)).error?.code).toBe("PT409");
  });

  it("keeps a decided request; a pending one is changed or withdrawn by its requester only", async () => {
    const decided = await asked(4);
    await decide(manager.client, decided, true);
    const { error: changed } = await sellerUser.client
      .from("discount_requests")
      .update({ reason: "Changed later" } as never)
      .eq("id", decided.id)
      .select("id")
      .single();
    expect(changed?.message).toBe("This request is already approved; it no longer changes.");
    await sellerUser.client.from("discount_requests").delete().eq("id", decided.id);
    expect(await sql("select 1 from public.discount_requests where id = $1", [decided.id])).toHaveLength(1);

    const pending = await asked(6);
    const { data: byManager } = await manager.client
      .from("discount_requests")
      .update({ reason: "Manager's words" } as never)
      .eq("id", pending.id)
      .select("id");
    expect(byManager ?? []).toEqual([]);
    const { data: edited } = await sellerUser.client
      .from("discount_requests")
      .update({ discount_percent: 7, version: pending.version } as never)
      .eq("id", pending.id)
      .select("discount_percent")
      .single();
    expect(edited).toEqual({ discount_percent: 7 });
    await sellerUser.client.from("discount_requests").delete().eq("id", pending.id);
    expect(await sql("select 1 from public.discount_requests where id = $1", [pending.id])).toHaveLength(0);
  });

  it("tells each person the discount they may grant on their own", async () => {
    expect((await manager.client.rpc("my_discount_authority")).data).toBe(15);
    expect((await director.client.rpc("my_discount_authority")).data).toBe(25);
    expect((await sellerUser.client.rpc("my_discount_authority")).data).toBe(0);
  });
});
