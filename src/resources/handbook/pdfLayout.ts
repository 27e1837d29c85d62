// Lays the handbook's blocks out on A4 pages: lines wrapped to the width (between words, or
// between any two characters of Chinese), headings kept with what follows, each chapter from a
// new page, tables with their header repeated on each page they run onto, and a footer with the
// page number. Pure: the width of a text comes from the caller (the font), so it is tested
// without one.
import type { Block } from "./pdfBlocks";

/** Width in points of `text` at `size` points. */
export type Measure = (text: string, size: number) => number;

export interface TextItem {
  text: string;
  x: number;
  /** Baseline, from the page's bottom (PDF coordinates). */
  y: number;
  size: number;
  muted: boolean;
}
export interface BoxItem {
  x: number;
  y: number;
  width: number;
  height: number;
  /** A filled box (a table's header) or a hairline (under a row). */
  fill: "header" | "rule";
}
export interface LaidPage {
  texts: TextItem[];
  boxes: BoxItem[];
}

// A4 in points, with the print stylesheet's margins (18 mm by 16 mm).
export const a4 = { width: 595.28, height: 841.89, marginX: 45.35, marginTop: 51.02, marginBottom: 51.02 };
const headingSize = { 1: 20, 2: 15, 3: 12.5, 4: 11 } as const;
const bodySize = 10;
const tableSize = 9;
const leading = 1.45;
const cellPad = 4;
const indentStep = 14;

const cjk = "\u2e80-\u2fff\u3000-\u303f\u3040-\u9fff\uf900-\ufaff\uff00-\uffef";
const tokenPattern = new RegExp(`[${cjk}]|\\s+|[^\\s${cjk}]+`, "gu");

/** `text` broken into lines no wider than `width`. A word longer than a line is broken where it must. */
export function wrap(text: string, width: number, size: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = "";
  const push = () => {
    if (line.trim()) lines.push(line.trim());
    line = "";
  };
  for (const token of text.match(tokenPattern) ?? []) {
    if (/^\s+$/.test(token)) {
      if (line) line += " ";
      continue;
    }
    if (measure(line + token, size) <= width) {
      line += token;
      continue;
    }
    push();
    if (measure(token, size) <= width) {
      line = token;
      continue;
    }
    for (const ch of token) {
      if (line && measure(line + ch, size) > width) push();
      line += ch;
    }
  }
  push();
  return lines.length ? lines : [""];
}

/** Column widths for a table: each column's natural width (capped), scaled to the width available. */
function columnWidths(head: string[], rows: string[][], width: number, measure: Measure): number[] {
  const natural = head.map((_, i) =>
    Math.min(
      width * 0.6,
      Math.max(24, ...[head[i] ?? "", ...rows.map((r) => r[i] ?? "")].map((c) => measure(c, tableSize))) + 2 * cellPad,
    ),
  );
  const total = natural.reduce((a, b) => a + b, 0);
  return natural.map((w) => (w / total) * width);
}

/** The pages of the document, each with its texts and boxes, footers included. */
export function layout(
  blocks: Block[],
  measure: Measure,
  footer: (page: number, pages: number) => { left: string; right: string },
): LaidPage[] {
  const pages: LaidPage[] = [];
  const contentWidth = a4.width - 2 * a4.marginX;
  const bottom = a4.marginBottom + 18; // room for the footer
  let page: LaidPage = { texts: [], boxes: [] };
  let y = a4.height - a4.marginTop; // the top of the next line
  pages.push(page);
  const newPage = () => {
    page = { texts: [], boxes: [] };
    pages.push(page);
    y = a4.height - a4.marginTop;
  };
  const atTop = () => y === a4.height - a4.marginTop;
  const ensure = (height: number) => {
    if (y - height < bottom && !atTop()) newPage();
  };
  const textLine = (text: string, x: number, size: number, muted = false) => {
    page.texts.push({ text, x, y: y - size, size, muted });
    y -= size * leading;
  };

  blocks.forEach((block, index) => {
    if (block.kind === "heading") {
      if (block.newPage && !atTop()) newPage();
      const size = headingSize[block.level];
      const lines = wrap(block.text, contentWidth, size, measure);
      // A heading is kept with the first three lines of what follows.
      const next = blocks[index + 1];
      const after = next && next.kind !== "heading" ? 3 * bodySize * leading : 0;
      if (!atTop()) y -= size * 0.6;
      ensure(lines.length * size * leading + after);
      for (const line of lines) textLine(line, a4.marginX, size);
      y -= size * 0.2;
      return;
    }
    if (block.kind === "paragraph") {
      const x = a4.marginX + block.indent * indentStep;
      const markerWidth = block.marker ? measure(`${block.marker} `, bodySize) : 0;
      const lines = wrap(block.text, contentWidth - (x - a4.marginX) - markerWidth, bodySize, measure);
      lines.forEach((line, i) => {
        ensure(bodySize * leading);
        if (i === 0 && block.marker)
          page.texts.push({ text: block.marker, x, y: y - bodySize, size: bodySize, muted: block.muted });
        textLine(line, x + markerWidth, bodySize, block.muted);
      });
      y -= bodySize * 0.4;
      return;
    }
    const widths = columnWidths(block.head.length ? block.head : block.rows[0]!, block.rows, contentWidth, measure);
    const drawRow = (cells: string[], header: boolean) => {
      const wrapped = cells.map((c, i) => wrap(c, widths[i]! - 2 * cellPad, tableSize, measure));
      const height = Math.max(...wrapped.map((w) => w.length)) * tableSize * leading + 2 * cellPad;
      return { wrapped, height, header };
    };
    const head = block.head.length ? drawRow(block.head, true) : undefined;
    const place = (row: ReturnType<typeof drawRow>) => {
      const top = y;
      page.boxes.push(
        row.header
          ? { x: a4.marginX, y: top - row.height, width: contentWidth, height: row.height, fill: "header" }
          : { x: a4.marginX, y: top - row.height, width: contentWidth, height: 0.5, fill: "rule" },
      );
      let x = a4.marginX;
      row.wrapped.forEach((lines, i) => {
        const w = widths[i]!;
        lines.forEach((line, j) => {
          const lineY = top - cellPad - j * tableSize * leading - tableSize;
          const lineX = block.alignRight[i] ? x + w - cellPad - measure(line, tableSize) : x + cellPad;
          page.texts.push({ text: line, x: lineX, y: lineY, size: tableSize, muted: false });
        });
        x += w;
      });
      y = top - row.height;
    };
    ensure((head?.height ?? 0) + (block.rows[0] ? drawRow(block.rows[0], false).height : 0));
    if (head) place(head);
    for (const cells of block.rows) {
      const row = drawRow(cells, false);
      if (y - row.height < bottom) {
        newPage();
        if (head) place(head);
      }
      place(row);
    }
    y -= bodySize * 0.8;
  });

  pages.forEach((p, i) => {
    const { left, right } = footer(i + 1, pages.length);
    const footY = a4.marginBottom - 8;
    p.texts.push({ text: left, x: a4.marginX, y: footY, size: 8, muted: true });
    p.texts.push({ text: right, x: a4.width - a4.marginX - measure(right, 8), y: footY, size: 8, muted: true });
  });
  return pages;
}
