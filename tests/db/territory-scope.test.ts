// The `territory` scope through PostgREST with a real manager's token: a manager of region
// A reads and edits staff, territories and assignments inside A's subtree and nothing in
// region B; being made responsible for B, or a territory moving into A, changes their
// reach on the very next request.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, serviceClient, type TestUser } from "../support/clients.ts";
import { closePools, sql, superuserPool } from "../support/sql.ts";

afterAll(closePools);

const admin = () => serviceClient();
const tag = randomUUID().slice(0, 6).toUpperCase();

async function one<R extends { data: unknown; error: { message: string } | null }>(
  promise: PromiseLike<R>,
): Promise<NonNullable<R["data"]>> {
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
    (
      await one(
        admin()
          .from("territories")
          .insert({ code: `${code}-${tag}`, name: code, parent_id: parent })
          .select("id")
          .single(),
      )
    ).id;
  const regionA = await territory("RA", null);
  const subA = await territory("RA-1", regionA);
  const areaA = await territory("RA-1-1", subA);
  const regionB = await territory("RB", null);
  const areaB = await territory("RB-1", regionB);
  const staff = async (name: string, pos: string, territoryId: string | null, userId?: string) =>
    (
      await one(
        admin()
          .from("staff")
          .insert({
            full_name: name,
            email: `${name.toLowerCase().replace(/\W/g, "")}-${tag}@scope.example.com`,
            position_id: await position(pos),
            territory_id: territoryId,
            user_id: userId ?? null,
          })
          .select("id")
          .single(),
      )
    ).id;
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
    const tree =
      (await c.from("territory_tree").select("id, code, manager_name, salesperson_name").in("id", ids)).data ?? [];
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
    const ok = await c
      .from("staff")
      .insert({
        full_name: "New In A",
        email: `new-a-${tag}@scope.example.com`,
        position_id: assistant,
        territory_id: w.subA,
      })
      .select("id");
    expect(ok.error).toBeNull();
    const refused = await c
      .from("staff")
      .insert({
        full_name: "New In B",
        email: `new-b-${tag}@scope.example.com`,
        position_id: assistant,
        territory_id: w.areaB,
      })
      .select("id");
    expect(refused.error?.code).toBe("42501");
    expect(await sql("select 1 from public.staff where email = $1", [`new-b-${tag}@scope.example.com`])).toEqual([]);
  });

  it("edits in A, but an update in B changes nothing", async () => {
    const c = w.manager.client;
    expect((await c.from("staff").update({ notes: "edited" }).eq("id", w.sellerA).select("id")).data).toHaveLength(1);
    expect((await c.from("staff").update({ notes: "hacked" }).eq("id", w.sellerB).select("id")).data).toEqual([]);
    expect((await sql<{ notes: string }>("select notes from public.staff where id = $1", [w.sellerB]))[0]!.notes).toBe(
      "",
    );
    expect(
      (await c.from("territories").update({ market_notes: "hacked" }).eq("id", w.regionB).select("id")).data,
    ).toEqual([]);
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
    expect(
      (
        await c
          .from("territories")
          .insert({ code: `RA-2-${tag}`, name: "A two", parent_id: w.regionA })
          .select("id")
      ).error,
    ).toBeNull();
    expect(
      (
        await c
          .from("territories")
          .insert({ code: `RB-2-${tag}`, name: "B two", parent_id: w.regionB })
          .select("id")
      ).error?.code,
    ).toBe("42501");
    const { data: sub } = await c.from("territories").select("version").eq("id", w.subA).single();
    const move = await c
      .from("territories")
      .update({ parent_id: w.regionB, version: sub!.version })
      .eq("id", w.subA)
      .select("id");
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
    await one(
      admin().from("territories").update({ manager_id: w.managerStaff }).eq("id", w.regionB).select("id").single(),
    );
    expect((await c.from("staff").select("id").eq("id", w.assistantB)).data).toHaveLength(1);
    expect((await c.from("territories").select("id").eq("id", w.areaB)).data).toHaveLength(1);
  });
});

describe("the stored responsibilities", () => {
  const live = `select me.user_id::text as user_id, array_agg(distinct t.id::text order by t.id::text) as ids
                  from public.staff me
                  join public.territories root on root.manager_id = me.id
                  join public.territories t on t.path operator(extensions.<@) root.path
                 where me.user_id is not null
                 group by me.user_id order by 1`;
  const stored = `select user_id::text as user_id, array(select x::text from unnest(territory_ids) x order by 1) as ids
                    from private.responsibilities order by 1`;

  it("always equal a live walk of the tree: after adding, moving, re-managing and removing territories and linking, unlinking and removing logins", async () => {
    const client = await superuserPool().connect();
    const check = async (step: string) =>
      expect((await client.query(stored)).rows, step).toEqual((await client.query(live)).rows);
    try {
      await client.query("begin");
      const lead = await createTestUser(["manager"], { signIn: false });
      const {
        rows: [root],
      } = await client.query<{ id: string }>(
        "insert into public.territories (code, name) values ($1, 'Cache root') returning id",
        [`CR-${tag}`],
      );
      const {
        rows: [child],
      } = await client.query<{ id: string }>(
        "insert into public.territories (code, name, parent_id) values ($1, 'Cache child', $2) returning id",
        [`CR-${tag}-1`, root!.id],
      );
      const {
        rows: [person],
      } = await client.query<{ id: string }>(
        "insert into public.staff (full_name, email, position_id, user_id) values ('Cache Lead', $1, $2, $3) returning id",
        [`cache-lead-${tag.toLowerCase()}@scope.example.com`, await position("regional_director"), lead.id],
      );
      await check("a login linked to a staff record that manages nothing");
      await client.query("update public.territories set manager_id = $1 where id = $2", [person!.id, root!.id]);
      await check("made manager of a root");
      const {
        rows: [leaf],
      } = await client.query<{ id: string }>(
        "insert into public.territories (code, name, parent_id) values ($1, 'Cache grandchild', $2) returning id",
        [`CR-${tag}-1-1`, child!.id],
      );
      await check("a territory added below");
      await client.query("update public.territories set parent_id = $1 where id = $2", [w.regionB, child!.id]);
      await check("a subtree moved out");
      await client.query("update public.territories set parent_id = $1 where id = $2", [root!.id, w.regionB]);
      await check("another region moved in");
      await client.query("update public.staff set user_id = null where id = $1", [person!.id]);
      await check("the login unlinked");
      await client.query("update public.staff set user_id = $1 where id = $2", [lead.id, person!.id]);
      await client.query("update public.territories set parent_id = null where id = $1", [w.regionB]);
      await client.query("update public.territories set parent_id = $1 where id = $2", [root!.id, child!.id]);
      await client.query("delete from public.territories where id = $1", [leaf!.id]);
      await check("linked again, B moved back, the child back under the root, its leaf removed");
      await client.query("update public.territories set manager_id = null where id = $1", [root!.id]);
      await client.query("delete from public.staff where id = $1", [person!.id]);
      await check("manager removed, staff record removed");
    } finally {
      await client.query("rollback");
      client.release();
    }
  });

  it("is rebuilt only by changes that can alter it: saving a name, or a manager unchanged, leaves it alone", async () => {
    const client = await superuserPool().connect();
    try {
      await client.query("begin");
      // Holding the rebuild lock: no other transaction bumps the generation while we look. The
      // audit trail's lock comes first, as every write takes them (an audited statement's audit
      // trigger runs before its responsibilities trigger): taken the other way round, another
      // file's audited write that then bumps the generation deadlocks with this one.
      await client.query("select pg_advisory_xact_lock(727274100001)");
      const generation = async () =>
        (
          await client.query<{ g: string }>(
            "select generation::text as g from private.responsibility_generation for update",
          )
        ).rows[0]!.g;
      const start = await generation();
      await client.query("update public.staff set full_name = full_name || ' ', user_id = user_id where id = $1", [
        w.managerStaff,
      ]);
      await client.query(
        "update public.territories set name = name || ' ', parent_id = parent_id, manager_id = manager_id where id = $1",
        [w.regionA],
      );
      await client.query("insert into public.staff (full_name, email, position_id) values ('No login', $1, $2)", [
        `nologin-${tag.toLowerCase()}@scope.example.com`,
        await position("sales_assistant"),
      ]);
      expect(await generation(), "no rebuild").toBe(start);
      await client.query("update public.territories set parent_id = $1 where id = $2", [w.regionA, w.areaB]);
      expect(await generation(), "a move rebuilds").not.toBe(start);
    } finally {
      await client.query("rollback");
      client.release();
    }
  });

  it("a rebuild waits for another's commit and then includes its change; under repeatable read it fails instead of using an old snapshot", async () => {
    const [first, second] = [await superuserPool().connect(), await superuserPool().connect()];
    try {
      const {
        rows: [a],
      } = await first.query<{ id: string }>(
        "insert into public.territories (code, name) values ($1, 'Race A') returning id",
        [`RC-A-${tag}`],
      );
      const {
        rows: [b],
      } = await first.query<{ id: string }>(
        "insert into public.territories (code, name) values ($1, 'Race B') returning id",
        [`RC-B-${tag}`],
      );
      // first makes the manager of region A responsible for A (uncommitted); second, at the
      // same time, for B: it must wait, then build on first's committed change.
      await first.query("begin");
      await first.query("update public.territories set manager_id = $1 where id = $2", [w.managerStaff, a!.id]);
      await second.query("begin");
      const pid = (await second.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
      const waiting = second.query("update public.territories set manager_id = $1 where id = $2", [
        w.managerStaff,
        b!.id,
      ]);
      // Commit only once second is seen waiting on first's lock.
      for (;;) {
        const [{ blocked }] = (await sql<{ blocked: boolean }>(
          "select cardinality(pg_blocking_pids($1)) > 0 as blocked",
          [pid],
        )) as [{ blocked: boolean }];
        if (blocked) break;
      }
      await first.query("commit");
      await waiting;
      await second.query("commit");
      const [{ ids }] = (await sql<{ ids: string[] }>(
        "select array(select x::text from unnest(private.responsible_territories($1)) x) as ids",
        [w.manager.id],
      )) as [{ ids: string[] }];
      expect(ids).toEqual(expect.arrayContaining([a!.id, b!.id, w.regionA]));

      // Repeatable read: second's snapshot predates first's change, so second is refused.
      await second.query("begin isolation level repeatable read");
      await second.query("select count(*) from public.territories");
      await first.query("update public.territories set manager_id = null where id = $1", [a!.id]);
      await expect(
        second.query("update public.territories set manager_id = null where id = $1", [b!.id]),
      ).rejects.toMatchObject({ code: "40001" });
      await second.query("rollback");
    } finally {
      await second.query("rollback").catch(() => undefined);
      await first.query("update public.territories set manager_id = null where code in ($1, $2)", [
        `RC-A-${tag}`,
        `RC-B-${tag}`,
      ]);
      first.release();
      second.release();
    }
  });
});
