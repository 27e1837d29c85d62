// The audit trail: every change recorded with the right actor and diff, append-only for
// every API role (through PostgREST and in SQL), a hash chain that exposes a superuser's
// edit, and reading governed by the matrix.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, createTestUser, serviceClient, signInDemo, type TestUser } from "../support/clients.ts";
import { asRole, closePools, sql, superuserPool } from "../support/sql.ts";
import en from "../../src/locales/en.json";
import es from "../../src/locales/es.json";
import zh from "../../src/locales/zh-CN.json";

/** The demo HR person's id (the demo seed's fixed uuid). */
const demoHrId = "00000000-0000-4000-a000-000000000001";

const locales: Record<string, Record<string, unknown>> = { en, es, "zh-CN": zh };

afterAll(closePools);

interface AuditEntry {
  id: string;
  table_name: string;
  record_id: string;
  operation: string;
  changed_fields: string[];
  old_row: Record<string, unknown> | null;
  new_row: Record<string, unknown> | null;
  actor_id: string | null;
  actor_name: string | null;
  actor_kind: string;
  actor_roles: string[];
}

async function history(table: string, record: string): Promise<AuditEntry[]> {
  return sql<AuditEntry>(
    "select id::text, table_name, record_id, operation, changed_fields, old_row, new_row, actor_id::text, actor_name, actor_kind, actor_roles from public.audit_log where table_name = $1 and record_id = $2 order by id desc",
    [table, record],
  );
}

async function tempRole(): Promise<string> {
  const code = `tmp_${randomUUID().slice(0, 8)}`;
  await serviceClient().from("app_roles").insert({ code, label_en: code, label_es: code, label_zh: code });
  return code;
}

describe("every change is recorded with its actor and diff", () => {
  it("HR renaming a role: actor, roles at that moment, changed field, old and new values", async () => {
    const hr = await createTestUser(["hr_admin"], { fullName: "Auditable HR" });
    const code = await tempRole();
    await hr.client.from("app_roles").update({ label_en: "Coach", version: 1 }).eq("code", code).select();
    const [entry] = await history("app_roles", code);
    expect(entry).toMatchObject({
      operation: "UPDATE",
      changed_fields: ["label_en"],
      actor_id: hr.id,
      actor_name: "Auditable HR",
      actor_kind: "user",
      actor_roles: ["hr_admin"],
    });
    expect(entry!.old_row!.label_en).toBe(code);
    expect(entry!.new_row!.label_en).toBe("Coach");
  });

  it("a manager and a salesperson editing their own profile are recorded as themselves", async () => {
    for (const role of ["manager", "salesperson"]) {
      const person = await createTestUser([role]);
      await person.client
        .from("profiles")
        .update({ full_name: `Renamed ${role}` })
        .eq("id", person.id)
        .select();
      const [entry] = await history("profiles", person.id);
      expect(entry, role).toMatchObject({
        operation: "UPDATE",
        actor_id: person.id,
        actor_roles: [role],
        changed_fields: ["full_name"],
      });
    }
  });

  it("inserts and deletes record the whole row", async () => {
    const hr = await createTestUser(["hr_admin"]);
    const other = await createTestUser([], { signIn: false });
    const { data } = await hr.client
      .from("user_roles")
      .insert({ user_id: other.id, role_code: "salesperson" })
      .select("id")
      .single();
    await hr.client.from("user_roles").delete().eq("id", data!.id).select();
    const entries = await history("user_roles", data!.id);
    expect(entries.map((e) => e.operation)).toEqual(["DELETE", "INSERT"]);
    expect(entries[1]!.new_row).toMatchObject({ user_id: other.id, role_code: "salesperson", granted_by: hr.id });
    expect(entries[0]!.old_row).toMatchObject({ role_code: "salesperson" });
    expect(entries.every((e) => e.actor_id === hr.id)).toBe(true);
  });

  it("a service-role change and a direct database change are marked as such", async () => {
    const code = await tempRole();
    await serviceClient().from("app_roles").update({ description: "by the service", version: 1 }).eq("code", code);
    await sql("update public.app_roles set description = 'by a migration', version = 2 where code = $1", [code]);
    const [migration, service] = await history("app_roles", code);
    expect(service).toMatchObject({ actor_kind: "service_role", actor_id: null, changed_fields: ["description"] });
    expect(migration).toMatchObject({ actor_kind: "migration", actor_id: null });
  });

  it("an update that changes nothing but bookkeeping records nothing", async () => {
    const code = await tempRole();
    const before = (await history("app_roles", code)).length;
    await serviceClient().from("app_roles").update({ label_en: code, version: 1 }).eq("code", code);
    expect((await history("app_roles", code)).length).toBe(before);
  });
});

describe("the log is append-only for every API role", () => {
  let targetId: string;
  beforeAll(async () => {
    targetId = (await sql<{ id: string }>("select max(id)::text as id from public.audit_log"))[0]!.id;
  });

  it("through PostgREST: HR, the auditor and the service role can neither insert, change nor delete log rows", async () => {
    const clients = [await signInDemo("hr_admin"), await signInDemo("auditor"), serviceClient(), anonClient()];
    for (const client of clients) {
      const inserted = await client
        .from("audit_log")
        .insert({
          id: 999999999,
          table_name: "x",
          record_id: "x",
          operation: "INSERT",
          actor_kind: "user",
          prev_hash: "\\x00",
          hash: "\\x00",
        } as never)
        .select();
      expect(inserted.error).not.toBeNull();
      const updated = await client
        .from("audit_log")
        .update({ record_id: "tampered" })
        .eq("id", Number(targetId))
        .select();
      expect(updated.error !== null || (updated.data ?? []).length === 0).toBe(true);
      const deleted = await client.from("audit_log").delete().eq("id", Number(targetId)).select();
      expect(deleted.error !== null || (deleted.data ?? []).length === 0).toBe(true);
    }
    const [row] = await sql<{ record_id: string }>("select record_id from public.audit_log where id = $1", [targetId]);
    expect(row!.record_id).not.toBe("tampered");
  });

  it("in SQL: authenticated and service_role are refused insert, update, delete and truncate", async () => {
    for (const claims of [{ role: "authenticated" as const, sub: demoHrId }, { role: "service_role" as const }]) {
      for (const statement of [
        "insert into public.audit_log (table_name, record_id, operation, actor_kind, prev_hash, hash) values ('x', 'x', 'INSERT', 'user', '\\x00', '\\x00')",
        `update public.audit_log set record_id = 'x' where id = ${targetId}`,
        `delete from public.audit_log where id = ${targetId}`,
        "truncate public.audit_log",
      ]) {
        await asRole(claims, async (client) => {
          await expect(client.query(statement), `${claims.role}: ${statement}`).rejects.toMatchObject({
            code: "42501",
          });
        });
      }
    }
  });

  it("even the table owner cannot change or delete rows without disabling the guard", async () => {
    await expect(sql(`update public.audit_log set record_id = 'x' where id = ${targetId}`)).rejects.toMatchObject({
      code: "42501",
    });
    await expect(sql(`delete from public.audit_log where id = ${targetId}`)).rejects.toMatchObject({ code: "42501" });
  });
});

describe("the hash chain", () => {
  it("verifies intact", async () => {
    const hr = await signInDemo("hr_admin");
    const { data, error } = await hr.rpc("verify_audit_chain");
    expect(error).toBeNull();
    expect(data![0]).toMatchObject({ ok: true, first_broken_id: null });
  });

  it("reports the first broken row after a superuser edits one (bypassing the guard)", async () => {
    const client = await superuserPool().connect();
    try {
      await client.query("begin");
      const { rows } = await client.query<{ id: string }>(
        "select id::text from public.audit_log order by id desc offset 3 limit 1",
      );
      const victim = rows[0]!.id;
      await client.query("set local session_replication_role = replica");
      await client.query("update public.audit_log set new_row = jsonb_build_object('edited', true) where id = $1", [
        victim,
      ]);
      const { rows: result } = await client.query("select * from private.verify_audit_chain()");
      expect(result[0]).toMatchObject({ ok: false, first_broken_id: victim });
      expect(result[0].reason).toContain("edited");
    } finally {
      await client.query("rollback");
      client.release();
    }
  });

  it("reports a deleted row as a broken link", async () => {
    const client = await superuserPool().connect();
    try {
      await client.query("begin");
      const { rows } = await client.query<{ id: string; next: string }>(
        "select id::text, (select min(l2.id) from public.audit_log l2 where l2.id > l.id)::text as next from public.audit_log l order by id desc offset 5 limit 1",
      );
      await client.query("set local session_replication_role = replica");
      await client.query("delete from public.audit_log where id = $1", [rows[0]!.id]);
      const { rows: result } = await client.query("select * from private.verify_audit_chain()");
      expect(result[0]).toMatchObject({ ok: false, first_broken_id: rows[0]!.next });
    } finally {
      await client.query("rollback");
      client.release();
    }
  });

  it("a many-row statement's entries link each to the one before, starting from the log's head", async () => {
    const client = await superuserPool().connect();
    try {
      await client.query("begin");
      const head = (
        await client.query<{ id: string; hash: string }>(
          "select l.id::text, encode(l.hash, 'hex') as hash from public.audit_log l order by l.id desc limit 1",
        )
      ).rows[0]!;
      const prefix = `chain_${randomUUID().slice(0, 8)}`;
      await client.query(
        "insert into public.app_roles (code, label_en, label_es, label_zh) select $1 || '_' || g, 'Chain ' || g, 'Cadena ' || g, '链 ' || g from generate_series(1, 5) g",
        [prefix],
      );
      const { rows } = await client.query<{ id: string; prev: string; hash: string; expected: string }>(
        `select l.id::text, encode(l.prev_hash, 'hex') as prev, encode(l.hash, 'hex') as hash,
                encode(sha256(l.prev_hash || ${(await client.query<{ sql: string }>("select private.audit_content_sql('l') as sql")).rows[0]!.sql}), 'hex') as expected
           from public.audit_log l
          where l.id > $1 and l.table_name = 'app_roles' and l.record_id like $2 || '%' order by l.id`,
        [head.id, prefix],
      );
      expect(rows).toHaveLength(5);
      // Other test files may write between reading the head and this insert: the statement's
      // first entry links to whatever entry came just before it.
      const before = (
        await client.query<{ hash: string }>(
          "select encode(l.hash, 'hex') as hash from public.audit_log l where l.id < $1 order by l.id desc limit 1",
          [rows[0]!.id],
        )
      ).rows[0]!;
      expect(rows[0]!.prev).toBe(before.hash);
      rows.forEach((row, i) => {
        expect(row.hash).toBe(row.expected);
        if (i > 0) expect(row.prev).toBe(rows[i - 1]!.hash);
      });
      const { rows: result } = await client.query("select * from private.verify_audit_chain()");
      expect(result[0]).toMatchObject({ ok: true, first_broken_id: null });
    } finally {
      await client.query("rollback");
      client.release();
    }
  });

  it("hashes content exactly as the pgcrypto digest of earlier entries did, non-ASCII text included", async () => {
    const [row] = await sql<{ same: boolean }>(
      "select sha256(convert_to(t, 'UTF8')) = extensions.digest(t, 'sha256') as same from (select 'Zoë Müller · 张伟 · Ñandú' || E'\\x1f' || '{\"a\": 1}' as t) s",
    );
    expect(row!.same).toBe(true);
  });

  it("only people who read the whole log may run the check", async () => {
    const manager = await signInDemo("manager");
    expect((await manager.rpc("verify_audit_chain")).error?.code).toBe("42501");
  });
});

describe("who reads the log is in the matrix", () => {
  let changed: { profile: TestUser; cellId: string };
  beforeAll(async () => {
    const hr = await createTestUser(["hr_admin"]);
    const profile = await createTestUser(["salesperson"], { signIn: false });
    await hr.client.from("profiles").update({ full_name: "History Person" }).eq("id", profile.id).select();
    const role = await tempRole();
    const { data } = await hr.client
      .from("role_permissions")
      .insert({ role_code: role, resource: "user_roles", action: "read", scope: "own" })
      .select("id")
      .single();
    changed = { profile, cellId: data!.id };
  });

  const historyVia = async (client: Awaited<ReturnType<typeof signInDemo>>, table: string, record: string) =>
    (await client.from("audit_log").select("id, operation").eq("table_name", table).eq("record_id", record)).data ?? [];

  it("HR and the auditor read all of it", async () => {
    for (const role of ["hr_admin", "auditor"] as const) {
      const client = await signInDemo(role);
      expect((await historyVia(client, "profiles", changed.profile.id)).length, role).toBeGreaterThan(0);
      expect((await historyVia(client, "role_permissions", changed.cellId)).length, role).toBeGreaterThan(0);
    }
  });

  it("a manager reads the history of rows they can read, and nothing else", async () => {
    const manager = await signInDemo("manager");
    // Managers may read every profile (matrix: profiles read all) ...
    expect((await historyVia(manager, "profiles", changed.profile.id)).length).toBeGreaterThan(0);
    // ... but not the matrix, so not its history.
    expect(await historyVia(manager, "role_permissions", changed.cellId)).toEqual([]);
  });

  it("a salesperson and anon read none of it", async () => {
    const sales = await signInDemo("salesperson");
    expect(await historyVia(sales, "profiles", changed.profile.id)).toEqual([]);
    const anon = await anonClient().from("audit_log").select("id").limit(1);
    expect(anon.error !== null || (anon.data ?? []).length === 0).toBe(true);
  });
});

describe("the read policy covers every audited table", () => {
  it("has one branch per audited table, and signed-in people may select from each (else scoped readers would be refused outright)", async () => {
    const rows = await sql<{ table_name: string; readable: boolean; in_policy: boolean }>(`
      select a.table_name,
             has_table_privilege('authenticated', format('public.%I', a.table_name), 'select') as readable,
             strpos((select pg_get_expr(p.polqual, p.polrelid) from pg_policy p where p.polrelid = 'public.audit_log'::regclass and p.polcmd = 'r'),
                    format('table_name = %L::text', a.table_name)) > 0 as in_policy
        from private.audited_tables a order by 1`);
    expect(rows.length).toBeGreaterThan(15);
    expect(rows.filter((r) => !r.readable || !r.in_policy)).toEqual([]);
  });

  it("every audited table has a name in each language (the log and its table filter show it)", async () => {
    const tables = await sql<{ table_name: string }>("select table_name from private.audited_tables order by 1");
    for (const [language, messages] of Object.entries(locales)) {
      const unnamed = tables
        .map((t) => t.table_name)
        .filter((name) => typeof (messages[name] as Record<string, unknown> | undefined)?.[name] !== "string");
      expect(unnamed, language).toEqual([]);
    }
  });

  it("a manager's page of the log names only records their own RLS lets them read", async () => {
    const manager = await signInDemo("manager");
    const { data, error } = await manager
      .from("audit_log")
      .select("table_name, record_id")
      .eq("table_name", "staff")
      .order("id", { ascending: false })
      .limit(50);
    expect(error).toBeNull();
    const ids = [...new Set((data ?? []).map((r) => r.record_id))];
    expect(ids.length).toBeGreaterThan(0);
    const { data: visible } = await manager.from("staff").select("id").in("id", ids);
    expect((visible ?? []).map((r) => r.id).sort()).toEqual(ids.sort());
  });
});

describe("filtering the log", () => {
  it("to deletions reads the deletions index, newest first, not the whole log", async () => {
    const plan = await asRole({ role: "authenticated", sub: demoHrId }, async (client) => {
      const { rows } = await client.query<{ "QUERY PLAN": string }>(
        "explain select id from public.audit_log where operation = 'DELETE' order by id desc limit 26",
      );
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("audit_log_deletions_idx");
    expect(plan).not.toMatch(/Seq Scan on audit_log/);
  });
});
