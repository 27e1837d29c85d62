// Page objects: a sale's page as HR or a manager uses it (its credit split editor and the
// payments collected against it), and the re-tiering preview on the customer tiers page.
// Everything is found by role and accessible name: the credit table by its "Share" column,
// the split editor's controls by their labels, a detail by the label it stands beside.
import type { Locator, Page } from "playwright-core";
import { FormControls } from "./forms.po.ts";
import { text } from "../support/text.ts";

/** The table on the page that has a column headed by `columnKey`'s text. */
function tableWithColumn(page: Page, columnKey: string): Locator {
  return page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: text(columnKey) }) });
}

export class SalePageObject {
  private readonly page: Page;
  private readonly form: FormControls;

  constructor(page: Page) {
    this.page = page;
    this.form = new FormControls(page);
  }

  /** The sale's page, loaded (its heading shown and nothing busy). */
  async open(id: string): Promise<void> {
    await this.page.goto(`/sales/show/${id}`);
    await this.page.getByRole("heading", { name: text("sale_credits.sale_credits") }).waitFor();
    await this.creditRows().first().waitFor();
    await this.page.locator('[aria-busy="true"]').first().waitFor({ state: "detached" });
  }

  /** The rows of the credit split table (header excluded). */
  creditRows(): Locator {
    return tableWithColumn(this.page, "sale_credits.fields.share_percent")
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell") });
  }

  /** What the split editor says of the total while it is being changed. */
  splitStatus(): Locator {
    return this.page.getByRole("status").filter({ hasText: "%" });
  }

  async startChangingSplit(): Promise<void> {
    await this.page.getByRole("button", { name: text("sale_credits.change") }).click();
    await this.splitStatus().waitFor();
  }

  /** Sets the share of the split's line `index` (0 = first). */
  async setShare(index: number, share: string): Promise<void> {
    const input = this.page.getByRole("spinbutton", { name: text("sale_credits.fields.share_percent") }).nth(index);
    await input.fill(share);
    await input.press("Tab");
  }

  /** Adds a line for the person whose name is `name` (searched in the list, then picked). */
  async addPerson(name: string): Promise<void> {
    await this.page.getByRole("button", { name: text("sale_credits.add") }).click();
    const select = this.page.getByRole("combobox", { name: text("sale_credits.fields.staff_id") }).last();
    await select.click();
    await select.fill(name);
    await this.page.getByRole("combobox", { name: text("sale_credits.fields.staff_id"), expanded: true }).waitFor();
    await (await this.form.optionsOf(select)).getByTitle(name).first().click();
  }

  saveSplitButton(): Locator {
    return this.page.getByRole("button", { name: text("buttons.save") });
  }

  /** Records a payment of `amount` dated today. */
  async recordPayment(amount: string): Promise<void> {
    await this.page.getByRole("spinbutton", { name: text("payments.fields.amount") }).fill(amount);
    await this.page.getByRole("button", { name: text("payments.record") }).click();
  }

  /** The value the sale's description shows beside the label `labelKey`. */
  detail(labelKey: string): Locator {
    // A bordered description is a table: the label is a header cell, the value the cell after it.
    return this.page
      .getByText(text(labelKey))
      .first()
      .locator("xpath=ancestor-or-self::th[1]/following-sibling::td[1]");
  }
}

export class RetieringPageObject {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** The customer tiers page with its re-tiering preview loaded. */
  async open(): Promise<void> {
    await this.page.goto("/customer-tiers");
    await this.page.getByRole("heading", { name: text("customer_tiers.retiering.title") }).waitFor();
    await this.proposals().waitFor();
    await this.page.locator('[aria-busy="true"]').first().waitFor({ state: "detached" });
  }

  /** The preview's table: the one with a "To" column. */
  private proposals(): Locator {
    return tableWithColumn(this.page, "customer_tiers.retiering.to");
  }

  proposalRow(customer: string): Locator {
    return this.proposals()
      .getByRole("row")
      .filter({ has: this.page.getByRole("link", { name: new RegExp(customer) }) });
  }

  reason(): Locator {
    return this.page.getByLabel(text("customer_tiers.retiering.reason"));
  }

  applyButton(): Locator {
    return this.page.getByRole("button", { name: text("customer_tiers.retiering.apply") });
  }
}

export class CustomerPaymentsPageObject {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** A customer's page on its Payments tab, loaded. */
  async open(customerId: string): Promise<void> {
    await this.page.goto(`/customers/show/${customerId}`);
    await this.page.getByRole("tab", { name: text("customers.tabs.payments") }).click();
    await this.owed().waitFor();
    await this.page.locator('[aria-busy="true"]').first().waitFor({ state: "detached" });
  }

  /** The line that says what is still owed (or that nothing is). */
  owed(): Locator {
    return this.page.getByRole("tabpanel").getByRole("status");
  }

  /** The payments table's rows (header excluded). */
  paymentRows(): Locator {
    return tableWithColumn(this.page, "payments.fields.paid_on")
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell") });
  }
}
