// A person's scopes are worked out once per request (private.my_scopes keeps them for the
// transaction). What is kept must never outlive what it was worked out from: a change to the
// person's roles, the matrix, the login's active flag or the write actions made earlier in the
// same transaction is seen by the next check, and another person in the same transaction gets
// their own answer.
import { afterAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { createTestUser } from "../support/clients.ts";
import { asRole, closePools } from "../support/sql.ts";

afterAll(closePools);

async function myScopes(client: pg.PoolClient, resource: string, action: string): Promise<string> {
  const { rows } = await client.query<{ s: string }>("select private.my_scopes($1, $2)::text as s", [resource, action]);
  return rows[0]!.s;
}

/** Runs `change` as the database owner in the middle of the person's transaction. */
async function meanwhile(client: pg.PoolClient, change: string, params: unknown[]): Promise<void> {
  await client.query("reset role");
  await client.query(change, params);
  await client.query("set local role authenticated");
}

describe("scopes kept for a request follow every change made in it", () => {
  it("losing a role in the same transaction takes its scopes away at the next check, on the table too", async () => {
    const person = await createTestUser(["hr_admin"]);
    await asRole({ role: "authenticated", sub: person.id }, async (client) => {
      expect(await myScopes(client, "staff", "read")).toBe("{all}");
      expect(await myScopes(client, "staff", "read")).toBe("{all}");
      await meanwhile(client, "delete from public.user_roles where user_id = $1", [person.id]);
      expect(await myScopes(client, "staff", "read")).toBe("{}");
      const { rows } = await client.query("select id from public.staff limit 1");
      expect(rows).toEqual([]);
    });
  });

  it("a matrix change in the same transaction applies to the next check", async () => {
    const person = await createTestUser(["auditor"]);
    await asRole({ role: "authenticated", sub: person.id }, async (client) => {
      expect(await myScopes(client, "customers", "read")).toBe("{all}");
      await meanwhile(
        client,
        "delete from public.role_permissions where role_code = 'auditor' and resource = 'customers' and action = 'read'",
        [],
      );
      expect(await myScopes(client, "customers", "read")).toBe("{}");
    });
  });

  it("a login deactivated in the same transaction has no scopes at the next check", async () => {
    const person = await createTestUser(["hr_admin"]);
    await asRole({ role: "authenticated", sub: person.id }, async (client) => {
      expect(await myScopes(client, "customers", "update")).toBe("{all}");
      await meanwhile(client, "update public.profiles set is_active = false where id = $1", [person.id]);
      expect(await myScopes(client, "customers", "update")).toBe("{}");
    });
  });

  it("another person's claims in the same transaction get that person's scopes, not the first one's", async () => {
    const hr = await createTestUser(["hr_admin"]);
    const nobody = await createTestUser([]);
    await asRole({ role: "authenticated", sub: hr.id }, async (client) => {
      expect(await myScopes(client, "staff", "delete")).toBe("{all}");
      await client.query("select set_config('request.jwt.claims', $1, true)", [
        JSON.stringify({ role: "authenticated", sub: nobody.id }),
      ]);
      expect(await myScopes(client, "staff", "delete")).toBe("{}");
    });
  });

  it("a preview token of the same person does not reuse the person's own write scopes", async () => {
    const hr = await createTestUser(["hr_admin"]);
    await asRole({ role: "authenticated", sub: hr.id }, async (client) => {
      expect(await myScopes(client, "staff", "update")).toBe("{all}");
      await client.query("select set_config('request.jwt.claims', $1, true)", [
        JSON.stringify({ role: "authenticated", sub: hr.id, preview: { session_id: crypto.randomUUID() } }),
      ]);
      expect(await myScopes(client, "staff", "update")).toBe("{}");
      expect(await myScopes(client, "staff", "read")).toBe("{all}");
    });
  });
});
