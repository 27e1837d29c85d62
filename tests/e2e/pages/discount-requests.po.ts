// The discount-request queue as a person uses it: asking in its dialog, a request's row by its
// customer, and the decisions (approving through its confirmation).
import type { Locator, Page } from "playwright-core";
import { text } from "../support/text.ts";
import { FormControls } from "./forms.po.ts";

export class DiscountRequestsPageObject {
  private readonly page: Page;
  private readonly form: FormControls;

  constructor(page: Page) {
    this.page = page;
    this.form = new FormControls(page);
  }

  async open(): Promise<void> {
    await this.page.goto("/discount-requests");
    await this.page.getByRole("table").waitFor();
  }

  dialog(): Locator {
    return this.page.getByRole("dialog");
  }

  /** Opens the dialog and fills it; an empty reason is left empty. */
  async ask(values: { code: string; customer: string; price: string; percent: string; reason: string }): Promise<void> {
    await this.page.getByRole("button", { name: text("discount_requests.ask") }).click();
    const dialog = this.dialog();
    // Customers are searched on the server by code or name: type the code, pick the option.
    const customer = dialog.getByRole("combobox", { name: text("discount_requests.fields.customer_id") });
    await customer.click();
    await customer.fill(values.code);
    await (await this.form.optionsOf(customer)).getByTitle(values.customer).first().click();
    await dialog.getByRole("spinbutton", { name: text("discount_requests.fields.list_price") }).fill(values.price);
    await dialog
      .getByRole("spinbutton", { name: text("discount_requests.fields.discount_percent") })
      .fill(values.percent);
    if (values.reason)
      await dialog.getByRole("textbox", { name: text("discount_requests.fields.reason") }).fill(values.reason);
  }

  async send(): Promise<void> {
    await this.dialog()
      .getByRole("button", { name: text("discount_requests.ask") })
      .click();
  }

  row(customer: string): Locator {
    return this.page.getByRole("row").filter({ hasText: customer });
  }

  async approve(customer: string): Promise<void> {
    await this.row(customer)
      .getByRole("button", { name: text("discount_requests.approve") })
      .click();
    await this.page
      .getByRole("tooltip")
      .getByRole("button", { name: text("discount_requests.approve") })
      .click();
  }

  /** Shows every request, whatever its status (the queue opens on the pending ones). */
  async showAll(): Promise<void> {
    await this.page
      .getByRole("radiogroup", { name: text("discount_requests.fields.status") })
      .getByText(text("discount_requests.allStatuses"))
      .click();
  }
}
