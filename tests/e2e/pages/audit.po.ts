// Page object: the global audit log (filters, key paging, export).
import type { Page } from "playwright-core";
import { text } from "../support/text.ts";
import { downloadText } from "../support/download.ts";
import { FormControls } from "./forms.po.ts";

export class AuditLogPageObject {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(query = ""): Promise<void> {
    await this.page.goto(`/audit-log${query}`);
    await this.settled();
  }

  /** Waits until the table shows the answer for the page's current address. */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => {
      const results = document.querySelector('[data-testid="audit-results"]');
      return (
        results !== null &&
        results.getAttribute("data-shown") === new URLSearchParams(window.location.search).toString()
      );
    });
  }

  /** The ids of the entries shown, top to bottom. */
  async ids(): Promise<number[]> {
    const keys = await this.page
      .locator('[data-testid="audit-table"] tbody tr[data-row-key]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-row-key")));
    return keys.map(Number);
  }

  /** The change column (Created / Changed / Deleted) of every entry shown. */
  async operations(): Promise<string[]> {
    return this.page
      .locator('[data-testid="audit-table"] tbody tr[data-row-key] [data-testid="operation-tag"]')
      .allInnerTexts();
  }

  button(which: "newest" | "newer" | "older") {
    return this.page.getByTestId(`audit-${which}`);
  }

  /** Follows a pager button and waits for the page it leads to. */
  async go(which: "newest" | "newer" | "older"): Promise<void> {
    const before = this.page.url();
    await this.button(which).click();
    await this.page.waitForURL((url) => url.toString() !== before);
    await this.settled();
  }

  /** Picks a value in one of the filter selects by its visible label. */
  async filter(which: "table" | "operation", label: string): Promise<void> {
    const before = this.page.url();
    await new FormControls(this.page).choose(`audit-filter-${which}`, new RegExp(`^${label}$`));
    await this.page.waitForURL((url) => url.toString() !== before);
    await this.settled();
  }

  /** The Record column of every entry shown (each record's label as a person reads it). */
  async recordLabels(): Promise<string[]> {
    return this.page.getByTestId("record-label").allInnerTexts();
  }

  /** The Who column of the entry whose record is named with the text. */
  async actorOf(record: string): Promise<string> {
    return this.page
      .getByRole("row")
      .filter({ has: this.page.getByTestId("record-label").filter({ hasText: record }) })
      .getByTestId("actor-label")
      .innerText();
  }

  /** Clicks an integrity button ("Verify integrity", "Make a checkpoint") and returns the verdict shown. */
  async integrity(button: "Verify integrity" | "Make a checkpoint"): Promise<string> {
    const verdict = this.page.getByTestId("audit-verify-result");
    if (await verdict.isVisible()) await verdict.getByRole("button", { name: /close/i }).click();
    await this.page.getByRole("button", { name: button }).click();
    await verdict.waitFor();
    return verdict.innerText();
  }

  /** Clicks Export and returns the CSV the browser downloads. */
  async export(): Promise<string> {
    return downloadText(this.page, this.page.getByRole("button", { name: text("buttons.export") }));
  }
}
