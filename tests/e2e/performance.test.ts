// Evaluation templates in the browser: HR builds a position's template, the editor names the
// difference while the weights do not make 100 and keeps it from being saved, then saves and
// publishes it, after which it is frozen.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sql } from "../support/sql.ts";
import { EvaluationsPageObject, EvaluationTemplatePageObject, TargetsPageObject } from "./pages/performance.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { openBrowser } from "./support/browser.ts";
import { managerWithRegion, newPosition, newStaff, newTerritory, personWithLogin } from "./support/people.ts";

const session = openBrowser();

describe("an evaluation template", () => {
  it("HR weighs two KPIs to exactly 100 (refused at 90), saves and publishes, and the template is frozen", async () => {
    const position = await newPosition();
    const hr = await personWithLogin(["hr_admin"]);
    const name = `Template ${randomUUID().slice(0, 6)}`;

    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(hr.email, hr.password);
    const template = new EvaluationTemplatePageObject(page);
    await template.create(position.title, name);

    await template.addKpi("Sales amount", "60");
    await template.addKpi("Conduct", "30");
    await expect.poll(() => template.weightStatus().innerText()).toMatch(/90\.00.*10\.00/);
    expect(await template.saveKpisButton().isDisabled()).toBe(true);
    expect(await template.publishButton().isDisabled()).toBe(true);

    await template.setWeight(1, "40");
    await expect.poll(() => template.weightStatus().innerText()).not.toMatch(/90\.00/);
    await template.saveKpisButton().click();
    await expect.poll(() => template.publishButton().isDisabled()).toBe(false);
    await template.publish();
    await template.frozenNotice().waitFor();

    const [stored] = await sql<{ published: boolean; lines: string }>(
      `select t.published_at is not null as published,
              string_agg(k.code || ' ' || l.weight::text, ', ' order by l.sort_order) as lines
         from public.evaluation_templates t
         join public.evaluation_template_kpis l on l.template_id = t.id
         join public.kpis k on k.id = l.kpi_id
        where t.name = $1 group by t.id`,
      [name],
    );
    expect(stored).toEqual({ published: true, lines: "sales_amount 60.00, conduct 40.00" });
    expect(await template.weightInputs().count()).toBe(0);
  });
});

describe("the targets grid", () => {
  it("a manager opens an area, edits a person's months, sees what the territory above becomes as they type, and saving rolls it up", async () => {
    const { manager, region } = await managerWithRegion();
    const area = await newTerritory("Area", null, region.id);
    const seller = {
      fullName: `Target Seller ${randomUUID().slice(0, 6)}`,
      email: `ts-${randomUUID().slice(0, 8)}@test.example.com`,
    };
    const sellerId = await newStaff(seller, area.id, (await newPosition({ sales: true })).id);
    const year = 2090 + Math.floor(Math.random() * 10);
    await sql(
      `insert into public.annual_targets (kpi_id, staff_id, year, amount, distribution_id)
       select k.id, $1, $2, 1200, d.id from public.kpis k, public.distribution_profiles d
        where k.code = 'sales_amount' and d.code = 'even'`,
      [sellerId, year],
    );
    await sql("select public.split_targets($1, (select id from public.kpis where code = 'sales_amount'))", [year]);
    const [kpi] = await sql<{ id: string }>("select id from public.kpis where code = 'sales_amount'");

    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(manager.email, manager.password);
    const grid = new TargetsPageObject(page);
    await grid.open(year, kpi!.id);
    // The region is open; its area is opened to read its people.
    await grid.openTerritory(area.code);
    await grid.edit(seller.fullName);
    await grid.setMonth("January", "500");
    await expect
      .poll(() => grid.parentNotice().innerText())
      .toMatch(new RegExp(`${area.code}.*1,600\\.00.*1,200\\.00.*400\\.00`));
    await grid.save();

    await expect
      .poll(async () => {
        const rows = await sql<{ code: string; january: string }>(
          `select t.code, x.months[1]::text as january from public.targets x join public.territories t on t.id = x.territory_id
            where x.year = $1 and x.staff_id is null and x.territory_id = any ($2::uuid[]) order by t.code`,
          [year, [region.id, area.id]],
        );
        return rows.map((r) => r.january);
      })
      .toEqual(["500.00", "500.00"]);
  });
});

describe("a month's evaluation", () => {
  it("a manager runs the month, scores and submits; the next level approves with an improvement plan", async () => {
    const { manager: regionManager, region } = await managerWithRegion();
    const areaManager = await personWithLogin(["manager"]);
    const area = await newTerritory("Area", areaManager.staffId, region.id);
    // The area manager works in the area (so the level above reads them, e.g. to follow a plan up).
    await sql("update public.staff set territory_id = $2 where id = $1", [areaManager.staffId, area.id]);
    const tag = randomUUID().slice(0, 6);
    const position = await newPosition({ sales: true });
    const seller = { fullName: `Evaluated Seller ${tag}`, email: `ev-${tag}@test.example.com` };
    const sellerId = await newStaff(seller, area.id, position.id);
    await sql("update public.staff set hire_date = '2020-01-01', manager_id = $2 where id = $1", [
      sellerId,
      areaManager.staffId,
    ]);
    const [template] = await sql<{ id: string }>(
      "insert into public.evaluation_templates (position_id, valid_from, name) values ($1, '2020-01-01', $2) returning id",
      [position.id, `Template ${tag}`],
    );
    await sql(
      `insert into public.evaluation_template_kpis (template_id, kpi_id, weight)
       select $1, k.id, case k.code when 'sales_amount' then 60 else 40 end from public.kpis k
        where k.code in ('sales_amount', 'communication')`,
      [template!.id],
    );
    await sql("update public.evaluation_templates set published_at = now() where id = $1", [template!.id]);
    const month = new Date(new Date().getFullYear(), new Date().getMonth() - 1, 1);
    await sql(
      `insert into public.targets (kpi_id, year, territory_id, staff_id, months)
       select k.id, $1, $2, $3, array_fill(10000::numeric, array[12]) from public.kpis k where k.code = 'sales_amount'`,
      [month.getFullYear(), area.id, sellerId],
    );

    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(areaManager.email, areaManager.password);
    const evaluations = new EvaluationsPageObject(page);
    await evaluations.runMonth();
    await evaluations.open(seller.fullName);
    await evaluations.setManual("Communication", "2");
    await evaluations.confirmStep("evaluations.actions.submit");
    await evaluations.status("evaluations.status.submitted").waitFor();
    const url = page.url();

    const next = await session.newPage();
    await new ShellPageObject(next).signInAs(regionManager.email, regionManager.password);
    await next.goto(url);
    const approving = new EvaluationsPageObject(next);
    await approving.approveWithPlan({
      areas: "Sales against target",
      actions: "Weekly pipeline review with the area manager.",
      owner: areaManager.fullName,
    });
    await approving.status("evaluations.status.approved").waitFor();

    const [stored] = await sql<{ status: string; total: string; band: string; plan: string | null }>(
      `select e.status, e.total_score::text as total, b.code as band, p.areas as plan
         from public.evaluations e join public.rating_bands b on b.id = e.band_id
         left join public.improvement_plans p on p.evaluation_id = e.id
        where e.staff_id = $1`,
      [sellerId],
    );
    // Sales 0 of 10,000 (0) and communication 2 of 5 (40 % x 40): 16.00.
    expect(stored).toEqual({
      status: "approved",
      total: "16.00",
      band: "needs_improvement",
      plan: "Sales against target",
    });
  });
});
