import { describe, expect, it } from "vitest";
import type { Block } from "./pdfBlocks";
import { a4, layout, wrap, type Measure } from "./pdfLayout";

// Every character is as wide as half its size: easy to reason about.
const measure: Measure = (text, size) => [...text].length * size * 0.5;
const footer = (page: number, pages: number) => ({ left: "Handbook", right: `${page}/${pages}` });
const texts = (pages: ReturnType<typeof layout>) => pages.map((p) => p.texts.map((t) => t.text));

describe("the handbook PDF's layout", () => {
  it("wraps between words, and between any two Chinese characters", () => {
    expect(wrap("one two three four", 10 * 5, 10, measure)).toEqual(["one two", "three four"]);
    expect(wrap("销售部管理制度", 3 * 5, 10, measure)).toEqual(["销售部", "管理制", "度"]);
    expect(wrap("a 销售部", 4 * 5, 10, measure)).toEqual(["a 销售", "部"]);
  });

  it("breaks a word longer than the line where it must", () => {
    expect(wrap("abcdefghij", 4 * 5, 10, measure)).toEqual(["abcd", "efgh", "ij"]);
  });

  it("starts each chapter on a new page (after the title's) and numbers every page in the footer", () => {
    const blocks: Block[] = [
      { kind: "heading", level: 1, text: "Title", newPage: false },
      { kind: "heading", level: 2, text: "1. Purpose", newPage: true },
      { kind: "paragraph", text: "Why.", indent: 0, muted: false },
      { kind: "heading", level: 2, text: "2. Organisation", newPage: true },
      { kind: "paragraph", text: "Who.", indent: 1, marker: "1.", muted: false },
    ];
    const pages = layout(blocks, measure, footer);
    expect(texts(pages)).toEqual([
      ["Title", "Handbook", "1/3"],
      ["1. Purpose", "Why.", "Handbook", "2/3"],
      ["2. Organisation", "1.", "Who.", "Handbook", "3/3"],
    ]);
    // A list item is indented, its text after its marker.
    const [marker, item] = pages[2]!.texts.slice(1, 3);
    expect(marker!.x).toBeGreaterThan(a4.marginX);
    expect(item!.x).toBeGreaterThan(marker!.x);
    // Everything inside the margins.
    for (const t of pages.flatMap((p) => p.texts)) {
      expect(t.x).toBeGreaterThanOrEqual(a4.marginX);
      expect(t.x + measure(t.text, t.size)).toBeLessThanOrEqual(a4.width - a4.marginX + 0.01);
      expect(t.y).toBeGreaterThan(0);
    }
  });

  it("runs a long table onto the next page with its header repeated, right-aligned columns flush right", () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Position ${i}`, `${i} %`]);
    const pages = layout(
      [{ kind: "table", head: ["Position", "Largest discount"], rows, alignRight: [false, true] }],
      measure,
      footer,
    );
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p.texts[0]!.text).toBe("Position");
    const all = pages.flatMap((p) => p.texts.map((t) => t.text));
    for (const [name, discount] of rows) {
      expect(all).toContain(name);
      expect(all).toContain(discount);
    }
    const cell = pages[0]!.texts.find((t) => t.text === "7 %")!;
    expect(cell.x + measure(cell.text, cell.size)).toBeCloseTo(a4.width - a4.marginX - 4, 1);
    expect(pages[0]!.boxes.filter((b) => b.fill === "header")).toHaveLength(1);
  });

  it("keeps a heading with the start of what follows", () => {
    const lines = (name: string, n: number): Block[] =>
      Array.from({ length: n }, (_, i) => ({ kind: "paragraph", text: `${name} ${i}`, indent: 0, muted: false }));
    // 37 lines leave room for the heading but not for it and three lines after it.
    const pages = layout(
      [...lines("Before", 37), { kind: "heading", level: 3, text: "Kept", newPage: false }, ...lines("After", 3)],
      measure,
      footer,
    );
    const pageOf = (text: string) => pages.findIndex((p) => p.texts.some((t) => t.text === text));
    expect(pageOf("Before 36")).toBe(0);
    expect(pageOf("Kept")).toBe(1);
    expect(pageOf("After 0")).toBe(1);
  });
});
