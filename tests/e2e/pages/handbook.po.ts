// The handbook as a reader uses it: its table of contents (links to each chapter), the chapters
// as headings, the day it is shown as in force on, how it prints, and the PDF it downloads.
import type { Locator, Page } from "playwright-core";
import en from "../../../src/locales/en.json";
import { downloadFile } from "../support/download.ts";
import { readPdf, type PdfContent } from "../support/pdf.ts";
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
    // The last chapter, in whatever language the page is in.
    await this.chapters()
      .nth(chapterKeys.length - 1)
      .waitFor();
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

  /** Clicks "Download PDF" (in whatever language the page is in) and reads the file it saves. */
  async downloadPdf(): Promise<PdfContent & { name: string }> {
    const file = await downloadFile(this.page, this.page.getByRole("button", { name: text("handbook.downloadPdf") }));
    return { name: file.name, ...(await readPdf(file.bytes)) };
  }
}
