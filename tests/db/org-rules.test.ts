// The org structure's rules, held by the database whoever writes: no reporting loops, one
// territory per active salesperson and one salesperson per territory with a history of
// who changed it and why, custom fields validated against their definitions, and CSV
// imports that are all or nothing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, serviceClient, signInDemo, type Client, type TestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

const admin = () => serviceClient();
const short = () => randomUUID().slice(0, 6);
let hr: TestUser;
const ids = { salesperson: "", assistant: "" };

async function positionId(code: string) {
  const { data } = await admin().from("positions").select("id").eq("code", code).single();
  return data!.id;
}

async function newTerritory(parent: string | null = null): Promise<string> {
  const { data, error } = await admin()
    .from("territories")
    .insert({ code: `Q-${short().toUpperCase()}`, name: "Rule territory", parent_id: parent })
    .select("id")
    .single();
  if (error) throw error;
  return data!.id;
}

beforeAll(async () => {
  hr = await createTestUser(["hr_admin"]);
  ids.salesperson = await positionId("salesperson");
  ids.assistant = await positionId("sales_assistant");
});

describe("trees do not loop", () => {
  it("a territory cannot move under its own descendant", async () => {
    const top = await newTerritory();
    const mid = await newTerritory(top);
    const leaf = await newTerritory(mid);
    const { data: row } = await hr.client.from("territories").select("version").eq("id", top).single();
    const { error } = await hr.client
      .from("territories")
      .update({ parent_id: leaf, version: row!.version })
      .eq("id", top)
      .select();
    expect(error?.details).toBe("tree_cycle");
    expect(error?.message).toContain("cannot be moved under itself or one of its own sub-territories");
  });

  it("moving a territory moves its whole subtree's paths", async () => {
    const a = await newTerritory();
    const b = await newTerritory();
    const child = await newTerritory(a);
    const grandchild = await newTerritory(child);
    const { data: row } = await hr.client.from("territories").select("version").eq("id", child).single();
    expect(
      (await hr.client.from("territories").update({ parent_id: b, version: row!.version }).eq("id", child).select())
        .error,
    ).toBeNull();
    const [g] = await sql<{ ok: boolean }>(
      "select g.path <@ b.path as ok from public.territories g, public.territories b where g.id = $1 and b.id = $2",
      [grandchild, b],
    );
    expect(g!.ok).toBe(true);
  });

  it("a position cannot report to one of its own subordinates", async () => {
    const top = (
      await admin()
        .from("positions")
        .insert({ code: `pt_${short()}`, title_en: "Top" })
        .select("id")
        .single()
    ).data!.id;
    const below = (
      await admin()
        .from("positions")
        .insert({ code: `pb_${short()}`, title_en: "Below", parent_id: top })
        .select("id")
        .single()
    ).data!.id;
    const { error } = await hr.client.from("positions").update({ parent_id: below, version: 1 }).eq("id", top).select();
    expect(error?.details).toBe("tree_cycle");
  });

  it("a person cannot report to someone who reports to them", async () => {
    const boss = (
      await admin()
        .from("staff")
        .insert({ full_name: "Boss", email: `boss-${short()}@rules.example.com`, position_id: ids.assistant })
        .select("id")
        .single()
    ).data!.id;
    const report = (
      await admin()
        .from("staff")
        .insert({
          full_name: "Report",
          email: `rep-${short()}@rules.example.com`,
          position_id: ids.assistant,
          manager_id: boss,
        })
        .select("id")
        .single()
    ).data!.id;
    const { error } = await hr.client.from("staff").update({ manager_id: report, version: 1 }).eq("id", boss).select();
    expect(error?.details).toBe("tree_cycle");
  });
});

describe("one territory per salesperson, one salesperson per territory", () => {
  it("an active salesperson without a territory is refused", async () => {
    const { error } = await hr.client
      .from("staff")
      .insert({ full_name: "No Area", email: `na-${short()}@rules.example.com`, position_id: ids.salesperson })
      .select();
    expect(error?.details).toBe("salesperson_territory");
  });

  it("a taken territory cannot get a second salesperson", async () => {
    const area = await newTerritory();
    await hr.client
      .from("staff")
      .insert({
        full_name: "First",
        email: `f-${short()}@rules.example.com`,
        position_id: ids.salesperson,
        territory_id: area,
      })
      .select();
    const { error } = await hr.client
      .from("staff")
      .insert({
        full_name: "Second",
        email: `s-${short()}@rules.example.com`,
        position_id: ids.salesperson,
        territory_id: area,
      })
      .select();
    expect(error?.details).toBe("territory_taken");
  });

  it("moving a salesperson keeps the history: from, to, who and why", async () => {
    const first = await newTerritory();
    const second = await newTerritory();
    const { data: person } = await hr.client
      .from("staff")
      .insert({
        full_name: "Mover",
        email: `m-${short()}@rules.example.com`,
        position_id: ids.salesperson,
        territory_id: first,
      })
      .select("id")
      .single();
    const { error } = await hr.client.rpc("assign_territory", {
      p_staff: person!.id,
      p_territory: second,
      p_reason: "Covering the new market",
    });
    expect(error).toBeNull();
    const history = await sql<{
      territory_id: string;
      valid_to: string | null;
      reason: string;
      end_reason: string;
      assigned_by: string;
      ended_by: string | null;
    }>(
      "select territory_id, valid_to, reason, end_reason, assigned_by, ended_by from public.territory_assignments where staff_id = $1 order by valid_from",
      [person!.id],
    );
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({
      territory_id: first,
      end_reason: "Covering the new market",
      ended_by: hr.id,
      reason: "Initial assignment",
    });
    expect(history[0]!.valid_to).not.toBeNull();
    expect(history[1]).toMatchObject({
      territory_id: second,
      valid_to: null,
      reason: "Covering the new market",
      assigned_by: hr.id,
    });
  });

  it("a reason is required to move someone", async () => {
    const area = await newTerritory();
    const { error } = await hr.client.rpc("assign_territory", {
      p_staff: randomUUID(),
      p_territory: area,
      p_reason: " ",
    });
    expect(error?.details).toBe("reason_required");
  });

  it("a salesperson who leaves frees their territory and keeps their record", async () => {
    const area = await newTerritory();
    const { data: person } = await hr.client
      .from("staff")
      .insert({
        full_name: "Leaver",
        email: `l-${short()}@rules.example.com`,
        position_id: ids.salesperson,
        territory_id: area,
      })
      .select("id, version")
      .single();
    const { data: left, error } = await hr.client
      .from("staff")
      .update({ status: "left", version: person!.version })
      .eq("id", person!.id)
      .select("status, territory_id, status_changed_on")
      .single();
    expect(error).toBeNull();
    expect(left).toMatchObject({ status: "left", territory_id: null });
    expect(
      await sql("select 1 from public.territory_assignments where territory_id = $1 and valid_to is null", [area]),
    ).toEqual([]);
  });
});

describe("custom fields are validated by the database", () => {
  let key: string;
  beforeAll(async () => {
    key = `score_${short()}`;
    await admin()
      .from("custom_field_definitions")
      .insert({ resource: "territories", key, label_en: "Score", field_type: "number" });
  });
  afterAll(async () => {
    await admin().from("custom_field_definitions").delete().eq("key", key);
  });

  it("a number field refuses text even through the API", async () => {
    const { error } = await hr.client
      .from("territories")
      .insert({ code: `C-${short().toUpperCase()}`, name: "Typed", custom_fields: { [key]: "abc" } })
      .select();
    expect(error?.details).toBe("custom_field_type");
    expect(error?.message).toBe('"Score" must be a number.');
    const ok = await hr.client
      .from("territories")
      .insert({ code: `C-${short().toUpperCase()}`, name: "Typed", custom_fields: { [key]: 42 } })
      .select("custom_fields")
      .single();
    expect(ok.data?.custom_fields).toMatchObject({ [key]: 42 });
  });

  it("an unknown field is refused", async () => {
    const { error } = await hr.client
      .from("territories")
      .insert({ code: `C-${short().toUpperCase()}`, name: "Typed", custom_fields: { nope: 1 } })
      .select();
    expect(error?.details).toBe("custom_field_unknown");
  });

  it("a removed option is refused on new writes, while rows holding it stay editable", async () => {
    const select = `size_${short()}`;
    const { data: def } = await admin()
      .from("custom_field_definitions")
      .insert({
        resource: "territories",
        key: select,
        label_en: "Size",
        field_type: "single_select",
        options: [
          { value: "s", label_en: "S" },
          { value: "xl", label_en: "XL" },
        ],
      })
      .select("id, version")
      .single();
    try {
      const { data: row } = await hr.client
        .from("territories")
        .insert({ code: `C-${short().toUpperCase()}`, name: "Sized", custom_fields: { [select]: "xl" } })
        .select("id, version")
        .single();
      await admin()
        .from("custom_field_definitions")
        .update({
          options: [
            { value: "s", label_en: "S" },
            { value: "xl", label_en: "XL", active: false },
          ],
          version: def!.version,
        })
        .eq("id", def!.id);
      const again = await hr.client
        .from("territories")
        .insert({ code: `C-${short().toUpperCase()}`, name: "Sized", custom_fields: { [select]: "xl" } })
        .select();
      expect(again.error?.details).toBe("custom_field_option");
      const edit = await hr.client
        .from("territories")
        .update({ name: "Renamed", version: row!.version })
        .eq("id", row!.id)
        .select("name, custom_fields")
        .single();
      expect(edit.error).toBeNull();
      expect(edit.data?.custom_fields).toMatchObject({ [select]: "xl" });
    } finally {
      await admin().from("custom_field_definitions").delete().eq("key", select);
    }
  });
});

describe("CSV import", () => {
  const csvRow = (i: number, extra: Record<string, string> = {}) => ({
    _line: i + 2,
    full_name: `Imported ${i}`,
    email: `imp-${i}-${randomUUID().slice(0, 8)}@import.example.com`,
    position: "sales_assistant",
    hire_date: "2024-01-15",
    cf_hobbies: "music;travel",
    ...extra,
  });

  it("reports every bad row with line, column and reason, and writes nothing", async () => {
    const rows = [
      csvRow(0),
      csvRow(1, { email: "broken" }),
      csvRow(2, { position: "astronaut", hire_date: "2024-02-30" }),
      csvRow(3, { cf_hobbies: "music;skydiving" }),
    ];
    const { data, error } = await hr.client.rpc("import_staff", { p_rows: rows, p_dry_run: false });
    expect(error).toBeNull();
    const result = data as { ok: boolean; inserted: number; errors: { line: number; column: string; code: string }[] };
    expect(result.ok).toBe(false);
    expect(result.inserted).toBe(0);
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, "email", "invalid_email"],
      [4, "hire_date", "bad_date"],
      [4, "position", "unknown_position"],
      [5, "cf_hobbies", "custom_field_option"],
    ]);
    expect(await sql("select 1 from public.staff where email = $1", [rows[0]!.email])).toEqual([]);
  });

  it("a manager's rows outside their territories are refused per row", async () => {
    const manager = await signInDemo("manager");
    const { data } = await manager.rpc("import_staff", {
      p_rows: [csvRow(0, { territory: "SOU-E" })],
      p_dry_run: true,
    });
    expect((data as { errors: { code: string }[] }).errors.map((e) => e.code)).toEqual(["territory_outside_scope"]);
  });

  it("imports 10,000 good rows in one transaction, well under a minute", async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => csvRow(i));
    const started = Date.now();
    const { data, error } = await hr.client.rpc("import_staff", { p_rows: rows, p_dry_run: false });
    const seconds = (Date.now() - started) / 1000;
    expect(error).toBeNull();
    expect(data).toMatchObject({ ok: true, inserted: 10_000 });
    expect(seconds).toBeLessThan(60);
    const [count] = await sql<{ n: string }>(
      "select count(*) as n from public.staff where email like 'imp-%@import.example.com' and email = any($1)",
      [rows.map((r) => r.email)],
    );
    expect(Number(count!.n)).toBe(10_000);
    // Clean up (as the superuser: the audit trail keeps the history).
    await sql("delete from public.staff where email = any($1)", [rows.map((r) => r.email)]);
  }, 120_000);

  it("imports a territory tree listed children first, parents before children, in one statement per level", async () => {
    const t = short().toUpperCase();
    const rows = [
      { _line: 2, code: `IMP-${t}-1-1`, name: "Leaf", parent: `IMP-${t}-1` },
      { _line: 3, code: `IMP-${t}-1`, name: "Branch", parent: `IMP-${t}` },
      { _line: 4, code: `IMP-${t}-2`, name: "Second branch", parent: `IMP-${t}` },
      { _line: 5, code: `IMP-${t}`, name: "Root" },
    ];
    const { data, error } = await hr.client.rpc("import_territories", { p_rows: rows, p_dry_run: false });
    expect(error).toBeNull();
    expect(data).toMatchObject({ ok: true, inserted: 4 });
    const tree = await sql<{ code: string; parent: string | null; depth: number }>(
      "select t.code, p.code as parent, extensions.nlevel(t.path) as depth from public.territories t left join public.territories p on p.id = t.parent_id where t.code like $1 order by t.code",
      [`IMP-${t}%`],
    );
    expect(tree).toEqual([
      { code: `IMP-${t}`, parent: null, depth: 1 },
      { code: `IMP-${t}-1`, parent: `IMP-${t}`, depth: 2 },
      { code: `IMP-${t}-1-1`, parent: `IMP-${t}-1`, depth: 3 },
      { code: `IMP-${t}-2`, parent: `IMP-${t}`, depth: 2 },
    ]);
    // Three levels, three insert statements: rows written by one statement share its command id (cmin).
    const commands = await sql<{ code: string; cmd: string }>(
      "select code, cmin::text as cmd from public.territories where code like $1",
      [`IMP-${t}%`],
    );
    const cmd = Object.fromEntries(commands.map((c) => [c.code, c.cmd]));
    expect(new Set(Object.values(cmd)).size).toBe(3);
    expect(cmd[`IMP-${t}-1`]).toBe(cmd[`IMP-${t}-2`]);
  });

  it("refuses territories that name each other as parents, and writes none of the file", async () => {
    const t = short().toUpperCase();
    const rows = [
      { _line: 2, code: `LOOP-${t}-A`, name: "A", parent: `LOOP-${t}-B` },
      { _line: 3, code: `LOOP-${t}-B`, name: "B", parent: `LOOP-${t}-A` },
      { _line: 4, code: `LOOP-${t}-C`, name: "C" },
    ];
    const { error } = await hr.client.rpc("import_territories", { p_rows: rows, p_dry_run: false });
    expect(error?.details).toBe("tree_cycle");
    expect(await sql("select code from public.territories where code like $1", [`LOOP-${t}%`])).toEqual([]);
  });
});

describe("staff records", () => {
  it("HR links a login; a manager cannot", async () => {
    const person = (
      await admin()
        .from("staff")
        .insert({
          full_name: "Linkable",
          email: `lk-${short()}@rules.example.com`,
          position_id: ids.assistant,
          territory_id: await newTerritory(),
        })
        .select("id, version")
        .single()
    ).data!;
    const login = await createTestUser([], { signIn: false });
    const manager: Client = await signInDemo("manager");
    const refused = await manager
      .from("staff")
      .update({ user_id: login.id, version: person.version })
      .eq("id", person.id)
      .select();
    expect(refused.error !== null || (refused.data ?? []).length === 0).toBe(true);
    const ok = await hr.client
      .from("staff")
      .update({ user_id: login.id, version: person.version })
      .eq("id", person.id)
      .select("user_id")
      .single();
    expect(ok.data?.user_id).toBe(login.id);
  });
});

describe("the org chart", () => {
  it("counts, per position, exactly the current people each viewer may read, and names the first three by name", async () => {
    for (const role of ["hr_admin", "manager", "salesperson"] as const) {
      const client = await signInDemo(role);
      const readStaff = async () =>
        (
          await client
            .from("staff")
            .select("id, position_id, full_name, territories:territory_id(code)")
            .neq("status", "left")
            .order("full_name")
            .order("id")
        ).data;
      // Other test files add people meanwhile: the chart is compared with the staff list read
      // just before and just after it, when the two agree (nobody was added in between).
      let chart: Awaited<ReturnType<typeof client.rpc<"org_chart_members">>>["data"] = null;
      let staff: Awaited<ReturnType<typeof readStaff>> = null;
      for (let attempt = 0; attempt < 10; attempt++) {
        const before = await readStaff();
        const result = await client.rpc("org_chart_members", { p_per_position: 3 });
        expect(result.error, role).toBeNull();
        staff = await readStaff();
        chart = result.data;
        if (JSON.stringify(before) === JSON.stringify(staff)) break;
      }
      const codes = new Map((staff ?? []).map((s) => [s.id, s.territories?.code ?? null]));
      const expected = new Map<string, string[]>();
      for (const s of staff ?? []) expected.set(s.position_id, [...(expected.get(s.position_id) ?? []), s.id]);
      expect(new Map((chart ?? []).map((r) => [r.position_id, Number(r.filled)])), role).toEqual(
        new Map([...expected].map(([k, v]) => [k, v.length])),
      );
      for (const row of chart ?? []) {
        const members = row.members as Array<{ id: string; territory_code: string | null }>;
        // The first three by name, each with the code of a territory the viewer may read.
        expect(
          members.map((m) => m.id),
          role,
        ).toEqual(expected.get(row.position_id)!.slice(0, 3));
        for (const m of members) expect(m.territory_code, role).toBe(codes.get(m.id));
      }
    }
  });

  it("is refused to anonymous callers and open to the service role", async () => {
    const { error } = await serviceClient().rpc("org_chart_members", {});
    expect(error).toBeNull(); // the service role (tooling, the bench) may call it
    const anon = await fetch(`${process.env.TEST_API_URL}/rest/v1/rpc/org_chart_members`, {
      method: "POST",
      headers: { apikey: process.env.TEST_ANON_KEY ?? "", "Content-Type": "application/json" },
      body: "{}",
    });
    expect(anon.status).toBeGreaterThanOrEqual(400);
  });
});
