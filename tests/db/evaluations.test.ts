// Evaluations: a month computed set-based for a subtree with exact achievements, total and
// band; manual scores; the workflow draft -> submitted -> approved (by the next level, with
// an improvement plan when the band needs one) -> acknowledged, each step refused to every
// other role (real JWTs through PostgREST); history kept when a person moves; actuals entered
// only for manual KPIs.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type TestUser } from "../support/clients.ts";
import { asRole, closePools, sql } from "../support/sql.ts";

afterAll(closePools);

const tag = randomUUID().slice(0, 6).toUpperCase();

async function one<T extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T> {
  const rows = await sql<T>(text, params);
  if (!rows[0]) throw new Error(`no row: ${text}`);
  return rows[0];
}
const id = async (text: string, params: unknown[] = []) => (await one<{ id: string }>(text, params)).id;
const kpi = (code: string) => id("select id from public.kpis where code = $1", [code]);

const territory = (code: string, parent: string | null = null, manager: string | null = null) =>
  id("insert into public.territories (code, name, parent_id, manager_id) values ($1, $1, $2, $3) returning id", [
    `EV-${code}-${tag}`,
    parent,
    manager,
  ]);
async function person(
  name: string,
  territoryId: string | null,
  userId: string | null,
  position: string,
  manager: string | null = null,
) {
  return id(
    `insert into public.staff (full_name, email, position_id, territory_id, user_id, hire_date, manager_id)
     values ($1, $2, $3, $4, $5, '2020-01-01', $6) returning id`,
    [
      name,
      `${name.toLowerCase().replace(/\W/g, "")}-${tag}@evaluations.example.com`,
      position,
      territoryId,
      userId,
      manager,
    ],
  );
}

// A position of this run's own with a template of three KPIs: sales (60, cap 120, floor 50),
// visits (20) and communication (20, on a scale of 5), published from 2020.
let position: string;
let region: string;
let area: string;
let seller: string;
let sellerUser: TestUser;
let areaManager: TestUser;
let regionManager: TestUser;
let hr: TestUser;
let auditor: TestUser;
let outsider: string;
let nextMonth = 0;
/** Each test its own month (an evaluation is one per person and month). */
const ownMonth = () => `20${21 + Math.floor(nextMonth / 12)}-${String((nextMonth++ % 12) + 1).padStart(2, "0")}-01`;

async function setTargetsAndActuals(
  month: string,
  sales: { target: number; actual: number },
  visits: { target: number; actual: number },
) {
  const [year, m] = month.split("-").map(Number) as [number, number];
  for (const [code, figures] of [
    ["sales_amount", sales],
    ["visits_done", visits],
  ] as const) {
    await sql(
      `insert into public.targets (kpi_id, year, territory_id, staff_id, months)
       values ($1, $2, $3, $4, array_fill(0::numeric, array[12]))
       on conflict (kpi_id, year, staff_id, territory_id) where staff_id is not null do nothing`,
      [await kpi(code), year, area, seller],
    );
    await sql(`update public.targets set months[${m}] = $1 where kpi_id = $2 and year = $3 and staff_id = $4`, [
      figures.target,
      await kpi(code),
      year,
      seller,
    ]);
  }
  // Actuals from the field data: one sale and the visits, in that month.
  const customer = await id(
    `insert into public.customers (code, name, tier_id, tier_since, status, territory_id, owner_id)
     values ($1, $1, (select id from public.customer_tiers where code = 'other'), '2020-01-01', 'active', $2, $3) returning id`,
    [`EV-C-${randomUUID().slice(0, 6).toUpperCase()}`, area, seller],
  );
  await sql(
    `insert into public.sales (customer_id, product_line_id, sale_date, amount, cost)
     values ($1, (select id from public.product_lines order by code limit 1), $2, $3, 0)`,
    [customer, month, sales.actual],
  );
  for (let i = 0; i < visits.actual; i++) {
    await sql(
      "insert into public.visits (customer_id, staff_id, visited_on, purpose) values ($1, $2, $3::date + $4::integer, 'Evaluated')",
      [customer, seller, month, i],
    );
  }
}

const evaluationOf = (month: string) =>
  one<{
    id: string;
    version: number;
    status: string;
    total_score: string | null;
    band: string | null;
    territory_id: string;
  }>(
    `select e.id, e.version, e.status, e.total_score::text, b.code as band, e.territory_id from public.evaluations e
       left join public.rating_bands b on b.id = e.band_id where e.staff_id = $1 and e.month = $2`,
    [seller, month],
  );
const lines = async (evaluationId: string) =>
  sql<{ code: string; target: string | null; actual: string | null; achievement: string | null }>(
    `select k.code, l.target::text, l.actual::text, l.achievement::text from public.evaluation_lines l
       join public.kpis k on k.id = l.kpi_id where l.evaluation_id = $1 order by l.sort_order`,
    [evaluationId],
  );

beforeAll(async () => {
  [sellerUser, areaManager, regionManager, hr, auditor] = await Promise.all([
    createTestUser(["salesperson"]),
    createTestUser(["manager"]),
    createTestUser(["manager"]),
    createTestUser(["hr_admin"]),
    createTestUser(["auditor"]),
  ]);
  position = await id(
    "insert into public.positions (code, title_en, default_role_code) values ($1, $1, 'salesperson') returning id",
    [`ev_${tag.toLowerCase()}`],
  );
  const managerPosition = await id("select id from public.positions where code = 'regional_director'");
  const regionBoss = await person("Region Boss", null, regionManager.id, managerPosition);
  const areaBoss = await person("Area Boss", null, areaManager.id, managerPosition);
  region = await territory("REGION", null, regionBoss);
  area = await territory("AREA", region, areaBoss);
  seller = await person("Evaluated Seller", area, sellerUser.id, position, areaBoss);
  outsider = await person("Outside Seller", await territory("OUT"), null, position);
  const template = await id(
    "insert into public.evaluation_templates (position_id, valid_from, name) values ($1, '2020-01-01', 'Evaluated') returning id",
    [position],
  );
  await sql(
    `insert into public.evaluation_template_kpis (template_id, kpi_id, weight, cap_percent, floor_percent, sort_order)
     select $1, k.id, v.weight, v.cap, v.floor, v.sort_order
       from (values ('sales_amount', 60, 120, 50, 10), ('visits_done', 20, 120, null, 20), ('communication', 20, 100, null, 30))
            v(code, weight, cap, floor, sort_order)
       join public.kpis k on k.code = v.code`,
    [template],
  );
  await sql("update public.evaluation_templates set published_at = now() where id = $1", [template]);
}, 60_000);

describe("computing a month", () => {
  it("scores each KPI, the weighted total and the band, to the cent", async () => {
    const month = ownMonth();
    await setTargetsAndActuals(month, { target: 10000, actual: 9000 }, { target: 4, actual: 5 });
    const { data, error } = await hr.client.rpc("run_evaluations", { p_month: month, p_territory: region });
    expect(error).toBeNull();
    expect(data?.[0]).toMatchObject({ people: 1, computed: 1, left_alone: 0 });
    const e = await evaluationOf(month);
    expect(await lines(e.id)).toEqual([
      { code: "sales_amount", target: "10000.00", actual: "9000.00", achievement: "90.00" },
      { code: "visits_done", target: "4.00", actual: "5.00", achievement: "120.00" },
      { code: "communication", target: null, actual: null, achievement: null },
    ]);
    // 60 x 90 + 20 x 120 + 20 x 0 = 7,800 / 100.
    expect(e).toMatchObject({ status: "draft", total_score: "78.00", band: "acceptable", territory_id: area });

    const { error: scoreError } = await areaManager.client.rpc("save_evaluation_scores", {
      p_evaluation: e.id,
      p_version: e.version,
      p_lines: [{ kpi_id: await kpi("communication"), manual_score: 4 }],
      p_comment: "Good month",
    });
    expect(scoreError).toBeNull();
    // + 20 x 80 = 94.00: good.
    expect(await evaluationOf(month)).toMatchObject({ total_score: "94.00", band: "good" });
  });

  it("is audited as one entry per table naming the run, and a manual score afterwards row by row", async () => {
    const month = ownMonth();
    await setTargetsAndActuals(month, { target: 10000, actual: 5000 }, { target: 4, actual: 2 });
    const [{ last }] = (await sql<{ last: string }>(
      "select coalesce(max(id), 0)::text as last from public.audit_log",
    )) as [{ last: string }];
    const { error } = await hr.client.rpc("run_evaluations", { p_month: month, p_territory: region });
    expect(error).toBeNull();
    const e = await evaluationOf(month);
    const runs = await sql<{
      table_name: string;
      operation: string;
      record_id: string;
      actor_id: string;
      rows: number;
      territory: string;
    }>(
      `select l.table_name, l.operation, l.record_id, l.actor_id::text as actor_id, (l.new_row ->> 'rows')::int as rows,
              l.new_row -> 'run' ->> 'territory_id' as territory
         from public.audit_log l
        where l.id > $1 and l.new_row -> 'run' ->> 'month' = $2 order by l.id`,
      [last, month],
    );
    // Each statement of the run that writes is one entry: the evaluation drafted, the two
    // measured KPIs' actuals (sales and visits, measured together: one statement), its three
    // lines written scored, its total.
    expect(runs.map((r) => [r.table_name, r.operation, r.rows])).toEqual([
      ["evaluations", "INSERT", 1],
      ["kpi_actuals", "INSERT", 2],
      ["evaluation_lines", "INSERT", 3],
      ["evaluations", "UPDATE", 1],
    ]);
    expect(runs.every((r) => r.record_id === "run_evaluations" && r.actor_id === hr.id && r.territory === region)).toBe(
      true,
    );
    const perRow = await sql(
      `select 1 from public.audit_log l
        where l.id > $1 and (l.record_id = $2 or l.new_row ->> 'evaluation_id' = $2)`,
      [last, e.id],
    );
    expect(perRow).toHaveLength(0);
    // The computed actuals say who ran the computation, under the evaluation's territory.
    expect(
      await sql<{ by: string; territory: string }>(
        `select recorded_by::text as by, territory_id::text as territory from public.kpi_actuals
          where staff_id = $1 and month = $2 and source = 'computed'`,
        [seller, month],
      ),
    ).toEqual([
      { by: hr.id, territory: area },
      { by: hr.id, territory: area },
    ]);

    const { error: scoreError } = await areaManager.client.rpc("save_evaluation_scores", {
      p_evaluation: e.id,
      p_version: e.version,
      p_lines: [{ kpi_id: await kpi("communication"), manual_score: 3 }],
    });
    expect(scoreError).toBeNull();
    const scored = await sql<{ table_name: string; actor_id: string }>(
      `select l.table_name, l.actor_id::text as actor_id from public.audit_log l
        where l.id > $1 and (l.record_id = $2 or l.new_row ->> 'evaluation_id' = $2) and l.operation = 'UPDATE'`,
      [last, e.id],
    );
    expect(scored.map((r) => r.table_name)).toContain("evaluations");
    expect(scored.every((r) => r.actor_id === areaManager.id)).toBe(true);
  });

  it("run again with nothing changed, writes no actual and no line", async () => {
    const month = ownMonth();
    await setTargetsAndActuals(month, { target: 10000, actual: 7000 }, { target: 4, actual: 3 });
    await hr.client.rpc("run_evaluations", { p_month: month, p_territory: region });
    const { last } = (await sql<{ last: string }>("select max(id)::text as last from public.audit_log"))[0]!;
    const { error } = await hr.client.rpc("run_evaluations", { p_month: month, p_territory: region });
    expect(error).toBeNull();
    const again = await sql<{ table_name: string }>(
      `select l.table_name from public.audit_log l
        where l.id > $1 and l.new_row -> 'run' ->> 'month' = $2 and l.table_name <> 'evaluations'`,
      [last, month],
    );
    expect(again).toEqual([]);
    // 60 x 70 + 20 x 75 + 20 x 0 = 5,700 / 100, as the first run scored it.
    expect(await evaluationOf(month)).toMatchObject({ total_score: "57.00" });
  });

  it("scores 0 below a floor, and refuses a score off the KPI's scale with a clear message", async () => {
    const month = ownMonth();
    await setTargetsAndActuals(month, { target: 10000, actual: 4999 }, { target: 4, actual: 4 });
    await hr.client.rpc("run_evaluations", { p_month: month });
    const e = await evaluationOf(month);
    expect((await lines(e.id))[0]).toMatchObject({ achievement: "0.00" });
    expect(e).toMatchObject({ total_score: "20.00", band: "needs_improvement" });
    const { error } = await hr.client.rpc("save_evaluation_scores", {
      p_evaluation: e.id,
      p_version: e.version,
      p_lines: [{ kpi_id: await kpi("communication"), manual_score: 6 }],
    });
    expect(error?.message).toBe('"Communication" is scored from 1 to 5, not 6.');
  });

  it("runs only in the caller's scope, and not for a month still to come", async () => {
    const month = ownMonth();
    const { error: outside } = await areaManager.client.rpc("run_evaluations", {
      p_month: month,
      p_territory: await id("select territory_id as id from public.staff where id = $1", [outsider]),
    });
    expect(outside?.message).toBe("No territory with this id that you may evaluate.");
    const { error: seller } = await sellerUser.client.rpc("run_evaluations", { p_month: month });
    expect(seller?.message).toBe("You may not run evaluations.");
    const { error: auditorError } = await auditor.client.rpc("run_evaluations", { p_month: month });
    expect(auditorError?.message).toBe("You may not run evaluations.");
    const { error: future } = await hr.client.rpc("run_evaluations", { p_month: "2999-01-01" });
    expect(future?.message).toBe("2999-01 has not started yet: a month is evaluated from its first day on.");
  });
});

describe("the workflow", () => {
  let month: string;
  beforeAll(async () => {
    month = ownMonth();
    await setTargetsAndActuals(month, { target: 10000, actual: 2000 }, { target: 4, actual: 1 });
    await areaManager.client.rpc("run_evaluations", { p_month: month, p_territory: area });
  });

  it("is submitted only with every manual score, by those who may submit", async () => {
    let e = await evaluationOf(month);
    const { error: missing } = await areaManager.client.rpc("submit_evaluation", {
      p_evaluation: e.id,
      p_version: e.version,
    });
    expect(missing?.message).toBe("Give every manual score before submitting: Communication.");
    await areaManager.client.rpc("save_evaluation_scores", {
      p_evaluation: e.id,
      p_version: e.version,
      p_lines: [{ kpi_id: await kpi("communication"), manual_score: 2 }],
    });
    e = await evaluationOf(month);
    for (const client of [sellerUser.client, auditor.client]) {
      const { error } = await client.rpc("submit_evaluation", { p_evaluation: e.id, p_version: e.version });
      expect(error).not.toBeNull();
    }
    const { data, error } = await areaManager.client.rpc("submit_evaluation", {
      p_evaluation: e.id,
      p_version: e.version,
      p_comment: "Weak month: two customers lost.",
    });
    expect(error).toBeNull();
    expect(data).toMatchObject({ status: "submitted", submitted_by: areaManager.id });
  });

  it("is approved by the next level only, and an improvement-plan band needs its plan", async () => {
    const e = await evaluationOf(month);
    expect(e.band).toBe("needs_improvement");
    const { error: self } = await areaManager.client.rpc("approve_evaluation", {
      p_evaluation: e.id,
      p_version: e.version,
    });
    expect(self?.message).toBe("You submitted this evaluation: the next level approves it.");
    for (const client of [sellerUser.client, auditor.client]) {
      const { error } = await client.rpc("approve_evaluation", { p_evaluation: e.id, p_version: e.version });
      expect(error).not.toBeNull();
    }
    const { error: noPlan } = await regionManager.client.rpc("approve_evaluation", {
      p_evaluation: e.id,
      p_version: e.version,
    });
    expect(noPlan?.message).toBe(
      "This band requires an improvement plan: give the areas, actions, deadline and who follows it up.",
    );
    const plan = {
      areas: "Collections and visit frequency",
      actions: "Weekly review of open invoices; two visits a week to first-level customers.",
      deadline: "2099-06-30",
      follow_up_owner_id: await id("select manager_id as id from public.staff where id = $1", [seller]),
    };
    const { data, error } = await regionManager.client.rpc("approve_evaluation", {
      p_evaluation: e.id,
      p_version: e.version,
      p_plan: plan,
    });
    expect(error).toBeNull();
    expect(data).toMatchObject({ status: "approved", approved_by: regionManager.id });
    const status = await one<{ status: string }>(
      "select status from public.improvement_plan_status where evaluation_id = $1",
      [e.id],
    );
    expect(status.status).toBe("open");
  });

  it("is acknowledged by the person only, with their comment, and then changes no more", async () => {
    const e = await evaluationOf(month);
    const { error: other } = await areaManager.client.rpc("acknowledge_evaluation", {
      p_evaluation: e.id,
      p_version: e.version,
    });
    expect(other?.message).toBe("Only the person evaluated acknowledges an evaluation.");
    const { data, error } = await sellerUser.client.rpc("acknowledge_evaluation", {
      p_evaluation: e.id,
      p_version: e.version,
      p_comment: "Agreed; I will follow the plan.",
    });
    expect(error).toBeNull();
    expect(data).toMatchObject({ status: "acknowledged", person_comment: "Agreed; I will follow the plan." });
    const { data: rerun } = await hr.client.rpc("run_evaluations", { p_month: month, p_territory: area });
    expect(rerun?.[0]).toMatchObject({ people: 1, computed: 0, left_alone: 1 });
    const { error: scores } = await hr.client.rpc("save_evaluation_scores", {
      p_evaluation: e.id,
      p_version: (await evaluationOf(month)).version,
      p_lines: [],
    });
    expect(scores?.message).toBe("This evaluation is acknowledged; only a draft can change.");
  });

  it("refuses an action on a stale version with 409, and hides evaluations outside one's scope", async () => {
    const e = await evaluationOf(month);
    const { error } = await sellerUser.client.rpc("acknowledge_evaluation", {
      p_evaluation: e.id,
      p_version: e.version - 1,
    });
    expect(error?.code).toBe("PT409");
    const { data } = await sellerUser.client.from("evaluations").select("staff_id");
    expect(new Set((data ?? []).map((r) => r.staff_id))).toEqual(new Set([seller]));
    const { error: direct } = await hr.client.from("evaluations").update({ status: "draft" }).eq("id", e.id);
    expect(direct?.code).toBe("42501");
  });

  it("shows a plan past its deadline and not completed as missed", async () => {
    const e = await evaluationOf(month);
    await sql("update public.improvement_plans set deadline = '2000-01-01' where evaluation_id = $1", [e.id]);
    expect(
      (
        await one<{ status: string }>("select status from public.improvement_plan_status where evaluation_id = $1", [
          e.id,
        ])
      ).status,
    ).toBe("missed");
  });
});

describe("history", () => {
  it("keeps a month's evaluation under the territory and manager of that month after the person moves", async () => {
    const month = ownMonth();
    await setTargetsAndActuals(month, { target: 100, actual: 100 }, { target: 1, actual: 1 });
    await hr.client.rpc("run_evaluations", { p_month: month });
    const before = await evaluationOf(month);
    const elsewhere = await territory(`MOVED-${randomUUID().slice(0, 4).toUpperCase()}`);
    await sql("update public.staff set territory_id = $2, manager_id = null where id = $1", [seller, elsewhere]);
    await hr.client.rpc("run_evaluations", { p_month: month });
    const after = await one<{ territory_id: string; manager_id: string | null }>(
      "select territory_id, manager_id from public.evaluations where id = $1",
      [before.id],
    );
    expect(after.territory_id).toBe(area);
    expect(after.manager_id).not.toBeNull();
    const history = await sql<{ territory_id: string; open: boolean }>(
      "select territory_id, valid_to is null as open from public.staff_assignments where staff_id = $1 order by valid_from",
      [seller],
    );
    expect(history).toEqual([
      { territory_id: area, open: false },
      { territory_id: elsewhere, open: true },
    ]);
    await sql("update public.staff set territory_id = $2 where id = $1", [seller, area]);
  });
});

describe("assignment history written by statement", () => {
  it("opens one row per person added and changes only the people whose assignment changed", async () => {
    const other = await territory("BULK");
    const people = await sql<{ id: string }>(
      `insert into public.staff (full_name, email, position_id, territory_id, hire_date)
       select 'Bulk ' || i, 'bulk' || i || '-' || $2 || '@evaluations.example.com',
              (select id from public.positions where code = 'regional_director'), $1, date '2024-03-01' + i
         from generate_series(1, 3) i returning id`,
      [area, tag.toLowerCase()],
    );
    const ids = people.map((p) => p.id);
    const rows = () =>
      sql<{ staff_id: string; territory_id: string; valid_from: string; open: boolean }>(
        `select staff_id, territory_id, to_char(valid_from, 'YYYY-MM-DD') as valid_from, valid_to is null as open
           from public.staff_assignments where staff_id = any ($1::uuid[]) order by staff_id, valid_from`,
        [ids],
      );
    expect((await rows()).map((r) => [r.territory_id, r.open])).toEqual([
      [area, true],
      [area, true],
      [area, true],
    ]);
    expect((await rows()).map((r) => r.valid_from).sort()).toEqual(["2024-03-02", "2024-03-03", "2024-03-04"]);
    // One statement moves two of the three and renames the third: two new rows, nothing else.
    await sql(
      `update public.staff set territory_id = case when id = $3 then territory_id else $2 end,
              full_name = full_name || ' (renamed)' where id = any ($1::uuid[])`,
      [ids, other, ids[2]],
    );
    const after = await rows();
    expect(after.filter((r) => r.staff_id === ids[2]).map((r) => [r.territory_id, r.open])).toEqual([[area, true]]);
    for (const moved of ids.slice(0, 2))
      expect(after.filter((r) => r.staff_id === moved).map((r) => [r.territory_id, r.open])).toEqual([
        [area, false],
        [other, true],
      ]);
  });
});

describe("actuals", () => {
  it("are entered for manual KPIs only, by those with the right, under the person's territory of the month", async () => {
    const month = ownMonth();
    const { data, error } = await areaManager.client
      .from("kpi_actuals")
      .insert({ staff_id: seller, kpi_id: await kpi("customer_satisfaction"), month, value: 87.5 } as never)
      .select("territory_id, source")
      .single();
    expect(error).toBeNull();
    expect(data).toMatchObject({ source: "entered" });
    const { error: computed } = await hr.client
      .from("kpi_actuals")
      .insert({ staff_id: seller, kpi_id: await kpi("sales_amount"), month, value: 1, source: "computed" } as never);
    expect(computed?.message).toBe('"Sales amount" is computed from the field data; its actuals cannot be entered.');
    const { error: seller_ } = await sellerUser.client
      .from("kpi_actuals")
      .insert({ staff_id: seller, kpi_id: await kpi("market_share"), month, value: 1 } as never);
    expect(seller_?.code).toBe("42501");
  });
});

describe("importing actuals", () => {
  const email = () => `evaluatedseller-${tag}@evaluations.example.com`.toLowerCase();
  const rows = (month: string) => [
    {
      _line: 2,
      person: email(),
      kpi: "customer_satisfaction",
      month: month.slice(0, 7),
      value: "91.5",
      note: "Survey",
    },
    { _line: 3, person: email(), kpi: "market_share", month: month.slice(0, 7), value: "12" },
  ];

  it("checks every row with its line and column and writes nothing on any error", async () => {
    const month = ownMonth();
    const bad = [
      ...rows(month),
      { _line: 4, person: "nobody@example.com", kpi: "market_share", month: "2024-13", value: "-1" },
      { _line: 5, person: email(), kpi: "sales_amount", month: month.slice(0, 7), value: "10" },
      { _line: 6, person: email(), kpi: "market_share", month: "2020-06", value: "140" },
      {
        _line: 7,
        person: await one<{ email: string }>("select email from public.staff where id = $1", [outsider]).then(
          (r) => r.email,
        ),
        kpi: "market_share",
        month: month.slice(0, 7),
        value: "1",
      },
    ];
    const { data, error } = await areaManager.client.rpc("import_kpi_actuals", { p_rows: bad, p_dry_run: false });
    expect(error).toBeNull();
    const result = data as {
      ok: boolean;
      errors: Array<{ line: number; column: string; code: string; message: string }>;
    };
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [4, "month", "bad_month"],
      [4, "person", "unknown_person"],
      [4, "value", "bad_value"],
      [5, "kpi", "actual_is_computed"],
      [6, "value", "actual_percent_above_100"],
      [7, "person", "unknown_person"],
    ]);
    expect(result.errors.find((e) => e.line === 6)?.message).toBe(
      '"Market share" is a percentage: at most 100, not 140.',
    );
    const [written] = await sql<{ n: string }>(
      "select count(*) as n from public.kpi_actuals where staff_id = $1 and month = $2",
      [seller, month],
    );
    expect(written?.n).toBe("0");
  });

  it("writes a clean file in one go, as imported, and a re-import of it changes nothing", async () => {
    const month = ownMonth();
    const { data: dry } = await areaManager.client.rpc("import_kpi_actuals", { p_rows: rows(month), p_dry_run: true });
    expect(dry).toMatchObject({ ok: true, rows: 2, inserted: 0, dry_run: true });
    const { data } = await areaManager.client.rpc("import_kpi_actuals", { p_rows: rows(month) });
    expect(data).toMatchObject({ ok: true, rows: 2, inserted: 2 });
    const stored = await sql<{
      code: string;
      value: string;
      source: string;
      territory_id: string;
      recorded_by: string;
    }>(
      `select k.code, a.value::text, a.source::text, a.territory_id, a.recorded_by from public.kpi_actuals a
         join public.kpis k on k.id = a.kpi_id where a.staff_id = $1 and a.month = $2 order by k.code`,
      [seller, month],
    );
    expect(stored).toEqual([
      {
        code: "customer_satisfaction",
        value: "91.50",
        source: "imported",
        territory_id: area,
        recorded_by: areaManager.id,
      },
      { code: "market_share", value: "12.00", source: "imported", territory_id: area, recorded_by: areaManager.id },
    ]);
    const { data: again } = await areaManager.client.rpc("import_kpi_actuals", { p_rows: rows(month) });
    expect(again).toMatchObject({ ok: true, rows: 2, inserted: 0 });
  });

  it("is refused to those who may not record actuals, and finds no one outside the caller's scope", async () => {
    const month = ownMonth();
    for (const client of [sellerUser.client, auditor.client]) {
      const { error } = await client.rpc("import_kpi_actuals", { p_rows: rows(month) });
      expect(error?.message).toBe("You are not allowed to record KPI actuals.");
    }
  });
});

describe("a person's targets and actuals month by month", () => {
  it("shows the measure computed now until the month is evaluated, then the stored actual; to those who may read the person", async () => {
    const month = ownMonth();
    await setTargetsAndActuals(month, { target: 500, actual: 400 }, { target: 2, actual: 3 });
    const [year, m] = month.split("-").map(Number) as [number, number];
    const salesId = await kpi("sales_amount");
    const salesOf = async (client: TestUser["client"]) => {
      const { data, error } = await client.rpc("performance_months", { p_staff: seller, p_year: year });
      expect(error).toBeNull();
      return (data ?? []).find((r) => r.kpi_id === salesId && r.month === m);
    };
    expect(await salesOf(sellerUser.client)).toMatchObject({ target: 500, actual: 400, source: "live" });
    await hr.client.rpc("run_evaluations", { p_month: month, p_territory: area });
    expect(await salesOf(areaManager.client)).toMatchObject({ target: 500, actual: 400, source: "computed" });
    const { error } = await sellerUser.client.rpc("performance_months", { p_staff: outsider, p_year: year });
    expect(error?.message).toBe("No person with this id that you may read.");
  });
});

describe("closing a month", () => {
  let month: string;
  let evaluationId: string;
  beforeAll(async () => {
    month = ownMonth();
    await setTargetsAndActuals(month, { target: 1000, actual: 1200 }, { target: 2, actual: 2 });
    await areaManager.client.rpc("run_evaluations", { p_month: month, p_territory: area });
    const e = await evaluationOf(month);
    evaluationId = e.id;
    await areaManager.client.rpc("save_evaluation_scores", {
      p_evaluation: e.id,
      p_version: e.version,
      p_lines: [{ kpi_id: await kpi("communication"), manual_score: 5 }],
    });
    await sql("insert into public.kpi_actuals (staff_id, kpi_id, month, value) values ($1, $2, $3, 80)", [
      seller,
      await kpi("customer_satisfaction"),
      month,
    ]);
  });
  const close = (client: TestUser["client"], territoryId = area) =>
    client.rpc("close_period", { p_month: month, p_territory: territoryId, p_note: "Month done" });

  it("waits for every evaluation to be approved, and is refused to those without the right", async () => {
    const { error: open } = await close(areaManager.client);
    expect(open?.message).toMatch(/^1 evaluation\(s\) of \d{4}-\d{2} in this territory are still draft or submitted/);
    let e = await evaluationOf(month);
    await areaManager.client.rpc("submit_evaluation", { p_evaluation: e.id, p_version: e.version });
    e = await evaluationOf(month);
    await regionManager.client.rpc("approve_evaluation", { p_evaluation: e.id, p_version: e.version });
    expect((await evaluationOf(month)).status).toBe("approved");
    for (const client of [sellerUser.client, auditor.client]) {
      expect((await close(client)).error?.message).toBe("You may not close periods for this territory.");
    }
    const { error: future } = await hr.client.rpc("close_period", { p_month: "2999-01-01", p_territory: area });
    expect(future?.message).toBe("2999-01 is not over yet: a month is closed after its last day.");
    const { error } = await close(areaManager.client);
    expect(error).toBeNull();
  });

  it("freezes the month's actuals, targets and evaluations, and nothing else", async () => {
    const m = Number(month.slice(5, 7));
    const year = Number(month.slice(0, 4));
    const change = sql("update public.kpi_actuals set value = 1 where staff_id = $1 and month = $2 and kpi_id = $3", [
      seller,
      month,
      await kpi("customer_satisfaction"),
    ]);
    await expect(change).rejects.toThrow(
      /is closed for EV-AREA-\w+: its actuals cannot change\. Request an amendment\./,
    );
    const target = sql(`update public.targets set months[${m}] = 1 where staff_id = $1 and year = $2 and kpi_id = $3`, [
      seller,
      year,
      await kpi("sales_amount"),
    ]);
    await expect(target).rejects.toThrow(/its targets cannot change/);
    const other = m === 12 ? 11 : m + 1;
    await sql(`update public.targets set months[${other}] = months[${other}] where staff_id = $1 and year = $2`, [
      seller,
      year,
    ]);
    const { data } = await hr.client.rpc("run_evaluations", { p_month: month, p_territory: area });
    expect(data?.[0]).toMatchObject({ people: 1, computed: 0, left_alone: 1 });
    const { error } = await sellerUser.client.rpc("acknowledge_evaluation", {
      p_evaluation: evaluationId,
      p_version: (await evaluationOf(month)).version,
      p_comment: "Seen after the close.",
    });
    expect(error).toBeNull();
  });

  it("skips its row checks only for what the run writes: the same transaction is checked again after it", async () => {
    const satisfaction = await kpi("customer_satisfaction");
    await asRole({ sub: hr.id, role: "authenticated" }, async (client) => {
      await client.query("select * from public.run_evaluations($1, $2)", [month, area]);
      const { rows } = await client.query<{ flag: string }>(
        "select coalesce(current_setting('app.evaluation_writes', true), '') as flag",
      );
      expect(rows[0]?.flag).toBe("");
      await expect(
        client.query("update public.kpi_actuals set value = 2 where staff_id = $1 and month = $2 and kpi_id = $3", [
          seller,
          month,
          satisfaction,
        ]),
      ).rejects.toThrow(/its actuals cannot change/);
    });
  });

  it("changes a closed figure by an amendment someone else approves, and the audit log shows before and after", async () => {
    const satisfaction = await kpi("customer_satisfaction");
    const { error: sellerAsks } = await sellerUser.client.rpc("request_amendment", {
      p_kind: "actual",
      p_staff: seller,
      p_kpi: satisfaction,
      p_month: month,
      p_value: 90,
      p_reason: "Survey recounted",
    });
    expect(sellerAsks?.message).toBe("No actual of this person, KPI and month that you may change.");
    const { data: asked, error } = await areaManager.client.rpc("request_amendment", {
      p_kind: "actual",
      p_staff: seller,
      p_kpi: satisfaction,
      p_month: month,
      p_value: 90,
      p_reason: "Survey recounted",
    });
    expect(error).toBeNull();
    expect(asked).toMatchObject({ status: "pending", old_value: 80, new_value: 90 });
    const { error: own } = await areaManager.client.rpc("decide_amendment", {
      p_amendment: asked!.id,
      p_version: asked!.version,
      p_approve: true,
    });
    expect(own?.message).toBe("You asked for this amendment: someone else decides it.");
    const { error: auditorDecides } = await auditor.client.rpc("decide_amendment", {
      p_amendment: asked!.id,
      p_version: asked!.version,
      p_approve: true,
    });
    expect(auditorDecides?.message).toBe("You may not decide amendments for this territory.");
    const { data: decided, error: decideError } = await regionManager.client.rpc("decide_amendment", {
      p_amendment: asked!.id,
      p_version: asked!.version,
      p_approve: true,
      p_note: "Checked the survey sheets",
    });
    expect(decideError).toBeNull();
    expect(decided).toMatchObject({ status: "approved", decided_by: regionManager.id });
    const [logged] = await sql<{ before: string; after: string }>(
      `select l.old_row ->> 'value' as before, l.new_row ->> 'value' as after from public.audit_log l
        where l.table_name = 'kpi_actuals' and l.operation = 'UPDATE' and l.new_row ->> 'staff_id' = $1
          and l.new_row ->> 'month' = $2 order by l.id desc limit 1`,
      [seller, month],
    );
    expect(logged).toEqual({ before: "80.00", after: "90.00" });
  });

  it("refuses an amendment for an open month, and a rejection without a note", async () => {
    const { error } = await areaManager.client.rpc("request_amendment", {
      p_kind: "target",
      p_staff: seller,
      p_kpi: await kpi("sales_amount"),
      p_month: `${month.slice(0, 4)}-${month.slice(5, 7) === "12" ? "11" : String(Number(month.slice(5, 7)) + 1).padStart(2, "0")}-01`,
      p_value: 5,
      p_reason: "Open month",
    });
    expect(error?.message).toMatch(/is open for this territory: change the figure directly\./);
    const { data: asked } = await areaManager.client.rpc("request_amendment", {
      p_kind: "target",
      p_staff: seller,
      p_kpi: await kpi("sales_amount"),
      p_month: month,
      p_value: 900,
      p_reason: "Target set too high for the month",
    });
    const { error: noNote } = await hr.client.rpc("decide_amendment", {
      p_amendment: asked!.id,
      p_version: asked!.version,
      p_approve: false,
    });
    expect(noNote?.message).toBe("Say why the amendment is rejected (at least 3 characters).");
  });
});

describe("amending a closed month under an approved evaluation", () => {
  it("rescores the evaluation when the amendment is approved, and the audit log shows the total before and after", async () => {
    // The month before is closed: an open month of the same year still changes and rolls up.
    const month = ownMonth();
    await setTargetsAndActuals(month, { target: 1000, actual: 1200 }, { target: 2, actual: 2 });
    const [rolled] = await sql<{ months: string[] }>(
      "select months::text[] as months from public.targets where territory_id = $1 and staff_id is null and kpi_id = $2 and year = $3",
      [region, await kpi("sales_amount"), Number(month.slice(0, 4))],
    );
    expect(rolled?.months[Number(month.slice(5, 7)) - 1]).toBe("1000.00");
    await areaManager.client.rpc("run_evaluations", { p_month: month, p_territory: area });
    let e = await evaluationOf(month);
    await areaManager.client.rpc("save_evaluation_scores", {
      p_evaluation: e.id,
      p_version: e.version,
      p_lines: [{ kpi_id: await kpi("communication"), manual_score: 5 }],
    });
    e = await evaluationOf(month);
    await areaManager.client.rpc("submit_evaluation", { p_evaluation: e.id, p_version: e.version });
    e = await evaluationOf(month);
    await regionManager.client.rpc("approve_evaluation", { p_evaluation: e.id, p_version: e.version });
    await areaManager.client.rpc("close_period", { p_month: month, p_territory: area, p_note: "Done" });
    // 60 x 120 (capped) + 20 x 100 + 20 x 100 = 112.00: outstanding, which proposes a reward.
    const approved = await evaluationOf(month);
    expect(approved).toMatchObject({ status: "approved", total_score: "112.00", band: "outstanding" });
    const [reward] = await sql<{ status: string; kind: string; proposed_by: string; staff_id: string }>(
      "select status::text, kind::text, proposed_by, staff_id from public.rewards where evaluation_id = $1",
      [approved.id],
    );
    expect(reward).toEqual({ status: "proposed", kind: "praise", proposed_by: regionManager.id, staff_id: seller });
    const { data: asked } = await areaManager.client.rpc("request_amendment", {
      p_kind: "target",
      p_staff: seller,
      p_kpi: await kpi("sales_amount"),
      p_month: month,
      p_value: 1500,
      p_reason: "The month's target was entered short",
    });
    const { error } = await regionManager.client.rpc("decide_amendment", {
      p_amendment: asked!.id,
      p_version: asked!.version,
      p_approve: true,
      p_note: "Budget sheet checked",
    });
    expect(error).toBeNull();
    // 60 x 80 + 20 x 100 + 20 x 100 = 88.00; still approved.
    const after = await evaluationOf(month);
    expect(after).toMatchObject({ status: "approved", total_score: "88.00" });
    expect((await lines(after.id))[0]).toMatchObject({ target: "1500.00", achievement: "80.00" });
    const [logged] = await sql<{ before: string; after: string }>(
      `select l.old_row ->> 'total_score' as before, l.new_row ->> 'total_score' as after from public.audit_log l
        where l.table_name = 'evaluations' and l.operation = 'UPDATE' and l.new_row ->> 'id' = $1
        order by l.id desc limit 1`,
      [after.id],
    );
    expect(logged).toEqual({ before: "112.00", after: "88.00" });
  });
});

describe("the year-end evaluation", () => {
  it("makes the approved months into one by each KPI's rule: sums, averaged scores, the cap of the year's template", async () => {
    const yearEndArea = await territory("YE", region);
    const yearEnd = await person("Year End Seller", yearEndArea, null, position);
    const template = await id("select id from public.evaluation_templates where position_id = $1", [position]);
    const month = async (m: string, status: string, lines: [string, number | null, number | null, number | null][]) => {
      const e = await id(
        `insert into public.evaluations (staff_id, month, template_id, position_id, territory_id, status)
         values ($1, $2, $3, $4, $5, $6) returning id`,
        [yearEnd, m, template, position, yearEndArea, status],
      );
      for (const [code, target, actual, score] of lines) {
        await sql(
          `insert into public.evaluation_lines (evaluation_id, kpi_id, weight, cap_percent, target, actual, manual_score)
           select $1, k.id, 1, 120, $3, $4, $5 from public.kpis k where k.code = $2`,
          [e, code, target, actual, score],
        );
      }
    };
    await month("2019-03-01", "approved", [
      ["sales_amount", 100, 90, null],
      ["visits_done", 4, 2, null],
      ["communication", null, null, 3],
    ]);
    await month("2019-04-01", "acknowledged", [
      ["sales_amount", 200, 250, null],
      ["visits_done", 4, 6, null],
      ["communication", null, null, 5],
    ]);
    // A draft month does not count.
    await month("2019-05-01", "draft", [["sales_amount", 1000, 0, null]]);
    const { data, error } = await hr.client.rpc("year_end_evaluation", { p_staff: yearEnd, p_year: 2019 });
    expect(error).toBeNull();
    const rows = (data ?? []).map((r) => ({
      kpi: r.kpi_id,
      months: r.months,
      target: r.target,
      actual: r.actual,
      score: r.manual_score,
      achievement: r.achievement,
    }));
    expect(rows).toEqual([
      // 340 of 300: 113.33 %.
      { kpi: await kpi("sales_amount"), months: 2, target: 300, actual: 340, score: null, achievement: 113.33 },
      { kpi: await kpi("visits_done"), months: 2, target: 8, actual: 8, score: null, achievement: 100 },
      // Scores 3 and 5 average 4 of 5: 80 %.
      { kpi: await kpi("communication"), months: 2, target: null, actual: null, score: 4, achievement: 80 },
    ]);
    // 60 x 113.33 + 20 x 100 + 20 x 80 = 10,399.8 / 100.
    expect(data?.[0]?.total_score).toBe(104);
    const band = await one<{ code: string }>("select code from public.rating_bands where id = $1", [
      data?.[0]?.band_id,
    ]);
    expect(band.code).toBe("good");
    const { data: other } = await sellerUser.client.rpc("year_end_evaluation", { p_staff: yearEnd, p_year: 2019 });
    expect(other).toEqual([]);
  });
});
