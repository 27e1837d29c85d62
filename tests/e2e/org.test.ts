// Org structure in the browser: a manager adds a salesperson to their region and moves
// them to another territory (the tree follows); the same manager cannot see another region's staff;
// CSV import rejects a bad file row by row and writes nothing, and imports a good one with progress.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { demo } from "../support/clients.ts";
import { sql } from "../support/sql.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { StaffPageObject } from "./pages/staff.po.ts";
import { managerWithRegion, newPosition, newStaff, newStaffFields, newTerritory } from "./support/people.ts";
import { openBrowser } from "./support/browser.ts";
import { text } from "./support/text.ts";

const session = openBrowser();

describe("a manager keeps their region", () => {
  it("adds a salesperson to their region, then moves them to another territory with a reason", async () => {
    const { manager, region } = await managerWithRegion();
    const first = await newTerritory("Area", null, region.id);
    const second = await newTerritory("Area", null, region.id);
    const position = await newPosition({ sales: true });
    const email = `e2e-${randomUUID().slice(0, 8)}@test.example.com`;
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(manager.email, manager.password);
    const staff = new StaffPageObject(page);
    await staff.openCreate();
    await staff.form.fill("staff-full_name", "Nadia Flores");
    await staff.form.fill("staff-email", email);
    await staff.form.choose("staff-position_id", position.title);
    await staff.form.choose("staff-territory_id", first.code);
    await staff.save();
    await page.waitForURL(/\/staff\/show\//);
    await page.getByTestId("staff-details").getByText(first.code).waitFor();
    // The list names her position and territory (from the catalogues, not embedded in each row).
    await page.goto("/staff");
    await staff.search("Nadia Flores");
    await staff.row(email).getByText(first.code).waitFor();
    await staff.row(email).getByText(position.title).waitFor();
    await page.goBack();
    await page.getByTestId("staff-details").getByText(first.code).waitFor();

    await page.getByRole("button", { name: text("staff.assignments.move") }).click();
    await staff.form.choose("assign-territory-select", second.code);
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(text("staff.assignments.reason")).fill("Rebalancing the north-west");
    await dialog.getByRole("button", { name: text("staff.assignments.confirm") }).click();
    await page.getByTestId("staff-details").getByText(second.code).waitFor();
    const history = page.getByTestId("assignment-history");
    await history.getByText("Rebalancing the north-west").first().waitFor();
    expect(
      await history
        .getByRole("row")
        .filter({ has: page.getByRole("cell") })
        .count(),
    ).toBe(2);

    // The territory tree names her under the new area, and the old one no longer.
    await page.goto("/territories");
    await page.getByTestId("territory-tree").waitFor();
    await page.getByTestId(`territory-node-${second.code}`).getByText("Nadia Flores").waitFor();
    expect(await page.getByTestId(`territory-node-${first.code}`).innerText()).not.toContain("Nadia Flores");
  });

  it("a territory's page links to its parent", async () => {
    const { manager, region } = await managerWithRegion();
    const child = await newTerritory("Area", null, region.id);
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(manager.email, manager.password);
    await page.goto(`/territories/show/${child.id}`);
    const parent = page.getByRole("link", { name: new RegExp(`^${region.code} · `) });
    await parent.waitFor();
    await parent.click();
    await page.waitForURL(/\/territories\/show\//);
    expect(page.url()).not.toContain(child.id);
  });

  it("cannot see another region's staff, in the list or by direct URL", async () => {
    const { manager, region, outsider } = await managerWithRegion();
    const insider = {
      fullName: `Insider ${randomUUID().slice(0, 6)}`,
      email: `insider-${randomUUID().slice(0, 8)}@test.example.com`,
    };
    await newStaff(insider, region.id);
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(manager.email, manager.password);
    const staff = new StaffPageObject(page);
    await staff.openList();
    await staff.row(insider.email).waitFor();
    expect(await staff.row(outsider.email).count()).toBe(0);
    await page.goto(`/staff/show/${outsider.id}`);
    await page.getByTestId("query-error").waitFor();
    expect(await page.getByTestId("query-error").innerText()).toContain("does not exist, or you are not allowed");
    expect(await page.getByText(outsider.fullName).count()).toBe(0);
  });
});

describe("CSV import", () => {
  /** A file's header and a position of the test's own, with two staff fields made for it. */
  async function importSetup() {
    const fields = await newStaffFields();
    const position = await newPosition();
    const header = `full_name,email,phone,position,territory,manager_email,hire_date,status,notes,cf_${fields.date},cf_${fields.choice}`;
    return { fields, position: position.code, header };
  }

  it("rejects a bad file with every row's error and writes nothing", async () => {
    const { fields, position, header } = await importSetup();
    const emails = ["good", "bb", "bh"].map((p) => `${p}-${randomUUID().slice(0, 6)}@test.example.com`);
    const csv = [
      header,
      `Good Row,${emails[0]},,${position},,,2024-01-10,active,,,`,
      `Bad Email,not-an-email,,${position},,,2024-01-10,active,,,`,
      `Bad Birthday,${emails[1]},,${position},,,2024-01-10,active,,1990-02-31,`,
      `Bad Hobby,${emails[2]},,${position},,,2024-01-10,active,,,music;skydiving`,
    ].join("\n");
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.hr_admin.email, demo.hr_admin.password);
    const staff = new StaffPageObject(page);
    await staff.openList();
    await staff.openImport();
    await staff.uploadCsv("bad.csv", csv);
    await page.getByTestId("csv-import-failed").waitFor();
    const errors = page.getByTestId("csv-import-errors");
    const rows = await errors
      .getByRole("row")
      .filter({ has: page.getByRole("cell") })
      .allInnerTexts();
    expect(rows.map((r) => r.split("\t").slice(0, 2).join(" "))).toEqual([
      "3 email",
      `4 cf_${fields.date}`,
      `5 cf_${fields.choice}`,
    ]);
    expect(await page.getByTestId("csv-import-failed").innerText()).toContain("Nothing was written");
    // None of the file's people exists, not even the good row's.
    expect(await sql("select 1 from public.staff where email = any($1)", [emails])).toEqual([]);
    await fields.remove();
  });

  it("imports a good file with progress", async () => {
    const { fields, position, header } = await importSetup();
    const batch = randomUUID().slice(0, 6);
    const lines = Array.from(
      { length: 3000 },
      (_, i) =>
        `Csv Person ${i},csv-${batch}-${i}@test.example.com,+34 600 000 000,${position},,,2024-03-01,active,,1991-07-0${1 + (i % 9)},reading;music`,
    );
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.hr_admin.email, demo.hr_admin.password);
    const staff = new StaffPageObject(page);
    await staff.openList();
    await staff.openImport();
    // The server's checks wait until the bar has been seen: on a fast run the two batches of
    // this file could otherwise come and go between two looks.
    let release = () => {};
    const barSeen = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/rest/v1/rpc/import_staff", async (route) => {
      await barSeen;
      await route.continue();
    });
    // The bar, or else the failure the dialog shows instead (so a failed check says why).
    const progressSeen = Promise.race([
      page
        .getByTestId("csv-import-progress")
        .waitFor({ timeout: 20_000 })
        .then(() => true),
      page
        .getByTestId("csv-import-failed")
        .waitFor({ timeout: 20_000 })
        .then(async () => {
          throw new Error(`the import failed: ${await page.getByTestId("csv-import-failed").innerText()}`);
        }),
    ]).finally(release);
    await staff.uploadCsv("good.csv", [header, ...lines].join("\n"));
    expect(await progressSeen).toBe(true);
    await page.getByTestId("csv-import-done").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("csv-import-done").innerText()).toContain("Imported 3000 rows");
    const [count] = await sql<{ n: string }>("select count(*) as n from public.staff where email like $1", [
      `csv-${batch}-%`,
    ]);
    expect(Number(count!.n)).toBe(3000);
    await sql("delete from public.staff where email like $1", [`csv-${batch}-%`]);
    await fields.remove();
  });
});

describe("the org chart", () => {
  it("shows each position's head count and first names, and 'and N more' opens the staff list filtered to that position", async () => {
    const position = await newPosition();
    const n = 14;
    const batch = randomUUID().slice(0, 6);
    for (let i = 0; i < n; i++) {
      await newStaff(
        { fullName: `Chart ${batch} ${i}`, email: `chart-${batch}-${i}@test.example.com` },
        null,
        position.id,
      );
    }
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.hr_admin.email, demo.hr_admin.password);
    await page.goto("/org-chart");
    const card = page.getByTestId(`org-position-${position.code}`);
    await card.waitFor();
    expect(await card.innerText()).toContain(`${n} of `);
    expect(await card.locator('a[href*="/staff/show/"]').count()).toBe(12);
    await card.getByRole("link", { name: `and ${n - 12} more` }).click();
    await page.waitForURL(/\/staff\?/);
    const staff = new StaffPageObject(page);
    await staff.rows().first().waitFor();
    const positions = await staff.column(3);
    expect(positions.length).toBeGreaterThan(0);
    expect(new Set(positions)).toEqual(new Set([position.title]));
  });
});
