// The handbook in a real browser on the reference department, as HR: from asking for the page
// to every chapter on screen (its data, 200 rules and 200 positions, laid out in the reader's
// language), five times; then "Download PDF" from the click to the file.
import { demoLogins } from "../../supabase/local/demo-logins.ts";
import { launchBrowser } from "../support/chromium.ts";
import { serveStatic } from "../support/static-server.ts";

export interface HandbookRender {
  /** Each opening, in milliseconds. */
  renderMs: number[];
  rules: number;
  pdfMs: number;
  pdfBytes: number;
}

export async function measureHandbookRender(appDir: string, port: number): Promise<HandbookRender> {
  const app = await serveStatic(appDir, port);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1366, height: 900 } });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const hr = demoLogins.find((l) => l.role === "hr_admin")!;
    // Signed in as a person does (the page objects read the locale files, which plain Node
    // cannot import: the bench goes by the form's test ids).
    await page.goto("/login");
    await page.getByTestId("login-email").fill(hr.email);
    await page.getByTestId("login-password").fill(hr.password);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("header-name").waitFor();
    const renderMs: number[] = [];
    let rules = 0;
    // The first opening also fetches the page's code; the others find it cached, as a reader would.
    for (let i = 0; i < 6; i++) {
      await page.goto("/");
      await page.getByTestId("header-name").waitFor();
      const started = Date.now();
      await page.evaluate(() => {
        window.history.pushState({}, "", "/handbook");
        window.dispatchEvent(new PopStateEvent("popstate"));
      });
      await page.locator("#handbook-discounts table tbody tr:not([aria-hidden])").first().waitFor();
      if (i > 0) renderMs.push(Date.now() - started);
      rules = await page.locator(".handbook article").count();
    }
    const started = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 120_000 }),
      page.getByRole("button", { name: /Download PDF$/ }).click(),
    ]);
    const stream = await download.createReadStream();
    let pdfBytes = 0;
    for await (const chunk of stream) pdfBytes += (chunk as Buffer).length;
    const pdfMs = Date.now() - started;
    return { renderMs, rules, pdfMs, pdfBytes };
  } finally {
    await browser.close();
    await app.stop();
  }
}
