// HR's new required custom field appears on the staff form and refuses a missing value. Run alone
// (vite.config.ts, browserTestsAlone): while the field exists, every staff record written anywhere
// must carry it, so a test beside it that adds staff would be refused.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestUser, serviceClient } from "../support/clients.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { StaffPageObject } from "./pages/staff.po.ts";
import { newPosition } from "./support/people.ts";
import { openBrowser } from "./support/browser.ts";
import { text } from "./support/text.ts";

const session = openBrowser();
const admin = () => serviceClient();

describe("custom fields", () => {
  it("HR adds a required number field; it appears on the staff form and refuses a missing value", async () => {
    const key = `cert_${randomUUID().slice(0, 6)}`;
    const hr = await createTestUser(["hr_admin"]);
    const position = await newPosition();
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(hr.email, hr.password);
    try {
      await page.goto("/custom-field-definitions/create");
      const staff = new StaffPageObject(page);
      await staff.form.fill("cfd-key", key);
      await staff.form.fill("cfd-label_en", "Certifications");
      await staff.form.choose("cfd-field_type", "Number");
      await page.getByRole("switch", { name: text("custom_field_definitions.fields.required") }).click();
      await page.getByRole("button", { name: text("buttons.save") }).click();
      await page.getByTestId("cfd-table").getByText(key).waitFor();

      await staff.openCreate();
      await page.getByLabel("Certifications").waitFor();
      await staff.form.fill("staff-full_name", "Field Tester");
      await staff.form.fill("staff-email", `ft-${randomUUID().slice(0, 8)}@example.com`);
      await staff.form.choose("staff-position_id", position.title);
      await staff.save();
      await staff.form.errorFor(`cf-custom_fields-${key}`).filter({ hasText: "Certifications is required" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/staff/create");
      await page.getByLabel("Certifications").fill("3");
      await staff.save();
      await page.waitForURL(/\/staff\/show\//);
      expect(await page.getByTestId(`staff-cf-${key}`).innerText()).toBe("3");
    } finally {
      await admin().from("custom_field_definitions").delete().eq("key", key);
    }
  });
});
