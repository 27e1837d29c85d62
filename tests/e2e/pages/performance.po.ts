// Page objects: an evaluation template as HR builds it. Its header form (position, month,
// name), then its KPI editor: lines added and weighed, the total read from the status line,
// saved, and the template published. Everything by role and accessible name.
import type { Locator, Page } from "playwright-core";
import { DialogListPageObject } from "./dialog-list.po.ts";
import { FormControls } from "./forms.po.ts";
import { text } from "../support/text.ts";

export class EvaluationTemplatePageObject {
  private readonly page: Page;
  private readonly form: FormControls;

  constructor(page: Page) {
    this.page = page;
    this.form = new FormControls(page);
  }

  /** Creates a template for the position titled `positionTitle` from this month; lands on its edit page. */
  async create(positionTitle: string, name: string): Promise<void> {
    await this.page.goto("/evaluation-templates/create");
    await this.form.pick(
      this.page.getByRole("combobox", { name: text("evaluation_templates.fields.position_id") }),
      positionTitle,
    );
    await this.page.getByRole("textbox", { name: text("evaluation_templates.fields.name") }).fill(name);
    await this.page.getByRole("button", { name: text("buttons.save") }).click();
    await this.page.waitForURL(/\/evaluation-templates\/edit\//);
    await this.page.getByRole("button", { name: text("evaluation_templates.add") }).waitFor();
  }

  /** What the editor says of the weights' total. */
  weightStatus(): Locator {
    return this.page.getByRole("status").filter({ hasText: "100" });
  }

  /** Adds a line for the KPI named `kpiName` with `weight`. */
  async addKpi(kpiName: string, weight: string): Promise<void> {
    await this.page.getByRole("button", { name: text("evaluation_templates.add") }).click();
    const select = this.page.getByRole("combobox", { name: text("evaluation_templates.fields.kpi_id") }).last();
    // The new line proposes a KPI: typing over it searches (its shown choice covers the input).
    await select.fill(kpiName);
    await (await this.form.optionsOf(select)).getByTitle(kpiName, { exact: true }).first().click();
    await this.setWeight((await this.weightInputs().count()) - 1, weight);
  }

  weightInputs(): Locator {
    return this.page.getByRole("spinbutton", { name: text("evaluation_templates.fields.weight") });
  }

  async setWeight(index: number, weight: string): Promise<void> {
    const input = this.weightInputs().nth(index);
    await input.fill(weight);
    await input.press("Tab");
  }

  saveKpisButton(): Locator {
    return this.page.getByRole("button", { name: text("evaluation_templates.saveKpis") });
  }

  publishButton(): Locator {
    return this.page.getByRole("button", { name: text("evaluation_templates.publish") }).first();
  }

  /** Publishes, confirming in the pop-up. */
  async publish(): Promise<void> {
    await this.publishButton().click();
    await this.page
      .getByRole("tooltip")
      .getByRole("button", { name: text("evaluation_templates.publish") })
      .click();
  }

  frozenNotice(): Locator {
    return this.page.getByText(text("evaluation_templates.publishedFrozen"));
  }
}

/** The targets grid for a year and KPI, and the editor of one line. */
export class TargetsPageObject {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(year: number, kpiId: string): Promise<void> {
    await this.page.goto(`/targets?year=${year}&kpi=${kpiId}`);
    await this.page.getByRole("table").waitFor();
  }

  /** Opens the line of the territory whose code is given: its child territories and people are read then. */
  async openTerritory(code: string): Promise<void> {
    const row = this.page.getByRole("row").filter({ hasText: `${code} · ` });
    await row.getByRole("button", { expanded: false }).click();
    await row.getByRole("button", { expanded: true }).waitFor();
  }

  /** Opens the editor of the line named `name` (a person, or a territory's "CODE · Name"). */
  async edit(name: string): Promise<void> {
    // The button is named "Edit the targets of <name>" in the interface language.
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    await this.page.getByRole("button", { name: new RegExp(`${escaped}$`) }).click();
    await this.dialog().waitFor();
  }

  dialog(): Locator {
    return this.page.getByRole("dialog");
  }

  async setMonth(monthName: string, value: string): Promise<void> {
    const input = this.dialog().getByRole("spinbutton", { name: monthName, exact: true });
    await input.fill(value);
    await input.press("Tab");
  }

  /** What the editor says of the territory above while typing. */
  parentNotice(): Locator {
    return this.dialog().getByRole("alert");
  }

  async save(): Promise<void> {
    await this.dialog()
      .getByRole("button", { name: text("buttons.save") })
      .click();
    await this.dialog().waitFor({ state: "detached" });
  }
}

/** The evaluations of a month, and one evaluation's page with its workflow steps. */
export class EvaluationsPageObject {
  private readonly page: Page;
  private readonly form: FormControls;

  constructor(page: Page) {
    this.page = page;
    this.form = new FormControls(page);
  }

  /** Runs the selected month's evaluations from the list (confirming the question). */
  async runMonth(): Promise<void> {
    await this.page.goto("/evaluations");
    await this.page
      .getByRole("button", { name: text("evaluations.run.button") })
      .first()
      .click();
    await this.page
      .getByRole("tooltip")
      .getByRole("button", { name: text("evaluations.run.button") })
      .click();
    await this.page.getByText(/drafts computed|borradores calculados|份草稿/).waitFor();
  }

  /** Opens the evaluation of the person named `name` from the list. */
  async open(name: string): Promise<void> {
    await this.page.getByRole("button", { name: new RegExp(`${name}$`) }).click();
    await this.page.waitForURL(/\/evaluations\/show\//);
  }

  async setManual(kpiName: string, value: string): Promise<void> {
    const input = this.page.getByRole("spinbutton", { name: new RegExp(`${kpiName}$`) });
    await input.fill(value);
    await input.press("Tab");
  }

  /** Takes a workflow step whose button asks for confirmation (submit, approve). */
  async confirmStep(key: string): Promise<void> {
    await this.page
      .getByRole("button", { name: text(key) })
      .first()
      .click();
    // The pop-up's own button: the page's button is still there, so "the last such button" could be
    // the page's one if the pop-up has not opened yet, and clicking it again would close it.
    await this.page
      .getByRole("tooltip")
      .getByRole("button", { name: text(key) })
      .click();
  }

  status(key: string): Locator {
    return this.page.getByText(text(key)).first();
  }

  /** Approves with the improvement plan the band asks for. */
  async approveWithPlan(plan: { areas: string; actions: string; owner: string }): Promise<void> {
    await this.page.getByRole("button", { name: text("evaluations.actions.approve") }).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: text("evaluations.plan.areas") }).fill(plan.areas);
    await dialog.getByRole("textbox", { name: text("evaluations.plan.actions") }).fill(plan.actions);
    const owner = dialog.getByRole("combobox", { name: text("evaluations.plan.follow_up_owner_id") });
    await owner.click();
    await owner.fill(plan.owner);
    await (await this.form.optionsOf(owner)).getByTitle(plan.owner).first().click();
    await dialog.getByRole("button", { name: text("evaluations.actions.approve") }).click();
    await dialog.waitFor({ state: "detached" });
  }
}

/** The rewards list: proposing a reward in its dialog, and HR's confirmation of one. */
export class RewardsPageObject extends DialogListPageObject {
  constructor(page: Page) {
    super(page, "rewards.fields.staff_id");
  }

  async open(): Promise<void> {
    await this.page.goto("/rewards");
    await this.page.getByRole("table").waitFor();
  }

  /** Opens the proposal dialog and fills it; `amount` null leaves a bonus's amount empty. */
  async propose(values: { person: string; kind: string; amount: string | null; reason: string }): Promise<void> {
    await this.page.getByRole("button", { name: text("rewards.propose") }).click();
    const dialog = this.dialog();
    await this.form.pick(dialog.getByRole("combobox", { name: text("rewards.fields.staff_id") }), values.person);
    await this.form.pick(dialog.getByRole("combobox", { name: text("rewards.fields.kind") }), values.kind);
    if (values.amount !== null)
      await dialog.getByRole("spinbutton", { name: text("rewards.fields.amount") }).fill(values.amount);
    await dialog.getByRole("textbox", { name: text("rewards.fields.reason") }).fill(values.reason);
  }
}

/** The KPI actuals of a month: entering one in its dialog, correcting it, deleting it. */
export class ActualsPageObject {
  private readonly page: Page;
  private readonly form: FormControls;

  constructor(page: Page) {
    this.page = page;
    this.form = new FormControls(page);
  }

  async open(): Promise<void> {
    await this.page.goto("/kpi-actuals");
    await this.page.getByRole("table").waitFor();
  }

  dialog(): Locator {
    return this.page.getByRole("dialog");
  }

  /** Opens the dialog for last month (its default) and fills the person, KPI and value. */
  async enter(values: { person: string; kpi: string; value: string }): Promise<void> {
    await this.page.getByRole("button", { name: text("kpi_actuals.add") }).click();
    await this.form.pick(
      this.dialog().getByRole("combobox", { name: text("kpi_actuals.fields.staff_id") }),
      values.person,
    );
    await this.form.pick(this.dialog().getByRole("combobox", { name: text("kpi_actuals.fields.kpi_id") }), values.kpi);
    await this.setValue(values.value);
  }

  async setValue(value: string): Promise<void> {
    await this.dialog()
      .getByRole("spinbutton", { name: text("kpi_actuals.fields.value") })
      .fill(value);
  }

  async save(): Promise<void> {
    await this.dialog()
      .getByRole("button", { name: text("buttons.save") })
      .click();
  }

  row(person: string): Locator {
    return this.page.getByRole("row").filter({ hasText: person });
  }

  /** Deletes a row's actual, confirming in the pop-up. */
  async remove(person: string): Promise<void> {
    await this.row(person)
      .getByRole("button", { name: text("buttons.delete") })
      .click();
    await this.page
      .getByRole("tooltip")
      .getByRole("button", { name: text("buttons.delete") })
      .click();
  }
}
