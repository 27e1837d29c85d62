// The impact of a matrix change and the matrix history, through PostgREST with real JWTs.
// Serial (its own Vitest project): reverting restores the whole matrix, so nothing else may
// change it meanwhile.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, serviceClient, type TestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";
import type { CellImpact } from "../../src/resources/role_permissions/queries.ts";

afterAll(closePools);

const admin = () => serviceClient();
const tag = randomUUID().slice(0, 6).toUpperCase();
let hr: TestUser;
let role: string;
const people: { user: TestUser; territory: string; staffInside: number }[] = [];

async function one<R extends { data: unknown; error: { message: string } | null }>(
  promise: PromiseLike<R>,
): Promise<NonNullable<R["data"]>> {
  const { data, error } = await promise;
  if (error || data === null || data === undefined) throw new Error(error?.message ?? "no data");
  return data as NonNullable<R["data"]>;
}

beforeAll(async () => {
  hr = await createTestUser(["hr_admin"]);
  role = `imp_${tag.toLowerCase()}`;
  await one(
    admin()
      .from("app_roles")
      .insert({ code: role, label_en: `Impact ${tag}`, label_es: `Impacto ${tag}`, label_zh: `影响 ${tag}` })
      .select("code"),
  );
  const position = (await one(admin().from("positions").select("id").eq("code", "sales_assistant").single())).id;
  // Two people holding the role, each responsible for a region of their own with some staff.
  for (const [i, size] of [
    [1, 3],
    [2, 5],
  ] as const) {
    const user = await createTestUser([role]);
    const region = (
      await one(
        admin()
          .from("territories")
          .insert({ code: `IM${i}-${tag}`, name: `Impact region ${i}` })
          .select("id")
          .single(),
      )
    ).id;
    const me = (
      await one(
        admin()
          .from("staff")
          .insert({
            full_name: user.fullName,
            email: user.email,
            position_id: position,
            territory_id: region,
            user_id: user.id,
          })
          .select("id")
          .single(),
      )
    ).id;
    await one(admin().from("territories").update({ manager_id: me }).eq("id", region).select("id"));
    for (let k = 0; k < size; k++) {
      await one(
        admin()
          .from("staff")
          .insert({
            full_name: `Impact ${i}.${k}`,
            email: `imp-${i}-${k}-${tag.toLowerCase()}@impact.example.com`,
            position_id: position,
            territory_id: region,
          })
          .select("id"),
      );
    }
    people.push({ user, territory: region, staffInside: size + 1 });
  }
}, 60_000);

const cell = (resource: string, action: string, expected: string | null, scope: string | null) => ({
  role_code: role,
  resource,
  action,
  expected_scope: expected,
  scope,
});

describe("the impact of a matrix change", () => {
  it("counts who gains an action and on how many rows, and the people get exactly that after saving", async () => {
    const changes = [cell("staff", "read", null, "territory")];
    const impact = (await one(
      hr.client.rpc("matrix_change_impact", { p_changes: changes }),
    )) as unknown as CellImpact[];
    expect(impact).toHaveLength(1);
    expect(impact[0]).toMatchObject({
      role_code: role,
      resource: "staff",
      action: "read",
      people_gaining: 2,
      people_losing: 0,
      rows_before: 0,
    });
    expect(impact[0]!.rows_after).toBe(people.reduce((n, p) => n + p.staffInside, 0));
    // Nothing was saved by asking.
    expect(await sql("select 1 from public.role_permissions where role_code = $1", [role])).toEqual([]);

    const saved = await hr.client.rpc("save_permission_matrix", {
      p_changes: changes,
      p_reason: "Impact test: staff in their regions",
    });
    expect(saved.error).toBeNull();
    for (const p of people) {
      const predicted = impact[0]!.people.find((x) => x.user_id === p.user.id)!;
      const { count } = await p.user.client.from("staff").select("id", { count: "exact", head: true });
      expect(count, p.user.email).toBe(predicted.rows_after);
      expect(count).toBe(p.staffInside);
    }
  });

  it("counts who loses an action", async () => {
    const changes = [cell("staff", "read", "territory", null)];
    const impact = (await one(
      hr.client.rpc("matrix_change_impact", { p_changes: changes }),
    )) as unknown as CellImpact[];
    expect(impact[0]).toMatchObject({ people_gaining: 0, people_losing: 2, rows_after: 0 });
  });

  it("refuses anyone who may not edit the matrix, and reports a stale cell as a conflict", async () => {
    const manager = await createTestUser(["manager"]);
    expect((await manager.client.rpc("matrix_change_impact", { p_changes: [] })).error?.code).toBe("42501");
    const stale = await hr.client.rpc("matrix_change_impact", { p_changes: [cell("staff", "read", null, "all")] });
    expect(stale.error?.code).toBe("PT409");
  });
});

describe("matrix history", () => {
  it("every save is a numbered version with author and reason; a reason is required", async () => {
    const missing = await hr.client.rpc("save_permission_matrix", {
      p_changes: [cell("positions", "read", null, "all")],
      p_reason: "  ",
    });
    expect(missing.error?.details).toBe("reason_required");
    const saved = await one(
      hr.client.rpc("save_permission_matrix", {
        p_changes: [cell("positions", "read", null, "all")],
        p_reason: "Let them read positions",
      }),
    );
    expect(saved).toMatchObject({ author_id: hr.id, reason: "Let them read positions", is_default: false });
    const diff = await one(hr.client.rpc("matrix_version_diff", { p_from: saved.id - 1, p_to: saved.id }));
    expect(diff).toEqual([
      { role_code: role, resource: "positions", action: "read", from_scope: null, to_scope: "all" },
    ]);
    const audit = await sql<{ new_row: { reason: string } }>(
      "select new_row from public.audit_log where table_name = 'matrix_versions' and record_id = $1",
      [String(saved.id)],
    );
    expect(audit[0]!.new_row.reason).toBe("Let them read positions");
  });

  it("the first version is the seeded defaults, and the diff against it shows every change since", async () => {
    const defaults = await one(hr.client.from("matrix_versions").select("id").eq("is_default", true).single());
    const diff = await one(hr.client.rpc("matrix_version_diff", { p_from: defaults.id }));
    expect(diff.some((d) => d.role_code === role && d.resource === "positions" && d.to_scope === "all")).toBe(true);
  });

  it("reverting to an earlier version restores exactly its rights, as a new version", async () => {
    const before = await one(
      hr.client.from("matrix_versions").select("id, cells").order("id", { ascending: false }).limit(1).single(),
    );
    const person = people[0]!;
    const rightsBefore = await one(person.user.client.rpc("my_permissions"));

    await one(
      hr.client.rpc("save_permission_matrix", {
        p_changes: [
          cell("staff", "update", null, "territory"),
          cell("territories", "read", null, "territory"),
          cell("positions", "read", "all", null),
        ],
        p_reason: "Temporary widening",
      }),
    );
    expect(await one(person.user.client.rpc("my_permissions"))).not.toEqual(rightsBefore);

    const preview = await one(hr.client.rpc("matrix_revert_changes", { p_version: before.id }));
    expect(preview).toHaveLength(3);
    const reverted = await one(
      hr.client.rpc("revert_permission_matrix", { p_version: before.id, p_reason: "Undo the widening" }),
    );
    expect(reverted.id).toBeGreaterThan(before.id);
    expect(reverted.cells).toEqual(before.cells);
    expect(await one(person.user.client.rpc("my_permissions"))).toEqual(rightsBefore);
    expect(await one(hr.client.rpc("matrix_version_diff", { p_from: before.id }))).toEqual([]);
  });

  it("auditors read the history and cannot revert", async () => {
    const auditor = await createTestUser(["auditor"]);
    const rows = await one(auditor.client.from("matrix_versions").select("id").limit(1));
    expect(rows).toHaveLength(1);
    const { error } = await auditor.client.rpc("revert_permission_matrix", { p_version: 1, p_reason: "No" });
    expect(error?.code).toBe("42501");
  });
});
