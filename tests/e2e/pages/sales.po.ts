// Page objects: a sale's page as HR or a manager uses it (its credit split editor and the
// payments collected against it), and the re-tiering preview on the customer tiers page.
import type { Locator, Page } from "playwright-core";
import { text } from "../support/text.ts";

export class SalePageObject {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
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
    return this.creditCard()
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell") });
  }

  /** The card the credit split heading titles (the nearest card around it, not the page's). */
  private creditCard(): Locator {
    return this.page
      .getByRole("heading", { name: text("sale_credits.sale_credits") })
      .locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' ant-card ')][1]");
  }

  /** What the split editor says of the total while it is being changed. */
  splitStatus(): Locator {
    return this.creditCard().getByRole("status");
  }

  async startChangingSplit(): Promise<void> {
    await this.page.getByRole("button", { name: text("sale_credits.change") }).click();
    await this.splitStatus().waitFor();
  }

  /** Sets the share of the split's line `index` (0 = first). */
  async setShare(index: number, share: string): Promise<void> {
    const input = this.creditCard()
      .getByRole("spinbutton", { name: text("sale_credits.fields.share_percent") })
      .nth(index);
    await input.fill(share);
    await input.press("Tab");
  }

  /** Adds a line for the person whose name is `name` (searched in the list, then picked). */
  async addPerson(name: string): Promise<void> {
    await this.page.getByRole("button", { name: text("sale_credits.add") }).click();
    const select = this.creditCard()
      .getByRole("combobox", { name: text("sale_credits.fields.staff_id") })
      .last();
    await select.click();
    await select.fill(name);
    // The open list's options carry their text as a title.
    await this.page.locator(".ant-select-dropdown:visible").getByTitle(name).first().click();
  }

  saveSplitButton(): Locator {
    return this.creditCard().getByRole("button", { name: text("buttons.save") });
  }

  /** Records a payment of `amount` dated today. */
  async recordPayment(amount: string): Promise<void> {
    const field = this.page.getByRole("spinbutton", { name: text("payments.fields.amount") });
    await field.fill(amount);
    await this.page.getByRole("button", { name: text("payments.record") }).click();
  }

  /** The value the sale's description shows under `labelKey`. */
  detail(labelKey: string): Locator {
    return this.page
      .locator(".ant-descriptions-item-label", { hasText: text(labelKey) })
      .locator("xpath=following-sibling::*[1]");
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
    await this.card().waitFor();
    await this.proposals().waitFor();
    await this.page.locator('[aria-busy="true"]').first().waitFor({ state: "detached" });
  }

  /** The card the re-tiering heading titles (the nearest card around it). */
  private card(): Locator {
    return this.page
      .getByRole("heading", { name: text("customer_tiers.retiering.title") })
      .locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' ant-card ')][1]");
  }

  /** The preview's table (the first in the card; the applied re-tierings follow it). */
  private proposals(): Locator {
    return this.card().getByRole("table").first();
  }

  proposalRow(customer: string): Locator {
    return this.proposals()
      .getByRole("row")
      .filter({ has: this.page.getByRole("link", { name: new RegExp(customer) }) });
  }

  reason(): Locator {
    return this.card().getByLabel(text("customer_tiers.retiering.reason"));
  }

  applyButton(): Locator {
    return this.card().getByRole("button", { name: text("customer_tiers.retiering.apply") });
  }
}
