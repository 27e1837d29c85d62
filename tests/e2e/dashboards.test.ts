// The dashboard in the browser: a manager sees their region's figures, opens the region to its
// area (every card then reads that subtree), reads a card as a table and downloads its CSV;
// HR switches the ranking off and the manager's ranking card says so; a salesperson's
// dashboard has no ranking at all.
import { describe, expect, it } from "vitest";
import { sql } from "../support/sql.ts";
import { DashboardsPageObject } from "./pages/dashboards.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { openBrowser } from "./support/browser.ts";
import { managerWithRegion, newTerritory, personWithLogin } from "./support/people.ts";
import { text } from "./support/text.ts";

const session = openBrowser();
const year = new Date().getFullYear();

/** A salesperson in `area` with a sales target of 1,000 a month this year and 800 recorded in January. */
async function sellerWithFigures(areaId: string) {
  const seller = await personWithLogin(["salesperson"], areaId);
  await sql(
    "update public.staff set position_id = (select id from public.positions where code = 'salesperson') where id = $1",
    [seller.staffId],
  );
  const kpi = "(select id from public.kpis where code = 'sales_amount')";
  await sql(
    `insert into public.targets (kpi_id, year, territory_id, staff_id, months)
     values (${kpi}, $1, $2, $3, array_fill(1000::numeric, array[12]))`,
    [year, areaId, seller.staffId],
  );
  // Computed actuals are the evaluation run's to write: the test writes one as the run does.
  await sql(`do $$ begin
    perform set_config('app.evaluation_writes', 'on', true);
    insert into public.kpi_actuals (staff_id, kpi_id, month, value, source, territory_id, position_id)
    select s.id, ${kpi}, make_date(${year}, 1, 1), 800, 'computed', s.territory_id, s.position_id
      from public.staff s where s.id = '${seller.staffId}';
  end $$`);
  return seller;
}

describe("dashboards", () => {
  it("a manager opens their region to its area, reads a card as a table and downloads it", async () => {
    const { manager, region } = await managerWithRegion();
    const area = await newTerritory("Area", null, region.id);
    await sellerWithFigures(area.id);
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(manager.email, manager.password);
    const dashboard = new DashboardsPageObject(page);
    await dashboard.open();
    await dashboard.chart("achievement").waitFor();

    const regionLabel = `${region.code} ${region.name}`;
    await dashboard.drillInto(regionLabel);
    const table = await dashboard.table("achievement");
    const months = new Date().getMonth() + 1;
    expect(await dashboard.rowCells(table, `${area.code} ${area.name}`)).toEqual([
      `${area.code} ${area.name}`,
      (1000 * months).toLocaleString("en", { minimumFractionDigits: 2 }),
      "800.00",
      `${Math.round((800 * 1000) / (1000 * months)) / 10} %`,
    ]);
    const csv = await dashboard.downloadCsv("achievement");
    expect(csv.replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe("Territory,Target,Actual,Achievement");
    expect(csv).toContain(`${area.code} ${area.name},${1000 * months},800,`);

    // Every other card now reads the region: the months card's January is the seller's.
    const monthTable = await dashboard.table("months");
    const january = new Date(year, 0, 1).toLocaleDateString("en", { month: "short" });
    expect(await dashboard.rowCells(monthTable, january)).toEqual([january, "1,000.00", "—", "800.00"]);

    // Back to everything the manager may see.
    await dashboard
      .trail()
      .getByRole("button", { name: text("dashboards.everything") })
      .click();
    await dashboard
      .card("achievement")
      .getByRole("button", { name: text("dashboards.drill", { name: regionLabel }) })
      .waitFor();
  });

  it("HR switches the ranking off: a manager's card says so; a salesperson has no ranking", async () => {
    const hr = await personWithLogin(["hr_admin"]);
    const { manager, region } = await managerWithRegion();
    const seller = await sellerWithFigures(region.id);
    const hrPage = await session.newPage();
    await new ShellPageObject(hrPage).signInAs(hr.email, hr.password);
    const hrDashboard = new DashboardsPageObject(hrPage);
    await hrDashboard.open();
    try {
      await hrDashboard.rankingSwitch().click();
      await hrPage.getByText(text("dashboards.ranking.hidden")).first().waitFor();
      expect(await sql("select 1 from public.dashboard_settings where not show_ranking")).toHaveLength(1);

      const managerPage = await session.newPage();
      await new ShellPageObject(managerPage).signInAs(manager.email, manager.password);
      const managerDashboard = new DashboardsPageObject(managerPage);
      await managerDashboard.open();
      await managerDashboard.card("ranking").getByText(text("dashboards.ranking.off_explained")).waitFor();
      expect(await managerDashboard.rankingSwitch().count()).toBe(0);

      await hrDashboard.rankingSwitch().click();
      await hrPage.getByText(text("dashboards.ranking.shown")).first().waitFor();
      await managerPage.reload();
      await managerDashboard.card("ranking").getByRole("cell", { name: seller.fullName }).waitFor();
    } finally {
      await sql("update public.dashboard_settings set show_ranking = true where id");
    }

    const sellerPage = await session.newPage();
    await new ShellPageObject(sellerPage).signInAs(seller.email, seller.password);
    const sellerDashboard = new DashboardsPageObject(sellerPage);
    await sellerDashboard.open();
    await sellerDashboard.card("sales").waitFor();
    expect(await sellerDashboard.card("ranking").count()).toBe(0);
  });
});
