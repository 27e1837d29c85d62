import chromium from "@sparticuz/chromium";
import { chromium as pw } from "playwright-core";
import { navigate, quiet, still, trackFetches, axeViolationsIn } from "./tests/e2e/support/axe.ts";
const browser = await pw.launch({ executablePath: await chromium.executablePath(), args: ["--no-sandbox","--disable-gpu"], headless: true });
const ctx = await browser.newContext({ baseURL: "http://127.0.0.1:5173", viewport: { width: 1366, height: 900 } });
const page = await ctx.newPage();
await trackFetches(page);
await page.goto("/login");
await page.getByLabel(/email/i).fill("hr@example.com");
await page.getByLabel(/password/i).fill("demo-hr-2026");
await page.getByRole("button", { name: /sign in/i }).click();
await page.waitForURL(u => !u.pathname.startsWith("/login"));
await quiet(page);
for (const route of process.argv.slice(2)) {
  const t0 = performance.now();
  await navigate(page, route); const t1 = performance.now();
  await quiet(page); const t2 = performance.now();
  const s0 = performance.now(); await still(page); const t3 = performance.now();
  await axeViolationsIn(page, ["main"]); const t4 = performance.now();
  console.log(route.padEnd(40), "nav", (t1-t0).toFixed(0), "quiet", (t2-t1).toFixed(0), "still", (t3-s0).toFixed(0), "axe", (t4-t3).toFixed(0));
}
await browser.close();
