// Page object: the staff list, form and show page.
import type { Page } from "playwright-core";
import { text } from "../support/text.ts";
import { FormControls } from "./forms.po.ts";

export class StaffPageObject {
  private readonly page: Page;
  readonly form: FormControls;

  constructor(page: Page) {
    this.page = page;
    this.form = new FormControls(page);
  }

  async openList(): Promise<void> {
    await this.page.goto("/staff");
    await this.page.getByTestId("staff-table").waitFor();
    await this.page.getByTestId("staff-table").locator('[aria-busy="true"]').waitFor({ state: "detached" });
  }

  async search(name: string): Promise<void> {
    // (Ant Design puts the test id on the search input itself.)
    const input = this.page.locator('input[data-testid="staff-search"], [data-testid="staff-search"] input').first();
    await input.fill(name);
    await input.press("Enter");
  }

  /** The table's data rows (the header row holds column headers, not cells). */
  rows() {
    return this.page
      .getByTestId("staff-table")
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell") });
  }

  /** The text of one column (1-based) in every row shown. */
  async column(n: number): Promise<string[]> {
    const cells: string[] = [];
    for (const row of await this.rows().all())
      cells.push(
        await row
          .getByRole("cell")
          .nth(n - 1)
          .innerText(),
      );
    return cells;
  }

  row(email: string) {
    return this.page.getByTestId(`staff-row-${email}`);
  }

  async openCreate(): Promise<void> {
    await this.page.goto("/staff/create");
    await this.page.getByLabel(text("staff.fields.full_name")).waitFor();
  }

  async save(): Promise<void> {
    await this.page.getByRole("button", { name: text("buttons.save") }).click();
  }

  async openImport(): Promise<void> {
    await this.page.getByRole("button", { name: text("buttons.import") }).click();
    await this.page.getByTestId("csv-import-dropzone").waitFor();
  }

  async uploadCsv(name: string, text: string): Promise<void> {
    await this.page
      .locator('[data-testid="csv-import-dropzone"] input[type="file"]')
      .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
  }
}
