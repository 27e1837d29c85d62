// The dashboard as people use it: cards named by their titles (each a region), each shown as a
// chart or as its table, with its CSV; a territory opened from the achievement card, and the
// trail back up.
import type { Locator, Page } from "playwright-core";
import en from "../../../src/locales/en.json";
import { downloadText } from "../support/download.ts";
import { text } from "../support/text.ts";

export type CardName = keyof typeof en.dashboards.cards;

export class DashboardsPageObject {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.goto("/dashboards");
    await this.card("achievement").waitFor();
  }

  card(name: CardName): Locator {
    return this.page.getByRole("region", { name: text(`dashboards.cards.${name}.title`) });
  }

  chart(name: CardName): Locator {
    return this.card(name).getByRole("img", {
      name: text("dashboards.chartOf", { card: en.dashboards.cards[name].title }),
    });
  }

  /** Switches a card to its table and returns the table. */
  async table(name: CardName): Promise<Locator> {
    await this.card(name).getByText(text("dashboards.table"), { exact: true }).click();
    const table = this.card(name).getByRole("table");
    await table.waitFor();
    return table;
  }

  /** The cells of the table row whose first cell starts with `first`. */
  async rowCells(table: Locator, first: string): Promise<string[]> {
    const row = table.getByRole("row").filter({ has: this.page.getByRole("cell", { name: first }) });
    await row.first().waitFor();
    return (await row.first().getByRole("cell").allInnerTexts()).map((c) => c.trim());
  }

  /** Opens a territory from the achievement card's table (its chart has no buttons). */
  async drillInto(label: string): Promise<void> {
    await this.table("achievement");
    await this.card("achievement")
      .getByRole("button", { name: text("dashboards.drill", { name: label }) })
      .click();
    await this.trail().getByText(label).waitFor();
  }

  trail(): Locator {
    return this.page.getByRole("navigation", { name: text("dashboards.trail") });
  }

  downloadCsv(name: CardName): Promise<string> {
    const button = this.card(name).getByRole("button", {
      name: text("dashboards.csv", { card: en.dashboards.cards[name].title }),
    });
    return downloadText(this.page, button);
  }

  rankingSwitch(): Locator {
    return this.card("ranking").getByRole("switch", { name: text("dashboards.ranking.switch") });
  }
}
