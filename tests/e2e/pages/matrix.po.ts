// Page object: the permission matrix editor.
import type { Page } from "playwright-core";

export class MatrixPageObject {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.goto("/permissions");
    await this.page.getByTestId("matrix-table").waitFor();
    await this.page.locator('[data-testid^="cell-hr_admin-"]').first().waitFor();
  }

  cell(role: string, resource: string, action: string) {
    return this.page.getByTestId(`cell-${role}-${resource}-${action}`);
  }

  async setCell(role: string, resource: string, action: string, scope: "own" | "territory" | "all" | "none"): Promise<void> {
    await this.cell(role, resource, action).click();
    const option = this.page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option").filter({ hasText: scope === "none" ? "—" : new RegExp(`^${scope}$`, "i") });
    await option.first().click();
  }

  async save(): Promise<void> {
    await this.page.getByTestId("matrix-save").click();
    await this.page.getByTestId("matrix-pending").filter({ hasText: "0" }).or(this.page.getByText(/Matrix saved/)).first().waitFor();
  }

  pending() {
    return this.page.getByTestId("matrix-pending");
  }

  error() {
    return this.page.getByTestId("matrix-error");
  }
}
