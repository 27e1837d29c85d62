import { describe, expect, it } from "vitest";
import { pick, pickText, positionTree, rulesByCategory, type HandbookPosition, type HandbookRule } from "./queries";

const position = (id: string, parent_id: string | null): HandbookPosition => ({
  id,
  code: id,
  parent_id,
  title_en: `T ${id}`,
  title_es: "",
  title_zh: `职 ${id}`,
  headcount: 1,
  responsibilities: [],
  max_discount_percent: 0,
});

describe("handbook shaping", () => {
  it("builds the org chart under each parent; a position whose parent is not shown is a root", () => {
    const tree = positionTree([position("a", null), position("b", "a"), position("c", "b"), position("d", "gone")]);
    expect(tree.map((n) => n.position.id)).toEqual(["a", "d"]);
    expect(tree[0]!.children[0]!.children.map((n) => n.position.id)).toEqual(["c"]);
  });

  it("groups rules by chapter in the chapters' order and leaves empty chapters out", () => {
    const rule = (code: string, category_id: string) => ({ code, category_id }) as HandbookRule;
    const categories = [
      { id: "x", code: "x", label_en: "X", label_es: "", label_zh: "" },
      { id: "y", code: "y", label_en: "Y", label_es: "", label_zh: "" },
      { id: "z", code: "z", label_en: "Z", label_es: "", label_zh: "" },
    ];
    const groups = rulesByCategory({ categories, rules: [rule("B", "z"), rule("A", "x"), rule("C", "z")] });
    expect(groups.map((g) => [g.category.id, g.rules.map((r) => r.code)])).toEqual([
      ["x", ["A"]],
      ["z", ["B", "C"]],
    ]);
  });

  it("reads a text in the reader's language, English where it is missing", () => {
    const p = position("a", null);
    expect(pick(p, "title", "zh-CN")).toBe("职 a");
    expect(pick(p, "title", "es")).toBe("T a");
    expect(pickText({ en: "Sell", es: "Vender", zh: "" }, "zh-CN")).toBe("Sell");
    expect(pickText({ en: "Sell", es: "Vender", zh: "" }, "es")).toBe("Vender");
  });
});
