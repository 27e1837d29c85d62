// Opens a PDF with PDF.js (Firefox's reader, run in Node) and returns what a reader gets from
// it: its page count, its title and language, and each page's text.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfContent {
  pages: string[];
  title: string | undefined;
  language: string | undefined;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
    }
    const { info } = (await doc.getMetadata()) as { info: { Title?: string; Language?: string } };
    return { pages, title: info.Title, language: info.Language };
  } finally {
    await doc.destroy();
  }
}

/** Text with every space and line break removed: how the tests compare what a PDF says. */
export const compact = (text: string) => text.replace(/\s+/g, "");
