import { describe, expect, it } from "vitest";
import { periodEnd, periodLabel, periodStart, previousPeriod } from "./period";

describe("report periods", () => {
  it("start on a Monday, the 1st or 1 January", () => {
    expect(periodStart("week", "2026-12-03")).toBe("2026-11-30");
    expect(periodStart("week", "2026-11-30")).toBe("2026-11-30");
    expect(periodStart("week", "2026-12-06")).toBe("2026-11-30");
    expect(periodStart("month", "2026-12-03")).toBe("2026-12-01");
    expect(periodStart("year", "2026-12-03")).toBe("2026-01-01");
  });

  it("end on the Sunday, the month's last day or 31 December, leap years included", () => {
    expect(periodEnd("week", "2026-11-30")).toBe("2026-12-06");
    expect(periodEnd("month", "2028-02-01")).toBe("2028-02-29");
    expect(periodEnd("month", "2026-12-01")).toBe("2026-12-31");
    expect(periodEnd("year", "2026-01-01")).toBe("2026-12-31");
  });

  it("step back one period, across a year's turn", () => {
    expect(previousPeriod("week", "2026-01-02")).toBe("2025-12-22");
    expect(previousPeriod("month", "2026-01-15")).toBe("2025-12-01");
    expect(previousPeriod("year", "2026-06-01")).toBe("2025-01-01");
  });

  it("are named in the reader's language", () => {
    expect(periodLabel("year", "2026-01-01", "en", (d) => d)).toBe("2026");
    expect(periodLabel("month", "2026-03-01", "en", (d) => d)).toBe("March 2026");
    expect(periodLabel("week", "2026-03-02", "en", (d) => `week of ${d}`)).toBe("week of March 2, 2026");
  });
});
