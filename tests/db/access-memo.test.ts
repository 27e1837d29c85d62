// The caller's grants are memoised per transaction: a later statement in the same
// transaction still sees a change to roles, the matrix or territories made by an earlier one.
import { afterAll, describe, expect, it } from "vitest";
import { asRole, closePools } from "../support/sql.ts";

afterAll(closePools);

const manager = "00000000-0000-4000-a000-000000000002";
const claims = { sub: manager, role: "authenticated" as const };

describe("memoised grants", () => {
  it("are computed once: repeated calls in a statement agree with the computation", async () => {
    await asRole(claims, async (db) => {
      const { rows } = await db.query<{ same: boolean }>(
        "select (private.access('staff', 'read'))::text = (private.compute_access('staff', 'read'))::text as same from generate_series(1, 3)",
      );
      expect(rows.every((r) => r.same)).toBe(true);
    });
  });

  it("follow a role removed earlier in the same transaction", async () => {
    await asRole(claims, async (db) => {
      const before = await db.query<{ n: number }>("select count(*)::int as n from public.staff");
      expect(before.rows[0]!.n).toBeGreaterThan(0);
      // (As the table owner: the manager may not change roles; the memo must still notice.)
      await db.query("reset role");
      await db.query("delete from public.user_roles where user_id = $1", [manager]);
      await db.query("set local role authenticated");
      const after = await db.query<{ n: number }>("select count(*)::int as n from public.staff");
      // No role left: no matrix cell, so no staff at all.
      expect(after.rows[0]!.n).toBe(0);
    });
  });

  it("follow a territory handed to someone else earlier in the same transaction", async () => {
    await asRole(claims, async (db) => {
      const before = await db.query<{ n: number }>("select count(*)::int as n from public.territories");
      await db.query("reset role");
      await db.query("update public.territories set manager_id = null where code = 'NOR'");
      await db.query("set local role authenticated");
      const after = await db.query<{ n: number }>("select count(*)::int as n from public.territories");
      expect(after.rows[0]!.n).toBeLessThan(before.rows[0]!.n);
    });
  });
});
