// Targets: an annual target split into months by its profile, to the cent and idempotent;
// quarters and the year by each KPI's rule; territories that add up their people and child
// territories unless overridden with a reason, and a direct write that does not add up
// refused naming the month and the difference; a person who moves mid-year keeps their
// first half under the old territory; and who may set and read targets, through PostgREST
// with real JWTs.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type TestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

const tag = randomUUID().slice(0, 6).toUpperCase();

async function one<T extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T> {
  const rows = await sql<T>(text, params);
  if (!rows[0]) throw new Error(`no row: ${text}`);
  return rows[0];
}
const id = async (text: string, params: unknown[] = []) => (await one<{ id: string }>(text, params)).id;
const kpi = (code: string) => id("select id from public.kpis where code = $1", [code]);
const profile = (code: string) => id("select id from public.distribution_profiles where code = $1", [code]);

/** Each test's own year, so one test's targets never meet another's. */
// Years no other test gives annual targets (the matrix walk's count up from 2030; the demo's are
// 2026), so a split of one of them meets only this file's rows.
let nextYear = 2001;
const ownYear = () => nextYear++;

const territory = (code: string, parent: string | null = null) =>
  id("insert into public.territories (code, name, parent_id) values ($1, $1, $2) returning id", [
    `TG-${code}-${tag}`,
    parent,
  ]);
async function person(name: string, territoryId: string, userId: string | null = null, position = "salesperson") {
  return id(
    `insert into public.staff (full_name, email, position_id, territory_id, user_id)
     values ($1, $2, (select id from public.positions where code = $3), $4, $5) returning id`,
    [name, `${name.toLowerCase().replace(/\W/g, "")}-${tag}@targets.example.com`, position, territoryId, userId],
  );
}
const annual = async (kpiCode: string, staffId: string, year: number, amount: string, profileCode = "even") =>
  sql(
    "insert into public.annual_targets (kpi_id, staff_id, year, amount, distribution_id) values ($1, $2, $3, $4, $5)",
    [await kpi(kpiCode), staffId, year, amount, await profile(profileCode)],
  );
const split = async (year: number, kpiCode: string) =>
  one<{ people: number; rows_written: number; rows_removed: number }>("select * from public.split_targets($1, $2)", [
    year,
    await kpi(kpiCode),
  ]);
async function months(kpiCode: string, year: number, territoryId: string, staffId: string | null = null) {
  const row = await one<{ months: (string | null)[] }>(
    `select months::text[] as months from public.targets
      where kpi_id = $1 and year = $2 and territory_id = $3 and staff_id is not distinct from $4`,
    [await kpi(kpiCode), year, territoryId, staffId],
  );
  return row.months;
}

describe("splitting an annual target into months", () => {
  let region: string;
  let seller: string;
  beforeAll(async () => {
    region = await territory("SPLIT");
    seller = await person("Split Seller", region);
  });

  it("spreads an amount evenly to the cent, the months adding up exactly to the year", async () => {
    const year = ownYear();
    await annual("sales_amount", seller, year, "100000.01");
    expect(await split(year, "sales_amount")).toEqual({ people: 1, rows_written: 1, rows_removed: 0 });
    const m = await months("sales_amount", year, region, seller);
    // Each month is the rounded running total minus the one before, so the cents land where
    // the running total crosses them and nothing is lost.
    expect(m).toEqual([
      "8333.33",
      "8333.34",
      "8333.33",
      "8333.34",
      "8333.33",
      "8333.34",
      "8333.33",
      "8333.33",
      "8333.34",
      "8333.33",
      "8333.34",
      "8333.33",
    ]);
    expect(m.reduce((s, v) => s + Math.round(Number(v) * 100), 0)).toBe(10000001);
  });

  it("follows a seasonal profile's percentages, and counts stay whole", async () => {
    const year = ownYear();
    await annual("sales_amount", seller, year, "200000", "seasonal");
    await annual("visits_done", seller, year, "100", "even");
    await split(year, "sales_amount");
    await split(year, "visits_done");
    expect(await months("sales_amount", year, region, seller)).toEqual([
      "14000.00",
      "14000.00",
      "16000.00",
      "16000.00",
      "16000.00",
      "14000.00",
      "12000.00",
      "12000.00",
      "18000.00",
      "20000.00",
      "22000.00",
      "26000.00",
    ]);
    expect(await months("visits_done", year, region, seller)).toEqual([
      "8.00",
      "9.00",
      "8.00",
      "8.00",
      "9.00",
      "8.00",
      "8.00",
      "9.00",
      "8.00",
      "8.00",
      "9.00",
      "8.00",
    ]);
  });

  it("gives a KPI that is averaged the annual figure in every month", async () => {
    const year = ownYear();
    await annual("visit_plan_compliance", seller, year, "90");
    await split(year, "visit_plan_compliance");
    expect(new Set(await months("visit_plan_compliance", year, region, seller))).toEqual(new Set(["90.00"]));
  });

  it("changes nothing when run a second time, and follows a changed annual amount", async () => {
    const year = ownYear();
    await annual("sales_amount", seller, year, "1200");
    expect((await split(year, "sales_amount")).rows_written).toBe(1);
    const version = await one<{ version: number }>(
      "select version from public.targets where staff_id = $1 and year = $2",
      [seller, year],
    );
    expect(await split(year, "sales_amount")).toEqual({ people: 1, rows_written: 0, rows_removed: 0 });
    expect(
      await one<{ version: number }>("select version from public.targets where staff_id = $1 and year = $2", [
        seller,
        year,
      ]),
    ).toEqual(version);
    await sql("update public.annual_targets set amount = 2400 where staff_id = $1 and year = $2", [seller, year]);
    expect((await split(year, "sales_amount")).rows_written).toBe(1);
    expect((await months("sales_amount", year, region, seller))[0]).toBe("200.00");
  });

  it("is audited as one entry per statement naming the year, and a month changed afterwards row by row", async () => {
    const year = ownYear();
    await annual("sales_amount", seller, year, "1200");
    const { last } = await one<{ last: string }>("select coalesce(max(id), 0)::text as last from public.audit_log");
    await split(year, "sales_amount");
    const runs = await sql<{ operation: string; record_id: string; rows: number }>(
      `select l.operation, l.record_id, (l.new_row ->> 'rows')::int as rows from public.audit_log l
        where l.id > $1 and l.table_name = 'targets' and (l.new_row -> 'run' ->> 'year')::int = $2 order by l.id`,
      [last, year],
    );
    // The person's months, and the region's sum written by the roll-up in the same run.
    expect(runs).toEqual([
      { operation: "INSERT", record_id: "split_targets", rows: 1 },
      { operation: "INSERT", record_id: "split_targets", rows: 1 },
    ]);
    const perRow = await sql(
      "select 1 from public.audit_log l where l.id > $1 and l.table_name = 'targets' and (l.new_row ->> 'year')::int = $2",
      [last, year],
    );
    expect(perRow).toHaveLength(0);

    const target = await id("select id from public.targets where staff_id = $1 and year = $2", [seller, year]);
    await sql("update public.targets set months[1] = 150, months[2] = 50 where id = $1", [target]);
    const edited = await sql<{ january: string }>(
      `select l.new_row -> 'months' ->> 0 as january from public.audit_log l
        where l.id > $1 and l.table_name = 'targets' and l.record_id = $2 and l.operation = 'UPDATE'`,
      [last, target],
    );
    expect(edited).toEqual([{ january: "150.00" }]);
  });

  it("refuses a seasonal profile whose months do not add up to 100, naming the difference", async () => {
    const refused = sql(
      "insert into public.distribution_profiles (code, name_en, month_percents) values ($1, 'Bad', array[8,8,8,8,8,8,8,8,8,8,8,8.5])",
      [`bad_${tag.toLowerCase()}`],
    );
    await expect(refused).rejects.toThrow("The months add up to 96.500%, 3.500 short of 100%.");
  });
});

describe("quarters and the year, by each KPI's rule", () => {
  it("adds up amounts, averages rates and takes the last month of a 'last' KPI", async () => {
    const region = await territory("TOT");
    const seller = await person("Totals Seller", region);
    const year = ownYear();
    await annual("sales_amount", seller, year, "1200");
    await annual("visit_plan_compliance", seller, year, "90");
    await annual("overdue_visits", seller, year, "3");
    await Promise.all(["sales_amount", "visit_plan_compliance", "overdue_visits"].map((k) => split(year, k)));
    await sql(
      "update public.targets set months[12] = 80 where staff_id = $1 and year = $2 and kpi_id = (select id from public.kpis where code = 'visit_plan_compliance')",
      [seller, year],
    );
    await sql(
      "update public.targets set months[12] = 1 where staff_id = $1 and year = $2 and kpi_id = (select id from public.kpis where code = 'overdue_visits')",
      [seller, year],
    );
    const rows = await sql<{ code: string; q1: string; q4: string; year_total: string }>(
      `select k.code, t.q1::text, t.q4::text, t.year_total::text from public.target_totals t
         join public.kpis k on k.id = t.kpi_id where t.staff_id = $1 and t.year = $2 order by k.code`,
      [seller, year],
    );
    expect(rows).toEqual([
      { code: "overdue_visits", q1: "3.00", q4: "1.00", year_total: "1.00" },
      { code: "sales_amount", q1: "300.00", q4: "300.00", year_total: "1200.00" },
      { code: "visit_plan_compliance", q1: "90.00", q4: "86.67", year_total: "89.17" },
    ]);
  });
});

describe("territories add up their people and child territories", () => {
  let root: string;
  let north: string;
  let south: string;
  let n1: string;
  let n2: string;
  let s1: string;
  let year: number;
  const sales = () => kpi("sales_amount");
  beforeAll(async () => {
    root = await territory("ROOT");
    north = await territory("N", root);
    south = await territory("S", root);
    n1 = await person("North Seller One", north);
    n2 = await person("North Seller Two", await territory("N2", north));
    s1 = await person("South Seller", south);
    year = ownYear();
    await annual("sales_amount", n1, year, "1200");
    await annual("sales_amount", n2, year, "2400");
    await annual("sales_amount", s1, year, "3600");
    await split(year, "sales_amount");
  });

  it("rolls people up through every level", async () => {
    expect((await months("sales_amount", year, north))[0]).toBe("300.00");
    expect((await months("sales_amount", year, south))[0]).toBe("300.00");
    expect((await months("sales_amount", year, root))[0]).toBe("600.00");
  });

  it("follows a changed person at once, all the way up", async () => {
    await sql("update public.targets set months[2] = months[2] + 50 where staff_id = $1 and year = $2", [n1, year]);
    expect((await months("sales_amount", year, north))[1]).toBe("350.00");
    expect((await months("sales_amount", year, root))[1]).toBe("650.00");
  });

  it("refuses a territory's months that differ from its children, naming the month and the difference", async () => {
    const write = sql(
      "update public.targets set months[3] = 999 where kpi_id = $1 and year = $2 and territory_id = $3 and staff_id is null",
      [await sales(), year, north],
    );
    await expect(write).rejects.toThrow(
      /add up to 300\.00 in March, not 999\.00 \(699\.00 more\)\. Override the target with a reason/,
    );
  });

  it("keeps an override with its reason and who set it, rolls the override up, and returns to the sum when it ends", async () => {
    await sql(
      `update public.targets set overridden = true, override_reason = 'New distributor signed', months[4] = 1000
        where kpi_id = $1 and year = $2 and territory_id = $3 and staff_id is null`,
      [await sales(), year, south],
    );
    const row = await one<{ overridden_at: string | null; reason: string }>(
      "select overridden_at::text, override_reason as reason from public.targets where kpi_id = $1 and year = $2 and territory_id = $3 and staff_id is null",
      [await sales(), year, south],
    );
    expect(row.reason).toBe("New distributor signed");
    expect(row.overridden_at).not.toBeNull();
    expect((await months("sales_amount", year, root))[3]).toBe("1300.00");
    // A change below an overridden territory leaves it (and what is above it) alone.
    await sql("update public.targets set months[4] = 0 where staff_id = $1 and year = $2", [s1, year]);
    expect((await months("sales_amount", year, south))[3]).toBe("1000.00");
    await sql(
      "update public.targets set overridden = false where kpi_id = $1 and year = $2 and territory_id = $3 and staff_id is null",
      [await sales(), year, south],
    );
    expect((await months("sales_amount", year, south))[3]).toBe("0.00");
    expect((await months("sales_amount", year, root))[3]).toBe("300.00");
  });

  it("refuses an override without a reason", async () => {
    const write = sql(
      "update public.targets set overridden = true where kpi_id = $1 and year = $2 and territory_id = $3 and staff_id is null",
      [await sales(), year, north],
    );
    await expect(write).rejects.toThrow(/targets_override_has_reason/);
  });

  it("keeps KPIs that do not add up per person only", async () => {
    await annual("visit_plan_compliance", n1, year, "90");
    await split(year, "visit_plan_compliance");
    const territories = await sql("select 1 from public.targets where kpi_id = $1 and year = $2 and staff_id is null", [
      await kpi("visit_plan_compliance"),
      year,
    ]);
    expect(territories).toHaveLength(0);
    const write = sql(
      "insert into public.targets (kpi_id, year, territory_id, overridden, override_reason) values ($1, $2, $3, true, 'Try')",
      [await kpi("visit_plan_compliance"), year, north],
    );
    await expect(write).rejects.toThrow('"Visit plan compliance" is averaged over the months, not added up');
  });
});

describe("a territory that moves to another parent", () => {
  /** A region with two areas, a moving territory under the first with a seller, and a year split. */
  async function tree(code: string) {
    const region = await territory(`MV${code}`);
    const from = await territory(`MV${code}-A`, region);
    const to = await territory(`MV${code}-B`, region);
    const moving = await territory(`MV${code}-T`, from);
    const seller = await person(`Moving Seller ${code}`, moving);
    const stay = await person(`Staying Seller ${code}`, to);
    const year = ownYear();
    await annual("sales_amount", seller, year, "1200");
    await annual("sales_amount", stay, year, "2400");
    await split(year, "sales_amount");
    return { region, from, to, moving, year };
  }
  const close = (month: string, territoryId: string) =>
    sql("insert into public.period_closes (month, territory_id) values ($1, $2)", [month, territoryId]);

  it("takes its targets along: the old parent loses them, the new one gains them, the level above is unchanged", async () => {
    const { region, from, to, moving, year } = await tree("1");
    expect((await months("sales_amount", year, from))[0]).toBe("100.00");
    expect((await months("sales_amount", year, to))[0]).toBe("200.00");
    await sql("update public.territories set parent_id = $2 where id = $1", [moving, to]);
    expect(await months("sales_amount", year, from)).toEqual(Array(12).fill("0.00"));
    expect(await months("sales_amount", year, to)).toEqual(Array(12).fill("300.00"));
    expect(await months("sales_amount", year, region)).toEqual(Array(12).fill("300.00"));
    // The tree adds up again: an edit below the new parent rolls up without a refusal.
    await sql(
      "update public.targets set months[3] = 150 where territory_id = $1 and staff_id is not null and year = $2",
      [moving, year],
    );
    expect((await months("sales_amount", year, to))[2]).toBe("350.00");
    expect((await months("sales_amount", year, region))[2]).toBe("350.00");
  });

  it("is refused while a month is closed under one parent and open under the other, naming the month", async () => {
    const { from, to, moving, year } = await tree("2");
    await close(`${year}-01-01`, from);
    await expect(sql("update public.territories set parent_id = $2 where id = $1", [moving, to])).rejects.toMatchObject(
      {
        code: "23514",
        message: expect.stringContaining(`${year}-01 is closed under one and open under the other`),
      },
    );
    expect(
      (
        await one<{ parent: string }>("select parent_id::text as parent from public.territories where id = $1", [
          moving,
        ])
      ).parent,
    ).toBe(from);
  });

  it("with the month closed under both, keeps the closed month as it was and moves the open ones", async () => {
    const { region, from, to, moving, year } = await tree("3");
    await close(`${year}-01-01`, region);
    await sql("update public.territories set parent_id = $2 where id = $1", [moving, to]);
    const [january, ...rest] = await months("sales_amount", year, from);
    expect(january).toBe("100.00");
    expect(rest).toEqual(Array(11).fill("0.00"));
    expect(await months("sales_amount", year, to)).toEqual(["200.00", ...Array(11).fill("300.00")]);
    expect(await months("sales_amount", year, region)).toEqual(Array(12).fill("300.00"));
  });
});

describe("a closed month's targets", () => {
  it("refuses a split or a direct write that would change the closed month, naming it; the open months still change", async () => {
    const area = await territory("CL");
    const seller = await person("Closed Seller", area);
    const year = ownYear();
    await annual("sales_amount", seller, year, "1200");
    await split(year, "sales_amount");
    await sql("insert into public.period_closes (month, territory_id) values ($1, $2)", [`${year}-03-01`, area]);
    await sql("update public.annual_targets set amount = 2400 where staff_id = $1 and year = $2", [seller, year]);
    await expect(split(year, "sales_amount")).rejects.toMatchObject({
      code: "23514",
      message: `${year}-03 is closed for TG-CL-${tag}: its targets cannot change. Request an amendment.`,
    });
    expect(await months("sales_amount", year, area, seller)).toEqual(Array(12).fill("100.00"));

    const theirs = [seller, year];
    await sql("update public.targets set months[4] = 150 where staff_id = $1 and year = $2", theirs);
    expect((await months("sales_amount", year, area)).slice(2, 4)).toEqual(["100.00", "150.00"]);
    await expect(
      sql("update public.targets set months[3] = 1 where staff_id = $1 and year = $2", theirs),
    ).rejects.toThrow(/its targets cannot change/);
    await expect(sql("delete from public.targets where staff_id = $1 and year = $2", theirs)).rejects.toThrow(
      /its targets cannot change/,
    );
    expect((await months("sales_amount", year, area, seller))[2]).toBe("100.00");
  });
});

describe("a person who changes territory mid-year", () => {
  it("keeps January-June under the old territory and July-December under the new", async () => {
    const parent = await territory("MV");
    const before = await territory("MV-OLD", parent);
    const after = await territory("MV-NEW", parent);
    const seller = await person("Moving Seller", before);
    const year = ownYear();
    // The move, dated: old territory from 1 January, new from 1 July (history written as it
    // would have been, past the guard that keeps an assignment's start fixed).
    await sql("update public.staff set territory_id = $2 where id = $1", [seller, after]);
    await sql(`begin;
      set local session_replication_role = replica;
      delete from public.territory_assignments where staff_id = '${seller}';
      insert into public.territory_assignments (territory_id, staff_id, valid_from, valid_to, reason)
      values ('${before}', '${seller}', '${year}-01-01', '${year}-07-01', 'Test history'),
             ('${after}', '${seller}', '${year}-07-01', null, 'Test history');
      commit;`);
    await annual("sales_amount", seller, year, "1200");
    expect(await split(year, "sales_amount")).toMatchObject({ people: 1, rows_written: 2 });
    const half = (v: string | null) => [v, v, v, v, v, v];
    expect(await months("sales_amount", year, before, seller)).toEqual([...half("100.00"), ...half(null)]);
    expect(await months("sales_amount", year, after, seller)).toEqual([...half(null), ...half("100.00")]);
    expect(await months("sales_amount", year, before)).toEqual([...half("100.00"), ...half("0.00")]);
    expect((await months("sales_amount", year, parent)).every((v) => v === "100.00")).toBe(true);
  });
});

describe("who may set and read targets (PostgREST, real JWTs)", () => {
  let hr: TestUser;
  let manager: TestUser;
  let auditor: TestUser;
  let seller: TestUser;
  let inside: string;
  let outside: string;
  let own: string;
  let insideTerritory: string;
  let year: number;
  beforeAll(async () => {
    [hr, manager, auditor, seller] = await Promise.all([
      createTestUser(["hr_admin"]),
      createTestUser(["manager"]),
      createTestUser(["auditor"]),
      createTestUser(["salesperson"]),
    ]);
    const region = await territory("PERM");
    insideTerritory = await territory("PERM-IN", region);
    const otherRegion = await territory("PERM-OUT");
    const managerStaff = await person("Targets Manager", region, manager.id, "regional_director");
    await sql("update public.territories set manager_id = $1 where id = $2", [managerStaff, region]);
    inside = await person("Targets Inside", insideTerritory);
    outside = await person("Targets Outside", otherRegion);
    own = await person("Targets Own", await territory("PERM-OWN"), seller.id);
    year = ownYear();
    await annual("sales_amount", own, year, "1200");
    await annual("sales_amount", outside, year, "1200");
    await split(year, "sales_amount");
  });

  // The territory is the database's to set (from the person), so it is not sent.
  const payload = async (staffId: string, amount = 1200): Promise<never> =>
    ({
      kpi_id: await kpi("sales_amount"),
      staff_id: staffId,
      year,
      amount,
      distribution_id: await profile("even"),
    }) as never;

  it("lets HR set anyone's annual target and split it", async () => {
    const { error } = await hr.client.from("annual_targets").insert(await payload(inside, 2400));
    expect(error).toBeNull();
    const { data, error: splitError } = await hr.client.rpc("split_targets", { p_year: year });
    expect(splitError).toBeNull();
    expect(data?.[0]?.rows_written).toBe(1);
    expect((await months("sales_amount", year, insideTerritory, inside))[0]).toBe("200.00");
    // The split's rows say who wrote them, as a target written by hand does.
    expect(
      await one<{ by: string }>("select updated_by::text as by from public.targets where staff_id = $1 and year = $2", [
        inside,
        year,
      ]),
    ).toEqual({ by: hr.id });
  });

  it("lets a manager change targets in their subtree and refuses them outside it", async () => {
    const inRow = await one<{ id: string; version: number }>(
      "select id, version from public.targets where staff_id = $1 and year = $2",
      [inside, year],
    );
    const { error } = await manager.client
      .from("targets")
      .update({ months: Array(12).fill(150), version: inRow.version })
      .eq("id", inRow.id)
      .select("id")
      .single();
    expect(error).toBeNull();
    const { error: outError } = await manager.client.from("annual_targets").insert(await payload(outside, 10));
    expect(outError?.code).toBe("42501");
    const { data: outRows } = await manager.client.from("targets").select("id").eq("staff_id", outside);
    expect(outRows).toEqual([]);
  });

  it("lets a manager split their subtree's targets only, and refuses a split that would add targets outside it", async () => {
    const splitYear = ownYear();
    await annual("sales_amount", inside, splitYear, "2400");
    await annual("sales_amount", outside, splitYear, "1200");
    const { data, error } = await manager.client.rpc("split_targets", { p_year: splitYear });
    expect(error).toBeNull();
    expect(data).toEqual([{ people: 1, rows_written: 1, rows_removed: 0 }]);
    expect((await months("sales_amount", splitYear, insideTerritory, inside))[0]).toBe("200.00");
    expect(
      await sql("select 1 from public.targets where staff_id = $1 and year = $2", [outside, splitYear]),
    ).toHaveLength(0);
    // A person who came into the subtree in July held the other region's territory in the first
    // half: their split would add targets there, which the manager may not do.
    const region = await id("select parent_id as id from public.territories where id = $1", [insideTerritory]);
    const moverTerritory = await territory("PERM-MV", region);
    const mover = await person("Targets Mover", moverTerritory);
    const otherTerritory = await id("select territory_id as id from public.staff where id = $1", [outside]);
    await sql(`begin;
      set local session_replication_role = replica;
      delete from public.territory_assignments where staff_id = '${mover}';
      insert into public.territory_assignments (territory_id, staff_id, valid_from, valid_to, reason)
      values ('${otherTerritory}', '${mover}', '${splitYear}-01-01', '${splitYear}-07-01', 'Test history'),
             ('${moverTerritory}', '${mover}', '${splitYear}-07-01', null, 'Test history');
      commit;`);
    await annual("sales_amount", mover, splitYear, "1200");
    const { error: refused } = await manager.client.rpc("split_targets", { p_year: splitYear });
    expect(refused).toMatchObject({
      code: "42501",
      message: `The split would add targets for Targets Mover in a territory where you may not add targets.`,
    });
    expect(await sql("select 1 from public.targets where staff_id = $1", [mover])).toHaveLength(0);
  });

  it("gives a manager the grid level by level: their region and its children first, a territory's people once it is opened", async () => {
    const gridYear = ownYear();
    await annual("sales_amount", inside, gridYear, "1200");
    await annual("sales_amount", outside, gridYear, "1200");
    await split(gridYear, "sales_amount");
    const region = await id("select parent_id as id from public.territories where id = $1", [insideTerritory]);
    const grid = async (opened: string[]) => {
      const { data, error } = await manager.client
        .rpc("target_grid", { p_year: gridYear, p_kpi: await kpi("sales_amount"), p_opened: opened })
        .select("territory_id, staff_id, months, person:staff_id(full_name)");
      expect(error).toBeNull();
      return (
        data as unknown as { territory_id: string; staff_id: string | null; person: { full_name: string } | null }[]
      )
        .map(
          (r) =>
            `${r.territory_id === region ? "region" : r.territory_id === insideTerritory ? "area" : r.territory_id}:${r.person?.full_name ?? "-"}`,
        )
        .sort();
    };
    // The region is the manager's top territory: its row and its child territories' rows, no one
    // else's region.
    expect(await grid([])).toEqual(["area:-", "region:-"]);
    expect(await grid([insideTerritory])).toEqual(["area:-", "area:Targets Inside", "region:-"]);
    // HR sees every region from the top: the other region's person is at the top, so shown; the
    // manager's area is not opened, so its person is not.
    const { data: hrRows } = await hr.client
      .rpc("target_grid", { p_year: gridYear, p_kpi: await kpi("sales_amount"), p_opened: [] })
      .select("staff_id");
    const people = (hrRows as unknown as { staff_id: string | null }[]).map((r) => r.staff_id);
    expect(people).toContain(outside);
    expect(people).not.toContain(inside);
  });

  it("lets the auditor read every target and change none", async () => {
    const { data } = await auditor.client
      .from("target_totals")
      .select("staff_id, year_total")
      .eq("year", year)
      .in("staff_id", [own, outside]);
    expect(data).toHaveLength(2);
    const { error } = await auditor.client.from("annual_targets").insert(await payload(own));
    expect(error?.code).toBe("42501");
    const { data: changed } = await auditor.client
      .from("targets")
      .update({ months: Array(12).fill(1) })
      .eq("staff_id", own)
      .select("id");
    expect(changed).toEqual([]);
  });

  it("shows a salesperson their own targets only, and refuses them any change", async () => {
    const { data } = await seller.client.from("target_totals").select("staff_id, year_total").eq("year", year);
    expect(data).toEqual([{ staff_id: own, year_total: 1200 }]);
    const { error } = await seller.client.from("annual_targets").insert(await payload(own, 1));
    expect(error?.code).toBe("42501");
    const { error: splitError } = await seller.client.rpc("split_targets", { p_year: year });
    expect(splitError).toMatchObject({ code: "42501", message: "You may not split targets." });
    const { data: changed } = await seller.client
      .from("targets")
      .update({ months: Array(12).fill(1) })
      .eq("staff_id", own)
      .select("id");
    expect(changed).toEqual([]);
  });

  it("answers a year out of range with a 400 and a clear message", async () => {
    const { error } = await hr.client.rpc("split_targets", { p_year: 1999 });
    expect(error?.message).toBe("Give a year between 2000 and 2100.");
  });
});

describe("own goals beside the company's target", () => {
  it("are set by the person only, read by their manager, and shown month by month beside the target", async () => {
    const [seller, manager, hrUser] = await Promise.all([
      createTestUser(["salesperson"]),
      createTestUser(["manager"]),
      createTestUser(["hr_admin"]),
    ]);
    const region = await territory("GOAL");
    const bossStaff = await person("Goal Boss", region, manager.id, "regional_director");
    await sql("update public.territories set manager_id = $1 where id = $2", [bossStaff, region]);
    const own = await person("Goal Seller", await territory("GOAL-A", region), seller.id);
    const other = await person("Goal Other", await territory("GOAL-B", region));
    const year = ownYear();
    await annual("sales_amount", own, year, "1200");
    await split(year, "sales_amount");
    const sales = await kpi("sales_amount");
    // The territory is the database's to set (from the person), so it is not sent.
    const goal = (staffId: string): never =>
      ({
        staff_id: staffId,
        kpi_id: sales,
        year,
        months: [150, 150, null, null, null, null, null, null, null, null, null, null],
        note: "Two new distributors",
      }) as never;
    const { error } = await seller.client.from("personal_goals").insert(goal(own));
    expect(error).toBeNull();
    const { error: forOther } = await seller.client.from("personal_goals").insert(goal(other));
    expect(forOther?.code).toBe("42501");
    const { error: managerWrites } = await manager.client.from("personal_goals").insert(goal(other));
    expect(managerWrites?.code).toBe("42501");
    const { data: managerReads } = await manager.client.from("personal_goals").select("staff_id").eq("year", year);
    expect(managerReads).toEqual([{ staff_id: own }]);
    const { data: hrWrites } = await hrUser.client
      .from("personal_goals")
      .update({ note: "Changed by HR" })
      .eq("staff_id", own)
      .select("id");
    expect(hrWrites).toEqual([]);
    const { data: months } = await seller.client.rpc("performance_months", { p_staff: own, p_year: year });
    const january = (months ?? []).find((r) => r.kpi_id === sales && r.month === 1);
    const march = (months ?? []).find((r) => r.kpi_id === sales && r.month === 3);
    expect(january).toMatchObject({ target: 100, goal: 150 });
    expect(march).toMatchObject({ target: 100, goal: null });
  });
});
