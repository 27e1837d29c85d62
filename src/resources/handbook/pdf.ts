// The handbook as a PDF file, made in the browser (no outside service): the blocks of the page on
// screen laid out on A4 and written with pdf-lib in Noto Sans SC, which draws English, Spanish
// and Chinese alike. The font comes as about a hundred slices by Unicode range (as browsers load
// it); only the slices the text needs are read, each turned back into a TrueType font and
// embedded as a subset of the characters used, so the file carries real, searchable text.
// Loaded only when someone downloads the PDF.
import fontkit from "@pdf-lib/fontkit";
import fontCss from "noto-sans-sc/noto_sans_sc_regular/css.css?raw";
import { PDFDocument, rgb, type PDFFont } from "pdf-lib";
import decompress from "woff2-encoder/decompress";
import type { Block } from "./pdfBlocks";
import { a4, layout, type Measure } from "./pdfLayout";

const sliceUrls = import.meta.glob<string>("/node_modules/noto-sans-sc/noto_sans_sc_regular/*.woff2", {
  query: "?url",
  import: "default",
  eager: true,
});

interface Slice {
  url: string;
  ranges: [number, number][];
}

/** The font's slices and the code points each draws, read from its stylesheet. */
export function parseSlices(css: string, urls: Record<string, string>): Slice[] {
  const byFile = new Map(Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf("/") + 1), url]));
  return [...css.matchAll(/url\(([^)]+)\)[^;]*;\s*unicode-range:([^;]+);/g)].flatMap((m) => {
    const url = byFile.get(m[1]!.replace(/['"]/g, ""));
    if (!url) return [];
    const ranges = m[2]!.split(",").map((r): [number, number] => {
      const [from, to] = r.trim().replace(/^U\+/i, "").split("-");
      return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
    });
    return [{ url, ranges }];
  });
}

/** Which slice draws a character (-1: none; it is written as "?"). */
function sliceFinder(slices: Slice[]): (codePoint: number) => number {
  const cache = new Map<number, number>();
  return (cp) => {
    let found = cache.get(cp);
    if (found === undefined) {
      found = slices.findIndex((s) => s.ranges.some(([a, b]) => cp >= a && cp <= b));
      cache.set(cp, found);
    }
    return found;
  };
}

export interface HandbookPdf {
  title: string;
  language: string;
  blocks: Block[];
  footer: (page: number, pages: number) => { left: string; right: string };
}

/** The PDF's bytes. */
export async function handbookPdf({ title, language, blocks, footer }: HandbookPdf): Promise<Uint8Array> {
  const slices = parseSlices(fontCss, sliceUrls);
  const sliceOf = sliceFinder(slices);
  const question = sliceOf("?".codePointAt(0)!);
  // Every character in the document, to know which slices to load.
  const texts = blocks.flatMap((b) => (b.kind === "table" ? [...b.head, ...b.rows.flat()] : [b.text]));
  const sample = footer(1, 1);
  const needed = new Set<number>([question]);
  for (const text of [title, ...texts, sample.left, sample.right, "0123456789/ "])
    for (const ch of text) {
      const s = sliceOf(ch.codePointAt(0)!);
      if (s >= 0) needed.add(s);
    }

  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setLanguage(language);
  doc.setCreator("Sales department panel");
  const fonts = new Map<number, PDFFont>();
  await Promise.all(
    [...needed].map(async (index) => {
      const response = await fetch(slices[index]!.url);
      if (!response.ok) throw new Error(`font slice ${index}: HTTP ${response.status}`);
      const ttf = await decompress(new Uint8Array(await response.arrayBuffer()));
      fonts.set(index, await doc.embedFont(ttf, { subset: true }));
    }),
  );

  /** The text in runs that one font draws each. */
  const runs = (text: string): { font: PDFFont; text: string }[] => {
    const out: { font: PDFFont; text: string }[] = [];
    let current = -2;
    for (const ch of text) {
      let s = sliceOf(ch.codePointAt(0)!);
      let c = ch;
      if (!fonts.has(s)) [s, c] = [question, "?"];
      if (s === current) out[out.length - 1]!.text += c;
      else out.push({ font: fonts.get(s)!, text: c });
      current = s;
    }
    return out;
  };
  const measure: Measure = (text, size) =>
    runs(text).reduce((width, run) => width + run.font.widthOfTextAtSize(run.text, size), 0);

  const pages = layout([{ kind: "heading", level: 1, text: title, newPage: false }, ...blocks], measure, footer);
  for (const laid of pages) {
    const page = doc.addPage([a4.width, a4.height]);
    for (const box of laid.boxes)
      page.drawRectangle({
        x: box.x,
        y: box.y,
        width: box.width,
        height: box.height,
        color: box.fill === "header" ? rgb(0.93, 0.94, 0.96) : rgb(0.75, 0.77, 0.8),
      });
    for (const item of laid.texts) {
      let x = item.x;
      for (const run of runs(item.text)) {
        page.drawText(run.text, {
          x,
          y: item.y,
          size: item.size,
          font: run.font,
          color: item.muted ? rgb(0.33, 0.35, 0.38) : rgb(0, 0, 0),
        });
        x += run.font.widthOfTextAtSize(run.text, item.size);
      }
    }
  }
  return doc.save();
}
