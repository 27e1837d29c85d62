// Meetings as a person uses them: calling one through its form, inviting a territory from the
// attendance sheet, and taking one person's mark (the choice, then the minutes it needs).
import type { Locator, Page } from "playwright-core";
import { text } from "../support/text.ts";
import { FormControls } from "./forms.po.ts";

export class MeetingsPageObject {
  private readonly page: Page;
  private readonly form: FormControls;

  constructor(page: Page) {
    this.page = page;
    this.form = new FormControls(page);
  }

  /** Calls a meeting today and waits for its page. */
  async call(values: { title: string; territory: string; organiser: string }): Promise<void> {
    await this.page.goto("/meetings/create");
    await this.page.getByRole("textbox", { name: text("meetings.fields.title") }).fill(values.title);
    await this.form.choose("meeting-territory_id", values.territory);
    await this.form.choose("meeting-organiser_id", values.organiser);
    await this.page.getByRole("button", { name: text("buttons.save") }).click();
    await this.page.getByRole("heading", { name: values.title }).waitFor();
  }

  async inviteTerritory(territory: string): Promise<void> {
    const picker = this.page.getByRole("combobox", { name: text("meetings.inviteTerritory") });
    await picker.click();
    await picker.fill(territory);
    await (await this.form.optionsOf(picker)).getByRole("treeitem", { name: territory }).first().click();
    await this.page.getByRole("button", { name: text("meetings.inviteButton"), exact: true }).click();
  }

  /** The sheet's entry of one person. */
  entry(name: string): Locator {
    return this.page.getByRole("listitem").filter({ hasText: name });
  }

  async choose(name: string, mark: string): Promise<void> {
    await this.page
      .getByRole("radiogroup", { name: text("meetings.markFor", { name }) })
      .getByText(text(`meetings.mark.${mark}`), { exact: true })
      .click();
  }

  minutesLate(name: string): Locator {
    return this.page.getByRole("spinbutton", { name: text("meetings.minutesLateFor", { name }) });
  }

  async saveMark(name: string): Promise<void> {
    await this.page.getByRole("button", { name: text("meetings.saveMarkFor", { name }) }).click();
  }

  async toViolation(name: string): Promise<void> {
    await this.page.getByRole("button", { name: text("meetings.toViolationFor", { name }) }).click();
  }
}
