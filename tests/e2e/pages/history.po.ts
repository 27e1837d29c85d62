// Page object: the History tab of a show page.
import type { Page } from "playwright-core";

export class HistoryPageObject {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  tab() {
    return this.page.getByTestId("history-tab");
  }

  /** The rows (field, before, after) of the newest entry's diff. */
  async newestDiff(): Promise<string[][]> {
    const entry = this.tab().locator('[data-testid^="history-entry-"]').first();
    await entry.waitFor();
    const rows = entry.locator("tbody tr");
    const out: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++)
      out.push((await rows.nth(i).locator("td").allInnerTexts()).map((t) => t.trim()));
    return out;
  }
}
