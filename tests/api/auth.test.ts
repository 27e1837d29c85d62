// The auth service through the gateway, driven by the real supabase-js client: the shapes,
// codes and token rules supabase-js relies on (see ../shared/AUTH-API.md).
import { createClient } from "@supabase/supabase-js";
import { afterAll, describe, expect, it } from "vitest";
import { decodeJwt } from "../../supabase/local/jwt.ts";
import { anonClient, createTestUser, demo, serviceClient, signIn, uniqueEmail } from "../support/clients.ts";
import { env, lastMailedLink } from "../support/env.ts";
import { signInFrom } from "../support/loopback.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

describe("signing in", () => {
  it("a demo login signs in and gets a session with Supabase's access-token claims", async () => {
    const client = anonClient();
    const { data, error } = await client.auth.signInWithPassword(demo.hr_admin);
    expect(error).toBeNull();
    const session = data.session!;
    expect(session.token_type).toBe("bearer");
    expect(session.expires_in).toBe(3600);
    expect(session.refresh_token).toMatch(/^[a-z0-9]{12}$/);
    expect(session.user.email).toBe(demo.hr_admin.email);
    const claims = decodeJwt(session.access_token);
    expect(claims).toMatchObject({
      iss: `${env.apiUrl}/auth/v1`,
      sub: session.user.id,
      aud: "authenticated",
      role: "authenticated",
      email: demo.hr_admin.email,
      phone: "",
      aal: "aal1",
      is_anonymous: false,
    });
    expect(claims.exp).toBe((claims.iat as number) + 3600);
    expect((claims.amr as { method: string }[])[0]!.method).toBe("password");
    expect(typeof claims.session_id).toBe("string");
    expect(claims).toHaveProperty("app_metadata");
    expect(claims).toHaveProperty("user_metadata");
  });

  it("a wrong password answers 400 invalid_credentials", async () => {
    const { error } = await anonClient().auth.signInWithPassword({ email: demo.manager.email, password: "nope-nope" });
    expect(error?.name).toBe("AuthApiError");
    expect(error?.status).toBe(400);
    expect(error?.code).toBe("invalid_credentials");
    expect(error?.message).toBe("Invalid login credentials");
  });

  it("an unknown email gets exactly the same answer as a wrong password", async () => {
    const { error } = await anonClient().auth.signInWithPassword({
      email: uniqueEmail("ghost"),
      password: "whatever1",
    });
    expect({ status: error?.status, code: error?.code, message: error?.message }).toEqual({
      status: 400,
      code: "invalid_credentials",
      message: "Invalid login credentials",
    });
  });

  it("more than 10 failed sign-ins for one email from one address answer 429, even with the right password", async () => {
    // From an address of its own (127.0.0.26), so the per-address count stays this test's.
    const user = await createTestUser([], { signIn: false });
    for (let i = 0; i < 10; i++) {
      const answer = await signInFrom("127.0.0.26", user.email, `wrong-${i}-pass`);
      expect(answer.body.code).toBe("invalid_credentials");
    }
    const blocked = await signInFrom("127.0.0.26", user.email, user.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe("over_request_rate_limit");
    // Other emails from that address are not affected.
    expect((await signInFrom("127.0.0.26", demo.salesperson.email, demo.salesperson.password)).status).toBe(200);
  });

  it("public sign-up is off", async () => {
    const { error } = await anonClient().auth.signUp({ email: uniqueEmail("signup"), password: "long-enough-1" });
    expect(error?.status).toBe(422);
    expect(error?.code).toBe("signup_disabled");
  });

  it("a deactivated (banned) login is refused at sign-in and refresh", async () => {
    const user = await createTestUser([]);
    const { data: before } = await user.client.auth.getSession();
    const admin = serviceClient();
    await admin.auth.admin.updateUserById(user.id, { ban_duration: "876000h" });
    const signInAgain = await anonClient().auth.signInWithPassword({ email: user.email, password: user.password });
    expect(signInAgain.error?.code).toBe("user_banned");
    const refresh = await anonClient().auth.refreshSession({ refresh_token: before.session!.refresh_token });
    expect(refresh.error?.code).toBe("user_banned");
    await admin.auth.admin.updateUserById(user.id, { ban_duration: "none" });
    const afterUnban = await anonClient().auth.signInWithPassword({ email: user.email, password: user.password });
    expect(afterUnban.error).toBeNull();
  });
});

describe("sessions and refresh tokens", () => {
  it("refresh rotates the refresh token and keeps the session", async () => {
    const user = await createTestUser([]);
    const { data: first } = await user.client.auth.getSession();
    const { data: refreshed, error } = await user.client.auth.refreshSession();
    expect(error).toBeNull();
    expect(refreshed.session!.refresh_token).not.toBe(first.session!.refresh_token);
    expect(decodeJwt(refreshed.session!.access_token).session_id).toBe(
      decodeJwt(first.session!.access_token).session_id,
    );
  });

  it("presenting the previous refresh token again returns the current one (the client lost the answer)", async () => {
    const user = await createTestUser([]);
    const t0 = (await user.client.auth.getSession()).data.session!.refresh_token;
    const t1 = (await user.client.auth.refreshSession()).data.session!.refresh_token;
    const again = await anonClient().auth.refreshSession({ refresh_token: t0 });
    expect(again.error).toBeNull();
    expect(again.data.session!.refresh_token).toBe(t1);
  });

  it("reusing a revoked refresh token after the reuse interval revokes the whole session", async () => {
    const user = await createTestUser([]);
    const t0 = (await user.client.auth.getSession()).data.session!.refresh_token;
    const t1 = (await user.client.auth.refreshSession()).data.session!.refresh_token;
    const t2 = (await user.client.auth.refreshSession()).data.session!.refresh_token;
    expect(new Set([t0, t1, t2]).size).toBe(3);
    // Age the revocation past the 10-second reuse interval instead of sleeping.
    await sql("update auth.refresh_tokens set updated_at = now() - interval '11 seconds' where token = any($1)", [
      [t0, t1],
    ]);
    const reuse = await anonClient().auth.refreshSession({ refresh_token: t0 });
    expect(reuse.error?.status).toBe(400);
    expect(reuse.error?.code).toBe("refresh_token_already_used");
    await sql("update auth.refresh_tokens set updated_at = now() - interval '11 seconds' where token = $1", [t2]);
    const current = await anonClient().auth.refreshSession({ refresh_token: t2 });
    expect(current.error?.code).toBe("refresh_token_already_used");
  });

  it("an unknown refresh token answers refresh_token_not_found", async () => {
    const { error } = await anonClient().auth.refreshSession({ refresh_token: "zzzzzzzzzzzz" });
    expect(error?.code).toBe("refresh_token_not_found");
  });

  it("getUser returns the signed-in user, and signals a missing session once its row is gone", async () => {
    const user = await createTestUser([]);
    const { data, error } = await user.client.auth.getUser();
    expect(error).toBeNull();
    expect(data.user!.id).toBe(user.id);
    expect(data.user!.email).toBe(user.email);
    await sql("delete from auth.sessions where user_id = $1", [user.id]);
    const after = await user.client.auth.getUser();
    expect(after.error?.name).toBe("AuthSessionMissingError");
  });

  it("sign-out (global) ends every session of the user", async () => {
    const user = await createTestUser([]);
    const second = await signIn(user.email, user.password);
    const secondToken = (await second.auth.getSession()).data.session!.refresh_token;
    const { error } = await user.client.auth.signOut();
    expect(error).toBeNull();
    expect((await user.client.auth.getSession()).data.session).toBeNull();
    const refresh = await anonClient().auth.refreshSession({ refresh_token: secondToken });
    expect(refresh.error?.code).toBe("refresh_token_not_found");
  });

  it("sign-out with scope local ends only this session", async () => {
    const user = await createTestUser([]);
    const second = await signIn(user.email, user.password);
    await user.client.auth.signOut({ scope: "local" });
    const { error } = await second.auth.refreshSession();
    expect(error).toBeNull();
  });

  it("PostgREST accepts the access token and auth.uid() is its subject", async () => {
    const user = await createTestUser(["salesperson"]);
    const { data, error } = await user.client.from("profiles").select("id, email").eq("id", user.id).single();
    expect(error).toBeNull();
    expect(data).toEqual({ id: user.id, email: user.email });
  });
});

describe("changing a password", () => {
  it("a short password is refused as weak", async () => {
    const user = await createTestUser([]);
    const { error } = await user.client.auth.updateUser({ password: "short" });
    expect(error?.name).toBe("AuthWeakPasswordError");
    expect(error?.status).toBe(422);
    expect(error?.code).toBe("weak_password");
  });

  it("the same password is refused", async () => {
    const user = await createTestUser([]);
    const { error } = await user.client.auth.updateUser({ password: user.password });
    expect(error?.code).toBe("same_password");
  });

  it("a new password works, revokes the user's other sessions and keeps this one", async () => {
    const user = await createTestUser([]);
    const other = await signIn(user.email, user.password);
    const otherToken = (await other.auth.getSession()).data.session!.refresh_token;
    const { error } = await user.client.auth.updateUser({ password: "a-brand-new-password" });
    expect(error).toBeNull();
    expect((await anonClient().auth.refreshSession({ refresh_token: otherToken })).error?.code).toBe(
      "refresh_token_not_found",
    );
    expect((await user.client.auth.refreshSession()).error).toBeNull();
    expect(
      (await anonClient().auth.signInWithPassword({ email: user.email, password: "a-brand-new-password" })).error,
    ).toBeNull();
  });
});

describe("password recovery", () => {
  it("an unknown email answers 200 with nothing to tell", async () => {
    const { data, error } = await anonClient().auth.resetPasswordForEmail(uniqueEmail("nobody"));
    expect(error).toBeNull();
    expect(data).toEqual({});
  });

  it("a second request within 60 seconds is rate limited", async () => {
    const user = await createTestUser([], { signIn: false });
    expect((await anonClient().auth.resetPasswordForEmail(user.email)).error).toBeNull();
    const again = await anonClient().auth.resetPasswordForEmail(user.email);
    expect(again.error?.status).toBe(429);
    expect(again.error?.code).toBe("over_email_send_rate_limit");
  });

  it("the reset link signs the person in once, with a recovery session", async () => {
    const user = await createTestUser([], { signIn: false });
    const redirectTo = `${env.siteUrl}/update-password`;
    await anonClient().auth.resetPasswordForEmail(user.email, { redirectTo });
    const link = (await lastMailedLink(user.email))!;
    expect(new URL(link).searchParams.get("redirect_to")).toBe(redirectTo);
    const first = await fetch(link, { redirect: "manual" });
    expect(first.status).toBe(303);
    const fragment = new URLSearchParams(new URL(first.headers.get("location")!).hash.slice(1));
    expect(fragment.get("type")).toBe("recovery");
    expect(fragment.get("token_type")).toBe("bearer");
    expect(decodeJwt(fragment.get("access_token")!).sub).toBe(user.id);
    const second = await fetch(link, { redirect: "manual" });
    const secondFragment = new URLSearchParams(new URL(second.headers.get("location")!).hash.slice(1));
    expect(secondFragment.get("error_code")).toBe("otp_expired");
  });
});

describe("admin endpoints", () => {
  it("refuse the anon key", async () => {
    const { error } = await anonClient().auth.admin.listUsers();
    expect(error?.status).toBe(403);
    expect(error?.code).toBe("not_admin");
  });

  it("refuse a signed-in user's token", async () => {
    const user = await createTestUser(["hr_admin"]);
    const token = (await user.client.auth.getSession()).data.session!.access_token;
    const asUser = createClient(env.apiUrl, env.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: { headers: { Authorization: `Bearer ${token}` } },
    });
    const { error } = await asUser.auth.admin.listUsers();
    expect(error?.code).toBe("not_admin");
  });

  it("work with the service role key: create, list, get, update and delete a user", async () => {
    const admin = serviceClient();
    const email = uniqueEmail("admin");
    const created = await admin.auth.admin.createUser({
      email,
      password: "created-pass-1",
      email_confirm: true,
      user_metadata: { full_name: "Admin Made" },
    });
    expect(created.error).toBeNull();
    expect(created.data.user!.email_confirmed_at).toBeTruthy();
    expect(created.data.user!.app_metadata.provider).toBe("email");
    expect(created.data.user!.identities).toHaveLength(1);
    const duplicate = await admin.auth.admin.createUser({ email, password: "created-pass-1" });
    expect(duplicate.error?.code).toBe("email_exists");
    const page = await admin.auth.admin.listUsers({ page: 1, perPage: 2 });
    expect(page.error).toBeNull();
    expect(page.data.users).toHaveLength(2);
    expect((page.data as { total: number }).total).toBeGreaterThanOrEqual(5);
    const fetched = await admin.auth.admin.getUserById(created.data.user!.id);
    expect(fetched.data.user!.email).toBe(email);
    const missing = await admin.auth.admin.getUserById("00000000-0000-4000-8000-000000000999");
    expect(missing.error?.code).toBe("user_not_found");
    const updated = await admin.auth.admin.updateUserById(created.data.user!.id, { user_metadata: { team: "north" } });
    expect(updated.data.user!.user_metadata).toMatchObject({ full_name: "Admin Made", team: "north" });
    const deleted = await admin.auth.admin.deleteUser(created.data.user!.id);
    expect(deleted.error).toBeNull();
    expect((await admin.auth.admin.getUserById(created.data.user!.id)).error?.code).toBe("user_not_found");
  });
});

describe("the gateway", () => {
  it("requires an apikey on /rest/v1 and /auth/v1", async () => {
    const rest = await fetch(`${env.apiUrl}/rest/v1/app_roles`);
    expect(rest.status).toBe(401);
    const auth = await fetch(`${env.apiUrl}/auth/v1/settings`, { headers: { apikey: "not-a-key" } });
    expect(auth.status).toBe(401);
    expect(await auth.json()).toEqual({ message: "Invalid API key" });
  });

  it("answers CORS preflight for the dev server and exposes the headers supabase-js reads", async () => {
    const response = await fetch(`${env.apiUrl}/auth/v1/token?grant_type=password`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://127.0.0.1:5173",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "apikey, authorization, content-type, x-client-info, x-supabase-api-version",
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:5173");
    expect(response.headers.get("access-control-allow-headers")).toContain("x-supabase-api-version");
    const error = await fetch(`${env.apiUrl}/auth/v1/token?grant_type=password`, {
      method: "POST",
      headers: {
        apikey: env.anonKey,
        Origin: "http://127.0.0.1:5173",
        "X-Supabase-Api-Version": "2024-01-01",
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ email: "x@example.com", password: "y" }),
    });
    expect(error.headers.get("access-control-expose-headers")).toContain("X-Supabase-Api-Version");
    expect(error.headers.get("x-supabase-api-version")).toBe("2024-01-01");
  });
});
