// The audit chain anchored outside the database (serial: these tamper with the shared log as
// the superuser, then put it back). A checkpoint signed by the audit-integrity function with a
// key the database never holds catches what the chain alone cannot: a rewrite with every hash
// recomputed, and the newest rows deleted. Also: who may make and check checkpoints.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { createTestUser, signInDemo, type Client, type TestUser } from "../support/clients.ts";
import { env } from "../support/env.ts";
import { closePools, sql, superuserPool } from "../support/sql.ts";

afterAll(closePools);

interface Integrity {
  chain: { ok: boolean; first_broken_id: number | null };
  checkpoints: { checked: number; first_mismatch: { id: number; reason: string } | null } | null;
  configured: boolean;
}

async function callIntegrity(
  client: Client,
  action: "checkpoint" | "verify",
): Promise<{ status: number; body: Record<string, unknown> }> {
  const token = (await client.auth.getSession()).data.session!.access_token;
  const response = await fetch(`${env.apiUrl}/functions/v1/audit-integrity`, {
    method: "POST",
    headers: { apikey: env.anonKey, Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ action }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Runs `work` with the audit log's guard off (as a superuser attacker would), committed. */
async function asAttacker(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await superuserPool().connect();
  try {
    await client.query("begin");
    await client.query("set local session_replication_role = replica");
    await work(client);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
}

/** Keeps rows from `fromId` on (as JSON text, exact to the microsecond) to put the log back after a tampering. */
async function snapshot(fromId: number): Promise<string> {
  const [row] = await sql<{ rows: string }>(
    "select json_agg(l order by l.id)::text as rows from public.audit_log l where l.id >= $1",
    [fromId],
  );
  return row!.rows;
}

async function restore(fromId: number, rows: string): Promise<void> {
  await asAttacker(async (client) => {
    await client.query("delete from public.audit_log where id >= $1", [fromId]);
    await client.query(
      "insert into public.audit_log select * from jsonb_populate_recordset(null::public.audit_log, $1::jsonb)",
      [rows],
    );
  });
}

let hr: TestUser;
let auditor: Client;

beforeAll(async () => {
  hr = await createTestUser(["hr_admin"]);
  auditor = await signInDemo("auditor");
}, 60_000);

describe("audit checkpoints", () => {
  it("HR makes one on demand; the auditor, a manager and a salesperson may not", async () => {
    const made = await callIntegrity(hr.client, "checkpoint");
    expect(made.status).toBe(200);
    const checkpoint = made.body.checkpoint as {
      last_id: number;
      row_count: number;
      signature: string;
      kind: string;
      created_by: string;
    };
    expect(checkpoint).toMatchObject({ kind: "on_demand", created_by: hr.id });
    expect(checkpoint.signature).toMatch(/^[0-9a-f]{64}$/);
    const [head] = await sql<{ n: string }>("select count(*)::text as n from public.audit_log where id <= $1", [
      checkpoint.last_id,
    ]);
    expect(String(checkpoint.row_count)).toBe(head!.n);
    expect((await callIntegrity(auditor, "checkpoint")).status).toBe(403);
    expect((await callIntegrity(await signInDemo("manager"), "checkpoint")).status).toBe(403);
    expect((await callIntegrity(await signInDemo("salesperson"), "checkpoint")).status).toBe(403);
  });

  it("the auditor verifies: chain and checkpoints hold; a manager may not verify", async () => {
    const verified = await callIntegrity(auditor, "verify");
    expect(verified.status).toBe(200);
    const body = verified.body as unknown as Integrity;
    expect(body.chain.ok).toBe(true);
    expect(body.configured).toBe(true);
    expect(body.checkpoints!.checked).toBeGreaterThan(0);
    expect(body.checkpoints!.first_mismatch).toBeNull();
    expect((await callIntegrity(await signInDemo("manager"), "verify")).status).toBe(403);
  });

  it("a rewrite with every later hash recomputed passes the chain check but not the checkpoint", async () => {
    const checkpoint = (await callIntegrity(hr.client, "checkpoint")).body.checkpoint as {
      id: number;
      last_id: number;
    };
    const [victim] = await sql<{ id: string }>(
      "select id::text from public.audit_log where id < $1 order by id desc offset 2 limit 1",
      [checkpoint.last_id],
    );
    const victimId = Number(victim!.id);
    const kept = await snapshot(victimId);
    try {
      await asAttacker(async (client) => {
        const content = (await client.query<{ sql: string }>("select private.audit_content_sql('l') as sql")).rows[0]!
          .sql;
        await client.query(
          "update public.audit_log set new_row = jsonb_build_object('rewritten', true) where id = $1",
          [victimId],
        );
        await client.query(
          `with rows as (select l.id, ${content} as content from public.audit_log l where l.id >= $1),
                links as (select * from private.audit_chain_links(
                  (select array_agg(r.id order by r.id) from rows r), (select array_agg(r.content order by r.id) from rows r),
                  (select l.hash from public.audit_log l where l.id < $1 order by l.id desc limit 1)))
           update public.audit_log l set prev_hash = k.prev_hash, hash = k.hash from links k where l.id = k.id`,
          [victimId],
        );
      });
      const body = (await callIntegrity(auditor, "verify")).body as unknown as Integrity;
      expect(body.chain.ok, "the recomputed chain is consistent in itself").toBe(true);
      expect(body.checkpoints!.first_mismatch).toMatchObject({ reason: "hash_changed" });
      expect(body.checkpoints!.first_mismatch!.id).toBeLessThanOrEqual(checkpoint.id);
    } finally {
      await restore(victimId, kept);
    }
    const after = (await callIntegrity(auditor, "verify")).body as unknown as Integrity;
    expect(after.chain.ok).toBe(true);
    expect(after.checkpoints!.first_mismatch).toBeNull();
  });

  it("deleting the newest rows passes the chain check but not the checkpoint", async () => {
    const checkpoint = (await callIntegrity(hr.client, "checkpoint")).body.checkpoint as {
      id: number;
      last_id: number;
    };
    const [first] = await sql<{ id: string }>(
      "select id::text from public.audit_log where id <= $1 order by id desc offset 3 limit 1",
      [checkpoint.last_id],
    );
    const fromId = Number(first!.id);
    const kept = await snapshot(fromId);
    try {
      await asAttacker(async (client) => {
        await client.query("delete from public.audit_log where id >= $1", [fromId]);
      });
      const body = (await callIntegrity(auditor, "verify")).body as unknown as Integrity;
      expect(body.chain.ok, "what is left is a consistent chain").toBe(true);
      expect(body.checkpoints!.first_mismatch).not.toBeNull();
      expect(["row_missing", "count_changed"]).toContain(body.checkpoints!.first_mismatch!.reason);
    } finally {
      await restore(fromId, kept);
    }
    const after = (await callIntegrity(auditor, "verify")).body as unknown as Integrity;
    expect(after.chain.ok).toBe(true);
    expect(after.checkpoints!.first_mismatch).toBeNull();
  });

  it("a checkpoint forged in the database (without the key) is reported", async () => {
    const [head] = await sql<{ id: string; hash: string; n: string }>(
      "select l.id::text, encode(l.hash, 'hex') as hash, (select count(*) from public.audit_log c where c.id <= l.id)::text as n from public.audit_log l order by l.id desc limit 1",
    );
    const [forged] = await sql<{ id: string }>(
      "insert into public.audit_checkpoints (kind, last_id, last_hash, row_count, signature) values ('periodic', $1, decode($2, 'hex'), $3, repeat('0', 64)) returning id::text",
      [head!.id, head!.hash, head!.n],
    );
    try {
      const body = (await callIntegrity(auditor, "verify")).body as unknown as Integrity;
      expect(body.checkpoints!.first_mismatch).toMatchObject({ id: Number(forged!.id), reason: "bad_signature" });
    } finally {
      await sql("delete from public.audit_checkpoints where id = $1", [forged!.id]);
    }
  });
});

describe("previews without the read-only request check", () => {
  it("refuse to start (not configured) until the check is back", async () => {
    const subject = await createTestUser([], { signIn: false });
    const start = async () => {
      const token = (await hr.client.auth.getSession()).data.session!.access_token;
      const response = await fetch(`${env.apiUrl}/functions/v1/preview`, {
        method: "POST",
        headers: { apikey: env.anonKey, Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ subject_id: subject.id }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    await sql("alter role authenticator reset pgrst.db_pre_request");
    try {
      const refused = await start();
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe("not_configured");
    } finally {
      await sql("alter role authenticator set pgrst.db_pre_request = 'private.check_request'");
    }
    expect((await start()).status).toBe(200);
  });
});
