// Real headless Chromium (from @sparticuz/chromium, or CHROMIUM_PATH) driven by
// playwright-core. One browser per test file, a fresh context per test.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { launchBrowser } from "../../support/chromium.ts";
import { env } from "../../support/env.ts";

export { launchBrowser };

/**
 * A fresh context as every browser test uses it (the app's address, viewport, language, colour
 * scheme), asking for reduced motion as some people do: the panel then opens and closes dialogs
 * and menus at once, so a click never lands on something still zooming in.
 */
export async function newAppContext(
  browser: Browser,
  colorScheme: "light" | "dark" = "light",
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: env.appUrl,
    viewport: { width: 1366, height: 900 },
    locale: "en-US",
    colorScheme,
    reducedMotion: "reduce",
  });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Registers before/after hooks; `session.page` is a fresh page in a fresh context for each test. */
export function openBrowser(options: { colorScheme?: "light" | "dark" } = {}) {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const session = {
    get page(): Page {
      if (!currentPage) throw new Error("no page: call session.newPage() in the test");
      return currentPage;
    },
    async newPage(): Promise<Page> {
      context = await newAppContext(browser!, options.colorScheme ?? "light");
      currentPage = await context.newPage();
      return currentPage;
    },
    get context(): BrowserContext {
      return context!;
    },
  };
  let currentPage: Page | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async (ctx) => {
    // Keep a screenshot of a failed test for whoever reads the CI log.
    if (ctx.task.result?.state === "fail" && currentPage) {
      const dir = path.resolve(import.meta.dirname, "../.artifacts");
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${ctx.task.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 80)}.png`);
      await currentPage.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      process.stderr.write(`screenshot of the failed test: ${file}\n`);
    }
    await context?.close();
    context = undefined;
    currentPage = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });
  return session;
}
