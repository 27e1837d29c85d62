// The generated matrix walk: for every table in public, every role (and anon) tries every
// action through PostgREST with a real signed-in JWT. What the matrix grants succeeds;
// everything else is refused and changes nothing. Expectations come from the matrix rows
// themselves (read with the service role), not from the database's own helper.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, appRoles, createTestUser, serviceClient, type Client, type TestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";
import { tableFixtures, type TableAction, type TableFixture } from "./fixtures/tables.ts";

type Scope = "own" | "territory" | "all";
const rank: Record<Scope, number> = { own: 1, territory: 2, all: 3 };
const actionsToTry: TableAction[] = ["read", "create", "update", "delete"];

let matrix: { role_code: string; resource: string; action: string; scope: Scope }[] = [];
let writeActions = new Set<string>();
const actors = new Map<string, TestUser>();

beforeAll(async () => {
  const { data, error } = await serviceClient().from("role_permissions").select("role_code, resource, action, scope");
  if (error) throw error;
  matrix = data as typeof matrix;
  const { data: actions } = await serviceClient().from("permission_actions").select("code, is_write");
  writeActions = new Set((actions ?? []).filter((a) => a.is_write).map((a) => a.code));
  for (const role of appRoles) actors.set(role, await createTestUser([role]));
}, 60_000);
const arranged: { fixture: TableFixture; key: string }[] = [];
afterAll(async () => {
  for (const { fixture, key } of arranged) await fixture.cleanup?.(key);
  await closePools();
});

/** The widest scope the matrix gives `role` on resource x action, after "auditors never write". */
function expectedScope(role: string, fixture: TableFixture, action: TableAction): Scope | null {
  if (fixture.resource === null) return action === "read" ? "all" : null;
  const matrixAction = fixture.actions?.[action] ?? action;
  if (role === "auditor" && writeActions.has(matrixAction)) return null;
  const scopes = matrix
    .filter((m) => m.role_code === role && m.resource === fixture.resource && m.action === matrixAction)
    .map((m) => m.scope);
  return scopes.sort((a, b) => rank[b] - rank[a])[0] ?? null;
}

async function rowExists(fixture: TableFixture, key: string): Promise<Record<string, unknown> | undefined> {
  const rows = await sql(`select * from public.${fixture.table} where ${fixture.key}::text = $1 limit 1`, [key]);
  return rows[0];
}

async function attempt(client: Client, fixture: TableFixture, action: TableAction, key: string, actor?: TestUser) {
  const table = client.from(fixture.table as "app_roles");
  switch (action) {
    case "read":
      return table.select("*").eq(fixture.key as "code", key);
    case "create":
      return table.insert((await fixture.createPayload(actor!)) as never).select("*");
    case "update":
      return table
        .update(fixture.patch as never)
        .eq(fixture.key as "code", key)
        .select("*");
    case "delete":
      return table
        .delete()
        .eq(fixture.key as "code", key)
        .select("*");
  }
}

describe("every table in public is covered by the walk", () => {
  it("has a fixture for each table", async () => {
    const tables = (
      await sql<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public' order by 1")
    ).map((r) => r.tablename);
    expect(tables.filter((t) => !tableFixtures.some((f) => f.table === t))).toEqual([]);
  });
});

for (const fixture of tableFixtures) {
  describe(`${fixture.table}`, () => {
    for (const role of [...appRoles, "anon"] as const) {
      for (const action of actionsToTry) {
        if (action === "read" && fixture.customRead && role !== "anon") continue;
        it(`${role} ${action} on someone else's row follows the matrix`, async () => {
          const actor = role === "anon" ? undefined : actors.get(role)!;
          const client = actor ? actor.client : anonClient();
          const scope = role === "anon" ? null : expectedScope(role, fixture, action);
          const allowed = scope === "all" && !fixture.refused?.includes(action);
          const key = action === "create" ? "" : await fixture.arrange();
          if (key) arranged.push({ fixture, key });
          const before = action === "create" ? undefined : await rowExists(fixture, key);
          const { data, error } = await attempt(client, fixture, action, key, actor ?? ({ id: "" } as TestUser));
          if (allowed) {
            expect(error, `${role} ${action} ${fixture.table}: ${error?.message}`).toBeNull();
            expect((data ?? []).length, `${role} ${action} ${fixture.table} returned no row`).toBeGreaterThan(0);
            return;
          }
          // Refused: an error, or no row (RLS filtered it) ...
          if (!error) expect(data ?? [], `${role} ${action} ${fixture.table} should be refused`).toEqual([]);
          // ... and nothing changed.
          if (action !== "create" && action !== "read") expect(await rowExists(fixture, key)).toEqual(before);
        });
      }
      if (fixture.own && role !== "anon") {
        for (const action of ["read", "update"] as const) {
          it(`${role} ${action} on their own row follows the matrix`, async () => {
            const actor = actors.get(role)!;
            const key = await fixture.own!(actor);
            const scope = expectedScope(role, fixture, action);
            const allowed = (scope === "all" || scope === "own") && !fixture.refused?.includes(action);
            const before = await rowExists(fixture, key);
            // A harmless own update: write back the current value, so the actor keeps their rights.
            const patch =
              action === "update" ? Object.fromEntries(Object.keys(fixture.patch).map((k) => [k, before?.[k]])) : {};
            const table = actor.client.from(fixture.table as "profiles");
            const { data, error } =
              action === "read"
                ? await table.select("*").eq(fixture.key as "id", key)
                : await table
                    .update(patch as never)
                    .eq(fixture.key as "id", key)
                    .select("*");
            if (allowed && action === "update" && fixture.ownUpdateInvariant) {
              expect(error?.details, "the invariant refuses it whatever the matrix says").toBe(
                fixture.ownUpdateInvariant,
              );
            } else if (allowed) {
              expect(error, error?.message).toBeNull();
              expect((data ?? []).length).toBe(1);
            } else {
              if (!error) expect(data ?? []).toEqual([]);
            }
          });
        }
      }
    }
  });
}
