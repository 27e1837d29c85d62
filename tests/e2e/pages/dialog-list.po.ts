// A list page whose records are created and decided in dialogs (rewards, violations): the open
// dialog, sending it, a person's rows, and the person filter beside the list.
import type { Locator, Page } from "playwright-core";
import { text } from "../support/text.ts";
import { FormControls } from "./forms.po.ts";

export class DialogListPageObject {
  protected readonly page: Page;
  protected readonly form: FormControls;
  private readonly personFilterKey: string;

  /** `personFilterKey`: the i18n key naming the list's person filter. */
  constructor(page: Page, personFilterKey: string) {
    this.page = page;
    this.form = new FormControls(page);
    this.personFilterKey = personFilterKey;
  }

  dialog(): Locator {
    return this.page.getByRole("dialog");
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

  /** Shows one person's records (the list holds everyone's in scope, newest first). */
  async filterBy(person: string): Promise<void> {
    await this.form.pick(this.page.getByRole("combobox", { name: text(this.personFilterKey) }), person);
    // Filtered once every row but the header names the person.
    await this.row(person).first().waitFor();
    await this.page.getByRole("row").filter({ hasNotText: person }).nth(1).waitFor({ state: "detached" });
  }
}
