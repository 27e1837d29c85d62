// The handbook on screen read as the blocks of a printed document: headings, paragraphs, list
// items and tables, in reading order, each chapter marked to start a new page. The PDF is laid
// out from these, so it says exactly what the page says, in the reader's language.

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3 | 4; text: string; newPage: boolean }
  | { kind: "paragraph"; text: string; indent: number; marker?: string; muted: boolean }
  | { kind: "table"; head: string[]; rows: string[][]; alignRight: boolean[] };

const blockTags = new Set([
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "DIV",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "UL",
]);

/** One line of text: runs of white space (new lines too) become one space. */
export function clean(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

function hidden(el: Element): boolean {
  return (
    el.getAttribute("aria-hidden") === "true" ||
    el.getAttribute("data-print") === "hide" ||
    el.tagName === "STYLE" ||
    el.tagName === "SCRIPT" ||
    el.tagName === "BUTTON" ||
    (el instanceof HTMLElement && el.hidden)
  );
}

/** The element's text without what its hidden parts or nested lists say. */
function ownText(el: Element, skip: (child: Element) => boolean): string {
  let text = "";
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3) text += node.textContent ?? "";
    else if (node.nodeType === 1) {
      const child = node as Element;
      if (hidden(child) || skip(child)) continue;
      text += ownText(child, skip);
      if (blockTags.has(child.tagName)) text += " ";
    }
  }
  return text;
}

function tableBlock(table: Element): Block | undefined {
  const section = (tag: string) => Array.from(table.children).filter((c) => c.tagName === tag);
  const rowsOf = (sections: Element[]) =>
    sections
      .flatMap((s) => Array.from(s.children))
      .filter((tr) => tr.tagName === "TR" && !hidden(tr) && tr.children.length > 0);
  const cellsOf = (tr: Element) => Array.from(tr.children).filter((c) => c.tagName === "TD" || c.tagName === "TH");
  const texts = (tr: Element) => cellsOf(tr).map((c) => clean(ownText(c, () => false)));
  const headRows = rowsOf(section("THEAD"));
  const bodyRows = rowsOf(section("TBODY"));
  const head = headRows[0] ? texts(headRows[0]) : [];
  const rows = bodyRows.map(texts).filter((r) => r.some((c) => c !== ""));
  const width = Math.max(head.length, ...rows.map((r) => r.length));
  if (width === 0 || rows.length === 0) return undefined;
  const model = cellsOf(bodyRows[0] ?? headRows[0]!);
  const alignRight = Array.from({ length: width }, (_, i) => {
    const cell = model[i] as HTMLElement | undefined;
    if (!cell) return false;
    const style = cell.ownerDocument.defaultView?.getComputedStyle(cell);
    return (style?.textAlign || cell.style.textAlign) === "right";
  });
  const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill("")];
  return { kind: "table", head: head.length ? pad(head) : [], rows: rows.map(pad), alignRight };
}

/**
 * The blocks of everything under `root` a reader sees, in order. A `section` with the class
 * `chapterClass` starts a page; text marked `data-print="hide"`, buttons and hidden parts are
 * left out, as in print.
 */
export function blocksFrom(root: Element, chapterClass = "handbook-chapter"): Block[] {
  const blocks: Block[] = [];
  let pageBreak = false;
  const paragraph = (text: string, indent: number, muted: boolean, marker?: string) => {
    const t = clean(text);
    if (t) blocks.push({ kind: "paragraph", text: t, indent, muted, ...(marker ? { marker } : {}) });
  };
  const muted = (el: Element) =>
    el.classList.contains("ant-typography-secondary") || el.classList.contains("handbook-muted");

  // Headings inside an article (a rule's text, written in Markdown) are no bigger than its title.
  const walk = (el: Element, indent: number, floor = 1) => {
    if (hidden(el)) return;
    if (el.tagName === "ARTICLE") floor = 4;
    if (el.classList.contains(chapterClass)) pageBreak = true;
    const tag = el.tagName;
    if (/^H[1-6]$/.test(tag)) {
      const text = clean(ownText(el, () => false));
      if (text) {
        const level = Math.min(4, Math.max(floor, Number(tag[1]))) as 1 | 2 | 3 | 4;
        blocks.push({ kind: "heading", level, text, newPage: pageBreak });
        pageBreak = false;
      }
      return;
    }
    if (tag === "TABLE") {
      const table = tableBlock(el);
      if (table) blocks.push(table);
      return;
    }
    if (tag === "UL" || tag === "OL") {
      let n = Number((el as HTMLOListElement).start || 1);
      for (const li of Array.from(el.children)) {
        if (li.tagName !== "LI" || hidden(li)) continue;
        const marker = tag === "OL" ? `${n++}.` : "•";
        const isBlock = (c: Element) => blockTags.has(c.tagName) && c.tagName !== "P" && c.tagName !== "DIV";
        paragraph(ownText(li, isBlock), indent + 1, muted(li), marker);
        for (const child of Array.from(li.children)) if (isBlock(child)) walk(child, indent + 1, floor);
      }
      return;
    }
    const children = Array.from(el.children);
    const hasBlocks = children.some(
      (c) => blockTags.has(c.tagName) || c.querySelector(Array.from(blockTags).join(",")),
    );
    if (!hasBlocks) {
      paragraph(
        ownText(el, () => false),
        indent,
        muted(el),
      );
      return;
    }
    // Mixed content: loose text between blocks is a paragraph of its own.
    let loose = "";
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === 3) loose += node.textContent ?? "";
      else if (node.nodeType === 1) {
        const child = node as Element;
        const isBlock = blockTags.has(child.tagName) || child.querySelector(Array.from(blockTags).join(","));
        if (!isBlock) {
          if (!hidden(child)) loose += ownText(child, () => false);
          continue;
        }
        paragraph(loose, indent, false);
        loose = "";
        walk(child, indent, floor);
      }
    }
    paragraph(loose, indent, false);
  };
  for (const child of Array.from(root.children)) walk(child, 0);
  return blocks;
}
