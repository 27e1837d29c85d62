// The KPI catalogue, evaluation templates and rating bands: the scoring maths with exact
// numbers (direction, cap, floor, weights, qualitative scales, bands at their bounds), the
// weights refused at commit unless they add up to 100, publishing that freezes a template and
// versions made from it, and who may write the criteria (HR) and who only reads them, through
// PostgREST with real JWTs.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type TestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

const tag = randomUUID().slice(0, 6).toLowerCase();

async function one<T extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T> {
  const rows = await sql<T>(text, params);
  if (!rows[0]) throw new Error(`no row: ${text}`);
  return rows[0];
}

const kpi = async (code: string) =>
  (await one<{ id: string }>("select id from public.kpis where code = $1", [code])).id;

/** This run's own position, so its templates never meet another run's. */
let testPosition: Promise<string> | undefined;
const ownPosition = () =>
  (testPosition ??= one<{ id: string }>("insert into public.positions (code, title_en) values ($1, $2) returning id", [
    `kpi_test_${tag}`,
    `KPI test ${tag}`,
  ]).then((r) => r.id));

/** A draft template of this run's position from a month (each test its own month). */
async function draftTemplate(month: string): Promise<{ id: string; version: number }> {
  return one<{ id: string; version: number }>(
    "insert into public.evaluation_templates (position_id, valid_from, name) values ($1, $2, $3) returning id, version",
    [await ownPosition(), month, `Test ${tag} ${month}`],
  );
}

describe("the scoring maths", () => {
  const achievement = async (
    direction: string,
    actual: number,
    target: number,
    cap: number | null,
    floor: number | null,
  ) =>
    (
      await one<{ a: string | null }>("select public.kpi_achievement($1, $2, $3, $4, $5)::text as a", [
        direction,
        actual,
        target,
        cap,
        floor,
      ])
    ).a;

  it("scores actual / target when higher is better, capped at the cap", async () => {
    expect(await achievement("higher_is_better", 90, 100, 120, null)).toBe("90.00");
    expect(await achievement("higher_is_better", 1, 3, 120, null)).toBe("33.33");
    expect(await achievement("higher_is_better", 120, 100, 120, null)).toBe("120.00");
    expect(await achievement("higher_is_better", 130, 100, 120, null)).toBe("120.00");
  });

  it("scores target / actual when lower is better, an actual of 0 at the cap", async () => {
    expect(await achievement("lower_is_better", 10, 5, 120, null)).toBe("50.00");
    expect(await achievement("lower_is_better", 4, 5, 150, null)).toBe("125.00");
    expect(await achievement("lower_is_better", 4, 5, 120, null)).toBe("120.00");
    expect(await achievement("lower_is_better", 0, 5, 120, null)).toBe("120.00");
  });

  it("scores 0 below the floor and the achievement itself at the floor", async () => {
    expect(await achievement("higher_is_better", 49.99, 100, 120, 50)).toBe("0");
    expect(await achievement("higher_is_better", 50, 100, 120, 50)).toBe("50.00");
    expect(await achievement("lower_is_better", 25, 10, 120, 50)).toBe("0");
  });

  it("does not score without something to score against", async () => {
    expect(await achievement("higher_is_better", 10, 0, 120, null)).toBeNull();
    expect(await achievement("higher_is_better", -1, 10, 120, null)).toBeNull();
  });

  it("scores a qualitative KPI as its share of the scale, nothing outside the scale", async () => {
    const q = async (score: number, max: number) =>
      (
        await one<{ a: string | null }>("select public.qualitative_achievement($1, $2::smallint)::text as a", [
          score,
          max,
        ])
      ).a;
    expect(await q(4, 5)).toBe("80.00");
    expect(await q(5, 5)).toBe("100.00");
    expect(await q(1, 3)).toBe("33.33");
    expect(await q(0, 5)).toBeNull();
    expect(await q(6, 5)).toBeNull();
  });

  it("weights a template's achievements: sum(weight x achievement) / 100, a missing one as 0", async () => {
    const t = await draftTemplate("2031-01-01");
    const [sales, visits, conduct] = [await kpi("sales_amount"), await kpi("visits_done"), await kpi("conduct")];
    await sql(
      `insert into public.evaluation_template_kpis (template_id, kpi_id, weight) values ($1, $2, 50), ($1, $3, 30), ($1, $4, 20)`,
      [t.id, sales, visits, conduct],
    );
    const score = async (achievements: Record<string, number>) =>
      (
        await one<{ s: string }>("select public.template_score($1, $2)::text as s", [
          t.id,
          JSON.stringify(achievements),
        ])
      ).s;
    expect(await score({ [sales]: 120, [visits]: 90, [conduct]: 80 })).toBe("103.00");
    expect(await score({ [sales]: 100, [visits]: 100 })).toBe("80.00");
  });

  it("puts a total in the band whose lower bound is the highest at or below it", async () => {
    const band = async (score: number | null) =>
      (await sql<{ code: string }>("select code from public.rating_band_for($1)", [score]))[0]?.code ?? null;
    expect(await band(110)).toBe("outstanding");
    expect(await band(109.99)).toBe("good");
    expect(await band(90)).toBe("good");
    expect(await band(89.99)).toBe("acceptable");
    expect(await band(70)).toBe("acceptable");
    expect(await band(69.99)).toBe("needs_improvement");
    expect(await band(0)).toBe("needs_improvement");
    expect(await band(null)).toBeNull();
  });
});

describe("template weights, publishing and versions", () => {
  let hr: TestUser;
  beforeAll(async () => {
    hr = await createTestUser(["hr_admin"]);
  });

  const lines = async (...weights: number[]) => {
    const codes = ["sales_amount", "profit_contribution", "visits_done", "conduct"];
    return Promise.all(weights.map(async (weight, i) => ({ kpi_id: await kpi(codes[i]!), weight })));
  };
  const stored = async (template: string) =>
    (
      await sql<{ weight: string }>(
        "select weight::text from public.evaluation_template_kpis where template_id = $1 order by sort_order",
        [template],
      )
    ).map((r) => r.weight);

  it("refuses weights that do not add up to 100 at commit, naming the difference, and keeps the old ones", async () => {
    const t = await draftTemplate("2031-02-01");
    const saved = await hr.client.rpc("save_template_kpis", {
      p_template: t.id,
      p_version: t.version,
      p_lines: await lines(60, 40),
    });
    expect(saved.error).toBeNull();
    const version = (
      await one<{ version: number }>("select version from public.evaluation_templates where id = $1", [t.id])
    ).version;
    const short = await hr.client.rpc("save_template_kpis", {
      p_template: t.id,
      p_version: version,
      p_lines: await lines(60, 30),
    });
    expect(short.error?.message).toBe("The weights add up to 90.00, 10.00 short of 100.");
    const over = await hr.client.rpc("save_template_kpis", {
      p_template: t.id,
      p_version: version,
      p_lines: await lines(60, 30, 10.5),
    });
    expect(over.error?.message).toBe("The weights add up to 100.50, 0.50 more than 100.");
    expect(await stored(t.id)).toEqual(["60.00", "40.00"]);
  });

  it("accepts weights of exactly 100 with decimals, and refuses a save from a stale screen", async () => {
    const t = await draftTemplate("2031-03-01");
    const ok = await hr.client.rpc("save_template_kpis", {
      p_template: t.id,
      p_version: t.version,
      p_lines: await lines(33.33, 33.33, 33.34),
    });
    expect(ok.error).toBeNull();
    expect(ok.data?.map((l) => Number(l.weight))).toEqual([33.33, 33.33, 33.34]);
    const stale = await hr.client.rpc("save_template_kpis", {
      p_template: t.id,
      p_version: t.version,
      p_lines: await lines(100),
    });
    expect(stale.status).toBe(409);
    expect(await stored(t.id)).toEqual(["33.33", "33.33", "33.34"]);
  });

  it("publishes only a template whose weights add up to 100, recording when and by whom, whatever the client sends", async () => {
    const empty = await draftTemplate("2031-04-01");
    const refused = await hr.client.rpc("publish_evaluation_template", { p_template: empty.id });
    expect(refused.error?.message).toBe(
      "The weights add up to 0.00, 100.00 short of 100: the template cannot be published.",
    );

    const forged = await hr.client
      .from("evaluation_templates")
      .insert({
        position_id: await ownPosition(),
        valid_from: "2031-05-01",
        name: `Forged ${tag}`,
        published_at: "2020-01-01T00:00:00Z",
        published_by: randomUUID(),
      })
      .select("id, version, published_at, published_by")
      .single();
    expect(forged.error).toBeNull();
    expect(forged.data).toMatchObject({ published_at: null, published_by: null });
    await hr.client.rpc("save_template_kpis", {
      p_template: forged.data!.id,
      p_version: forged.data!.version,
      p_lines: await lines(100),
    });
    const published = await hr.client.rpc("publish_evaluation_template", { p_template: forged.data!.id });
    expect(published.error).toBeNull();
    expect(published.data?.published_by).toBe(hr.id);
    expect(Date.now() - Date.parse(published.data!.published_at!)).toBeLessThan(60_000);
  });

  it("freezes a published template: no KPI, weight, position, month or name changes; a new version copies it", async () => {
    const t = await draftTemplate("2031-06-01");
    await hr.client.rpc("save_template_kpis", { p_template: t.id, p_version: t.version, p_lines: await lines(70, 30) });
    expect((await hr.client.rpc("publish_evaluation_template", { p_template: t.id })).error).toBeNull();
    const now = await one<{ version: number }>("select version from public.evaluation_templates where id = $1", [t.id]);

    const relined = await hr.client.rpc("save_template_kpis", {
      p_template: t.id,
      p_version: now.version,
      p_lines: await lines(100),
    });
    expect(relined.error?.message).toBe(
      "This template is published and can no longer change; make a new version from it.",
    );
    const reweighed = await hr.client
      .from("evaluation_template_kpis")
      .update({ weight: 80 })
      .eq("template_id", t.id)
      .select();
    expect(reweighed.error?.message).toBe(
      "This template is published and can no longer change; make a new version from it.",
    );
    const renamed = await hr.client
      .from("evaluation_templates")
      .update({ name: "Changed", version: now.version })
      .eq("id", t.id)
      .select();
    expect(renamed.error?.message).toBe(
      "This template is published and can no longer change; make a new version from it.",
    );
    const unpublished = await hr.client
      .from("evaluation_templates")
      .update({ published_at: null, version: now.version })
      .eq("id", t.id)
      .select();
    expect(unpublished.error?.message).toBe(
      "This template is published and can no longer change; make a new version from it.",
    );
    expect((await hr.client.from("evaluation_templates").delete().eq("id", t.id).select()).data).toEqual([]);
    expect(await stored(t.id)).toEqual(["70.00", "30.00"]);

    const earlier = await hr.client.rpc("copy_evaluation_template", { p_template: t.id, p_valid_from: "2031-06-01" });
    expect(earlier.error?.message).toBe("A new version must apply from a month after 2031-06.");
    const copy = await hr.client.rpc("copy_evaluation_template", { p_template: t.id, p_valid_from: "2031-09-15" });
    expect(copy.error).toBeNull();
    expect(copy.data).toMatchObject({ valid_from: "2031-09-01", published_at: null });
    expect(await stored(copy.data!.id)).toEqual(["70.00", "30.00"]);
  });
});

describe("the catalogue's rules", () => {
  let hr: TestUser;
  beforeAll(async () => {
    hr = await createTestUser(["hr_admin"]);
  });

  it("takes a measured KPI's unit from its measure, whatever the client sends", async () => {
    const made = await hr.client
      .from("kpis")
      .insert({ code: `vip_sales_${tag}`, name_en: "VIP sales", measure_code: "sales_amount", unit: "count" })
      .select("unit")
      .single();
    expect(made.error).toBeNull();
    expect(made.data?.unit).toBe("amount");
  });

  it("refuses a filter the measure does not understand, naming it", async () => {
    const tier = (await one<{ id: string }>("select id from public.customer_tiers where code = 'vip'")).id;
    const refused = await hr.client
      .from("kpis")
      .insert({
        code: `plan_vip_${tag}`,
        name_en: "Plan (VIP)",
        measure_code: "visit_plan_compliance",
        filter_tier_id: tier,
      })
      .select();
    expect(refused.error?.message).toBe('The measure "Visit plan compliance" cannot be filtered by customer tier.');
  });

  it("refuses a qualitative KPI without a scale, or with a measure", async () => {
    const noScale = await hr.client
      .from("kpis")
      .insert({ code: `q1_${tag}`, name_en: "Q", kind: "qualitative", unit: "score" })
      .select();
    expect(noScale.error?.code).toBe("23514");
    const measured = await hr.client
      .from("kpis")
      .insert({
        code: `q2_${tag}`,
        name_en: "Q",
        kind: "qualitative",
        unit: "score",
        scale_max: 5,
        measure_code: "visits_done",
      })
      .select();
    expect(measured.error?.code).toBe("23514");
  });

  it("holds every KPI the seeds name, measured or entered, and the qualitative criteria on a scale of 5", async () => {
    const rows = await sql<{ code: string; measured: boolean; kind: string; scale_max: number | null }>(
      "select code, measure_code is not null as measured, kind::text, scale_max from public.kpis order by sort_order",
    );
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    for (const code of [
      "sales_amount",
      "profit_contribution",
      "payments_collected",
      "customer_count",
      "new_customers",
      "visits_done",
      "visit_plan_compliance",
      "overdue_visits",
      "rules_acknowledged",
    ])
      expect(byCode[code]).toMatchObject({ measured: true, kind: "quantitative" });
    for (const code of ["customer_satisfaction", "market_share"])
      expect(byCode[code]).toMatchObject({ measured: false, kind: "quantitative" });
    for (const code of [
      "communication",
      "adaptability",
      "coordination",
      "conduct",
      "diligence",
      "responsibility",
      "dedication",
      "best_effort",
    ])
      expect(byCode[code]).toMatchObject({ measured: false, kind: "qualitative", scale_max: 5 });
  });
});

describe("who may write the criteria", () => {
  const readers = ["manager", "auditor", "salesperson"] as const;
  let hr: TestUser;
  const others: Record<(typeof readers)[number], TestUser> = {} as never;
  let template: { id: string; version: number };
  beforeAll(async () => {
    hr = await createTestUser(["hr_admin"]);
    for (const role of readers) others[role] = await createTestUser([role]);
    template = await draftTemplate("2032-01-01");
  });

  it("lets HR add, edit and delete KPIs and bands", async () => {
    const made = await hr.client
      .from("kpis")
      .insert({ code: `hr_${tag}`, name_en: "HR made" })
      .select("id, version")
      .single();
    expect(made.error).toBeNull();
    const edited = await hr.client
      .from("kpis")
      .update({ name_en: "HR edited", version: made.data!.version })
      .eq("id", made.data!.id)
      .select("name_en");
    expect(edited.data).toEqual([{ name_en: "HR edited" }]);
    expect((await hr.client.from("kpis").delete().eq("id", made.data!.id).select("id")).data).toHaveLength(1);
    const band = await hr.client
      .from("rating_bands")
      .insert({
        code: `hr_${tag}`,
        name_en: "HR band",
        lower_bound: 250 + Math.floor(Math.random() * 40),
        outcome: "reward",
      })
      .select("id")
      .single();
    expect(band.error).toBeNull();
    expect((await hr.client.from("rating_bands").delete().eq("id", band.data!.id).select("id")).data).toHaveLength(1);
  });

  for (const role of readers) {
    it(`lets the ${role} read the catalogue, templates and bands and change none of them`, async () => {
      const c = others[role].client;
      expect((await c.from("kpis").select("id")).data?.length).toBeGreaterThanOrEqual(19);
      expect((await c.from("kpi_measures").select("code")).data?.length).toBe(11);
      expect((await c.from("rating_bands").select("id")).data?.length).toBeGreaterThanOrEqual(4);
      expect((await c.from("evaluation_templates").select("id").eq("id", template.id)).data).toHaveLength(1);

      expect(
        (
          await c
            .from("kpis")
            .insert({ code: `x_${role}_${tag}`, name_en: "X" })
            .select()
        ).error?.code,
      ).toBe("42501");
      expect((await c.from("kpis").update({ name_en: "Changed" }).eq("code", "sales_amount").select()).data).toEqual(
        [],
      );
      expect((await c.from("kpis").delete().eq("code", "conduct").select()).data).toEqual([]);
      expect(
        (
          await c
            .from("rating_bands")
            .insert({ code: `x_${role}_${tag}`, name_en: "X", lower_bound: 299 })
            .select()
        ).error?.code,
      ).toBe("42501");
      expect((await c.from("rating_bands").update({ lower_bound: 1 }).eq("code", "good").select()).data).toEqual([]);
      expect(
        (
          await c
            .from("evaluation_templates")
            .insert({ position_id: await ownPosition(), valid_from: "2033-01-01", name: "X" })
            .select()
        ).error?.code,
      ).toBe("42501");
      const lines = [{ kpi_id: await kpi("sales_amount"), weight: 100 }];
      const saved = await c.rpc("save_template_kpis", {
        p_template: template.id,
        p_version: template.version,
        p_lines: lines,
      });
      expect(saved.error?.message).toBe("You may not change this template.");
      expect((await c.rpc("publish_evaluation_template", { p_template: template.id })).error?.code).toBe("PT404");
      expect(
        (await c.rpc("copy_evaluation_template", { p_template: template.id, p_valid_from: "2033-02-01" })).error?.code,
      ).toBe("42501");
      expect((await c.from("evaluation_templates").delete().eq("id", template.id).select()).data).toEqual([]);
      expect(await sql("select name_en from public.kpis where code = 'sales_amount'")).toEqual([
        { name_en: "Sales amount" },
      ]);
    });
  }

  it("shows nothing to a login without a role", async () => {
    const nobody = await createTestUser([]);
    expect((await nobody.client.from("kpis").select("id")).data).toEqual([]);
    expect((await nobody.client.from("evaluation_templates").select("id")).data).toEqual([]);
    expect((await nobody.client.from("rating_bands").select("id")).data).toEqual([]);
    expect((await nobody.client.from("kpi_measures").select("code")).data).toEqual([]);
  });
});
