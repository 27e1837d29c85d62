// Hostile and malformed input, through PostgREST with real JWTs, to every writable resource:
// wrong types, huge strings, unknown columns, null bytes, SQL fragments, deep JSON, negative
// numbers, far-past and far-future dates, rows outside one's scope. Each gets a 4xx with a
// message and changes nothing (the table's content hash is the same before and after), and
// the database keeps serving. Writes that name rows one may not see match no row: sent as the
// app sends one-record writes (a single object), PostgREST answers 406 and nothing changes.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, serviceClient, signInDemo, type Client, type TestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

type Row = Record<string, unknown>;
let hr: TestUser;
const ids = { position: "", category: "", south: "", southPerson: "", southTerritory: "" };

beforeAll(async () => {
  hr = await createTestUser(["hr_admin"]);
  const admin = serviceClient();
  ids.position = (await admin.from("positions").select("id").eq("code", "sales_assistant").single()).data!.id;
  ids.category = (await admin.from("regulation_categories").select("id").eq("code", "conduct").single()).data!.id;
  ids.south = (await admin.from("territories").select("id").eq("code", "SOU").single()).data!.id;
  ids.southPerson = (
    await sql<{ id: string }>(
      "select s.id::text from public.staff s join public.territories t on t.id = s.territory_id where t.code like 'SOU%' limit 1",
    )
  )[0]!.id;
  ids.southTerritory = (await admin.from("territories").select("id").eq("code", "SOU-E").single()).data!.id;
});

const u = () => randomUUID().slice(0, 8);
const huge = "x".repeat(2_000_000);
const nul = "before\u0000after";
const injection = "x'); drop table public.staff; --";
function deep(levels: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < levels; i++) value = { nested: value };
  return value;
}

/** Content hash of a table (superuser: every row, whatever RLS says). */
/** Where the audit log ends now: what is written after it is what a request changed. */
async function auditMark(): Promise<string> {
  const [row] = await sql<{ last: string }>("select coalesce(max(id), 0)::text as last from public.audit_log");
  return row!.last;
}

/**
 * The rows of `table` this person inserted, changed or deleted since the mark (the audit trail
 * records every change with its actor). Other test files write to the same tables meanwhile, so
 * a whole-table fingerprint would see their rows; the actor's own trail sees only this one's.
 */
async function changedBy(actor: string, table: string, mark: string): Promise<string[]> {
  const rows = await sql<{ change: string }>(
    `select operation || ' ' || record_id as change from public.audit_log
      where id > $1 and table_name = $2 and actor_id = $3 order by id`,
    [mark, table, actor],
  );
  return rows.map((r) => r.change);
}

/** One row as text (empty when there is none): a write that was refused leaves it as it was. */
async function rowPrint(table: string, id: string): Promise<string> {
  const [row] = await sql<{ h: string }>(`select t::text as h from public.${table} t where t.id = $1`, [id]);
  return row?.h ?? "";
}

interface Case {
  name: string;
  /** What is sent: an insert body, or a patch applied to `target`. */
  insert?: Row;
  patch?: Row;
  /** A raw filter value for the patch (e.g. an SQL fragment where an id belongs). */
  filter?: string;
  /** Valid as a request (a text key compared as text): it must match no row and change nothing. */
  noMatch?: boolean;
}

interface Resource {
  table: string;
  valid: () => Row;
  /** The row patches are aimed at (created by the service role). */
  target: () => Promise<string>;
  key?: string;
  cases: () => Case[];
}

const common = (valid: () => Row, text: string, textKey = false): Case[] => [
  { name: "an unknown column", insert: { ...valid(), no_such_column: 1 } },
  { name: "a 2 MB string", insert: { ...valid(), [text]: huge } },
  { name: "a null byte", insert: { ...valid(), [text]: nul } },
  textKey
    ? {
        name: "an SQL fragment as the key matches no row",
        patch: { [text]: "Changed" },
        filter: "1' or '1'='1",
        noMatch: true,
      }
    : { name: "an SQL fragment in the id filter", patch: { [text]: "Changed" }, filter: "1' or '1'='1" },
  { name: "an unknown column in a patch", patch: { no_such_column: "x" } },
];

const resources: Resource[] = [
  {
    table: "staff",
    valid: () => ({ full_name: "Bad Input", email: `bad.${u()}@example.com`, position_id: ids.position }),
    target: async () =>
      (
        await serviceClient()
          .from("staff")
          .insert({ full_name: "Target", email: `target.${u()}@example.com`, position_id: ids.position })
          .select("id")
          .single()
      ).data!.id,
    cases: function () {
      return [
        ...common(this.valid, "full_name"),
        { name: "a malformed uuid", insert: { ...this.valid(), position_id: "not-a-uuid" } },
        { name: "a malformed date", insert: { ...this.valid(), hire_date: "yesterday" } },
        { name: "a far-past date", insert: { ...this.valid(), hire_date: "0001-01-01" } },
        { name: "a far-future date", insert: { ...this.valid(), hire_date: "9999-12-31" } },
        { name: "infinity as a date", insert: { ...this.valid(), hire_date: "infinity" } },
        { name: "an SQL fragment as an email", insert: { ...this.valid(), email: injection } },
        { name: "an unknown status", insert: { ...this.valid(), status: "retired'; --" } },
        { name: "deep JSON in custom fields", insert: { ...this.valid(), custom_fields: deep(500) } },
        { name: "an array as custom fields", insert: { ...this.valid(), custom_fields: [1, 2, 3] } },
        { name: "a wrong type in a custom field", patch: { custom_fields: { birthday: 12 } } },
        { name: "a stale version", patch: { notes: "stale", version: -1 } },
      ];
    },
  },
  {
    table: "territories",
    valid: () => ({ code: `BI-${u().toUpperCase()}`, name: "Bad input land" }),
    target: async () =>
      (
        await serviceClient()
          .from("territories")
          .insert({ code: `BT-${u().toUpperCase()}`, name: "Target land" })
          .select("id")
          .single()
      ).data!.id,
    cases: function () {
      return [
        ...common(this.valid, "name"),
        { name: "an SQL fragment as a code", insert: { ...this.valid(), code: injection } },
        { name: "a parent that does not exist", insert: { ...this.valid(), parent_id: randomUUID() } },
        { name: "itself as its parent", patch: { parent_id: "__self__" } },
        { name: "deep JSON in custom fields", insert: { ...this.valid(), custom_fields: deep(500) } },
      ];
    },
  },
  {
    table: "positions",
    valid: () => ({ code: `bad_${u()}`, title_en: "Bad input position" }),
    target: async () =>
      (
        await serviceClient()
          .from("positions")
          .insert({ code: `target_${u()}`, title_en: "Target position" })
          .select("id")
          .single()
      ).data!.id,
    cases: function () {
      return [
        ...common(this.valid, "title_en"),
        { name: "a negative headcount", insert: { ...this.valid(), headcount: -5 } },
        { name: "text as a number", insert: { ...this.valid(), headcount: "many" } },
        { name: "a huge number", insert: { ...this.valid(), headcount: 1e40 } },
        { name: "deep JSON as responsibilities", insert: { ...this.valid(), responsibilities: deep(500) } },
        { name: "an SQL fragment as a code", insert: { ...this.valid(), code: injection } },
      ];
    },
  },
  {
    table: "app_roles",
    key: "code",
    valid: () => ({
      code: `bad_${u().replace(/[0-9]/g, "a")}`,
      label_en: "Bad input role",
      label_es: "Rol",
      label_zh: "角色",
    }),
    // (Roles are created by people who may edit the matrix, not by the service role.)
    target: async () =>
      (
        await hr.client
          .from("app_roles")
          .insert({
            code: `target_${u().replace(/[0-9]/g, "b")}`,
            label_en: "Target role",
            label_es: "Rol",
            label_zh: "角色",
          })
          .select("code")
          .single()
      ).data!.code,
    cases: function () {
      return [
        ...common(this.valid, "label_en", true),
        { name: "an SQL fragment as a code", insert: { ...this.valid(), code: injection } },
        { name: "an object as a flag", insert: { ...this.valid(), built_in: { yes: 1 } } },
      ];
    },
  },
  {
    table: "regulation_categories",
    valid: () => ({ code: `bad_${u()}`, label_en: "Bad input category" }),
    target: async () =>
      (
        await serviceClient()
          .from("regulation_categories")
          .insert({ code: `target_${u()}`, label_en: "Target category" })
          .select("id")
          .single()
      ).data!.id,
    cases: function () {
      return [
        ...common(this.valid, "label_en"),
        { name: "text as a sort order", insert: { ...this.valid(), sort_order: "first" } },
      ];
    },
  },
  {
    table: "custom_field_definitions",
    valid: () => ({ resource: "staff", key: `bad_${u()}`, label_en: "Bad input field", field_type: "text" }),
    target: async () =>
      (
        await serviceClient()
          .from("custom_field_definitions")
          .insert({ resource: "staff", key: `target_${u()}`, label_en: "Target field", field_type: "text" })
          .select("id")
          .single()
      ).data!.id,
    cases: function () {
      return [
        ...common(this.valid, "label_en"),
        { name: "an unknown field type", insert: { ...this.valid(), field_type: "blob" } },
        { name: "an unknown resource", insert: { ...this.valid(), resource: "pg_authid" } },
        { name: "deep JSON as options", insert: { ...this.valid(), options: deep(500) } },
      ];
    },
  },
  {
    table: "sanction_levels",
    valid: () => ({ category_id: ids.category, level_order: 9, kind: "fine", fine_amount: 50 }),
    target: async () =>
      (
        await serviceClient()
          .from("sanction_levels")
          .insert({ category_id: ids.category, level_order: 10, kind: "written_warning" })
          .select("id")
          .single()
      ).data!.id,
    cases: function () {
      return [
        ...common(this.valid, "note_en"),
        { name: "a negative fine", insert: { ...this.valid(), fine_amount: -100 } },
        { name: "an absurd fine", insert: { ...this.valid(), fine_amount: 1e15 } },
        { name: "an unknown kind", insert: { ...this.valid(), kind: "flogging" } },
        { name: "both a rule and a category", insert: { ...this.valid(), regulation_id: randomUUID() } },
      ];
    },
  },
];

async function attempt(client: Client, resource: Resource, c: Case, target: string) {
  const key = resource.key ?? "id";
  if (c.insert !== undefined) {
    const { data, error, status } = await client
      .from(resource.table as "staff")
      .insert(c.insert as never)
      .select(key);
    return { data, error, status };
  }
  const patch = { ...c.patch };
  if (patch.parent_id === "__self__") patch.parent_id = target;
  // One record, as the app's data provider writes it: a single object, so a write that
  // matches no row is the server's 406, not an empty success.
  const { data, error, status } = await client
    .from(resource.table as "staff")
    .update(patch as never)
    .eq(key as "id", c.filter ?? target)
    .select(key)
    .single();
  return { data, error, status };
}

describe.each(resources.map((r) => [r.table, r] as const))("hostile writes to %s as HR", (_table, resource) => {
  let target = "";
  beforeAll(async () => {
    target = await resource.target();
  });

  it("a well-formed row is accepted (the baseline each hostile case alters)", async () => {
    const { error } = await attempt(hr.client, resource, { name: "valid", insert: resource.valid() }, target);
    expect(error).toBeNull();
  });

  it.each(resource.cases.call(resource).map((c) => [c.name, c] as const))(
    "%s: nothing changes, and an invalid request gets a 4xx with a message",
    async (_name, c) => {
      const mark = await auditMark();
      const { data, error, status } = await attempt(hr.client, resource, c, target);
      if (c.noMatch) {
        expect(error?.code).toBe("PGRST116");
        expect(status).toBe(406);
      }
      expect(error, `${resource.table}: ${c.name} was accepted: ${JSON.stringify(data)?.slice(0, 200)}`).not.toBeNull();
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(error!.message.length).toBeGreaterThan(0);
      expect(await changedBy(hr.id, resource.table, mark)).toEqual([]);
    },
  );
});

describe("hostile RPC calls", () => {
  it("a well-formed rule is accepted (the baseline each hostile call alters)", async () => {
    const { error } = await hr.client.rpc("create_regulation", {
      p_code: `BI-${u().toUpperCase()}`,
      p_category: ids.category,
      p_title_en: "Good rule",
      p_body_en: "Body",
      p_body_zh: "",
      p_effective_date: "2026-01-01",
      p_applies_to_all: true,
      p_positions: [],
    });
    expect(error).toBeNull();
  });

  it.each([
    ["a rule whose code is an SQL fragment", { p_code: injection }],
    ["a rule with a 2 MB body", { p_body_en: huge }],
    ["a rule with a null byte in its title", { p_title_en: nul }],
    ["a rule effective in the year 9999", { p_effective_date: "9999-01-01" }],
    ["a rule in a category that does not exist", { p_category: randomUUID() }],
    ["a rule with a malformed position id", { p_positions: ["not-a-uuid"], p_applies_to_all: false }],
    ["a rule with an unknown argument", { p_no_such_argument: 1 }],
  ])("%s: a 4xx with a message, and no rule is created", async (_name, override) => {
    const mark = await auditMark();
    const { error, status } = await hr.client.rpc("create_regulation", {
      p_code: `BI-${u().toUpperCase()}`,
      p_category: ids.category,
      p_title_en: "Bad input rule",
      p_body_en: "Body",
      p_body_zh: "",
      p_effective_date: "2026-01-01",
      p_applies_to_all: true,
      p_positions: [],
      ...override,
    } as never);
    expect(error).not.toBeNull();
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(error!.message.length).toBeGreaterThan(0);
    expect(await changedBy(hr.id, "regulations", mark)).toEqual([]);
  });
});

describe("rows outside one's scope", () => {
  it("a manager creating staff in another region is refused (403) and nothing is written", async () => {
    const manager = await signInDemo("manager");
    const email = `outsider.${u()}@example.com`;
    const { error, status } = await manager
      .from("staff")
      .insert({
        full_name: "Outsider",
        email,
        position_id: ids.position,
        territory_id: ids.southTerritory,
      })
      .select("id");
    expect(error).not.toBeNull();
    expect(status).toBe(403);
    expect(await sql("select id from public.staff where email = $1", [email])).toEqual([]);
  });

  it("a manager editing or deleting a person in another region gets a 406 (no such row for them), and nothing changes", async () => {
    const manager = await signInDemo("manager");
    const before = await rowPrint("staff", ids.southPerson);
    const update = await manager
      .from("staff")
      .update({ notes: "took over" })
      .eq("id", ids.southPerson)
      .select("id")
      .single();
    expect(update.error?.code).toBe("PGRST116");
    expect(update.status).toBe(406);
    const removal = await manager.from("staff").delete().eq("id", ids.southPerson).select("id").single();
    expect(removal.error?.code).toBe("PGRST116");
    expect(removal.status).toBe(406);
    expect(await rowPrint("staff", ids.southPerson)).toBe(before);
  });

  it("a manager assigning a territory outside their region is refused with a message", async () => {
    const manager = await signInDemo("manager");
    const assignments = () =>
      sql(
        "select t::text from public.territory_assignments t where t.staff_id = $1 or t.territory_id = $2 order by 1",
        [ids.southPerson, ids.south],
      );
    const before = await assignments();
    const { error, status } = await manager.rpc("assign_territory", {
      p_staff: ids.southPerson,
      p_territory: ids.south,
      p_reason: "grab",
    });
    expect(error).not.toBeNull();
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(await assignments()).toEqual(before);
  });
});

describe("after all of that", () => {
  it("the database keeps serving: a plain read answers", async () => {
    const { data, error } = await hr.client.from("positions").select("id").limit(1);
    expect(error).toBeNull();
    expect(data).toHaveLength(1);
  });
});
