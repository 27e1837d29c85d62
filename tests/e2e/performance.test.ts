// Evaluation templates in the browser: HR builds a position's template, the editor names the
// difference while the weights do not make 100 and keeps it from being saved, then saves and
// publishes it, after which it is frozen.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sql } from "../support/sql.ts";
import { EvaluationTemplatePageObject } from "./pages/performance.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { openBrowser } from "./support/browser.ts";
import { newPosition, personWithLogin } from "./support/people.ts";

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
