// A person's scopes are worked out once and kept on the connection (private.my_scopes), across
// requests. What is kept must never outlive what it was worked out from: a change to the
// person's roles, the matrix, the login's active flag or the write actions made earlier in the
// same transaction is seen by the next check, one committed elsewhere by the next transaction
// on the connection, one rolled back leaves nothing behind, and another person gets their own
// answer.
import { afterAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { createTestUser } from "../support/clients.ts";
import { asRole, closePools, sql, superuserPool } from "../support/sql.ts";

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

/** One transaction on `client` as the person, committed or rolled back. */
async function asPersonOn<T>(
  client: pg.PoolClient,
  person: string,
  end: "commit" | "rollback",
  work: () => Promise<T>,
): Promise<T> {
  await client.query("begin");
  try {
    await client.query("select set_config('request.jwt.claims', $1, true)", [
      JSON.stringify({ role: "authenticated", sub: person }),
    ]);
    await client.query("set local role authenticated");
    return await work();
  } finally {
    await client.query(end).catch(() => undefined);
  }
}

/** Runs `work` with one connection of its own (the way PostgREST reuses one across requests). */
async function onOneConnection(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await superuserPool().connect();
  try {
    await work(client);
  } finally {
    client.release(true);
  }
}

describe("scopes kept on a connection follow every change, across requests", () => {
  it("a role taken away and committed elsewhere is seen by the next request on the same connection", async () => {
    const person = await createTestUser(["hr_admin"]);
    await onOneConnection(async (client) => {
      const first = await asPersonOn(client, person.id, "commit", () => myScopes(client, "staff", "read"));
      expect(first).toBe("{all}");
      await sql("delete from public.user_roles where user_id = $1", [person.id]);
      const next = await asPersonOn(client, person.id, "rollback", () => myScopes(client, "staff", "read"));
      expect(next).toBe("{}");
    });
  });

  it("a role given elsewhere is seen by the next request on the same connection", async () => {
    const person = await createTestUser([]);
    await onOneConnection(async (client) => {
      expect(await asPersonOn(client, person.id, "commit", () => myScopes(client, "customers", "read"))).toBe("{}");
      await sql("insert into public.user_roles (user_id, role_code) values ($1, 'auditor')", [person.id]);
      expect(await asPersonOn(client, person.id, "rollback", () => myScopes(client, "customers", "read"))).toBe(
        "{all}",
      );
    });
  });

  it("the next person on the connection gets their own scopes, not the previous person's", async () => {
    const hr = await createTestUser(["hr_admin"]);
    const nobody = await createTestUser([]);
    await onOneConnection(async (client) => {
      expect(await asPersonOn(client, hr.id, "commit", () => myScopes(client, "staff", "delete"))).toBe("{all}");
      expect(await asPersonOn(client, nobody.id, "commit", () => myScopes(client, "staff", "delete"))).toBe("{}");
    });
  });

  it("a change rolled back leaves no answer behind on the connection", async () => {
    const person = await createTestUser(["hr_admin"]);
    await onOneConnection(async (client) => {
      const during = await asPersonOn(client, person.id, "rollback", async () => {
        expect(await myScopes(client, "staff", "update")).toBe("{all}");
        await meanwhile(client, "delete from public.user_roles where user_id = $1", [person.id]);
        return myScopes(client, "staff", "update");
      });
      expect(during).toBe("{}");
      expect(await asPersonOn(client, person.id, "rollback", () => myScopes(client, "staff", "update"))).toBe("{all}");
    });
  });
});

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
