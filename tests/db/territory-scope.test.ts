// The `territory` scope through PostgREST with a real manager's token: a manager of region
// A reads and edits staff, territories and assignments inside A's subtree and nothing in
// region B; being made responsible for B, or a territory moving into A, changes their
// reach on the very next request.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, serviceClient, type TestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

const admin = () => serviceClient();
const tag = randomUUID().slice(0, 6).toUpperCase();

async function one<R extends { data: unknown; error: { message: string } | null }>(promise: PromiseLike<R>): Promise<NonNullable<R["data"]>> {
  const { data, error } = await promise;
  if (error || data === null || data === undefined) throw new Error(error?.message ?? "no row");
  return data as NonNullable<R["data"]>;
}

async function position(code: string): Promise<string> {
  return (await one(admin().from("positions").select("id").eq("code", code).single())).id;
}

interface World {
  manager: TestUser;
  managerStaff: string;
  regionA: string;
  areaA: string;
  subA: string;
  regionB: string;
  areaB: string;
  sellerA: string;
  sellerB: string;
  assistantB: string;
}
let w: World;

beforeAll(async () => {
  const manager = await createTestUser(["manager"]);
  const territory = async (code: string, parent: string | null) =>
    (await one(admin().from("territories").insert({ code: `${code}-${tag}`, name: code, parent_id: parent }).select("id").single())).id;
  const regionA = await territory("RA", null);
  const subA = await territory("RA-1", regionA);
  const areaA = await territory("RA-1-1", subA);
  const regionB = await territory("RB", null);
  const areaB = await territory("RB-1", regionB);
  const staff = async (name: string, pos: string, territoryId: string | null, userId?: string) =>
    (await one(admin().from("staff").insert({ full_name: name, email: `${name.toLowerCase().replace(/\W/g, "")}-${tag}@scope.example.com`, position_id: await position(pos), territory_id: territoryId, user_id: userId ?? null }).select("id").single())).id;
  const managerStaff = await staff("Manager A", "regional_director", regionA, manager.id);
  await one(admin().from("territories").update({ manager_id: managerStaff }).eq("id", regionA).select("id").single());
  w = {
    manager,
    managerStaff,
    regionA,
    subA,
    areaA,
    regionB,
    areaB,
    sellerA: await staff("Seller A", "salesperson", areaA),
    sellerB: await staff("Seller B", "salesperson", areaB),
    assistantB: await staff("Assistant B", "sales_assistant", regionB),
  };
}, 60_000);

describe("a manager of region A", () => {
  it("reads staff, territories and assignments inside A", async () => {
    const c = w.manager.client;
    expect((await c.from("staff").select("id").eq("id", w.sellerA)).data).toHaveLength(1);
    const territories = (await c.from("territories").select("id").in("id", [w.regionA, w.subA, w.areaA])).data ?? [];
    expect(territories).toHaveLength(3);
    expect((await c.from("territory_assignments").select("id").eq("staff_id", w.sellerA)).data).toHaveLength(1);
  });

  it("cannot read anything in region B", async () => {
    const c = w.manager.client;
    expect((await c.from("staff").select("id").in("id", [w.sellerB, w.assistantB])).data).toEqual([]);
    expect((await c.from("territories").select("id").in("id", [w.regionB, w.areaB])).data).toEqual([]);
    expect((await c.from("territory_assignments").select("id").eq("staff_id", w.sellerB)).data).toEqual([]);
  });

  it("sees in the territory tree view exactly the territories they may read, with A's manager and salesperson by name, and nothing of B", async () => {
    const c = w.manager.client;
    const ids = [w.regionA, w.subA, w.areaA, w.regionB, w.areaB];
    const tree = (await c.from("territory_tree").select("id, code, manager_name, salesperson_name").in("id", ids)).data ?? [];
    const readable = (await c.from("territories").select("id").in("id", ids)).data ?? [];
    expect(tree.map((r) => r.id).sort()).toEqual(readable.map((r) => r.id).sort());
    expect(tree.map((r) => r.id).sort()).toEqual([w.regionA, w.subA, w.areaA].sort());
    expect(tree.find((r) => r.id === w.regionA)?.manager_name).toBe("Manager A");
    expect(tree.find((r) => r.id === w.areaA)?.salesperson_name).toBe("Seller A");
    // With every row in reach (here the service role), B is there too, with its salesperson.
    const all = (await admin().from("territory_tree").select("id, salesperson_name").eq("id", w.areaB)).data ?? [];
    expect(all).toEqual([{ id: w.areaB, salesperson_name: "Seller B" }]);
  });

  it("adds a person to A, but not to B", async () => {
    const c = w.manager.client;
    const assistant = await position("sales_assistant");
    const ok = await c.from("staff").insert({ full_name: "New In A", email: `new-a-${tag}@scope.example.com`, position_id: assistant, territory_id: w.subA }).select("id");
    expect(ok.error).toBeNull();
    const refused = await c.from("staff").insert({ full_name: "New In B", email: `new-b-${tag}@scope.example.com`, position_id: assistant, territory_id: w.areaB }).select("id");
    expect(refused.error?.code).toBe("42501");
    expect(await sql("select 1 from public.staff where email = $1", [`new-b-${tag}@scope.example.com`])).toEqual([]);
  });

  it("edits in A, but an update in B changes nothing", async () => {
    const c = w.manager.client;
    expect((await c.from("staff").update({ notes: "edited" }).eq("id", w.sellerA).select("id")).data).toHaveLength(1);
    expect((await c.from("staff").update({ notes: "hacked" }).eq("id", w.sellerB).select("id")).data).toEqual([]);
    expect((await sql<{ notes: string }>("select notes from public.staff where id = $1", [w.sellerB]))[0]!.notes).toBe("");
    expect((await c.from("territories").update({ market_notes: "hacked" }).eq("id", w.regionB).select("id")).data).toEqual([]);
  });

  it("cannot move a person out of A into B", async () => {
    const c = w.manager.client;
    const moved = await c.from("staff").update({ territory_id: w.regionB }).eq("id", w.assistantB).select("id");
    expect(moved.data ?? []).toEqual([]);
    const out = await c.rpc("assign_territory", { p_staff: w.sellerA, p_territory: w.areaB, p_reason: "try" });
    expect(out.error?.code).toBe("42501");
  });

  it("cannot hard-delete staff, in A or B", async () => {
    const c = w.manager.client;
    expect((await c.from("staff").delete().eq("id", w.sellerA).select("id")).data ?? []).toEqual([]);
    expect(await sql("select 1 from public.staff where id = $1", [w.sellerA])).toHaveLength(1);
  });

  it("adds a territory below A but not below B, and cannot move one of A's under B", async () => {
    const c = w.manager.client;
    expect((await c.from("territories").insert({ code: `RA-2-${tag}`, name: "A two", parent_id: w.regionA }).select("id")).error).toBeNull();
    expect((await c.from("territories").insert({ code: `RB-2-${tag}`, name: "B two", parent_id: w.regionB }).select("id")).error?.code).toBe("42501");
    const { data: sub } = await c.from("territories").select("version").eq("id", w.subA).single();
    const move = await c.from("territories").update({ parent_id: w.regionB, version: sub!.version }).eq("id", w.subA).select("id");
    expect(move.error?.details).toBe("outside_scope");
  });

  it("gains a territory's people on the next request when it moves into A", async () => {
    const c = w.manager.client;
    expect((await c.from("staff").select("id").eq("id", w.sellerB)).data).toEqual([]);
    await one(admin().from("territories").update({ parent_id: w.subA }).eq("id", w.areaB).select("id").single());
    expect((await c.from("staff").select("id").eq("id", w.sellerB)).data).toHaveLength(1);
    await one(admin().from("territories").update({ parent_id: w.regionB }).eq("id", w.areaB).select("id").single());
    expect((await c.from("staff").select("id").eq("id", w.sellerB)).data).toEqual([]);
  });

  it("gains region B on the next request after being made responsible for it", async () => {
    const c = w.manager.client;
    expect((await c.from("staff").select("id").eq("id", w.assistantB)).data).toEqual([]);
    await one(admin().from("territories").update({ manager_id: w.managerStaff }).eq("id", w.regionB).select("id").single());
    expect((await c.from("staff").select("id").eq("id", w.assistantB)).data).toHaveLength(1);
    expect((await c.from("territories").select("id").eq("id", w.areaB)).data).toHaveLength(1);
  });
});
