import { describe, expect, it } from "vitest";
import {
  cardBackground,
  chartPalette,
  contrastRatio,
  csvRecords,
  overallCoverage,
  periodDays,
  toPoints,
  violationsByMonth,
  type AcknowledgementRow,
  type ViolationRow,
} from "./queries";

describe("dashboard shaping", () => {
  it("gives the first and last day of the chosen months, leap years included", () => {
    expect(periodDays({ year: 2024, fromMonth: 2, toMonth: 2 })).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(periodDays({ year: 2026, fromMonth: 1, toMonth: 12 })).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });

  it("makes chart points one per row and measure, skipping empty values", () => {
    const rows = [
      { m: "Jan", target: 10, goal: null },
      { m: "Feb", target: 20, goal: 25 },
    ];
    expect(
      toPoints(rows, (r) => r.m, [
        { label: "Target", value: (r) => r.target },
        { label: "Goal", value: (r) => r.goal },
      ]),
    ).toEqual([
      { x: "Jan", series: "Target", value: 10 },
      { x: "Feb", series: "Target", value: 20 },
      { x: "Feb", series: "Goal", value: 25 },
    ]);
  });

  it("writes a card's CSV with its column titles and neutralised formulas", () => {
    const records = csvRecords(
      [{ name: "=HYPERLINK()", n: 3 }],
      [
        { key: "name", title: "Territory", value: (r) => r.name },
        { key: "n", title: "Count", value: (r) => r.n },
      ],
    );
    expect(records).toEqual([{ Territory: "'=HYPERLINK()", Count: 3 }]);
  });

  it("lays violations out one row per month with a count per rule", () => {
    const row = (month: string, code: string, violations: number) =>
      ({ month, code, violations, regulation_id: code, title_en: code, title_es: "", title_zh: "" }) as ViolationRow;
    expect(
      violationsByMonth([row("2026-02-01", "A", 1), row("2026-01-01", "B", 2), row("2026-01-01", "A", 3)]),
    ).toEqual([
      { month: "2026-01", counts: { B: 2, A: 3 } },
      { month: "2026-02", counts: { A: 1 } },
    ]);
  });

  it("sums acknowledgement coverage over every rule, none when no rule applies", () => {
    const row = (applicable: number, acknowledged: number) => ({ applicable, acknowledged }) as AcknowledgementRow;
    expect(overallCoverage([row(3, 1), row(1, 1)])).toBe(50);
    expect(overallCoverage([row(0, 0)])).toBeNull();
  });

  it("draws with colours of at least 3:1 against the card in light and dark", () => {
    for (const mode of ["light", "dark"] as const) {
      for (const colour of chartPalette[mode]) {
        expect(contrastRatio(colour, cardBackground[mode]), `${mode} ${colour}`).toBeGreaterThanOrEqual(3);
      }
    }
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
  });
});
