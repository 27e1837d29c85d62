// Reading a CSV file for import: header row -> objects, each with its file line number.
import Papa from "papaparse";

export interface ImportRow {
  _line: number;
  [column: string]: string | number;
}

export interface ImportProblem {
  line: number;
  column: string;
  code: string;
  message: string;
}

export interface ImportResult {
  ok: boolean;
  rows: number;
  inserted: number;
  errors: ImportProblem[];
  dry_run: boolean;
}

export function parseCsv(text: string): { rows: ImportRow[]; problems: ImportProblem[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
  });
  const problems: ImportProblem[] = parsed.errors.map((e) => ({
    line: (e.row ?? 0) + 2,
    column: "",
    code: "csv_syntax",
    message: e.message,
  }));
  // Line numbers as a spreadsheet shows them: the header is line 1.
  const rows = parsed.data.map((row, index) => ({ ...row, _line: index + 2 }) as ImportRow);
  return { rows, problems };
}

/** Splits rows into batches (for checking with progress). */
export function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A CSV file with just the header row, as a template to fill in. */
export function templateCsv(headers: string[]): string {
  return `${headers.join(",")}\n`;
}
