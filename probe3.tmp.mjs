import chromium from "@sparticuz/chromium";
import { chromium as pw } from "playwright-core";
const browser = await pw.launch({ executablePath: await chromium.executablePath(), args: ["--no-sandbox","--disable-gpu"], headless: true });
const ctx = await browser.newContext({ baseURL: "http://127.0.0.1:5173", viewport: { width: Number(process.env.W ?? 1400), height: 900 } });
const page = await ctx.newPage();
page.on("console", m => { if (["error","warning"].includes(m.type())) console.log("CONSOLE", page.url(), m.type(), m.text().slice(0,600)); });
page.on("response", r => { if (r.status() >= 400) console.log("HTTP", r.status(), r.url().slice(0, 250)); });
await page.goto("/login");
await page.getByLabel(/email/i).fill(process.env.EMAIL ?? "hr@example.com");
await page.getByLabel(/password/i).fill(process.env.PASSWORD ?? "demo-hr-2026");
await page.getByRole("button", { name: /sign in/i }).click();
await page.waitForURL(u => !u.pathname.startsWith("/login"));
let i = 0;
for (const path of process.argv.slice(2)) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shot-${i++}.png`, fullPage: true });
  console.log("visited", path);
}
await browser.close();
