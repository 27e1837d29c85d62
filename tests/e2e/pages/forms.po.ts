// Page object helpers for form controls as a person uses them: by the control's label or
// test id, picking options by their visible text, reading the error a field announces.
import type { Locator, Page } from "playwright-core";

export class FormControls {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async fill(testId: string, value: string): Promise<void> {
    await this.page.getByTestId(testId).fill(value);
  }

  /**
   * The open option list of a select: the list its combobox says it controls (a select's
   * options carry their text as a title), or the open tree of a tree select.
   */
  async openOptions(control: Locator): Promise<Locator> {
    await control.getByRole("combobox", { expanded: true }).first().waitFor();
    return this.optionsOf(control.getByRole("combobox").first());
  }

  /** The option list (or tree) an open combobox controls. */
  async optionsOf(combobox: Locator): Promise<Locator> {
    const list = this.page.locator(`[id="${await combobox.getAttribute("aria-controls")}"]`);
    const tree = this.page.getByRole("tree");
    await list.or(tree).first().waitFor({ state: "attached" });
    return (await list.count()) > 0 ? list.locator("xpath=..") : tree;
  }

  /** Opens a select (or tree select) by its test id and picks the option with this text. */
  async choose(testId: string, text: string | RegExp): Promise<void> {
    const control = this.page.getByTestId(testId).first();
    await control.click();
    const combobox = control.getByRole("combobox").first();
    if (typeof text === "string" && (await combobox.isEditable().catch(() => false))) await combobox.fill(text);
    const options = await this.openOptions(control);
    const tree = options.getByRole("treeitem", { name: text });
    const option = (await tree.count()) > 0 ? tree : options.getByTitle(text);
    await option.first().click();
  }

  /**
   * Picks the option with this text in a select found by its accessible name: a searchable one
   * is typed into, one without search (whose input stays invisible) opens from the keyboard.
   */
  async pick(combobox: Locator, text: string): Promise<void> {
    if (await combobox.isEditable()) {
      await combobox.click();
      await combobox.fill(text);
    } else {
      await combobox.focus();
      await combobox.press("ArrowDown");
    }
    await (await this.optionsOf(combobox)).getByTitle(text).first().click();
  }

  /** Types a date into a date picker and confirms it. */
  async date(testId: string, value: string): Promise<void> {
    const input = this.page.getByTestId(testId).locator("input").first();
    const target = (await input.count()) > 0 ? input : this.page.getByTestId(testId);
    await target.click();
    await target.fill(value);
    await target.press("Enter");
  }

  /** The error message a field announces (its control is described by it). */
  errorFor(testId: string) {
    return this.page.locator(`[id="${testId}-error"]`);
  }
}
