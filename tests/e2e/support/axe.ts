// Accessibility and console checks for a page: axe-core with the WCAG 2.1 A/AA rules (only
// serious and critical findings fail), and every console error, React warning or uncaught
// error the page logs.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Serious and critical WCAG 2.1 A/AA violations on the page as it is now, one line each.
 * `only` narrows the check to some elements (the shell around them was checked already).
 */
export async function axeViolations(page: Page, only?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(wcagTags);
  for (const selector of only ?? []) if ((await page.locator(selector).count()) > 0) builder.include(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} element(s), e.g. ${v.nodes[0]?.target.join(" ")} ${v.nodes[0]?.failureSummary?.split("\n")[1]?.trim() ?? ""}`);
}

/** Collects what the page logs as an error or warning from now on. */
export function watchConsole(page: Page): { take(): string[] } {
  let messages: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") messages.push(`${message.type()}: ${message.text().slice(0, 300)}`);
  });
  page.on("pageerror", (error) => messages.push(`uncaught: ${error.message}`));
  // Name the request behind a browser's "Failed to load resource" line.
  page.on("response", (response) => {
    if (response.status() >= 400) messages.push(`http ${response.status()}: ${response.request().method()} ${decodeURIComponent(response.url()).slice(0, 300)}`);
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
export async function quiet(page: Page, idleMs = 250): Promise<void> {
  await page.waitForFunction(
    (idle) => {
      const w = window as unknown as { __inflight: number; __lastFetchChange: number };
      return w.__inflight === 0 && performance.now() - w.__lastFetchChange >= idle && !document.querySelector('[aria-busy="true"]');
    },
    idleMs,
    { polling: 50, timeout: 20_000 },
  );
}

/** Client-side navigation (no reload): the router follows history like a click on a link. */
export async function navigate(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState({}, "", to);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}
