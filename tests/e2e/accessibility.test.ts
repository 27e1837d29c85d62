// Every route, for every demo role, in light and in dark mode: no serious or critical axe-core
// violation of the WCAG 2.1 A/AA rules, and nothing logged as a console error, a React
// warning or an uncaught error. The routes come from the app's resource list, so a route
// added later is checked too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRoles, demo } from "../support/clients.ts";
import { closePools } from "../support/sql.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { axeViolations, navigate, quiet, trackFetches, watchConsole } from "./support/axe.ts";
import { openBrowser } from "./support/browser.ts";
import { appRoutes, signedOutRoutes } from "./support/routes.ts";

afterAll(closePools);

let routes: string[] = [];
beforeAll(async () => {
  routes = await appRoutes();
});

for (const mode of ["light", "dark"] as const) {
  describe(`in ${mode} mode`, () => {
    const session = openBrowser({ colorScheme: mode });

    it("the signed-out pages pass axe and log nothing", async () => {
      const page = await session.newPage();
      await trackFetches(page);
      const logged = watchConsole(page);
      const problems: string[] = [];
      for (const route of signedOutRoutes) {
        await page.goto(route);
        await page.getByRole("main").or(page.getByRole("heading").first()).first().waitFor();
        await quiet(page);
        problems.push(...(await axeViolations(page)).map((v) => `${route}: ${v}`));
        problems.push(...logged.take().map((m) => `${route}: ${m}`));
      }
      expect(problems).toEqual([]);
    });

    for (const role of appRoles) {
      it(`as ${role}, every route passes axe and logs nothing`, async () => {
        const page = await session.newPage();
        await trackFetches(page);
        const logged = watchConsole(page);
        await new ShellPageObject(page).signInAs(demo[role].email, demo[role].password);
        await quiet(page);
        expect(await page.evaluate(() => document.documentElement.dataset.colorMode)).toBe(mode);
        // The shell (header, menu) is checked whole on the first page; after that, each route's
        // own content and anything it opens over the page (dialogs, drawers, notifications).
        const problems: string[] = logged.take().map((m) => `sign-in: ${m}`);
        problems.push(...(await axeViolations(page)).map((v) => `shell: ${v}`));
        let notAllowedChecked = false;
        for (const route of routes) {
          await navigate(page, route);
          await quiet(page);
          const notAllowed = (await page.getByTestId("not-allowed").count()) > 0;
          if (!notAllowed || !notAllowedChecked) {
            problems.push(...(await axeViolations(page, ["main", "body > div:not(#root)"])).map((v) => `${route}: ${v}`));
          }
          notAllowedChecked ||= notAllowed;
          problems.push(...logged.take().map((m) => `${route}: ${m}`));
        }
        expect(problems).toEqual([]);
      }, 300_000);
    }
  });
}
