// Real headless Chromium (from @sparticuz/chromium, or CHROMIUM_PATH) driven by playwright-core:
// the browser tests' and the bench's.
import chromium from "@sparticuz/chromium";
import { chromium as playwright, type Browser } from "playwright-core";

// Our own flags rather than @sparticuz/chromium's Lambda set, which runs a single process (one
// closed context kills the browser) and turns off web security (same-origin policy), which
// browser tests of sanitising must keep on. Drawing is done in software without a GPU process
// emulating GL (--disable-gpu): on two cores SwiftShader's GL cost a third of the browser
// tests' CPU time.
const args = [
  "--no-sandbox",
  "--disable-setuid-sandbox",
  "--disable-dev-shm-usage",
  "--disable-gpu",
  "--font-render-hinting=none",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-quic",
  "--lang=en-US",
];

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? (await chromium.executablePath());
  return playwright.launch({ executablePath, args, headless: true });
}
