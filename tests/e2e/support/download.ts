// Clicks something that makes the browser download a file and returns the file (its name and
// bytes), or its text.
import type { Locator, Page } from "playwright-core";

export async function downloadFile(
  page: Page,
  trigger: Locator,
  timeout = 60_000,
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout }), trigger.click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

export async function downloadText(page: Page, trigger: Locator, timeout = 60_000): Promise<string> {
  return (await downloadFile(page, trigger, timeout)).bytes.toString("utf8");
}
