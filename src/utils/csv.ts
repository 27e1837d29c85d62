// CSV export safety: a cell that starts with = + - @ or a tab/carriage return would be
// read as a formula by spreadsheet programs; prefix it with an apostrophe.
import Papa from "papaparse";
import { saveFile } from "./download";

const formulaStart = /^[=+\-@\t\r]/;

export function neutralizeCell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return formulaStart.test(text) ? `'${text}` : text;
}

/** Applies neutralizeCell to every field of a flat record. */
export function neutralizeRecord(record: Record<string, unknown>): Record<string, string | number | boolean | null> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, neutralizeCell(value)]));
}

/** Hands the browser a CSV file to save. */
export function saveCsv(filename: string, csv: string): void {
  saveFile(filename, new Blob([csv], { type: "text/csv;charset=utf-8" }));
}

/** Rows (already neutralised) as a CSV download with a byte-order mark, so spreadsheets read UTF-8. */
export function saveRows(filename: string, rows: Record<string, unknown>[]): void {
  saveCsv(filename, `\uFEFF${Papa.unparse(rows)}`);
}
