// Monthly plans and summaries as a person uses them: writing one through its form, submitting
// it, and a reviewer's comment; each page found by its heading, each control by its label.
import type { Locator, Page } from "playwright-core";
import { text } from "../support/text.ts";

export class ReportsPageObject {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  private field(resource: "monthly_plans" | "summaries", name: string): Locator {
    return this.page.getByLabel(text(`${resource}.fields.${name}`), { exact: true });
  }

  /** Writes this month's plan (the form's default month) and waits for its page; returns its path. */
  async writePlan(values: { target: string; keyCustomers: string; visits: string }): Promise<string> {
    await this.page.goto("/monthly-plans/create");
    await this.field("monthly_plans", "sales_target").fill(values.target);
    await this.field("monthly_plans", "key_customers").fill(values.keyCustomers);
    await this.field("monthly_plans", "visits_planned").fill(values.visits);
    await this.page.getByRole("button", { name: text("buttons.save") }).click();
    await this.page.waitForURL(/\/monthly-plans\/show\//);
    await this.status("draft").waitFor();
    return new URL(this.page.url()).pathname;
  }

  /** Writes last month's summary (the form's default period) and waits for its page; returns its path. */
  async writeSummary(values: { results: string; wentWell: string }): Promise<string> {
    await this.page.goto("/summaries/create");
    await this.field("summaries", "results").fill(values.results);
    await this.field("summaries", "went_well").fill(values.wentWell);
    await this.page.getByRole("button", { name: text("buttons.save") }).click();
    await this.page.waitForURL(/\/summaries\/show\//);
    await this.status("draft").waitFor();
    return new URL(this.page.url()).pathname;
  }

  /** The figures the database filled in, by their label. */
  figure(name: string): Locator {
    return this.page.getByRole("group", { name: text(`summaries.fields.${name}`) });
  }

  async submit(): Promise<void> {
    await this.page.getByRole("button", { name: text("reports.submit"), exact: true }).click();
    await this.page.getByRole("button", { name: text("reports.submitYes") }).click();
    await this.status("submitted").waitFor();
  }

  async review(comment: string): Promise<void> {
    await this.page.getByLabel(text("reports.fields.review_comment")).fill(comment);
    await this.page.getByRole("button", { name: text("reports.markReviewed") }).click();
    await this.status("reviewed").waitFor();
  }

  status(status: "draft" | "submitted" | "reviewed"): Locator {
    return this.page
      .getByRole("main")
      .getByText(text(`reports.status.${status}`), { exact: true })
      .first();
  }

  /** The review as the person reads it. */
  reviewNote(): Locator {
    return this.page.getByRole("alert");
  }
}
