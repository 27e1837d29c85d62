// Page object: the overdue list and the visit log, as a salesperson uses them on a phone.
import type { Page } from "playwright-core";
import { text } from "../support/text.ts";
import { FormControls } from "./forms.po.ts";

export class FieldPageObject {
  private readonly page: Page;
  readonly form: FormControls;

  constructor(page: Page) {
    this.page = page;
    this.form = new FormControls(page);
  }

  /** The overdue list, loaded (its heading shown and the table no longer busy). */
  async openOverdue(): Promise<void> {
    await this.page.goto("/overdue-customers");
    await this.page.getByRole("heading", { name: text("overdue_customers.titles.list") }).waitFor();
    await this.page.getByRole("table").waitFor();
    await this.page.locator('[aria-busy="true"]').first().waitFor({ state: "detached" });
  }

  /** The overdue list's row naming this customer. */
  overdueRow(customer: string) {
    return this.page.getByRole("row").filter({ has: this.page.getByRole("link", { name: customer }) });
  }

  /** Follows the row's "Log a visit" and fills the one-column form. */
  async logVisitFrom(customer: string, purpose: string, outcome: string): Promise<void> {
    await this.overdueRow(customer)
      .getByRole("button", { name: text("visits.log") })
      .click();
    await this.page.getByRole("heading", { name: text("visits.titles.create") }).waitFor();
    await this.page.getByRole("combobox", { name: text("visits.fields.customer_id") }).waitFor();
    await this.page.getByText(customer).first().waitFor();
    await this.page.getByLabel(text("visits.fields.purpose")).fill(purpose);
    await this.page.getByLabel(text("visits.fields.outcome")).fill(outcome);
    await this.page.getByRole("button", { name: text("buttons.save") }).click();
    await this.page.waitForURL(/\/visits(\?|$)/);
  }
}
