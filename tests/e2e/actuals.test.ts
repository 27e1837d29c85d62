// KPI actuals in the browser: a manager enters last month's market share for someone in their
// region (the dialog asks for the value before sending anything, and keeps a percentage within
// 0-100), corrects it, and deletes it after confirming.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sql } from "../support/sql.ts";
import { ActualsPageObject } from "./pages/performance.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { openBrowser } from "./support/browser.ts";
import { text } from "./support/text.ts";
import { managerWithRegion, newPosition, newStaff } from "./support/people.ts";

const session = openBrowser();

describe("a manual KPI's actual", () => {
  it("a manager enters market share (refused without a value), corrects it, and deletes it after confirming", async () => {
    const { manager, region } = await managerWithRegion();
    const tag = randomUUID().slice(0, 6);
    const seller = { fullName: `Measured Seller ${tag}`, email: `ac-${tag}@test.example.com` };
    const sellerId = await newStaff(seller, region.id, (await newPosition({ sales: true })).id);
    const stored = () =>
      sql<{ value: string; source: string; territory: string }>(
        `select a.value::text as value, a.source::text as source, a.territory_id::text as territory
           from public.kpi_actuals a join public.kpis k on k.id = a.kpi_id
          where a.staff_id = $1 and k.code = 'market_share'`,
        [sellerId],
      );

    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(manager.email, manager.password);
    const actuals = new ActualsPageObject(page);
    await actuals.open();
    await actuals.enter({ person: seller.fullName, kpi: "Market share", value: "" });
    await actuals.save();
    await actuals.dialog().getByText(text("kpi_actuals.errors.required")).waitFor();
    expect(await stored()).toEqual([]);
    await actuals.setValue("12.5");
    await actuals.save();
    await actuals
      .row(seller.fullName)
      .getByText(/12[.,]5 %/)
      .waitFor();
    expect(await stored()).toEqual([{ value: "12.50", source: "entered", territory: region.id }]);

    await actuals
      .row(seller.fullName)
      .getByRole("button", { name: text("buttons.edit") })
      .click();
    await actuals.setValue("14");
    await actuals.save();
    await actuals.row(seller.fullName).getByText(/14 %/).waitFor();
    expect(await stored()).toEqual([{ value: "14.00", source: "entered", territory: region.id }]);

    await actuals.remove(seller.fullName);
    await actuals.row(seller.fullName).waitFor({ state: "detached" });
    expect(await stored()).toEqual([]);
  });
});
