// Detectors in the browser: HR gives the overdue-visit check its grace days (refused while the
// field is empty) and runs the switched-on checks now; a manager lists the violations a detector
// found in their region (a salesperson's visit to a customer of another territory, found as it
// was written) apart from those people recorded.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { serviceClient } from "../support/clients.ts";
import { sql } from "../support/sql.ts";
import { DetectorsPageObject } from "./pages/detectors.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { ViolationsPageObject } from "./pages/violations.po.ts";
import { openBrowser } from "./support/browser.ts";
import { text } from "./support/text.ts";
import { managerWithRegion, newTerritory, personWithLogin } from "./support/people.ts";

const session = openBrowser();

describe("detectors", () => {
  it("HR sets the grace days (refused when empty) and runs the checks now", async () => {
    const hr = await personWithLogin(["hr_admin"]);
    const [before] = await sql<{ grace_days: number }>(
      "select grace_days from public.detectors where code = 'overdue_visit'",
    );
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(hr.email, hr.password);
    const detectors = new DetectorsPageObject(page);
    await detectors.open();
    try {
      await detectors.graceDays().fill("");
      await detectors.save("overdue_visit");
      await page.getByRole("alert").getByText(text("detectors.errors.grace")).waitFor();
      await detectors.graceDays().fill("10");
      await detectors.save("overdue_visit");
      await page.getByText(text("detectors.saved")).first().waitFor();
      expect(await sql("select 1 from public.detectors where code = 'overdue_visit' and grace_days = 10")).toHaveLength(
        1,
      );

      const started = new Date();
      await detectors.runNow();
      await page
        .getByText(/^Checks run: \d+ new draft violations?$/)
        .first()
        .waitFor();
      const [ran] = await sql<{ last_run_at: Date }>(
        "select last_run_at from public.detectors where code = 'overdue_visit'",
      );
      expect(ran!.last_run_at.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
    } finally {
      await sql("update public.detectors set grace_days = $1 where code = 'overdue_visit'", [before!.grace_days]);
    }
  });

  it("a manager lists the violations a detector found apart from those people recorded", async () => {
    const { manager, region } = await managerWithRegion();
    const seller = await personWithLogin(["salesperson"], region.id);
    const away = await newTerritory("Away");
    const code = `DE-${randomUUID().slice(0, 6).toUpperCase()}`;
    const { data: customer, error } = await serviceClient()
      .from("customers")
      .insert({
        code,
        name: "Customer elsewhere",
        tier_id: (await sql<{ id: string }>("select id from public.customer_tiers order by sort_order limit 1"))[0]!.id,
        territory_id: away.id,
      })
      .select("id")
      .single();
    expect(error).toBeNull();
    await sql("insert into public.visits (customer_id, staff_id, purpose) values ($1, $2, 'Passing by')", [
      customer!.id,
      seller.staffId,
    ]);
    expect(
      await sql("select 1 from public.violations where staff_id = $1 and detected_by = 'outside_territory'", [
        seller.staffId,
      ]),
    ).toHaveLength(1);

    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(manager.email, manager.password);
    const violations = new ViolationsPageObject(page);
    await violations.open();
    await violations.filterBy(seller.fullName);
    await violations.showFoundBy("detected");
    await violations.row(seller.fullName).getByText(text("violations.detected")).waitFor();
    await violations
      .row(seller.fullName)
      .getByText(new RegExp(`Visited ${code}`))
      .waitFor();
    await violations.showFoundBy("recorded");
    await page.getByText(text("violations.none")).waitFor();
  });
});
