// Every route, for every demo role, in light mode, and in dark mode for HR (see below): no
// serious or critical axe-core violation of the WCAG 2.1 A/AA rules (judged for HR and the
// salesperson, see below), and nothing logged as a console error, a React warning, an uncaught error or a failed request. The
// routes come from the app's resource list, so a route added later is checked too. Light and
// dark walk side by side; the shell is checked whole in both, each route's content against
// every rule in light and against the colour rules in dark (the elements are the same, only
// their colours change).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRoles, demo, signInDemo, type DemoRole } from "../support/clients.ts";
import { closePools } from "../support/sql.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { axeViolations, axeViolationsIn, navigate, quiet, trackFetches, watchConsole } from "./support/axe.ts";
import { launchBrowser, newAppContext } from "./support/browser.ts";
import { appRoutes, signedOutRoutes } from "./support/routes.ts";

type Mode = "light" | "dark";
const modes: Mode[] = ["light", "dark"];
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await closePools();
});

/** The problems one walk finds, each prefixed with the mode and route. */
async function walk(mode: Mode, role?: DemoRole): Promise<string[]> {
  const context = await newAppContext(browser, mode);
  try {
    const page = await context.newPage();
    await trackFetches(page);
    const logged = watchConsole(page);
    const problems: string[] = [];
    const note = (where: string, found: string[]) => problems.push(...found.map((p) => `${mode} ${where}: ${p}`));
    if (!role) {
      for (const route of signedOutRoutes) {
        await page.goto(route);
        await page.getByRole("main").or(page.getByRole("heading").first()).first().waitFor();
        await quiet(page);
        note(route, [...(await axeViolations(page)), ...logged.take()]);
      }
      return problems;
    }
    // Records to show and edit: ones this person may read (another's would only say "not found").
    // The forms (create and edit pages) and the record pages are walked by HR in light mode,
    // who may open every one of them: the other roles see the same pages with controls hidden
    // or read-only, and dark mode draws the same controls as the lists in the same colours. Every role walks every list (its own rows,
    // menus and buttons) and the not-allowed page. (With every role walking every page, the
    // walk took 450 s of the test budget beside the database tests.)
    const routes = await appRoutes(await signInDemo(role), {
      forms: formWalkers.includes(role) && mode === "light",
      records: formWalkers.includes(role) && mode === "light",
    });
    await new ShellPageObject(page).signInAs(demo[role].email, demo[role].password);
    await quiet(page);
    if ((await page.evaluate(() => document.documentElement.dataset.colorMode)) !== mode)
      note("shell", ["not in this colour mode"]);
    // The shell (header, menu) is checked whole on the first page; after that, each route's
    // own content and anything it opens over the page (dialogs, drawers, notifications).
    note("shell", [...logged.take(), ...(await axeViolations(page))]);
    let notAllowedChecked = false;
    for (const route of routes) {
      await navigate(page, route);
      await quiet(page);
      const notAllowed = (await page.getByTestId("not-allowed").count()) > 0;
      // Dark mode draws the same elements in other colours: there, contrast is what can differ.
      const rules = mode === "dark" ? ["color-contrast", "link-in-text-block"] : undefined;
      if ((!role || axeWalkers.includes(role)) && (!notAllowed || !notAllowedChecked)) {
        const scope = ["main", "body > div:not(#root)"];
        let found = await axeViolationsIn(page, scope, rules);
        // A finding is judged once more when the page has settled again: on a loaded machine a
        // control can still be changing state (a button enabling) when the first check runs.
        // What is really wrong is found the second time too.
        if (found.length > 0) {
          await quiet(page, 500);
          found = await axeViolationsIn(page, scope, rules);
        }
        note(route, found);
      }
      notAllowedChecked ||= notAllowed;
      note(route, logged.take());
    }
    return problems;
  } finally {
    await context.close();
  }
}

// Dark mode is walked by the role with the most on screen (HR: every control of every page);
// the other roles' pages are the same elements with some controls hidden or read-only, in the
// same colours. Every role walks light mode with every rule and every console message. (Eight
// walks on two cores took 280-335 s of the 900 s test budget; five take about 200 s alone.)
const darkWalkers: DemoRole[] = ["hr_admin"];
const formWalkers: DemoRole[] = ["hr_admin"];
// Each route's content is judged by axe for HR (who sees every control of every page) and for
// the salesperson (whose pages show their own data: My performance, My customers); the manager
// and the auditor see HR's pages with fewer rows or controls, and walk every list for what it
// logs (console errors, React warnings, failed requests). (Axe on every list for every role
// took the walk to 485 s beside the database tests.)
const axeWalkers: DemoRole[] = ["hr_admin", "salesperson"];

// The roles walk side by side: much of a walk is waiting (for data, for transitions to end),
// which the other walks fill on a two-core machine (sequential: 420 s; side by side: 165-245 s).
describe.concurrent("every route in light and dark mode", () => {
  it("the signed-out pages pass axe and log nothing", async () => {
    expect((await Promise.all(modes.map((mode) => walk(mode)))).flat()).toEqual([]);
  }, 120_000);

  for (const role of appRoles) {
    const walked = darkWalkers.includes(role) ? modes : (["light"] as Mode[]);
    const judged = axeWalkers.includes(role) ? "passes axe and logs nothing" : "logs nothing";
    // HR's walk took 395-520 s on the same two-core machine from one hour to the next (the
    // database tests beside it ran up to twice as slow at times): the limit is for a walk that
    // hangs, not for a slow machine.
    it(`as ${role}, every route ${judged} (${walked.join(" and ")})`, async () => {
      expect((await Promise.all(walked.map((mode) => walk(mode, role)))).flat()).toEqual([]);
    }, 900_000);
  }
});
