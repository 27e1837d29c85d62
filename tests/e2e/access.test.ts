// The access model in the browser: each demo role sees exactly its menu, the auditor sees
// no edit buttons, a forbidden URL shows "not allowed", and HR's matrix change shows up
// for the affected role; a cell can be changed from the keyboard.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestUser, demo, serviceClient, type DemoRole } from "../support/clients.ts";
import { MatrixPageObject } from "./pages/matrix.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { openBrowser } from "./support/browser.ts";

const session = openBrowser();

/** A new HR person, signed in, on the permission matrix. */
async function openMatrixAsNewHr() {
  const page = await session.newPage();
  const hr = await createTestUser(["hr_admin"]);
  await new ShellPageObject(page).signInAs(hr.email, hr.password);
  const matrix = new MatrixPageObject(page);
  await matrix.open();
  return { page, matrix };
}

const organisation = ["Staff", "Territories", "Positions", "Org chart"];
// Every role reads violations and meetings (a salesperson their own, and the meetings they are
// invited to); HR binds the detectors, the auditor reads them.
const rulebook = ["My rules", "Handbook", "Rules", "Coverage", "Rule categories", "Violations", "Meetings"];
// Every role reads the field data (a salesperson their own territory's).
// Discount requests too: a salesperson their own, a manager their subtree's.
const field = [
  "Customers",
  "Visits",
  "Overdue visits",
  "Visit plans",
  "Sales",
  "Discount requests",
  "Customer tiers",
  "Product lines",
];
// Every role reads the evaluation criteria (they are published in advance), targets, actuals
// and rewards (a salesperson their own); HR writes them, a manager their subtree's.
const performance = [
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
];
// Closing months and deciding amendments: HR and managers; the auditor reads them.
const periods = ["Closed months", "Amendments"];
// Everyone reads plans, summaries and suggestions (a salesperson their own) and the training
// topics; HR keeps the topics.
const team = ["Monthly plans", "Summaries", "Suggestions", "Training topics"];
const menus: Record<DemoRole, string[]> = {
  hr_admin: [
    "Dashboard",
    "My profile",
    ...rulebook,
    "Detectors",
    ...field,
    ...performance,
    ...periods,
    ...team,
    ...organisation,
    "Custom fields",
    "Users",
    "Roles",
    "Permission matrix",
    "Matrix history",
    "Effective permissions",
    "Audit log",
    "Sign out",
  ],
  manager: [
    "Dashboard",
    "My profile",
    ...rulebook,
    ...field,
    ...performance,
    ...periods,
    ...team,
    ...organisation,
    "Custom fields",
    "Users",
    "Roles",
    "Audit log",
    "Sign out",
  ],
  auditor: [
    "Dashboard",
    "My profile",
    ...rulebook,
    "Detectors",
    ...field,
    ...performance,
    ...periods,
    ...team,
    ...organisation,
    "Custom fields",
    "Users",
    "Roles",
    "Permission matrix",
    "Matrix history",
    "Effective permissions",
    "Audit log",
    "Sign out",
  ],
  // Coverage needs acknowledgements beyond one's own.
  salesperson: [
    "Dashboard",
    "My profile",
    "My rules",
    "Handbook",
    "Rules",
    "Rule categories",
    "Violations",
    "Meetings",
    ...field,
    ...performance,
    ...team,
    ...organisation,
    "Custom fields",
    "Users",
    "Roles",
    "Sign out",
  ],
};

describe("each role sees exactly its menu", () => {
  for (const role of Object.keys(menus) as DemoRole[]) {
    it(`${role} sees exactly: ${menus[role].join(", ")}`, async () => {
      const page = await session.newPage();
      const shell = new ShellPageObject(page);
      await shell.signInAs(demo[role].email, demo[role].password);
      expect((await shell.menuLabels()).filter((l) => l !== "")).toEqual(menus[role]);
    });
  }
});

describe("what a role may not do is not offered", () => {
  it("the auditor sees no create, edit or delete buttons on roles, and a read-only matrix", async () => {
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.auditor.email, demo.auditor.password);
    await page.goto("/app-roles");
    await page.getByTestId("role-row-manager").waitFor();
    expect(await page.getByTestId("role-create").count()).toBe(0);
    expect(await page.locator('[data-testid^="role-edit-"]').count()).toBe(0);
    await new MatrixPageObject(page).open();
    expect(await page.getByTestId("matrix-save").count()).toBe(0);
    expect(await page.locator('[data-testid="cell-hr_admin-app_roles-read"]').evaluate((el) => el.tagName)).toBe(
      "SPAN",
    );
  });

  it("a forbidden URL shows the not-allowed page", async () => {
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.salesperson.email, demo.salesperson.password);
    await page.goto("/role-permissions");
    await page.getByTestId("not-allowed").waitFor();
    expect(await page.getByRole("heading", { name: "Not allowed" }).count()).toBe(1);
  });
});

describe("HR edits the matrix", () => {
  it("a changed cell applies to the affected role's people on their next page load", async () => {
    const code = `tmp_${randomUUID().slice(0, 8)}`;
    await serviceClient()
      .from("app_roles")
      .insert({ code, label_en: `Zeta ${code}`, label_es: code, label_zh: code });
    const person = await createTestUser([code]);
    const { page: hrPage, matrix } = await openMatrixAsNewHr();
    await matrix.setCell(code, "audit_log", "read", "all");
    expect(await matrix.pending().innerText()).toContain("1 unsaved");
    await matrix.save();
    await hrPage.getByText(/Matrix saved/).waitFor();

    const personContext = await session.newPage();
    await new ShellPageObject(personContext).signInAs(person.email, person.password);
    await personContext.goto("/audit-log");
    await personContext.getByTestId("audit-table").waitFor();
    expect(await personContext.getByTestId("not-allowed").count()).toBe(0);
  });

  it("a cell can be changed from the keyboard, and Discard puts it back", async () => {
    const { page, matrix } = await openMatrixAsNewHr();
    const cell = matrix.cell("manager", "positions", "delete");
    expect(await cell.getAttribute("aria-label")).toContain("No access");
    await cell.focus();
    await page.keyboard.press("Enter");
    await cell.getByRole("combobox", { expanded: true }).waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.getByText("1 unsaved").waitFor();
    // Focus is back on the cell, now marked as changed.
    await page.waitForFunction(
      () => document.activeElement?.getAttribute("data-testid") === "cell-manager-positions-delete",
    );
    expect(await matrix.cell("manager", "positions", "delete").getAttribute("data-changed")).toBe("true");
    await page.getByTestId("matrix-discard").click();
    await page.getByRole("tooltip").getByRole("button", { name: "Discard" }).click();
    await page.getByText("0 unsaved").waitFor();
    expect(await matrix.cell("manager", "positions", "delete").getAttribute("data-changed")).toBeNull();
  });

  it("an invariant's refusal is shown in words and nothing is saved", async () => {
    const { page, matrix } = await openMatrixAsNewHr();
    // Taking the matrix-editing right away from the only role that has it would lock everyone out.
    await matrix.setCell("hr_admin", "permissions", "update", "none");
    await matrix.submit("Try to lock everyone out");
    await matrix.error().waitFor();
    expect(await matrix.error().innerText()).toContain("no active person able to edit the permission matrix");
    await page.reload();
    await matrix.open();
    expect(await matrix.cell("hr_admin", "permissions", "update").innerText()).toContain("All");
  });
});
