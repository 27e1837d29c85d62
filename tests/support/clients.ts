// supabase-js clients for tests: anon, service role (arranging data only) and real
// signed-in people with the roles a test needs.
import { randomUUID } from "node:crypto";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { demoLogins } from "../../supabase/local/demo-logins.ts";
import type { Database } from "../../src/types/database.ts";
import { env } from "./env.ts";

export type Client = SupabaseClient<Database>;

const options = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

export function anonClient(): Client {
  return createClient<Database>(env.apiUrl, env.anonKey, options);
}

let service: Client | undefined;
export function serviceClient(): Client {
  service ??= createClient<Database>(env.apiUrl, env.serviceRoleKey, options);
  return service;
}

type DemoLogin = (typeof demoLogins)[number];
export type DemoRole = DemoLogin["role"];
/** The seeded demo logins by role (written once, in supabase/local/demo-logins.ts). */
export const demo = Object.fromEntries(demoLogins.map((l) => [l.role, { email: l.email, password: l.password }])) as {
  [R in DemoRole]: {
    email: Extract<DemoLogin, { role: R }>["email"];
    password: Extract<DemoLogin, { role: R }>["password"];
  };
};
export const appRoles = Object.keys(demo) as DemoRole[];

export async function signIn(email: string, password: string): Promise<Client> {
  const client = createClient<Database>(env.apiUrl, env.anonKey, options);
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw new Error(`sign-in as ${email} failed: ${error.message}`);
  return client;
}

export function signInDemo(role: DemoRole): Promise<Client> {
  return signIn(demo[role].email, demo[role].password);
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  fullName: string;
  client: Client;
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@test.example.com`;
}

/** Creates a login (admin API, service key) holding the given roles, and signs it in. */
export async function createTestUser(
  roles: string[],
  opts: { fullName?: string; signIn?: boolean } = {},
): Promise<TestUser> {
  const email = uniqueEmail(roles[0] ?? "nobody");
  const password = `pw-${randomUUID()}`;
  const fullName = opts.fullName ?? `Test ${roles.join("+") || "nobody"} ${email.slice(-22, -17)}`;
  const admin = serviceClient();
  const { data, error } = await admin.auth.admin.createUser({
    email,
    password,
    email_confirm: true,
    user_metadata: { full_name: fullName },
  });
  if (error || !data.user) throw new Error(`createUser failed: ${error?.message}`);
  if (roles.length > 0) {
    const { error: roleError } = await admin
      .from("user_roles")
      .insert(roles.map((role_code) => ({ user_id: data.user.id, role_code })));
    if (roleError) throw new Error(`assigning roles failed: ${roleError.message}`);
  }
  const client = opts.signIn === false ? anonClient() : await signIn(email, password);
  return { id: data.user.id, email, password, fullName, client };
}
