// The admin-users Edge Function, served by the real Deno, called with real user tokens.
import { afterAll, describe, expect, it } from "vitest";
import { anonClient, createTestUser, signIn, signInDemo, uniqueEmail, type Client } from "../support/clients.ts";
import { env } from "../support/env.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

async function call(client: Client | null, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const token = client ? (await client.auth.getSession()).data.session?.access_token : undefined;
  const response = await fetch(`${env.apiUrl}/functions/v1/admin-users`, {
    method: "POST",
    headers: {
      apikey: env.anonKey,
      "Content-Type": "application/json",
      Authorization: `Bearer ${token ?? env.anonKey}`,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("admin-users edge function", () => {
  it("refuses a caller who is not signed in", async () => {
    const result = await call(null, { action: "create", email: uniqueEmail(), full_name: "X Y", roles: [] });
    expect(result.status).toBe(401);
  });

  it("refuses a request without a valid JWT before the function runs", async () => {
    const response = await fetch(`${env.apiUrl}/functions/v1/admin-users`, {
      method: "POST",
      headers: { Authorization: "Bearer nope" },
      body: "{}",
    });
    expect(response.status).toBe(401);
  });

  it("refuses a salesperson, a manager and an auditor (no logins permission)", async () => {
    for (const role of ["salesperson", "manager", "auditor"] as const) {
      const client = await signInDemo(role);
      const result = await call(client, {
        action: "create",
        email: uniqueEmail(),
        full_name: "Not Allowed",
        roles: [],
      });
      expect(result.status, role).toBe(403);
    }
  });

  it("lets HR create a login with an initial password and roles; the person can sign in", async () => {
    const hr = await signInDemo("hr_admin");
    const email = uniqueEmail("new");
    const result = await call(hr, {
      action: "create",
      email,
      full_name: "Nuevo Vendedor",
      password: "initial-pass-1",
      roles: ["salesperson"],
    });
    expect(result.status).toBe(200);
    const person = await signIn(email, "initial-pass-1");
    const { data } = await person.from("user_roles").select("role_code");
    expect(data).toEqual([{ role_code: "salesperson" }]);
    const [profile] = await sql<{ full_name: string }>("select full_name from public.profiles where email = $1", [
      email,
    ]);
    expect(profile!.full_name).toBe("Nuevo Vendedor");
  });

  it("lets HR create a login with an invite link instead of a password", async () => {
    const hr = await signInDemo("hr_admin");
    const result = await call(hr, {
      action: "create",
      email: uniqueEmail("invite"),
      full_name: "Invited Person",
      roles: [],
    });
    expect(result.status).toBe(200);
    expect(String(result.body.invite_link)).toContain("/auth/v1/verify?token=");
  });

  it("rejects bad input with the field and a clear message", async () => {
    const hr = await signInDemo("hr_admin");
    const result = await call(hr, { action: "create", email: "not-an-email", full_name: "X", roles: [] });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ code: "invalid_input", field: "email" });
    const duplicate = await call(hr, { action: "create", email: "sales@example.com", full_name: "Dup", roles: [] });
    expect(duplicate.status).toBe(409);
  });

  it("deactivates a login: sign-in refused, refresh tokens revoked, database access gone; reactivation restores it", async () => {
    const hr = await signInDemo("hr_admin");
    const person = await createTestUser(["salesperson"]);
    const refreshToken = (await person.client.auth.getSession()).data.session!.refresh_token;
    const off = await call(hr, { action: "deactivate", user_id: person.id });
    expect(off.status).toBe(200);
    expect(
      (await anonClient().auth.signInWithPassword({ email: person.email, password: person.password })).error?.code,
    ).toBe("user_banned");
    expect((await anonClient().auth.refreshSession({ refresh_token: refreshToken })).error?.code).toBe(
      "refresh_token_not_found",
    );
    // The still-unexpired access token reads nothing: the database checks the login is active.
    const { data } = await person.client.from("profiles").select("id");
    expect(data).toEqual([]);
    const on = await call(hr, { action: "reactivate", user_id: person.id });
    expect(on.status).toBe(200);
    expect(
      (await anonClient().auth.signInWithPassword({ email: person.email, password: person.password })).error,
    ).toBeNull();
  });

  it("refuses HR deactivating their own login", async () => {
    const hrUser = await createTestUser(["hr_admin"]);
    const result = await call(hrUser.client, { action: "deactivate", user_id: hrUser.id });
    expect(result.status).toBe(403);
    const [row] = await sql<{ is_active: boolean }>("select is_active from public.profiles where id = $1", [hrUser.id]);
    expect(row!.is_active).toBe(true);
  });

  it("resets a password to a new one (the old stops working) or hands out a reset link", async () => {
    const hr = await signInDemo("hr_admin");
    const person = await createTestUser(["salesperson"], { signIn: false });
    const set = await call(hr, { action: "reset_password", user_id: person.id, password: "reset-by-hr-1" });
    expect(set.status).toBe(200);
    expect(
      (await anonClient().auth.signInWithPassword({ email: person.email, password: person.password })).error?.code,
    ).toBe("invalid_credentials");
    expect(
      (await anonClient().auth.signInWithPassword({ email: person.email, password: "reset-by-hr-1" })).error,
    ).toBeNull();
    const link = await call(hr, { action: "reset_password", user_id: person.id });
    expect(String(link.body.reset_link)).toContain("type=recovery");
  });
});
