import { describe, expect, it } from "vitest";
import { meets, performanceLines, type PerformanceMonth } from "./queries";

// The function returns nulls where a month has no target or actual (the generated types do
// not say so for a table function).
const rows = (
  list: {
    kpi_id: string;
    month: number;
    target: number | null;
    actual: number | null;
    source: string | null;
    goal?: number | null;
  }[],
) => list as unknown as PerformanceMonth[];

describe("my performance", () => {
  it("lays the months out one line per KPI, an absent month empty", () => {
    const lines = performanceLines(
      rows([
        { kpi_id: "k", month: 1, target: 100, actual: 90, source: "computed", goal: 110 },
        { kpi_id: "k", month: 3, target: 100, actual: null, source: null },
        { kpi_id: "j", month: 12, target: null, actual: 4, source: "live" },
      ]),
    );
    expect(lines.map((l) => l.kpiId)).toEqual(["k", "j"]);
    expect(lines[0]!.months[0]).toEqual({ target: 100, actual: 90, goal: 110, live: false });
    expect(lines[0]!.months[1]).toEqual({ target: null, actual: null, goal: null, live: false });
    expect(lines[1]!.months[11]).toEqual({ target: null, actual: 4, goal: null, live: true });
  });

  it("meets a target by the KPI's direction", () => {
    expect(meets({ target: 100, actual: 100 }, "higher_is_better")).toBe(true);
    expect(meets({ target: 100, actual: 99 }, "higher_is_better")).toBe(false);
    expect(meets({ target: 2, actual: 3 }, "lower_is_better")).toBe(false);
    expect(meets({ target: 2, actual: null }, "lower_is_better")).toBeNull();
  });
});
