// Page object: the permission matrix editor.
import type { Page } from "playwright-core";
import { text } from "../support/text.ts";
import { FormControls } from "./forms.po.ts";

export class MatrixPageObject {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /**
   * The largest page of the panel (every role's cell for each action of each resource, and
   * every role the other test files made): with two browser test files at once on two cores it
   * has taken longer than the usual 15 s to appear.
   */
  async open(): Promise<void> {
    await this.page.goto("/role-permissions");
    await this.page.getByTestId("matrix-table").waitFor({ timeout: 45_000 });
    await this.page.locator('[data-testid^="cell-hr_admin-"]').first().waitFor();
  }

  cell(role: string, resource: string, action: string) {
    return this.page.getByTestId(`cell-${role}-${resource}-${action}`);
  }

  async setCell(
    role: string,
    resource: string,
    action: string,
    scope: "own" | "territory" | "all" | "none",
  ): Promise<void> {
    const cell = this.cell(role, resource, action);
    await cell.click();
    await (
      await new FormControls(this.page).openOptions(cell)
    )
      .getByTitle(scope === "none" ? "—" : new RegExp(`^${scope}$`, "i"))
      .first()
      .click();
  }

  /** Opens the confirmation, gives a reason and confirms (the result is left to the caller). */
  async submit(reason: string): Promise<void> {
    await this.page.getByRole("button", { name: text("role_permissions.save") }).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByLabel(text("role_permissions.reason")).fill(reason);
    await dialog.getByRole("button", { name: text("role_permissions.confirmSave") }).click();
  }

  async save(reason = "Browser test change"): Promise<void> {
    await this.submit(reason);
    await this.page
      .getByText(/Matrix saved/)
      .first()
      .waitFor();
  }

  /** The impact lines shown for the unsaved changes (outside the confirmation). */
  impact() {
    return this.page.getByTestId("matrix-impact").first();
  }

  async openHistory(): Promise<void> {
    await this.page.goto("/matrix-versions");
    await this.page.getByTestId("matrix-versions").waitFor();
  }

  pending() {
    return this.page.getByTestId("matrix-pending");
  }

  error() {
    return this.page
      .getByTestId("matrix-save-error")
      .or(this.page.getByTestId("impact-error"))
      .or(this.page.getByTestId("matrix-error"))
      .first();
  }
}
