import { describe, expect, it } from "vitest";
import { summaryDefaults, toSummaryPayload, type SummaryRow } from "./queries";

describe("a summary's payload", () => {
  it("sends the person, period and trimmed sections when new, and keeps annual sections to a year", () => {
    const v = { ...summaryDefaults("month", "2026-11-01"), staff_id: "s1", results: "  Good  ", gaps: "Slow" };
    expect(toSummaryPayload(v)).toMatchObject({
      staff_id: "s1",
      period: "month",
      period_start: "2026-11-01",
      results: "Good",
      gaps: "",
    });
    const year = { ...summaryDefaults("year", "2026-01-01"), gaps: " Collection " };
    expect(toSummaryPayload(year).gaps).toBe("Collection");
  });

  it("sends only the sections of a stored summary, by its own period", () => {
    const stored = { period: "year" } as SummaryRow;
    const payload = toSummaryPayload({ ...summaryDefaults("month", "2026-01-01"), gaps: "Slow" }, stored);
    expect(payload).not.toHaveProperty("staff_id");
    expect(payload).not.toHaveProperty("period_start");
    expect(payload.gaps).toBe("Slow");
  });
});
