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

  /** The visit plan page on its monthly plan (the signed-in salesperson's own, this month). */
  async openPlan(): Promise<void> {
    await this.page.goto("/visit-plans");
    await this.page.getByRole("heading", { name: text("visit_plans.titles.list") }).waitFor();
    await this.page.getByRole("table").first().waitFor();
    await this.page.locator('[aria-busy="true"]').first().waitFor({ state: "detached" });
  }

  /** Adds a line to the month's plan: `visits` visits to the customer named `customer`. */
  async planVisits(customer: string, visits: string): Promise<void> {
    await this.form.choose("plan-customer_id", customer);
    await this.form.fill("plan-planned_visits", visits);
    await this.page.getByRole("button", { name: text("visit_plans.add") }).click();
  }

  /** A row (of whichever table is on screen) that names `label`. */
  rowNaming(label: string) {
    return this.page.getByRole("row").filter({ hasText: label });
  }

  async openPlanVsDone(): Promise<void> {
    await this.page.getByRole("tab", { name: text("visit_plans.tabs.vs") }).click();
    await this.page.getByRole("tabpanel").getByRole("table").waitFor();
    await this.page.locator('[aria-busy="true"]').first().waitFor({ state: "detached" });
  }
}
