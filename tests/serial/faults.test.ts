// Faults in the services behind the API (serial: these restart shared services). A CSV
// import cut off by a Postgres restart leaves all of its rows or none; restarting the auth
// service signs nobody out, because sessions and refresh tokens live in Postgres.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createTestUser, signIn } from "../support/clients.ts";
import pg from "pg";
import { controlStack, env } from "../support/env.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error("gave up waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("a Postgres restart in the middle of a CSV import", () => {
  it("leaves all of the import's rows or none of them", async () => {
    const hr = await createTestUser(["hr_admin"]);
    const batch = randomUUID().slice(0, 8);
    const size = 2000;
    const rows = Array.from({ length: size }, (_, i) => ({
      _line: i + 2,
      full_name: `Interrupted ${i}`,
      email: `cut-${batch}-${i}@import.example.com`,
      position: "sales_assistant",
      hire_date: "2024-01-15",
      cf_hobbies: "music;travel",
    }));
    // Hold the audit chain's lock: the import then validates and inserts every row, and waits
    // in the audit trigger before it can commit. That is where Postgres is restarted.
    const holder = new pg.Client({ connectionString: env.dbUrl });
    await holder.connect();
    holder.on("error", () => undefined);
    await holder.query("begin");
    await holder.query("select pg_advisory_xact_lock(727274100001)");
    // (then() sends it now: a query builder is lazy.)
    const imported = hr.client.rpc("import_staff", { p_rows: rows, p_dry_run: false }).then((result) => result);
    let running = false;
    await until(
      async () =>
        (running =
          (
            await sql(
              "select 1 from pg_stat_activity where usename = 'authenticator' and state = 'active' and wait_event_type = 'Lock'",
            )
          ).length > 0),
      30_000,
    ).catch(() => undefined);
    await closePools();
    await controlStack("restart", "postgres");
    await holder.end().catch(() => undefined);
    const outcome = await imported;
    const count = async () =>
      Number(
        (await sql<{ n: string }>("select count(*) as n from public.staff where email like $1", [`cut-${batch}-%`]))[0]!
          .n,
      );
    await until(async () => (await hr.client.from("positions").select("id").limit(1)).error === null);
    const stored = await count();
    expect([0, size]).toContain(stored);
    // A request that failed wrote nothing; one that succeeded wrote everything.
    if (outcome.error) expect(stored).toBe(0);
    else expect(stored).toBe(size);
    // The restart did land while the import was writing (otherwise this test proved nothing).
    expect(running).toBe(true);
    expect(outcome.error).not.toBeNull();
  });
});

describe("an auth service restart", () => {
  it("signs nobody out: the access token still works and the refresh token still refreshes", async () => {
    const person = await createTestUser(["salesperson"]);
    const client = await signIn(person.email, person.password);
    const before = (await client.auth.getSession()).data.session!;
    await controlStack("restart", "auth");
    const { data: user, error: userError } = await client.auth.getUser();
    expect(userError).toBeNull();
    expect(user.user?.id).toBe(person.id);
    const { data: refreshed, error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    expect(refreshed.session?.refresh_token).not.toBe(before.refresh_token);
    expect((await client.from("profiles").select("id").eq("id", person.id)).data).toHaveLength(1);
  });
});
