// The database API goes away while someone is on a list page: the panel says the service is
// unavailable and that it is retrying (no blank page, no raw error), and when the API is
// back the banner goes and the list reloads by itself.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { demo } from "../support/clients.ts";
import { controlStack } from "../support/env.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { StaffPageObject } from "./pages/staff.po.ts";
import { openBrowser } from "./support/browser.ts";
import { newStaff } from "./support/people.ts";

const session = openBrowser();

describe("PostgREST stops under an open list", () => {
  it("shows 'service unavailable, retrying' instead of a blank page or a raw error, and recovers by itself", async () => {
    const person = {
      fullName: `Fault Person ${randomUUID().slice(0, 6)}`,
      email: `fault-${randomUUID().slice(0, 8)}@test.example.com`,
    };
    await newStaff(person);
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.hr_admin.email, demo.hr_admin.password);
    const staff = new StaffPageObject(page);
    await staff.openList();
    await staff.rows().first().waitFor();
    await controlStack("stop", "postgrest");
    try {
      // The next request the page makes (a search) finds the API away.
      await staff.search(person.fullName);
      await page.getByTestId("service-unavailable").waitFor({ timeout: 20_000 });
      expect(await page.getByTestId("service-unavailable").innerText()).toContain(
        "The service is unavailable. Retrying automatically",
      );
      await page.getByTestId("query-error").waitFor();
      const text = await page.getByRole("main").innerText();
      expect(text).toContain("The service is unavailable right now");
      expect(text).not.toMatch(/PGRST|fetch failed|Failed to fetch|\{"code"|undefined/);
    } finally {
      await controlStack("start", "postgrest");
    }
    // Nobody clicks anything: the banner goes and the search result appears.
    await page.getByTestId("service-unavailable").waitFor({ state: "detached", timeout: 30_000 });
    await staff.row(person.email).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("query-error").count()).toBe(0);
  });
});
