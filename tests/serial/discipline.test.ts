// In the serial project: it changes the points of a sanction, which are shared by everyone.
// Discipline in the evaluation: a KPI on the registry's discipline_points measure sums the
// points of the sanctions chosen for a person's confirmed and closed violations of the month
// (points per sanction kind are data), and the template weights it like any other KPI.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type TestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

const tag = randomUUID().slice(0, 6).toUpperCase();
const month = "2026-03-01";

async function id(text: string, params: unknown[] = []): Promise<string> {
  const [row] = await sql<{ id: string }>(text, params);
  if (!row) throw new Error(`no row: ${text}`);
  return row.id;
}

let manager: TestUser;
let hr: TestUser;
let region: string;
let area: string;
let seller: string;
let rule: string;
let disciplineKpi: string;

type Violation = { id: string; version: number; proposed_level: number | null };

async function violationOn(day: string): Promise<Violation> {
  const { data, error } = await manager.client
    .from("violations")
    .insert({ staff_id: seller, regulation_id: rule, occurred_on: day, description: `Breach ${day}` } as never)
    .select("id, version, proposed_level")
    .single<Violation>();
  if (error) throw error;
  return data;
}
async function decide(v: Violation, decision: "confirm" | "dismiss" | "close", reason = "") {
  const { data, error } = await manager.client
    .rpc("decide_violation", { p_violation: v.id, p_version: v.version, p_decision: decision, p_reason: reason })
    .single<Violation>();
  if (error) throw error;
  return data;
}

beforeAll(async () => {
  [manager, hr] = await Promise.all([createTestUser(["manager"]), createTestUser(["hr_admin"])]);
  const position = await id(
    "insert into public.positions (code, title_en, default_role_code) values ($1, $1, 'salesperson') returning id",
    [`dp_${tag.toLowerCase()}`],
  );
  const boss = await id(
    `insert into public.staff (full_name, email, position_id, user_id)
     values ('Discipline Boss', $1, (select id from public.positions where code = 'regional_director'), $2) returning id`,
    [`boss-${tag}@discipline.example.com`, manager.id],
  );
  region = await id("insert into public.territories (code, name, manager_id) values ($1, $1, $2) returning id", [
    `DP-R-${tag}`,
    boss,
  ]);
  area = await id("insert into public.territories (code, name, parent_id) values ($1, $1, $2) returning id", [
    `DP-A-${tag}`,
    region,
  ]);
  await sql("update public.staff set territory_id = $1 where id = $2", [region, boss]);
  seller = await id(
    `insert into public.staff (full_name, email, position_id, territory_id, manager_id, hire_date)
     values ('Disciplined Seller', $1, $2, $3, $4, '2020-01-01') returning id`,
    [`seller-${tag}@discipline.example.com`, position, area, boss],
  );
  // A rule whose ladder is a verbal warning, then a fine.
  const category = await id("select id from public.regulation_categories order by code limit 1");
  rule = await id(
    "insert into public.regulations (code, category_id, effective_date) values ($1, $2, '2025-01-01') returning id",
    [`DP-${tag}`, category],
  );
  const level = (order: number, kind: string, fine: number | null) => ({
    level_order: order,
    kind,
    fine_amount: fine,
    live_months: 12,
    note_en: "",
    note_es: "",
    note_zh: "",
    inherited: false,
  });
  await sql(
    `insert into public.regulation_versions (regulation_id, version_number, title_en, category_id, sanctions, effective_date)
     values ($1, 1, 'Keep the rules', $2, $3, '2025-01-01')`,
    [rule, category, JSON.stringify([level(1, "verbal_warning", null), level(2, "fine", 200)])],
  );
  disciplineKpi = await id(
    `insert into public.kpis (code, name_en, unit, direction, measure_code)
     values ($1, 'Discipline', 'count', 'lower_is_better', 'discipline_points') returning id`,
    [`discipline_${tag.toLowerCase()}`],
  );
  const template = await id(
    "insert into public.evaluation_templates (position_id, valid_from, name) values ($1, '2020-01-01', 'Disciplined') returning id",
    [position],
  );
  await sql(
    `insert into public.evaluation_template_kpis (template_id, kpi_id, weight, cap_percent, sort_order)
     values ($1, (select id from public.kpis where code = 'sales_amount'), 70, 120, 10), ($1, $2, 30, 120, 20)`,
    [template, disciplineKpi],
  );
  await sql("update public.evaluation_templates set published_at = now() where id = $1", [template]);
  // Targets for March: 10,000 of sales and at most 4 discipline points.
  for (const [kpi, march] of [
    [await id("select id from public.kpis where code = 'sales_amount'"), 10000],
    [disciplineKpi, 4],
  ] as const)
    await sql(
      `insert into public.targets (kpi_id, year, territory_id, staff_id, months)
       values ($1, 2026, $2, $3, array_fill(0::numeric, array[12]))`,
      [kpi, area, seller],
    ).then(() =>
      sql("update public.targets set months[3] = $1 where kpi_id = $2 and staff_id = $3", [march, kpi, seller]),
    );
  const customer = await id(
    `insert into public.customers (code, name, tier_id, tier_since, status, territory_id, owner_id)
     values ($1, $1, (select id from public.customer_tiers where code = 'other'), '2020-01-01', 'active', $2, $3) returning id`,
    [`DP-C-${tag}`, area, seller],
  );
  await sql(
    `insert into public.sales (customer_id, product_line_id, sale_date, amount, cost)
     values ($1, (select id from public.product_lines order by code limit 1), '2026-03-10', 10000, 0)`,
    [customer],
  );
}, 60_000);

describe("discipline points", () => {
  it("sum the sanctions chosen for the month's confirmed and closed violations, and weigh in the evaluation", async () => {
    // February: confirmed, but another month. March: a verbal warning (1 point) later closed,
    // a repeat while it is live that proposes the fine (5 points), a dismissed one and a draft.
    const february = await decide(await violationOn("2026-02-20"), "confirm");
    expect(february.proposed_level).toBe(1);
    const first = await decide(await violationOn("2026-03-02"), "confirm");
    expect(first.proposed_level).toBe(2);
    const repeat = await violationOn("2026-03-09");
    expect(repeat.proposed_level).toBe(2);
    await decide(repeat, "confirm");
    await decide(first, "close");
    await decide(await violationOn("2026-03-16"), "dismiss", "Not what happened.");
    await violationOn("2026-03-23");

    const [points] = await sql<{ value: string }>(
      "select value::text from public.kpi_measure_values('discipline_points', '2026-03-01', '2026-03-31', $1)",
      [[seller]],
    );
    // The February warning is live, so both March violations proposed the fine: 5 + 5.
    expect(points?.value).toBe("10");

    const { error } = await hr.client.rpc("run_evaluations", { p_month: month, p_territory: region });
    expect(error).toBeNull();
    const lines = await sql<{ code: string; target: string; actual: string; achievement: string }>(
      `select k.code, l.target::text, l.actual::text, l.achievement::text from public.evaluation_lines l
         join public.evaluations e on e.id = l.evaluation_id join public.kpis k on k.id = l.kpi_id
        where e.staff_id = $1 and e.month = $2 order by l.sort_order`,
      [seller, month],
    );
    // Lower is better: 4 / 10 = 40%.
    expect(lines).toEqual([
      { code: "sales_amount", target: "10000.00", actual: "10000.00", achievement: "100.00" },
      { code: `discipline_${tag.toLowerCase()}`, target: "4.00", actual: "10.00", achievement: "40.00" },
    ]);
    const [evaluation] = await sql<{ total_score: string }>(
      "select total_score::text from public.evaluations where staff_id = $1 and month = $2",
      [seller, month],
    );
    // 70 x 100 + 30 x 40 = 8,200 / 100.
    expect(evaluation?.total_score).toBe("82.00");
  });

  it("follow the points HR sets per sanction: none for a sanction worth nothing", async () => {
    const { data: before } = await hr.client
      .from("sanction_points")
      .select("kind, points, version")
      .eq("kind", "fine")
      .single();
    expect(before?.points).toBe(5);
    const { error } = await hr.client
      .from("sanction_points")
      .update({ points: 0, version: before!.version })
      .eq("kind", "fine");
    expect(error).toBeNull();
    try {
      const [points] = await sql<{ value: string }>(
        "select value::text from public.kpi_measure_values('discipline_points', '2026-03-01', '2026-03-31', $1)",
        [[seller]],
      );
      expect(points?.value).toBe("0");
    } finally {
      await sql("update public.sanction_points set points = 5 where kind = 'fine'");
    }
  });

  it("are set by whoever edits KPIs only, with the version read", async () => {
    const { data: row } = await manager.client
      .from("sanction_points")
      .select("points, version")
      .eq("kind", "demotion")
      .single();
    expect(row?.points).toBe(10);
    const { data: refused } = await manager.client
      .from("sanction_points")
      .update({ points: 0, version: row!.version })
      .eq("kind", "demotion")
      .select("kind");
    expect(refused).toEqual([]);
    const stale = await hr.client
      .from("sanction_points")
      .update({ points: 10, version: row!.version - 1 })
      .eq("kind", "demotion");
    expect(stale.status).toBe(409);
  });
});
