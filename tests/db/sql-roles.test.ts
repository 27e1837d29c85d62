// SQL run as each API role with request.jwt.claims set, the way PostgREST runs it.
import { afterAll, describe, expect, it } from "vitest";
import { asRole, closePools } from "../support/sql.ts";

afterAll(closePools);

const hr = "00000000-0000-4000-a000-000000000001";
const sales = "00000000-0000-4000-a000-000000000004";

describe("auth helpers as Supabase defines them", () => {
  it("auth.uid(), auth.role() and auth.jwt() read request.jwt.claims", async () => {
    const row = await asRole({ sub: hr, role: "authenticated", email: "hr@example.com" }, async (c) => {
      const { rows } = await c.query(
        "select auth.uid() as uid, auth.role() as role, auth.email() as email, auth.jwt() ->> 'sub' as sub",
      );
      return rows[0];
    });
    expect(row).toEqual({ uid: hr, role: "authenticated", email: "hr@example.com", sub: hr });
  });

  it("anon gets a null auth.uid() and no rows from any table", async () => {
    await asRole({ role: "anon" }, async (c) => {
      const { rows } = await c.query("select auth.uid() as uid");
      expect(rows[0].uid).toBeNull();
      await expect(c.query("select * from public.profiles")).rejects.toMatchObject({ code: "42501" });
    });
  });
});

describe("RLS as each role", () => {
  it("a salesperson reads only their own profile", async () => {
    const ids = await asRole({ sub: sales, role: "authenticated" }, async (c) =>
      (await c.query("select id from public.profiles")).rows.map((r) => r.id),
    );
    expect(ids).toEqual([sales]);
  });

  it("HR reads every profile", async () => {
    const count = await asRole({ sub: hr, role: "authenticated" }, async (c) =>
      Number((await c.query("select count(*) from public.profiles")).rows[0].count),
    );
    expect(count).toBeGreaterThanOrEqual(4);
  });

  it("the service role bypasses RLS", async () => {
    const count = await asRole({ role: "service_role" }, async (c) =>
      Number((await c.query("select count(*) from public.profiles")).rows[0].count),
    );
    expect(count).toBeGreaterThanOrEqual(4);
  });

  it("nobody signed in as authenticated can read auth.users", async () => {
    await asRole({ sub: hr, role: "authenticated" }, async (c) => {
      await expect(c.query("select * from auth.users")).rejects.toMatchObject({ code: "42501" });
    });
  });
});
