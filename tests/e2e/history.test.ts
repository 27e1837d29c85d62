// The History tab shows a field-by-field diff after an edit made in the browser.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestUser, serviceClient } from "../support/clients.ts";
import { HistoryPageObject } from "./pages/history.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { openBrowser } from "./support/browser.ts";
import { text } from "./support/text.ts";

const session = openBrowser();

describe("the History tab", () => {
  it("shows the change HR just made to a role, old -> new, with HR's name", async () => {
    const code = `tmp_${randomUUID().slice(0, 8)}`;
    await serviceClient()
      .from("app_roles")
      .insert({ code, label_en: "Before Label", label_es: "Antes", label_zh: "之前" });
    const hr = await createTestUser(["hr_admin"], { fullName: "Hilda History" });
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(hr.email, hr.password);
    await page.goto(`/app-roles/edit/${code}`);
    const field = page.getByLabel(text("app_roles.fields.label_en"));
    await field.waitFor();
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="role-label_en"]') as HTMLInputElement | null)?.value === "Before Label",
    );
    await field.fill("After Label");
    await page.getByRole("button", { name: text("buttons.save") }).click();
    await page.waitForURL(/\/app-roles\/show\//);
    const history = new HistoryPageObject(page);
    await history.tab().waitFor();
    await history.tab().getByText("Hilda History").first().waitFor();
    const diff = await history.newestDiff();
    expect(diff).toContainEqual(["Name (English)", "Before Label", "After Label"]);
  });
});
