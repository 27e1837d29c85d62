// The violations list as a person uses it: recording one in its dialog (the person's statement
// and the decisions are the shared dialog-list steps).
import type { Page } from "playwright-core";
import { text } from "../support/text.ts";
import { DialogListPageObject } from "./dialog-list.po.ts";

export class ViolationsPageObject extends DialogListPageObject {
  constructor(page: Page) {
    super(page, "violations.fields.staff_id");
  }

  async open(): Promise<void> {
    await this.page.goto("/violations");
    await this.page.getByRole("table").waitFor();
  }

  /** Opens the record dialog and fills it; an empty description is left empty. */
  async record(values: { person: string; rule: string; description: string }): Promise<void> {
    await this.page.getByRole("button", { name: text("violations.record") }).click();
    const dialog = this.dialog();
    await this.form.pick(dialog.getByRole("combobox", { name: text("violations.fields.staff_id") }), values.person);
    await this.form.pick(dialog.getByRole("combobox", { name: text("violations.fields.regulation_id") }), values.rule);
    if (values.description)
      await dialog.getByRole("textbox", { name: text("violations.fields.description") }).fill(values.description);
  }

  /** Lists only the violations a detector found, or only those people recorded. */
  async showFoundBy(origin: "detected" | "recorded"): Promise<void> {
    await this.page
      .getByRole("radiogroup", { name: text("violations.filters.origin") })
      .getByText(text(`violations.origin.${origin}`))
      .click();
  }
}
