// Page object: the rulebook (rule list and search, rule editor, rule page with its workflow,
// versions and diff, My rules, coverage).
import type { Page } from "playwright-core";
import { text } from "../support/text.ts";
import { downloadText } from "../support/download.ts";
import { FormControls } from "./forms.po.ts";

export interface NewRule {
  code: string;
  category: string;
  effectiveDate: string;
  title: string;
  body: string;
  titleZh?: string;
  bodyZh?: string;
}

export class RegulationsPageObject {
  private readonly page: Page;
  readonly form: FormControls;

  constructor(page: Page) {
    this.page = page;
    this.form = new FormControls(page);
  }

  async openList(): Promise<void> {
    await this.page.goto("/regulations");
    await this.searchBox().waitFor();
  }

  searchBox() {
    return this.page.getByLabel(text("regulations.search.label"));
  }

  async search(term: string): Promise<void> {
    await this.searchBox().fill(term);
    await this.searchBox().press("Enter");
    await this.page.getByTestId("rule-search-results").waitFor();
  }

  hit(code: string) {
    return this.page.getByTestId(`rule-hit-${code}`);
  }

  /** Fills the create form and saves; lands on the new rule's page. */
  async create(rule: NewRule): Promise<void> {
    await this.page.goto("/regulations/create");
    await this.form.fill("rule-code", rule.code);
    await this.form.choose("rule-category_id", rule.category);
    await this.form.date("rule-effective_date", rule.effectiveDate);
    await this.form.fill("rule-en-title_en", rule.title);
    await this.form.fill("rule-en-body_en", rule.body);
    if (rule.titleZh || rule.bodyZh) {
      await this.page.getByRole("tab", { name: "Chinese" }).click();
      if (rule.titleZh) await this.form.fill("rule-zh-title_zh", rule.titleZh);
      if (rule.bodyZh) await this.form.fill("rule-zh-body_zh", rule.bodyZh);
    }
    await this.page.getByRole("button", { name: text("buttons.save") }).click();
    await this.page.waitForURL(/\/regulations\/show\//);
    await this.status().waitFor();
  }

  async openShow(id: string): Promise<void> {
    await this.page.goto(`/regulations/show/${id}`);
    await this.status().waitFor();
  }

  status() {
    return this.page.getByTestId("rule-status");
  }

  async waitForStatus(text: string): Promise<void> {
    await this.status().getByText(text, { exact: true }).first().waitFor();
  }

  /** Clicks a workflow button, confirming in the pop-up when it asks. */
  async step(
    testId: "rule-submit" | "rule-publish" | "rule-retire" | "rule-back-to-draft" | "rule-reopen",
  ): Promise<void> {
    const button = this.page.getByTestId(testId);
    const label = (await button.innerText()).trim();
    await button.click();
    // Publishing and retiring ask first; the pop-up's confirm button repeats the step's name.
    if (testId === "rule-publish" || testId === "rule-retire") {
      await this.page.getByRole("tooltip").getByRole("button", { name: label }).click();
    }
  }

  workflowError() {
    return this.page.getByTestId("rule-workflow-error");
  }

  /** Opens the edit page, replaces the English body and saves. */
  async reviseBody(id: string, body: string): Promise<void> {
    await this.page.goto(`/regulations/edit/${id}`);
    const field = this.page.getByTestId("rule-en-body_en");
    await field.waitFor();
    await this.page.waitForFunction(
      () => (document.querySelector('[data-testid="rule-en-body_en"]') as HTMLTextAreaElement | null)?.value !== "",
    );
    await field.fill(body);
    await this.page.getByRole("button", { name: text("buttons.save") }).click();
    await this.page.waitForURL(/\/regulations\/show\//);
  }

  async openVersionsTab(): Promise<void> {
    await this.page.getByRole("tab", { name: /^Versions/ }).click();
    await this.page.getByTestId("rule-versions").waitFor();
  }

  body() {
    return this.page.getByTestId("rule-body").first();
  }

  diff() {
    return this.page.getByTestId("rule-diff");
  }

  // --- My rules -----------------------------------------------------------------
  async openMyRules(): Promise<void> {
    await this.page.goto("/my-rules");
    await this.page.getByTestId("my-rules").waitFor();
  }

  myRule(code: string) {
    return this.page.getByTestId(`my-rule-${code}`);
  }

  async acknowledge(code: string): Promise<void> {
    await this.page.getByTestId(`ack-${code}`).click();
    await this.page.getByTestId(`acked-${code}`).waitFor();
  }

  /** The number on the My rules page's pending badge (0 when hidden). */
  async pendingCount(): Promise<number> {
    return Number(await this.page.getByTestId("my-rules-pending").getAttribute("data-count"));
  }

  async waitForPendingCount(n: number): Promise<void> {
    await this.page.locator(`[data-testid="my-rules-pending"][data-count="${n}"]`).waitFor();
  }

  /** The bell, once it counts rules to acknowledge. */
  pendingBadge() {
    return this.page.locator('[data-testid="header-reminders"]:not([data-rules-pending="0"])');
  }

  // --- Coverage -------------------------------------------------------------------
  /** Opens coverage of a rule, narrowed to one person when given (the list is paged). */
  async openCoverage(ruleId: string, person?: string): Promise<void> {
    await this.page.goto(`/coverage?rule=${ruleId}${person ? `&q=${encodeURIComponent(person)}` : ""}`);
    await this.page.getByTestId("coverage-summary").waitFor();
  }

  coverageStatus(email: string) {
    return this.page.getByTestId(`coverage-person-${email}`).getByTestId("coverage-status");
  }

  /** Opens coverage of a rule inside one territory and waits for its counts and first page of people. */
  async openCoverageIn(ruleId: string, territoryId: string, page?: number): Promise<void> {
    await this.page.goto(`/coverage?rule=${ruleId}&territory=${territoryId}${page ? `&page=${page}` : ""}`);
    await this.waitForCoverage(territoryId);
  }

  /** Waits until the people list shows page n (1-based). */
  async coverageShowsPage(n: number): Promise<void> {
    await this.page.locator(`[data-testid=coverage-people][data-shown-page='${n}']`).waitFor();
  }

  /** Waits until the counts shown are those of this territory and the people list has loaded. */
  private async waitForCoverage(territoryId: string): Promise<void> {
    await this.page.locator(`[data-testid=coverage-summary][data-for='${territoryId}'][data-total]`).waitFor();
    await this.page.locator("[data-testid=coverage-people][data-total]").waitFor();
  }

  /** The summary's people and missing counts, and how many people the list says match. */
  async coverageCounts(): Promise<{ total: number; missing: number; listed: number }> {
    const summary = this.page.getByTestId("coverage-summary");
    return {
      total: Number(await summary.getAttribute("data-total")),
      missing: Number(await summary.getAttribute("data-missing")),
      listed: Number(await this.page.getByTestId("coverage-people").getAttribute("data-total")),
    };
  }

  /** "acknowledged / total" of one territory's group. */
  async coverageGroup(code: string): Promise<string> {
    return this.page
      .getByTestId(`coverage-group-${code}`)
      .locator("xpath=ancestor::tr")
      .locator("td")
      .nth(1)
      .innerText();
  }

  async drillInto(code: string): Promise<void> {
    const before = new URL(this.page.url()).searchParams.get("territory");
    await this.page.getByTestId(`coverage-group-${code}`).click();
    await this.page.waitForURL((url) => url.searchParams.get("territory") !== before && !url.searchParams.has("page"));
    await this.waitForCoverage(new URL(this.page.url()).searchParams.get("territory")!);
  }

  /** The e-mails on the people list's current page. */
  async coveragePeople(): Promise<string[]> {
    const rows = this.page.locator("[data-testid^=coverage-person-]");
    return (
      await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-testid")!.replace("coverage-person-", "")))
    ).sort();
  }

  async coveragePageTo(n: number): Promise<void> {
    await this.page
      .getByRole("region", { name: "People" })
      .getByRole("listitem", { name: String(n), exact: true })
      .click();
    await this.coverageShowsPage(n);
  }

  async onlyMissing(): Promise<void> {
    await this.page.getByTestId("coverage-only-missing").click();
    await this.page.waitForURL((url) => url.searchParams.get("missing") === "1");
  }

  /** Clicks "Export missing" and returns the downloaded CSV's text. */
  async exportMissing(): Promise<string> {
    return downloadText(this.page, this.page.getByRole("button", { name: text("coverage.exportMissing") }));
  }
}
