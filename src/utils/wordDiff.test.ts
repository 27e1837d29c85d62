import { describe, expect, it } from "vitest";
import { tokenize, wordDiff } from "./wordDiff";

describe("word diff", () => {
  it("marks the words that changed, keeping the rest", () => {
    expect(wordDiff("Visit VIP customers every month.", "Visit VIP customers every two months.")).toEqual([
      { kind: "same", text: "Visit VIP customers every " },
      { kind: "removed", text: "month" },
      { kind: "added", text: "two months" },
      { kind: "same", text: "." },
    ]);
  });
  it("splits Chinese into characters, so a changed phrase is precise", () => {
    expect(tokenize("未经经理许可")).toEqual(["未", "经", "经", "理", "许", "可"]);
    const parts = wordDiff("每月拜访一次", "每两个月拜访一次");
    expect(parts.filter((p) => p.kind !== "same").map((p) => `${p.kind}:${p.text}`)).toEqual(["added:两个"]);
  });
  it("handles empty texts and identical texts", () => {
    expect(wordDiff("", "New rule")).toEqual([{ kind: "added", text: "New rule" }]);
    expect(wordDiff("Same", "Same")).toEqual([{ kind: "same", text: "Same" }]);
  });
});
