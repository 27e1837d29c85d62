// Page object helpers for Ant Design form controls by their stable ids.
import type { Page } from "playwright-core";

export class FormControls {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async fill(testId: string, value: string): Promise<void> {
    await this.page.getByTestId(testId).fill(value);
  }

  /** Opens an antd Select (or TreeSelect) by its test id and picks the option with this text. */
  async choose(testId: string, text: string | RegExp): Promise<void> {
    await this.page.getByTestId(testId).click();
    const dropdown = this.page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)").last();
    const input = this.page.getByTestId(testId).locator("input").first();
    if (typeof text === "string" && (await input.count()) > 0) await input.fill(text).catch(() => undefined);
    const option = dropdown
      .locator(".ant-select-item-option, .ant-select-tree-node-content-wrapper")
      .filter({ hasText: text })
      .first();
    await option.click();
  }

  /** Types a date into an antd DatePicker and confirms it. */
  async date(testId: string, value: string): Promise<void> {
    const input = this.page.getByTestId(testId).locator("input").first();
    const target = (await input.count()) > 0 ? input : this.page.getByTestId(testId);
    await target.click();
    await target.fill(value);
    await target.press("Enter");
  }

  errorFor(testId: string) {
    return this.page
      .getByTestId(testId)
      .first()
      .locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' ant-form-item ')][1]")
      .locator(".ant-form-item-explain-error");
  }
}
