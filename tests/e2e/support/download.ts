// Clicks something that makes the browser download a file and returns the file's text.
import type { Locator, Page } from "playwright-core";

export async function downloadText(page: Page, trigger: Locator, timeout = 60_000): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout }), trigger.click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
