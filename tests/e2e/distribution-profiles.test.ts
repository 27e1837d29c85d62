// A seasonal distribution profile in the browser: HR places each month's share, the form says
// what is still to place as they type and refuses to save until the months make exactly 100.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sql } from "../support/sql.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { openBrowser } from "./support/browser.ts";
import { text } from "./support/text.ts";
import { personWithLogin } from "./support/people.ts";

const session = openBrowser();

describe("a seasonal distribution profile", () => {
  it("HR places the months, is told 5 % is left and refused, then saves at exactly 100", async () => {
    const hr = await personWithLogin(["hr_admin"]);
    const code = `season_${randomUUID().slice(0, 6)}`;
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(hr.email, hr.password);
    await page.goto("/distribution-profiles/create");
    await page.getByRole("textbox", { name: text("distribution_profiles.fields.code") }).fill(code);
    await page.getByRole("textbox", { name: text("distribution_profiles.fields.name_en") }).fill(`Season ${code}`);
    await page.getByText(text("distribution_profiles.seasonal")).click();
    const months = page.getByRole("spinbutton", { name: /\(%\)$/ });
    await expect.poll(() => months.count()).toBe(12);
    const shares = ["20", "7", "7", "7", "7", "7", "7", "7", "7", "7", "7", "5"];
    for (const [i, share] of shares.entries()) await months.nth(i).fill(share);
    await months.nth(11).press("Tab");
    await page.getByText(text("distribution_profiles.left", { gap: 5 })).waitFor();
    await page.getByRole("button", { name: text("buttons.save") }).click();
    await page.getByText(text("distribution_profiles.errors.total", { gap: 5 })).waitFor();
    expect(await sql("select 1 from public.distribution_profiles where code = $1", [code])).toHaveLength(0);

    await months.nth(11).fill("10");
    await months.nth(11).press("Tab");
    await page.getByText(text("distribution_profiles.addsUp")).waitFor();
    await page.getByRole("button", { name: text("buttons.save") }).click();
    await expect
      .poll(async () =>
        (
          await sql<{ months: string }>(
            "select month_percents::text as months from public.distribution_profiles where code = $1",
            [code],
          )
        ).map((r) => r.months),
      )
      .toEqual(["{20.000,7.000,7.000,7.000,7.000,7.000,7.000,7.000,7.000,7.000,7.000,10.000}"]);
  });
});
