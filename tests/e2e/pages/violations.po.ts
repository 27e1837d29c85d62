// The violations list as a person uses it: recording one in its dialog, the person's statement,
// confirming at a ladder level, and reading a row's status and sanction.
import type { Locator, Page } from "playwright-core";
import { text } from "../support/text.ts";
import { FormControls } from "./forms.po.ts";

export class ViolationsPageObject {
  private readonly page: Page;
  private readonly form: FormControls;

  constructor(page: Page) {
    this.page = page;
    this.form = new FormControls(page);
  }

  async open(): Promise<void> {
    await this.page.goto("/violations");
    await this.page.getByRole("table").waitFor();
  }

  dialog(): Locator {
    return this.page.getByRole("dialog");
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

  /** The dialog's own button (its title says the same). */
  async submitDialog(key: string): Promise<void> {
    await this.dialog()
      .getByRole("button", { name: text(key) })
      .click();
  }

  /** Sends the dialog and waits for it to close (it stays open, with its message, when refused). */
  async submitAndClose(key: string): Promise<void> {
    await this.submitDialog(key);
    await this.dialog().waitFor({ state: "detached" });
  }

  row(person: string): Locator {
    return this.page.getByRole("row").filter({ hasText: person });
  }

  /** Shows one person's violations (the list holds everyone's in scope, newest first). */
  async filterBy(person: string): Promise<void> {
    await this.form.pick(this.page.getByRole("combobox", { name: text("violations.fields.staff_id") }), person);
    await this.row(person).first().waitFor();
    await this.page.getByRole("row").filter({ hasNotText: person }).nth(1).waitFor({ state: "detached" });
  }
}
