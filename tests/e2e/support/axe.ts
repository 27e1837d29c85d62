// Accessibility and console checks for a page: axe-core with the WCAG 2.1 A/AA rules (only
// serious and critical findings fail), and every console error, React warning or uncaught
// error the page logs.
import AxeBuilder from "@axe-core/playwright";
import axeCore from "axe-core";
import type { Page } from "playwright-core";

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type Finding = { id: string; impact?: string | null; nodes: { target: unknown[]; failureSummary?: string }[] };

function describeFindings(violations: Finding[]): string[] {
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes.length} element(s), e.g. ${v.nodes[0]?.target.join(" ")} ${v.nodes[0]?.failureSummary?.split("\n")[1]?.trim() ?? ""}`,
    );
}

/** Serious and critical WCAG 2.1 A/AA violations on the whole page as it is now, one line each (@axe-core/playwright). */
export async function axeViolations(page: Page): Promise<string[]> {
  await still(page);
  // Only violations are wanted: skipping the details of passing and incomplete checks saves time.
  const results = await new AxeBuilder({ page })
    .withTags(wcagTags)
    .options({ resultTypes: ["violations"] })
    .analyze();
  return describeFindings(results.violations);
}

/**
 * The same check narrowed to some elements (the shell around them was checked already), with
 * axe-core injected into the page once: on a walk of client-side navigations, injecting its
 * 1.3 MB again for every route cost more than the check itself.
 */
export async function axeViolationsIn(page: Page, selectors: string[], rules?: string[]): Promise<string[]> {
  await still(page);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeCore.source);
  const violations = await page.evaluate(
    async ({ tags, selectors, rules }) => {
      const axe = (window as unknown as { axe: typeof axeCore }).axe;
      const include = selectors.filter((s) => document.querySelector(s)).map((s) => [s]);
      const runOnly = rules ? { type: "rule" as const, values: rules } : { type: "tag" as const, values: tags };
      const result = await axe.run(include.length ? { include } : document, { runOnly, resultTypes: ["violations"] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => ({ target: n.target as unknown[], failureSummary: n.failureSummary })),
      }));
    },
    { tags: wcagTags, selectors, rules },
  );
  return describeFindings(violations);
}

/** Collects what the page logs as an error or warning from now on. */
export function watchConsole(page: Page): { take(): string[] } {
  let messages: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning")
      messages.push(`${message.type()}: ${message.text().slice(0, 300)}`);
  });
  page.on("pageerror", (error) => messages.push(`uncaught: ${error.message}`));
  // Name the request behind a browser's "Failed to load resource" line.
  page.on("response", (response) => {
    if (response.status() >= 400)
      messages.push(
        `http ${response.status()}: ${response.request().method()} ${decodeURIComponent(response.url()).slice(0, 300)}`,
      );
  });
  return {
    take() {
      const taken = messages;
      messages = [];
      return taken;
    },
  };
}

/** Counts the page's fetches in flight (supabase-js and Refine load data with fetch). Call before the page loads. */
export async function trackFetches(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __inflight: number; __lastFetchChange: number };
    w.__inflight = 0;
    w.__lastFetchChange = performance.now();
    const original = window.fetch.bind(window);
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      w.__inflight++;
      w.__lastFetchChange = performance.now();
      try {
        return await original(...args);
      } finally {
        w.__inflight--;
        w.__lastFetchChange = performance.now();
      }
    };
  });
}

/** Waits until nothing is loading (no aria-busy region: lazy pages, spinners) and no fetch has been in flight for `idleMs`. */
export async function quiet(page: Page, idleMs = 100): Promise<void> {
  await page.waitForFunction(
    (idle) => {
      const w = window as unknown as { __inflight: number; __lastFetchChange: number };
      return (
        w.__inflight === 0 &&
        performance.now() - w.__lastFetchChange >= idle &&
        !document.querySelector('[aria-busy="true"]')
      );
    },
    idleMs,
    // Generous: the walk shares two cores with other tests; a page that never settles still fails.
    { polling: 50, timeout: 60_000 },
  );
}

/** Waits (a few seconds at most) for running transitions and animations to end: axe judges colours as they end up, not mid-fade. */
export async function still(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity),
      undefined,
      {
        polling: 50,
        timeout: 1000,
      },
    )
    .catch(() => undefined);
}

/** Client-side navigation (no reload), as a click on a link does; waits until the new page is the one on screen. */
export async function navigate(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState({}, "", to);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, path);
  const pathname = new URL(path, "http://app.local").pathname;
  await page
    .waitForFunction(
      (p) => document.querySelector("[data-rendered-route]")?.getAttribute("data-rendered-route") === p,
      pathname,
      { polling: 50, timeout: 60_000 },
    )
    .catch((error: Error) => {
      throw new Error(`${path} was not on screen within 60 s: ${error.message}`);
    });
}
