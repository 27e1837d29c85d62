// Org structure in the browser: a manager adds a salesperson to their region and moves
// them to another territory (the tree follows); the same manager cannot see another region's staff; HR's new
// custom field appears on the staff form and refuses a bad value; CSV import rejects a bad
// file row by row and writes nothing, and imports a good one with progress.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestUser, demo, serviceClient } from "../support/clients.ts";
import { sql } from "../support/sql.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { StaffPageObject } from "./pages/staff.po.ts";
import { openBrowser } from "./support/browser.ts";

const session = openBrowser();
const admin = () => serviceClient();

async function freeArea(parentCode: string): Promise<{ id: string; code: string }> {
  const { data: parent } = await admin().from("territories").select("id").eq("code", parentCode).single();
  const code = `${parentCode}-X${randomUUID().slice(0, 4).toUpperCase()}`;
  const { data, error } = await admin()
    .from("territories")
    .insert({ code, name: `Test area ${code}`, parent_id: parent!.id })
    .select("id")
    .single();
  if (error) throw error;
  return { id: data!.id, code };
}

describe("a manager keeps their region", () => {
  it("adds a salesperson to their region, then moves them to another territory with a reason", async () => {
    const first = await freeArea("NOR-E");
    const second = await freeArea("NOR-W");
    const email = `e2e-${randomUUID().slice(0, 8)}@example.com`;
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.manager.email, demo.manager.password);
    const staff = new StaffPageObject(page);
    await staff.openCreate();
    await staff.form.fill("staff-full_name", "Nadia Flores");
    await staff.form.fill("staff-email", email);
    await staff.form.choose("staff-position_id", "Salesperson");
    await staff.form.choose("staff-territory_id", first.code);
    await staff.save();
    await page.waitForURL(/\/staff\/show\//);
    await page.getByTestId("staff-details").getByText(first.code).waitFor();

    await page.getByTestId("assign-territory").click();
    await staff.form.choose("assign-territory-select", second.code);
    await page.getByTestId("assign-reason").fill("Rebalancing the north-west");
    await page.getByTestId("assign-territory-confirm").click();
    await page.getByTestId("staff-details").getByText(second.code).waitFor();
    const history = page.getByTestId("assignment-history");
    await history.getByText("Rebalancing the north-west").first().waitFor();
    expect(await history.locator("tbody tr").count()).toBe(2);

    // The territory tree names her under the new area, and the old one no longer.
    await page.goto("/territories");
    await page.getByTestId("territory-tree").waitFor();
    await page.getByTestId(`territory-node-${second.code}`).getByText("Nadia Flores").waitFor();
    expect(await page.getByTestId(`territory-node-${first.code}`).innerText()).not.toContain("Nadia Flores");
  });

  it("a territory's page links to its parent", async () => {
    const child = await freeArea("NOR");
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.manager.email, demo.manager.password);
    await page.goto(`/territories/show/${child.id}`);
    const parent = page.getByRole("link", { name: /^NOR · / });
    await parent.waitFor();
    await parent.click();
    await page.waitForURL(/\/territories\/show\//);
    expect(page.url()).not.toContain(child.id);
  });

  it("cannot see another region's staff, in the list or by direct URL", async () => {
    const { data: southern } = await admin()
      .from("staff")
      .select("id, email")
      .eq("email", "xu.tao@example.com")
      .single();
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.manager.email, demo.manager.password);
    const staff = new StaffPageObject(page);
    await staff.openList();
    await staff.row("sales@example.com").waitFor();
    expect(await staff.row(southern!.email).count()).toBe(0);
    await page.goto(`/staff/show/${southern!.id}`);
    await page.getByTestId("query-error").waitFor();
    expect(await page.getByTestId("query-error").innerText()).toContain("does not exist, or you are not allowed");
    expect(await page.getByText("Xu Tao").count()).toBe(0);
  });
});

describe("custom fields", () => {
  it("HR adds a required number field; it appears on the staff form and refuses a missing value", async () => {
    const key = `cert_${randomUUID().slice(0, 6)}`;
    const hr = await createTestUser(["hr_admin"]);
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(hr.email, hr.password);
    try {
      await page.goto("/custom-field-definitions/create");
      const staff = new StaffPageObject(page);
      await staff.form.fill("cfd-key", key);
      await staff.form.fill("cfd-label_en", "Certifications");
      await staff.form.choose("cfd-field_type", "Number");
      await page.getByTestId("cfd-required").click();
      await page.getByTestId("cfd-save").click();
      await page.getByTestId("cfd-table").getByText(key).waitFor();

      await staff.openCreate();
      await page.getByTestId(`cf-custom_fields-${key}`).waitFor();
      await staff.form.fill("staff-full_name", "Field Tester");
      await staff.form.fill("staff-email", `ft-${randomUUID().slice(0, 8)}@example.com`);
      await staff.form.choose("staff-position_id", "Sales assistant");
      await staff.save();
      await staff.form.errorFor(`cf-custom_fields-${key}`).filter({ hasText: "Certifications is required" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/staff/create");
      await page.getByTestId(`cf-custom_fields-${key}`).fill("3");
      await staff.save();
      await page.waitForURL(/\/staff\/show\//);
      expect(await page.getByTestId(`staff-cf-${key}`).innerText()).toBe("3");
    } finally {
      await admin().from("custom_field_definitions").delete().eq("key", key);
    }
  });
});

describe("CSV import", () => {
  const header = "full_name,email,phone,position,territory,manager_email,hire_date,status,notes,cf_birthday,cf_hobbies";

  it("rejects a bad file with every row's error and writes nothing", async () => {
    const before = Number((await sql<{ n: string }>("select count(*) as n from public.staff"))[0]!.n);
    const csv = [
      header,
      `Good Row,good-${randomUUID().slice(0, 6)}@example.com,,sales_assistant,,,2024-01-10,active,,,`,
      "Bad Email,not-an-email,,sales_assistant,,,2024-01-10,active,,,",
      `Bad Birthday,bb-${randomUUID().slice(0, 6)}@example.com,,sales_assistant,,,2024-01-10,active,,1990-02-31,`,
      `Bad Hobby,bh-${randomUUID().slice(0, 6)}@example.com,,sales_assistant,,,2024-01-10,active,,,music;skydiving`,
    ].join("\n");
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.hr_admin.email, demo.hr_admin.password);
    const staff = new StaffPageObject(page);
    await staff.openList();
    await staff.openImport();
    await staff.uploadCsv("bad.csv", csv);
    await page.getByTestId("csv-import-failed").waitFor();
    const errors = page.getByTestId("csv-import-errors");
    const rows = await errors.locator("tbody tr").allInnerTexts();
    expect(rows.map((r) => r.split("\t").slice(0, 2).join(" "))).toEqual(["3 email", "4 cf_birthday", "5 cf_hobbies"]);
    expect(await page.getByTestId("csv-import-failed").innerText()).toContain("Nothing was written");
    expect(Number((await sql<{ n: string }>("select count(*) as n from public.staff"))[0]!.n)).toBe(before);
  });

  it("imports a good file with progress", async () => {
    const batch = randomUUID().slice(0, 6);
    const lines = Array.from(
      { length: 3000 },
      (_, i) =>
        `Csv Person ${i},csv-${batch}-${i}@example.com,+34 600 000 000,sales_assistant,,,2024-03-01,active,,1991-07-0${1 + (i % 9)},reading;music`,
    );
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.hr_admin.email, demo.hr_admin.password);
    const staff = new StaffPageObject(page);
    await staff.openList();
    await staff.openImport();
    // Each server check answers after a beat: on a fast run the two batches of this file can
    // otherwise come and go between two looks, and the bar is never seen.
    await page.route("**/rest/v1/rpc/import_staff", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
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
    ]);
    await staff.uploadCsv("good.csv", [header, ...lines].join("\n"));
    expect(await progressSeen).toBe(true);
    await page.getByTestId("csv-import-done").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("csv-import-done").innerText()).toContain("Imported 3000 rows");
    const [count] = await sql<{ n: string }>("select count(*) as n from public.staff where email like $1", [
      `csv-${batch}-%`,
    ]);
    expect(Number(count!.n)).toBe(3000);
    await sql("delete from public.staff where email like $1", [`csv-${batch}-%`]);
  });
});

describe("the org chart", () => {
  it("shows each position's head count and first names, and 'and N more' opens the staff list filtered to that position", async () => {
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.hr_admin.email, demo.hr_admin.password);
    await page.goto("/org-chart");
    const card = page.getByTestId("org-position-salesperson");
    await card.waitFor();
    const [{ n }] = (await sql<{ n: number }>(
      "select count(*)::int as n from public.staff s join public.positions p on p.id = s.position_id where p.code = 'salesperson' and s.status <> 'left'",
    )) as [{ n: number }];
    expect(await card.innerText()).toContain(`${n} of `);
    expect(await card.locator(".ant-tag").count()).toBe(Math.min(12, n));
    expect(n).toBeGreaterThan(12);
    expect(await page.getByTestId("org-more-salesperson").innerText()).toBe(`and ${n - 12} more`);
    await page.getByTestId("org-more-salesperson").click();
    await page.waitForURL(/\/staff\?/);
    const rows = page.locator('[data-testid="staff-table"] tr.ant-table-row');
    await rows.first().waitFor();
    const positions = await page
      .locator('[data-testid="staff-table"] tr.ant-table-row td:nth-child(3)')
      .allInnerTexts();
    expect(positions.length).toBeGreaterThan(0);
    expect(new Set(positions)).toEqual(new Set(["Salesperson"]));
  });
});
