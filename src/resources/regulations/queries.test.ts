import { describe, expect, it } from "vitest";
import { highlightParts, localized } from "./queries";

describe("rule text", () => {
  it("falls back to the English original, with a marker, when a translation is missing", () => {
    const row = { title_en: "Honesty", title_es: "Honestidad", title_zh: "" };
    expect(localized(row, "title", "es")).toEqual({ text: "Honestidad", fallback: false });
    expect(localized(row, "title", "zh-CN")).toEqual({ text: "Honesty", fallback: true });
    expect(localized(row, "title", "en")).toEqual({ text: "Honesty", fallback: false });
  });
  it("marks search matches case-insensitively, Chinese included", () => {
    expect(highlightParts("No Discount without discount", "discount")).toEqual([
      { text: "No ", match: false },
      { text: "Discount", match: true },
      { text: " without ", match: false },
      { text: "discount", match: true },
    ]);
    expect(highlightParts("未经经理许可不得降价", "经理许可")).toEqual([
      { text: "未经", match: false },
      { text: "经理许可", match: true },
      { text: "不得降价", match: false },
    ]);
  });
});
