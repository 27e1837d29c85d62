// The handbook in the browser: HR reads it with its table of contents and every chapter, a
// rule with its ladder; shown as in force on an earlier day it leaves out what came later;
// printed, it has no menu or header and each chapter starts a new page; HR publishes it as
// editions and compares two; in Chinese its chapters are Chinese.
import { describe, expect, it } from "vitest";
import en from "../../src/locales/en.json";
import zh from "../../src/locales/zh-CN.json";
import { HandbookPageObject, chapterKeys } from "./pages/handbook.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { openBrowser } from "./support/browser.ts";
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
});
