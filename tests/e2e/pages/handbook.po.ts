// The handbook as a reader uses it: its table of contents (links to each chapter), the chapters
// as headings, the day it is shown as in force on, and how it prints.
import type { Locator, Page } from "playwright-core";
import en from "../../../src/locales/en.json";
import { text } from "../support/text.ts";

export const chapterKeys = [
  "purpose",
  "organisation",
  "responsibilities",
  "rules",
  "evaluation",
  "visits",
  "discounts",
] as const;

export class HandbookPageObject {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.goto("/handbook");
    await this.chapter("discounts").waitFor();
  }

  contents(): Locator {
    return this.page.getByRole("navigation", { name: text("handbook.contents") });
  }

  /** A chapter's section, named by its numbered heading ("4. Rules and sanctions"; read in English). */
  chapter(key: (typeof chapterKeys)[number]): Locator {
    const title = en.handbook.chapters[key].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return this.page.getByRole("region", { name: new RegExp(`^\\d\\. ${title}$`) });
  }

  /** Every chapter's section, in order (the regions named "1. …" to "7. …"). */
  chapters(): Locator {
    return this.page.getByRole("region", { name: /^\d\. / });
  }

  rule(code: string): Locator {
    return this.page.getByRole("article", { name: new RegExp(`^${code} `) });
  }

  async showAsOf(day: string): Promise<void> {
    const picker = this.page.getByRole("textbox", { name: text("handbook.asOf") });
    await picker.click();
    await picker.fill(day);
    await picker.press("Enter");
  }
}
