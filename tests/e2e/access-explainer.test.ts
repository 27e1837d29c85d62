// Explaining and previewing access in the browser: HR asks "Why?" about a manager's refused
// action and reads the reason; HR previews the panel as a salesperson and sees only their
// menu and rows, read-only, then exits; HR edits a matrix cell, sees its impact before saving,
// saves with a reason, and reverts it from the matrix history.
import { describe, expect, it } from "vitest";
import { createTestUser, demo } from "../support/clients.ts";
import { sql } from "../support/sql.ts";
import { MatrixPageObject } from "./pages/matrix.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { FormControls } from "./pages/forms.po.ts";
import { StaffPageObject } from "./pages/staff.po.ts";
import { openBrowser } from "./support/browser.ts";
import { managerWithRegion, personWithLogin } from "./support/people.ts";
import { text } from "./support/text.ts";

const session = openBrowser();

describe("why can't they", () => {
  it("HR opens Why? on a manager's refused action and on a record outside their region, and reads the reasons", async () => {
    const { manager, region, outside, outsider } = await managerWithRegion();
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.hr_admin.email, demo.hr_admin.password);
    await page.goto("/effective-permissions");
    await new FormControls(page).choose("effective-person", manager.fullName);
    // The page first shows the signed-in person; wait for the manager's row (managers may not delete staff).
    await page.locator('[data-testid="effective-staff-delete"][data-scope="none"]').waitFor();

    await page.getByTestId("why-staff-delete").click();
    const sentence = page.getByTestId("why-sentence");
    await sentence.waitFor();
    expect(await sentence.innerText()).toBe(
      `${manager.fullName} can't delete Staff: none of their roles (Manager) holds this action in the permission matrix.`,
    );

    await page.keyboard.press("Escape");
    await page.getByTestId("why-staff-update").click();
    await page.getByLabel(text("why.recordLabel")).fill(outsider.id);
    await page.getByLabel(text("why.recordLabel")).press("Enter");
    await page.getByTestId("why").and(page.locator('[data-decision="outside_territory"]')).waitFor();
    expect(await sentence.innerText()).toBe(
      `${manager.fullName} can't update Staff “${outsider.fullName}”: the role Manager may update Staff only inside ${region.name} (${region.code}), and “${outsider.fullName}” is in ${outside.name} (${outside.code}).`,
    );
  });

  it("the not-allowed page offers Why? for the signed-in person", async () => {
    const seller = await personWithLogin(["salesperson"]);
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(seller.email, seller.password);
    await page.goto("/audit-log");
    await page.getByTestId("not-allowed").waitFor();
    await page.getByTestId("why-button").click();
    expect(await page.getByTestId("why-sentence").innerText()).toContain(`${seller.fullName} can't read Audit log`);
  });
});

describe("disabled buttons", () => {
  it("a salesperson's own staff record shows Edit disabled, and its Why? names the missing matrix cell", async () => {
    const seller = await personWithLogin(["salesperson"]);
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(seller.email, seller.password);
    await page.goto(`/staff/show/${seller.staffId}`);
    await page.getByTestId("record-edit-refused").waitFor();
    expect(await page.getByTestId("record-edit").isDisabled()).toBe(true);
    await page.getByTestId("record-edit-why").click();
    expect(await page.getByTestId("why-sentence").innerText()).toBe(
      `${seller.fullName} can't update Staff: none of their roles (Salesperson) holds this action in the permission matrix.`,
    );
  });

  it("HR's Edit on the same record is a working button", async () => {
    const seller = await personWithLogin(["salesperson"]);
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.hr_admin.email, demo.hr_admin.password);
    await page.goto(`/staff/show/${seller.staffId}`);
    await page.getByTestId("record-edit").click();
    await page.waitForURL(`**/staff/edit/${seller.staffId}`);
  });
});

describe("view as another person", () => {
  it("HR previews a salesperson: their menu and rows only, read-only, then exits back to their own panel", async () => {
    const hr = await createTestUser(["hr_admin"]);
    const seller = await personWithLogin(["salesperson"]);
    const page = await session.newPage();
    const shell = new ShellPageObject(page);
    await shell.signInAs(hr.email, hr.password);
    await page.goto(`/profiles/show/${seller.id}`);
    await page.getByTestId(`preview-${seller.id}`).click();
    await page.getByTestId("preview-banner").waitFor();
    expect(await page.getByTestId("preview-banner").innerText()).toContain(`Read-only preview as ${seller.fullName}`);
    expect(await shell.headerName().innerText()).toBe(seller.fullName);
    expect(await shell.menuLabels()).toEqual([
      "Dashboard",
      "My profile",
      "My rules",
      "Handbook",
      "Rules",
      "Rule categories",
      "Violations",
      "Meetings",
      "Customers",
      "Visits",
      "Overdue visits",
      "Visit plans",
      "Sales",
      "Discount requests",
      "Customer tiers",
      "Product lines",
      "KPIs",
      "Evaluation templates",
      "Rating bands",
      "Distribution profiles",
      "Annual targets",
      "Targets",
      "My performance",
      "Evaluations",
      "Actuals",
      "Rewards",
      "Reconciliation",
      "Monthly plans",
      "Summaries",
      "Suggestions",
      "Training topics",
      "Staff",
      "Territories",
      "Positions",
      "Org chart",
      "Custom fields",
      "Users",
      "Roles",
      "Sign out",
    ]);
    await page.goto("/staff");
    const staff = new StaffPageObject(page);
    await staff.rows().first().waitFor();
    await staff.row(seller.email).waitFor();
    expect(await staff.rows().count()).toBe(1);
    expect(await page.getByTestId("preview-banner").count()).toBe(1);

    await page.getByRole("button", { name: text("preview_sessions.exit") }).click();
    await page.getByTestId("preview-banner").waitFor({ state: "detached" });
    await shell.headerName().getByText(hr.fullName).waitFor();
    // The database was told: the session is ended.
    await expect
      .poll(
        async () =>
          (
            await sql(
              "select 1 from public.preview_sessions where subject_id = $1 and ended_at is null and expires_at > now()",
              [seller.id],
            )
          ).length,
      )
      .toBe(0);
  });
});

describe("the impact of a matrix change", () => {
  it("HR changes a cell, sees who gains what before saving, saves with a reason, and reverts it from the history", async () => {
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.hr_admin.email, demo.hr_admin.password);
    const matrix = new MatrixPageObject(page);
    await matrix.open();
    await matrix.setCell("manager", "staff", "delete", "territory");
    const [{ n }] = (await sql<{ n: number }>(
      "select count(*)::int as n from public.staff where territory_id = any (private.responsible_territories('00000000-0000-4000-a000-000000000002'))",
    )) as [{ n: number }];
    const managers = (await sql("select 1 from public.user_roles where role_code = 'manager'")).length;
    await matrix.impact().getByTestId("impact-line").first().waitFor();
    const line = await matrix.impact().getByTestId("impact-line").first().innerText();
    expect(line).toMatch(new RegExp(`^\\+${managers} people can delete \\d[\\d,]* more Staff records$`));
    expect(Number(/delete ([\d,]+) more/.exec(line)![1]!.replace(/,/g, ""))).toBeGreaterThanOrEqual(n);

    // A reason is required.
    await page.getByRole("button", { name: text("role_permissions.save") }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: text("role_permissions.confirmSave") }).click();
    await page.getByText("Say why the matrix changes").first().waitFor();
    await dialog.getByLabel(text("role_permissions.reason")).fill("Managers clean up their own regions");
    await dialog.getByRole("button", { name: text("role_permissions.confirmSave") }).click();
    await page
      .getByText(/Matrix saved as version \d+/)
      .first()
      .waitFor();
    const [saved] = await sql<{ id: number }>(
      "select id::int from public.matrix_versions where reason = 'Managers clean up their own regions' order by id desc limit 1",
    );

    await matrix.openHistory();
    await page.getByTestId(`matrix-version-${saved!.id}`).getByText("Managers clean up their own regions").waitFor();
    // Ids are not contiguous (impact previews roll back and burn ids): the previous version is the latest before it.
    const [previous] = await sql<{ id: number }>(
      "select max(id)::int as id from public.matrix_versions where id < $1",
      [saved!.id],
    );
    await page.getByTestId(`matrix-revert-${previous!.id}`).click();
    await page.getByTestId("matrix-impact").last().getByTestId("impact-line").first().waitFor();
    expect(await page.getByTestId("matrix-impact").last().innerText()).toContain("people can delete");
    await page.getByRole("dialog").getByLabel(text("role_permissions.reason")).fill("Back to the previous rules");
    await page
      .getByRole("dialog")
      .getByRole("button", { name: text("role_permissions.confirmSave") })
      .click();
    await page
      .getByText(/Matrix restored as version \d+/)
      .first()
      .waitFor();
    expect(
      (
        await sql(
          "select 1 from public.role_permissions where role_code = 'manager' and resource = 'staff' and action = 'delete'",
        )
      ).length,
    ).toBe(0);
  });
});
