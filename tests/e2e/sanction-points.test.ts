// Discipline points in the browser: under the KPI catalogue, HR sets what a fine costs in the
// discipline measure (refused while the field is empty); a manager reads the points and has no
// Save button.
import { describe, expect, it } from "vitest";
import { sql } from "../support/sql.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { openBrowser } from "./support/browser.ts";
import { text } from "./support/text.ts";
import { managerWithRegion, personWithLogin } from "./support/people.ts";

const session = openBrowser();

describe("discipline points", () => {
  it("HR sets a fine's points (refused when empty); a manager only reads them", async () => {
    const hr = await personWithLogin(["hr_admin"]);
    const [before] = await sql<{ points: number }>("select points from public.sanction_points where kind = 'fine'");
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(hr.email, hr.password);
    await page.goto("/kpis");
    const fine = page.getByRole("spinbutton", { name: text("violations.sanction.fine") });
    const save = page.getByRole("button", { name: text("sanction_points.saveFor", { name: "Fine" }) });
    try {
      await fine.fill("");
      await save.click();
      await page.getByRole("alert").getByText(text("sanction_points.errors.points")).waitFor();
      await fine.fill("7");
      await save.click();
      await page.getByText(text("sanction_points.saved")).first().waitFor();
      expect(await sql("select 1 from public.sanction_points where kind = 'fine' and points = 7")).toHaveLength(1);
    } finally {
      await sql("update public.sanction_points set points = $1 where kind = 'fine'", [before!.points]);
    }

    const { manager } = await managerWithRegion();
    const managerPage = await session.newPage();
    await new ShellPageObject(managerPage).signInAs(manager.email, manager.password);
    await managerPage.goto("/kpis");
    await managerPage.getByRole("spinbutton", { name: text("violations.sanction.fine") }).waitFor();
    expect(
      await managerPage.getByRole("button", { name: text("sanction_points.saveFor", { name: "Fine" }) }).count(),
    ).toBe(0);
  });
});
