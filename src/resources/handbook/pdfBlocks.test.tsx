import { describe, expect, it } from "vitest";
import { blocksFrom } from "./pdfBlocks";

function dom(html: string): HTMLElement {
  const root = document.createElement("div");
  root.innerHTML = html;
  return root;
}

describe("the handbook read as blocks for the PDF", () => {
  it("reads headings, paragraphs, numbered and nested lists in order; each chapter starts a page", () => {
    const root = dom(`
      <p><strong>As in force on 1 Dec 2026</strong></p>
      <nav><h2>Contents</h2><ol><li><a href="#a">Purpose</a></li><li><a href="#b">Organisation</a></li></ol></nav>
      <section class="handbook-chapter"><h2>1. Purpose</h2><p>Why   we
        have rules.</p></section>
      <section class="handbook-chapter"><h2>2. Organisation</h2>
        <ul><li>Director (headcount 1)<ul><li>Manager (headcount 3)</li></ul></li></ul>
        <p class="ant-typography ant-typography-secondary">No responsibilities written yet.</p>
      </section>`);
    expect(blocksFrom(root)).toEqual([
      { kind: "paragraph", text: "As in force on 1 Dec 2026", indent: 0, muted: false },
      { kind: "heading", level: 2, text: "Contents", newPage: false },
      { kind: "paragraph", text: "Purpose", indent: 1, muted: false, marker: "1." },
      { kind: "paragraph", text: "Organisation", indent: 1, muted: false, marker: "2." },
      { kind: "heading", level: 2, text: "1. Purpose", newPage: true },
      { kind: "paragraph", text: "Why we have rules.", indent: 0, muted: false },
      { kind: "heading", level: 2, text: "2. Organisation", newPage: true },
      { kind: "paragraph", text: "Director (headcount 1)", indent: 1, muted: false, marker: "•" },
      { kind: "paragraph", text: "Manager (headcount 3)", indent: 2, muted: false, marker: "•" },
      { kind: "paragraph", text: "No responsibilities written yet.", indent: 0, muted: true },
    ]);
  });

  it("reads a table's header and rows, leaving out hidden measuring rows, and knows right-aligned columns", () => {
    const root = dom(`
      <table>
        <thead><tr><th>Tier</th><th style="text-align: right">Visit every (days)</th></tr></thead>
        <tbody>
          <tr aria-hidden="true"><td></td><td></td></tr>
          <tr><td>A</td><td style="text-align: right">7</td></tr>
          <tr><td>B</td><td style="text-align: right">14</td></tr>
        </tbody>
      </table>`);
    expect(blocksFrom(root)).toEqual([
      {
        kind: "table",
        head: ["Tier", "Visit every (days)"],
        rows: [
          ["A", "7"],
          ["B", "14"],
        ],
        alignRight: [false, true],
      },
    ]);
  });

  it("leaves out what print hides (controls, buttons, hidden parts) and keeps a rule's headings under its title", () => {
    const root = dom(`
      <div data-print="hide"><label>In force on</label><input /></div>
      <section class="handbook-chapter"><h2>4. Rules</h2>
        <article><h4>ATT-01 Punctuality</h4><h2>Purpose</h2><p>Be on time.</p><button>Edit</button></article>
        <span aria-hidden="true">decoration</span>
      </section>`);
    const blocks = blocksFrom(root);
    expect(blocks.map((b) => (b.kind === "table" ? "table" : b.text))).toEqual([
      "4. Rules",
      "ATT-01 Punctuality",
      "Purpose",
      "Be on time.",
    ]);
    // A heading in a rule's own text is no bigger than the rule's title.
    expect(blocks[2]).toMatchObject({ kind: "heading", level: 4 });
  });
});
