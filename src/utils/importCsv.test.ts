import { describe, expect, it } from "vitest";
import { batches, parseCsv } from "./importCsv";

describe("reading a CSV for import", () => {
  it("keeps the spreadsheet line of every row (header = line 1) and trims headers", () => {
    const { rows, problems } = parseCsv(
      '\uFEFFfull_name , email\n"Ana, María",ana@example.com\n\nLi Na,li@example.com\n',
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { _line: 2, full_name: "Ana, María", email: "ana@example.com" },
      { _line: 3, full_name: "Li Na", email: "li@example.com" },
    ]);
  });
  it("reports a malformed row", () => {
    const { problems } = parseCsv('a,b\n"unterminated,1\n');
    expect(problems.length).toBeGreaterThan(0);
  });
  it("splits rows into batches", () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
