// "Who" and "when" columns (*_by, *_at) and derived columns are the database's: whatever a
// client sends for them on insert or update through PostgREST is ignored (or the write is
// refused). Every such column the API lets a client name is tried, table by table, with the
// matrix walk's fixtures; plus the login link on staff and the actor's e-mail in the log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableFixtures } from "../db/fixtures/tables.ts";
import { createTestUser, signInDemo, type TestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

const forgedUser = "00000000-0000-4000-a000-000000000002"; // the demo manager
const forgedTime = "2001-02-03T04:05:06+00:00";
const forgedFor = (column: string, type: string) =>
  column === "territory_path" ? "forged.path" : type === "uuid" ? forgedUser : forgedTime;

interface ServerColumn {
  table: string;
  column: string;
  type: string;
  insertable: boolean;
  updatable: boolean;
}

let hr: TestUser;
let columns: ServerColumn[];

beforeAll(async () => {
  hr = await createTestUser(["hr_admin"]);
  columns = await sql<ServerColumn>(`
    select c.table_name as table, c.column_name as column, c.data_type as type,
           has_column_privilege('authenticated', format('public.%I', c.table_name), c.column_name, 'INSERT') as insertable,
           has_column_privilege('authenticated', format('public.%I', c.table_name), c.column_name, 'UPDATE') as updatable
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
     where c.table_schema = 'public' and (c.column_name ~ '_(by|at)$' or c.column_name = 'territory_path')
     order by 1, 2`);
}, 60_000);

const sameInstant = (value: unknown, forged: string) =>
  value !== null &&
  value !== undefined &&
  (String(value) === forged || new Date(String(value)).getTime() === new Date(forged).getTime());

describe("server-set columns ignore client values", () => {
  it("on insert, for every table that lets a client name one", async () => {
    const tables = [...new Set(columns.filter((c) => c.insertable).map((c) => c.table))];
    const checked: string[] = [];
    for (const table of tables) {
      const fixture = tableFixtures.find((f) => f.table === table)!;
      const forged = Object.fromEntries(
        columns.filter((c) => c.table === table && c.insertable).map((c) => [c.column, forgedFor(c.column, c.type)]),
      );
      const payload = { ...(await fixture.createPayload(hr)), ...forged };
      const { data, error } = await hr.client
        .from(table as "staff")
        .insert(payload as never)
        .select()
        .maybeSingle();
      if (error) continue; // refused outright: nothing forged was stored
      checked.push(table);
      for (const [column, value] of Object.entries(forged)) {
        expect(sameInstant((data as Record<string, unknown>)[column], value), `${table}.${column}`).toBe(false);
      }
    }
    // The tables whose forged inserts are accepted as rows (the rest refuse them).
    expect(checked.sort()).toEqual(
      expect.arrayContaining(["positions", "regulations", "staff", "territories", "user_roles"]),
    );
  });

  it("on update, for every table that lets a client name one", async () => {
    const tables = [...new Set(columns.filter((c) => c.updatable).map((c) => c.table))];
    const checked: string[] = [];
    for (const table of tables) {
      const fixture = tableFixtures.find((f) => f.table === table)!;
      const key = await fixture.arrange();
      const [before] = await sql<Record<string, unknown>>(
        `select * from public.${table} where ${fixture.key}::text = $1`,
        [key],
      );
      const forged = Object.fromEntries(
        columns.filter((c) => c.table === table && c.updatable).map((c) => [c.column, forgedFor(c.column, c.type)]),
      );
      const patch = {
        ...fixture.patch,
        ...forged,
        ...(before!.version !== undefined ? { version: before!.version } : {}),
      };
      const { error } = await hr.client
        .from(table as "staff")
        .update(patch as never)
        .eq(fixture.key as "id", key)
        .select()
        .maybeSingle();
      const [after] = await sql<Record<string, unknown>>(
        `select * from public.${table} where ${fixture.key}::text = $1`,
        [key],
      );
      if (!error) checked.push(table);
      for (const [column, value] of Object.entries(forged)) {
        expect(sameInstant(after![column], value), `${table}.${column} (${error?.message ?? "saved"})`).toBe(false);
      }
    }
    expect(checked.sort()).toEqual(
      expect.arrayContaining(["positions", "staff", "territories", "territory_assignments"]),
    );
  });

  it("a rule inserted through the API starts as a draft with no workflow history", async () => {
    const fixture = tableFixtures.find((f) => f.table === "regulations")!;
    const payload = { ...(await fixture.createPayload(hr)), status: "published", current_version: 3, draft_number: 9 };
    const { data, error } = await hr.client
      .from("regulations")
      .insert(payload as never)
      .select()
      .single();
    expect(error).toBeNull();
    expect(data).toMatchObject({
      status: "draft",
      current_version: null,
      draft_number: 1,
      submitted_by: null,
      retired_at: null,
    });
  });
});

describe("linking a login to a person", () => {
  it("a manager cannot link a login while creating a person, as when editing one", async () => {
    const manager = await signInDemo("manager");
    const [territory] = await sql<{ id: string }>("select id::text from public.territories where code = 'NOR'");
    const [position] = await sql<{ id: string }>(
      "select id::text from public.positions where code = 'sales_assistant'",
    );
    const login = await createTestUser([], { signIn: false });
    const { error } = await manager
      .from("staff")
      .insert({
        full_name: "Linked On Create",
        email: `linked-${Date.now()}@test.example.com`,
        position_id: position!.id,
        territory_id: territory!.id,
        user_id: login.id,
      })
      .select()
      .single();
    expect(error?.code).toBe("42501");
    const [count] = await sql<{ n: string }>("select count(*)::text as n from public.staff where user_id = $1", [
      login.id,
    ]);
    expect(count!.n).toBe("0");
  });

  it("HR may link a login on create", async () => {
    const [position] = await sql<{ id: string }>(
      "select id::text from public.positions where code = 'sales_assistant'",
    );
    const login = await createTestUser([], { signIn: false });
    const { data, error } = await hr.client
      .from("staff")
      .insert({
        full_name: "Linked By HR",
        email: `hr-linked-${Date.now()}@test.example.com`,
        position_id: position!.id,
        user_id: login.id,
      })
      .select("user_id")
      .single();
    expect(error).toBeNull();
    expect(data!.user_id).toBe(login.id);
  });
});

describe("the audit log names the actor by id and e-mail", () => {
  it("a change records the actor's e-mail beside the name, and the chain still verifies", async () => {
    const fixture = tableFixtures.find((f) => f.table === "positions")!;
    const { data } = await hr.client
      .from("positions")
      .insert((await fixture.createPayload(hr)) as never)
      .select("id")
      .single();
    const [row] = await sql<{ actor_id: string; actor_email: string; actor_name: string }>(
      "select actor_id::text, actor_email, actor_name from public.audit_log where table_name = 'positions' and record_id = $1 order by id desc limit 1",
      [(data as { id: string }).id],
    );
    expect(row).toEqual({ actor_id: hr.id, actor_email: hr.email, actor_name: hr.fullName });
    const { data: verified } = await hr.client.rpc("verify_audit_chain");
    expect(verified![0]).toMatchObject({ ok: true });
  });

  it("a person renamed to someone else's name is still told apart by e-mail", async () => {
    const twin = await createTestUser(["hr_admin"], { fullName: hr.fullName });
    const { data } = await twin.client
      .from("positions")
      .insert({ code: `tw_${Date.now()}`, title_en: "Twin" } as never)
      .select("id")
      .single();
    const [row] = await sql<{ actor_name: string; actor_email: string }>(
      "select actor_name, actor_email from public.audit_log where table_name = 'positions' and record_id = $1",
      [(data as { id: string }).id],
    );
    expect(row!.actor_name).toBe(hr.fullName);
    expect(row!.actor_email).toBe(twin.email);
    expect(row!.actor_email).not.toBe(hr.email);
  });
});
