// The handbook in the browser: HR reads it with its table of contents and every chapter, a
// rule with its ladder; shown as in force on an earlier day it leaves out what came later;
// printed, it has no menu or header and each chapter starts a new page; HR publishes it as
// editions and compares two; in Chinese its chapters are Chinese; downloaded as a PDF, in each
// language, the file opens in a PDF reader with every chapter's title, each on its own page.
import { describe, expect, it } from "vitest";
import en from "../../src/locales/en.json";
import es from "../../src/locales/es.json";
import zh from "../../src/locales/zh-CN.json";
import { HandbookPageObject, chapterKeys } from "./pages/handbook.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { openBrowser } from "./support/browser.ts";
import { compact } from "./support/pdf.ts";
import { personWithLogin } from "./support/people.ts";

const session = openBrowser();

describe("the handbook", () => {
  it("HR reads every chapter from the contents, as in force on a day, in Chinese and in print", async () => {
    const hr = await personWithLogin(["hr_admin"]);
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(hr.email, hr.password);
    const handbook = new HandbookPageObject(page);
    await handbook.open();

    const links = handbook.contents().getByRole("link");
    expect(await links.allInnerTexts()).toEqual(chapterKeys.map((k) => en.handbook.chapters[k]));
    await handbook.contents().getByRole("link", { name: en.handbook.chapters.rules }).click();
    expect(new URL(page.url()).hash).toBe("#handbook-rules");
    for (const key of chapterKeys) await handbook.chapter(key).waitFor();
    // A seeded rule in force since 2026 with its sanction ladder.
    await handbook.rule("ATT-01").getByRole("table").waitFor();

    // As in force long before any rule (the seed's, or other tests') came into force: none.
    await handbook.showAsOf("2010-06-01");
    await handbook.chapter("rules").getByText(en.handbook.noRules).waitFor();
    expect(await handbook.rule("ATT-01").count()).toBe(0);

    // Printed: no menu, no header, no controls; each chapter after the first starts a page.
    const shell = new ShellPageObject(page);
    expect(await shell.menu().isVisible()).toBe(true);
    expect(await page.getByRole("banner").isVisible()).toBe(true);
    await page.emulateMedia({ media: "print" });
    expect(await shell.menu().isVisible()).toBe(false);
    expect(await page.getByRole("banner").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: en.handbook.print }).isVisible()).toBe(false);
    const breaks = await handbook
      .chapters()
      .evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
    expect(breaks).toEqual(["auto", ...Array(chapterKeys.length - 1).fill("page")]);
    await page.emulateMedia({ media: "screen" });

    // HR publishes the handbook twice as editions: the second shows as the one on screen, and
    // the two compare as unchanged.
    await page.getByRole("textbox", { name: en.handbook.asOf }).waitFor();
    for (const note of ["First edition of the test", "Second edition of the test"]) {
      await page.getByRole("button", { name: en.handbook.editions.publish }).click();
      const dialog = page.getByRole("dialog", { name: en.handbook.editions.publishTitle });
      await dialog.getByRole("textbox", { name: en.handbook.editions.note }).fill(note);
      await dialog.getByRole("button", { name: en.handbook.editions.publish }).click();
      await dialog.waitFor({ state: "hidden" });
      await page.getByText(note, { exact: true }).waitFor();
    }
    await page.getByText(/^Edition \d+: as in force on /).waitFor();
    await page.getByRole("button", { name: en.handbook.editions.compare }).click();
    const compare = page.getByRole("dialog", { name: en.handbook.editions.compareTitle });
    await compare.getByText(en.handbook.editions.noChanges).waitFor();
    await page.keyboard.press("Escape");
    await compare.waitFor({ state: "hidden" });

    // In Chinese.
    await page.evaluate(() => localStorage.setItem("panel.locale", "zh-CN"));
    await page.reload();
    await handbook.contents().getByRole("link", { name: zh.handbook.chapters.evaluation }).waitFor();
    await page.getByRole("heading", { level: 1, name: zh.handbook.documentTitle }).waitFor();
  });

  it("downloads as a PDF in each language: the file opens, titled, with each chapter's title on a page of its own", async () => {
    const hr = await personWithLogin(["hr_admin"]);
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(hr.email, hr.password);
    const handbook = new HandbookPageObject(page);
    for (const [locale, texts] of [
      ["en", en],
      ["es", es],
      ["zh-CN", zh],
    ] as const) {
      await page.evaluate((l) => localStorage.setItem("panel.locale", l), locale);
      await handbook.open();
      await page.getByRole("heading", { level: 1, name: texts.handbook.documentTitle }).waitFor();
      const pdf = await handbook.downloadPdf();
      expect(pdf.name).toMatch(new RegExp(`-${locale}\\.pdf$`));
      expect(pdf.title).toBe(texts.handbook.documentTitle);
      expect(pdf.language).toBe(locale);
      // The first page has the title and the contents; each chapter then starts a page, which
      // begins with its numbered title.
      expect(compact(pdf.pages[0]!)).toContain(compact(texts.handbook.documentTitle));
      const starts = chapterKeys.map((key, i) =>
        pdf.pages.findIndex((p) => compact(p).startsWith(compact(`${i + 1}. ${texts.handbook.chapters[key]}`))),
      );
      expect(starts.every((s) => s > 0)).toBe(true);
      expect([...starts].sort((a, b) => a - b)).toEqual(starts);
      expect(new Set(starts).size).toBe(chapterKeys.length);
      // The seeded rule, with its code, is in the rules chapter.
      expect(compact(pdf.pages.slice(starts[3], starts[4]).join(""))).toContain("ATT-01");
    }
  });
});
