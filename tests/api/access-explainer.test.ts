// The explainer and previews, through the gateway with real JWTs: the explainer's decision
// equals what PostgREST actually lets each demo person do on a sample of records; a preview
// token reads as the previewed person, can write nothing anywhere, stops at its end or
// expiry, cannot be refreshed or used against the Auth API, and its start and end are audited.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@supabase/supabase-js";
import type { Database } from "../../src/types/database.ts";
import { createTestUser, demo, serviceClient, signInDemo, type Client, type DemoRole } from "../support/clients.ts";
import { env } from "../support/env.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

const admin = () => serviceClient();
const ids: Record<DemoRole, string> = {
  hr_admin: "00000000-0000-4000-a000-000000000001",
  manager: "00000000-0000-4000-a000-000000000002",
  auditor: "00000000-0000-4000-a000-000000000003",
  salesperson: "00000000-0000-4000-a000-000000000004",
};
const clients = {} as Record<DemoRole, Client>;

beforeAll(async () => {
  for (const role of Object.keys(demo) as DemoRole[]) clients[role] = await signInDemo(role);
}, 60_000);

async function explain(user: string, resource: string, action: string, record?: string) {
  const { data, error } = await clients.hr_admin.rpc("explain_access", {
    p_user: user,
    p_resource: resource,
    p_action: action,
    ...(record ? { p_record: record } : {}),
  });
  if (error) throw new Error(error.message);
  return data as { allowed: boolean; decision: string; record: { territory?: { code: string } | null } | null };
}

/** Sample records per table: a few inside the demo manager's region (NOR), a few outside, and the demo salesperson's own. */
async function samples(): Promise<Record<string, { key: string; ids: string[] }>> {
  const col = async (table: string, key: string, where = "true", limit = 4) =>
    (
      await sql<{ k: string }>(
        `select ${key}::text as k from public.${table} where ${where} order by ${key} limit ${limit}`,
      )
    ).map((r) => r.k);
  const nor = "territory_path like (select path::text from public.territories where code = 'NOR') || '%'";
  return {
    staff: {
      key: "id",
      ids: [
        ...(await col("staff", "id", nor, 3)),
        ...(await col("staff", "id", `not (${nor}) and territory_id is not null`, 3)),
        ...(await col("staff", "id", `user_id = '${ids.salesperson}'`)),
      ],
    },
    territories: {
      key: "id",
      ids: await col("territories", "id", "code in ('NOR', 'NOR-E', 'SOU', 'CEN-W-1', 'NOR-E-1')", 5),
    },
    territory_assignments: {
      key: "id",
      ids: [
        ...(await col(
          "territory_assignments",
          "id",
          "territory_id in (select id from public.territories where code like 'NOR%')",
          2,
        )),
        ...(await col(
          "territory_assignments",
          "id",
          "territory_id in (select id from public.territories where code like 'SOU%')",
          2,
        )),
      ],
    },
    profiles: { key: "id", ids: Object.values(ids) },
    user_roles: {
      key: "id",
      ids: await col("user_roles", "id", `user_id in ('${ids.salesperson}', '${ids.hr_admin}')`),
    },
    acknowledgements: {
      key: "id",
      ids: [
        ...(await col("acknowledgements", "id", `staff_id in (select id from public.staff where ${nor})`, 2)),
        ...(await col("acknowledgements", "id", `staff_id in (select id from public.staff where not (${nor}))`, 2)),
      ],
    },
    regulations: { key: "id", ids: await col("regulations", "id", "code in ('TER-01', 'EVA-01', 'REP-02', 'ATT-00')") },
    positions: { key: "id", ids: await col("positions", "id", "true", 2) },
    regulation_categories: { key: "id", ids: await col("regulation_categories", "id", "true", 2) },
    custom_field_definitions: { key: "id", ids: await col("custom_field_definitions", "id", "true", 1) },
  };
}

const resourceOf = (table: string) => (table === "custom_field_definitions" ? "custom_fields" : table);

describe("the explainer agrees with the database", () => {
  it("for every demo role, reading each sample record is allowed exactly when the explainer says so", async () => {
    const sample = await samples();
    const mismatches: string[] = [];
    const outcomes = new Set<boolean>();
    let checked = 0;
    for (const role of Object.keys(demo) as DemoRole[]) {
      for (const [table, { key, ids: records }] of Object.entries(sample)) {
        for (const record of records) {
          const why = await explain(ids[role], resourceOf(table), "read", record);
          const { data, error } = await clients[role]
            .from(table as "staff")
            .select(key)
            .eq(key as "id", record);
          const visible = !error && (data ?? []).length === 1;
          checked++;
          outcomes.add(visible);
          if (visible !== why.allowed)
            mismatches.push(
              `${role} read ${table} ${record}: database ${visible}, explainer ${why.allowed} (${why.decision})`,
            );
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect([...outcomes].sort(), "the sample holds both allowed and refused reads").toEqual([false, true]);
    expect(mismatches).toEqual([]);
  });

  it("for every demo role, a harmless update of each sample staff, territory and profile succeeds exactly when the explainer says so", async () => {
    const sample = await samples();
    const patchOf: Record<string, string> = { staff: "notes", territories: "market_notes", profiles: "full_name" };
    const mismatches: string[] = [];
    const decisions = new Set<string>();
    for (const role of Object.keys(demo) as DemoRole[]) {
      for (const table of Object.keys(patchOf)) {
        for (const record of sample[table]!.ids) {
          const why = await explain(ids[role], table, "update", record);
          const column = patchOf[table]!;
          const [row] = await sql<Record<string, unknown>>(
            `select ${column}, version from public.${table} where id = $1`,
            [record],
          );
          const { data, error } = await clients[role]
            .from(table as "staff")
            .update({ [column]: row![column], version: row!.version } as never)
            .eq("id", record)
            .select("id");
          const done = !error && (data ?? []).length === 1;
          decisions.add(why.decision);
          if (done !== why.allowed)
            mismatches.push(
              `${role} update ${table} ${record}: database ${done} (${error?.message ?? ""}), explainer ${why.allowed} (${why.decision})`,
            );
        }
      }
    }
    // The sample covers the kinds of answer: all rows, in territory, outside it, own, never writes.
    for (const d of ["all", "in_territory", "outside_territory", "own", "auditor_never_writes"])
      expect(decisions.has(d), d).toBe(true);
    expect(mismatches).toEqual([]);
  });

  it("words the reason: a manager updating staff outside their region is refused, with the record's territory", async () => {
    const [outside] = await sql<{ id: string }>(
      "select id::text from public.staff where territory_id in (select id from public.territories where code = 'SOU') limit 1",
    );
    const why = await explain(ids.manager, "staff", "update", outside!.id);
    expect(why).toMatchObject({
      allowed: false,
      decision: "outside_territory",
      record: { territory: { code: "SOU" } },
    });
    const auditor = await explain(ids.auditor, "staff", "update");
    expect(auditor).toMatchObject({ allowed: false, decision: "auditor_never_writes" });
  });

  it("people may ask for themselves; only those who read the matrix may ask about others", async () => {
    expect(
      (
        await clients.salesperson.rpc("explain_access", {
          p_user: ids.salesperson,
          p_resource: "staff",
          p_action: "delete",
        })
      ).error,
    ).toBeNull();
    const { error } = await clients.salesperson.rpc("explain_access", {
      p_user: ids.manager,
      p_resource: "staff",
      p_action: "read",
    });
    expect(error?.code).toBe("42501");
  });
});

// --- previews -------------------------------------------------------------------------
async function startPreview(
  viewer: Client,
  subject: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const token = (await viewer.auth.getSession()).data.session!.access_token;
  const response = await fetch(`${env.apiUrl}/functions/v1/preview`, {
    method: "POST",
    headers: { apikey: env.anonKey, "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ subject_id: subject }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function asToken(token: string): Client {
  return createClient<Database>(env.apiUrl, env.anonKey, { accessToken: async () => token });
}

describe("previewing as another person", () => {
  it("reads exactly what the person reads, and nothing can be written on any table", async () => {
    const started = await startPreview(clients.hr_admin, ids.manager);
    expect(started.status).toBe(200);
    expect(started.body.refresh_token).toBeUndefined();
    const preview = asToken(String(started.body.access_token));

    const own = await clients.manager.from("staff").select("id", { count: "exact", head: true });
    const seen = await preview.from("staff").select("id", { count: "exact", head: true });
    expect(seen.count).toBe(own.count);
    const all = await clients.hr_admin.from("staff").select("id", { count: "exact", head: true });
    expect(seen.count!).toBeLessThan(all.count!);

    const tables = (
      await sql<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public' order by 1")
    ).map((r) => r.tablename);
    const writes: string[] = [];
    for (const table of tables) {
      const t = preview.from(table as "staff");
      const inserted = await t.insert({} as never).select();
      const updated = await t
        .update({ version: 1 } as never)
        .not("id" as const, "is", null)
        .select();
      const removed = await t
        .delete()
        .not("id" as const, "is", null)
        .select();
      for (const [what, r] of [
        ["insert", inserted],
        ["update", updated],
        ["delete", removed],
      ] as const) {
        if (!r.error && (r.data ?? []).length > 0) writes.push(`${what} ${table}`);
      }
    }
    expect(writes).toEqual([]);
    // The manager may edit staff in their region: under the preview even that is refused, as read-only.
    const [mine] = await sql<{ id: string; version: number }>(
      "select id::text, version from public.staff where territory_path like (select path::text from public.territories where code = 'NOR') || '%' limit 1",
    );
    const edit = await preview
      .from("staff")
      .update({ notes: "changed in a preview", version: mine!.version })
      .eq("id", mine!.id)
      .select();
    expect(edit.error?.code).toBe("25006");
    for (const [fn, args] of [
      ["save_permission_matrix", { p_changes: [], p_reason: "preview" }],
      ["start_preview", { p_subject: ids.salesperson }],
      ["acknowledge_regulation", { p_regulation: randomUUID(), p_version: 1 }],
    ] as const) {
      const { error } = await preview.rpc(fn as "start_preview", args as never);
      expect(error, fn).not.toBeNull();
    }
    // The permissions the UI mirrors are read-only too: no action that writes.
    const perms = (await preview.rpc("my_permissions")).data ?? [];
    expect(perms.length).toBeGreaterThan(0);
    const writeActions = new Set(
      (await sql<{ code: string }>("select code from public.permission_actions where is_write")).map((a) => a.code),
    );
    expect(writeActions.has("update")).toBe(true);
    expect(perms.filter((p) => writeActions.has(p.action))).toEqual([]);
  });

  it("cannot be refreshed, nor used against the Auth API or another Edge Function", async () => {
    const started = await startPreview(clients.hr_admin, ids.salesperson);
    const token = String(started.body.access_token);
    const headers = { apikey: env.anonKey, Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
    const refresh = await fetch(`${env.apiUrl}/auth/v1/token?grant_type=refresh_token`, {
      method: "POST",
      headers,
      body: JSON.stringify({ refresh_token: token }),
    });
    expect(refresh.status).toBe(400);
    expect((await fetch(`${env.apiUrl}/auth/v1/user`, { headers })).status).toBe(403);
    const change = await fetch(`${env.apiUrl}/auth/v1/user`, {
      method: "PUT",
      headers,
      body: JSON.stringify({ password: "taken-over-1234" }),
    });
    expect(change.status).toBe(403);
    const edge = await fetch(`${env.apiUrl}/functions/v1/admin-users`, {
      method: "POST",
      headers,
      body: JSON.stringify({ action: "deactivate", user_id: ids.manager }),
    });
    expect(edge.status).toBe(401);
    const chained = await fetch(`${env.apiUrl}/functions/v1/preview`, {
      method: "POST",
      headers,
      body: JSON.stringify({ subject_id: ids.manager }),
    });
    expect(chained.status).toBe(401);
  });

  it("stops working once ended, and once older than its 15 minutes", async () => {
    const started = await startPreview(clients.hr_admin, ids.salesperson);
    const preview = asToken(String(started.body.access_token));
    expect((await preview.from("staff").select("id").limit(1)).error).toBeNull();
    expect((await clients.hr_admin.rpc("end_preview", { p_session: String(started.body.session_id) })).data).toBe(true);
    const ended = await preview.from("staff").select("id").limit(1);
    expect(ended.error?.details).toBe("preview_ended");

    const second = await startPreview(clients.auditor, ids.salesperson);
    expect(second.status, "auditors may preview").toBe(200);
    await sql(
      "update public.preview_sessions set started_at = now() - interval '20 minutes', expires_at = now() - interval '5 minutes' where id = $1",
      [second.body.session_id],
    );
    const expired = await asToken(String(second.body.access_token)).from("staff").select("id").limit(1);
    expect(expired.error?.details).toBe("preview_ended");
  });

  it("a session can never be longer than 15 minutes", async () => {
    const [viewer, subject] = [ids.hr_admin, ids.salesperson];
    await expect(
      sql(
        "insert into public.preview_sessions (viewer_id, subject_id, expires_at) values ($1, $2, now() + interval '16 minutes')",
        [viewer, subject],
      ),
    ).rejects.toMatchObject({ code: "23514" });
  });

  it("only roles the matrix grants preview may start one, never as themselves", async () => {
    expect((await startPreview(clients.salesperson, ids.manager)).status).toBe(403);
    expect((await startPreview(clients.manager, ids.salesperson)).status).toBe(403);
    const self = await startPreview(clients.hr_admin, ids.hr_admin);
    expect(self.status).toBe(400);
  });

  it("starting and ending a preview are in the audit log, with the viewer as actor", async () => {
    const viewer = await createTestUser(["hr_admin"]);
    const started = await startPreview(viewer.client, ids.salesperson);
    await viewer.client.rpc("end_preview", { p_session: String(started.body.session_id) });
    const rows = await sql<{ operation: string; actor_id: string; changed_fields: string[] }>(
      "select operation, actor_id::text, changed_fields from public.audit_log where table_name = 'preview_sessions' and record_id = $1 order by id",
      [started.body.session_id],
    );
    expect(rows).toEqual([
      { operation: "INSERT", actor_id: viewer.id, changed_fields: [] },
      { operation: "UPDATE", actor_id: viewer.id, changed_fields: ["ended_at"] },
    ]);
    const { data } = await admin()
      .from("preview_sessions")
      .select("viewer_id, subject_id")
      .eq("id", String(started.body.session_id))
      .single();
    expect(data).toEqual({ viewer_id: viewer.id, subject_id: ids.salesperson });
  });
});

// --- what previews and the explainer may not reveal ------------------------------------
async function roleWith(
  cells: { resource: string; action: string; scope: "own" | "territory" | "all" }[],
): Promise<string> {
  const code = `pv_${randomUUID().slice(0, 8)}`;
  await sql("insert into public.app_roles (code, label_en, label_es, label_zh) values ($1, $1, $1, $1)", [code]);
  for (const c of cells) {
    await sql("insert into public.role_permissions (role_code, resource, action, scope) values ($1, $2, $3, $4)", [
      code,
      c.resource,
      c.action,
      c.scope,
    ]);
  }
  return code;
}

describe("a preview never shows more than the viewer may see", () => {
  it("a role with only the preview permission is refused a preview of HR, with the reason, and gets no token", async () => {
    const viewer = await createTestUser([await roleWith([{ resource: "profiles", action: "preview", scope: "all" }])]);
    const started = await startPreview(viewer.client, ids.hr_admin);
    expect(started.status).toBe(403);
    expect(started.body.code).toBe("preview_exceeds_viewer");
    expect(String(started.body.message)).toMatch(/can read more than you can/);
    expect(started.body.access_token).toBeUndefined();
    const [row] = await sql<{ n: string }>(
      "select count(*)::text as n from public.preview_sessions where viewer_id = $1",
      [viewer.id],
    );
    expect(row!.n).toBe("0");
  });

  it("the same viewer may preview someone who reads nothing it cannot, and then sees only that", async () => {
    const viewer = await createTestUser([await roleWith([{ resource: "profiles", action: "preview", scope: "all" }])]);
    const subject = await createTestUser([]);
    const started = await startPreview(viewer.client, subject.id);
    expect(started.status).toBe(200);
    const preview = asToken(String(started.body.access_token));
    for (const table of ["staff", "territories", "regulations", "audit_log", "user_roles"] as const) {
      const mine = await viewer.client.from(table).select("*", { count: "exact", head: true });
      const seen = await preview.from(table).select("*", { count: "exact", head: true });
      expect(seen.count ?? 0, table).toBeLessThanOrEqual(mine.count ?? 0);
    }
  });

  it("a viewer who reads a region previews a person of that region but not the whole department's reader", async () => {
    const viewer = await createTestUser([
      "manager",
      await roleWith([{ resource: "profiles", action: "preview", scope: "all" }]),
    ]);
    const started = await startPreview(viewer.client, ids.hr_admin);
    expect(started.status).toBe(403);
    expect(started.body.code).toBe("preview_exceeds_viewer");
  });
});

describe("the explainer names only records the caller may read", () => {
  it("a salesperson asking about a staff record outside their territory learns the decision, not who or where it is", async () => {
    const [outside] = await sql<{ id: string; full_name: string }>(
      "select s.id::text, s.full_name from public.staff s where s.territory_path not like (select path::text from public.territories where code = 'NOR') || '%' and s.user_id is distinct from $1 limit 1",
      [ids.salesperson],
    );
    const { data, error } = await clients.salesperson.rpc("explain_access", {
      p_user: ids.salesperson,
      p_resource: "staff",
      p_action: "read",
      p_record: outside!.id,
    });
    expect(error).toBeNull();
    const answer = data as { allowed: boolean; record: Record<string, unknown> };
    expect(answer.allowed).toBe(false);
    expect(answer.record.hidden).toBe(true);
    expect(answer.record.label).toBeUndefined();
    expect(answer.record.territory).toBeUndefined();
    expect(JSON.stringify(answer)).not.toContain(outside!.full_name);
  });

  it("HR asking about the same record sees its label and territory", async () => {
    const [outside] = await sql<{ id: string; full_name: string }>(
      "select s.id::text, s.full_name from public.staff s where s.territory_id is not null and s.territory_path not like (select path::text from public.territories where code = 'NOR') || '%' limit 1",
    );
    const answer = (
      await clients.hr_admin.rpc("explain_access", {
        p_user: ids.salesperson,
        p_resource: "staff",
        p_action: "read",
        p_record: outside!.id,
      })
    ).data as { record: Record<string, unknown> };
    expect(answer.record.label).toBe(outside!.full_name);
    expect(answer.record.territory).toBeTruthy();
  });
});
