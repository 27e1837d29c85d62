import { describe, expect, it } from "vitest";
import { positionTree, responsibilityText, type PositionRow } from "./queries";

const row = (id: string, parent: string | null, sort: number) =>
  ({ id, code: id, parent_id: parent, sort_order: sort }) as PositionRow;

describe("positions", () => {
  it("form a reports-to tree ordered by sort order", () => {
    const tree = positionTree([row("sales", "gm", 20), row("gm", null, 10), row("hr", "gm", 15)]);
    expect(tree.map((n) => n.id)).toEqual(["gm"]);
    expect(tree[0]!.children.map((n) => n.id)).toEqual(["hr", "sales"]);
  });
  it("show responsibilities in the user's language, falling back to English with a marker", () => {
    expect(responsibilityText({ en: "Sell", es: "Vender" }, "es")).toEqual({ text: "Vender", fallback: false });
    expect(responsibilityText({ en: "Sell" }, "zh-CN")).toEqual({ text: "Sell", fallback: true });
  });
});
