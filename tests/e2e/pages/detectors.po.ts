// The detectors page as HR uses it: each check is a card (its name a heading) with the rule it
// enforces, its switch, its grace days where it has them and its own Save button; the header
// runs the switched-on checks now.
import type { Locator, Page } from "playwright-core";
import en from "../../../src/locales/en.json";
import { text } from "../support/text.ts";

export class DetectorsPageObject {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.goto("/detectors");
    await this.page.getByRole("heading", { name: text("detectors.codes.overdue_visit.name") }).waitFor();
  }

  graceDays(): Locator {
    return this.page.getByRole("spinbutton", { name: text("detectors.fields.grace_days") });
  }

  /** The card's own Save button ("Save Overdue visit"; the tests read the panel in English). */
  async save(code: keyof typeof en.detectors.codes): Promise<void> {
    await this.page
      .getByRole("button", { name: text("detectors.saveFor", { name: en.detectors.codes[code].name }) })
      .click();
  }

  async runNow(): Promise<void> {
    await this.page.getByRole("button", { name: text("detectors.run") }).click();
    await this.page
      .getByRole("tooltip")
      .getByRole("button", { name: text("detectors.run") })
      .click();
  }
}
