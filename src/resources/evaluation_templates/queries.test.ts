import { describe, expect, it } from "vitest";
import { lineProblem, linesOf, weightTotal } from "./queries";

const line = (kpi_id: string, weight: number, floor_percent: number | null = null) => ({
  kpi_id,
  weight,
  cap_percent: 120,
  floor_percent,
});

describe("template lines", () => {
  it("adds weights exactly (no float drift: 33.33 + 33.33 + 33.34 is 100)", () => {
    expect(weightTotal([line("a", 33.33), line("b", 33.33), line("c", 33.34)])).toBe(100);
    expect(weightTotal([line("a", 0.1), line("b", 0.2)])).toBe(0.3);
  });

  it("names what keeps a draft from being saved", () => {
    expect(lineProblem([line("a", 60), line("", 40)])).toBe("evaluation_templates.errors.kpiMissing");
    expect(lineProblem([line("a", 60), line("a", 40)])).toBe("evaluation_templates.errors.kpiTwice");
    expect(lineProblem([line("a", 60, 100), line("b", 40)])).toBe("evaluation_templates.errors.floor");
    expect(lineProblem([line("a", 60), line("b", 30)])).toBe("evaluation_templates.errors.weights");
    expect(lineProblem([line("a", 60, 50), line("b", 40)])).toBeNull();
    expect(lineProblem([])).toBeNull();
  });

  it("reads stored lines in their order, as numbers", () => {
    expect(
      linesOf({
        lines: [
          { id: "2", kpi_id: "b", weight: 40, cap_percent: 110, floor_percent: null, sort_order: 20 },
          { id: "1", kpi_id: "a", weight: 60, cap_percent: 120, floor_percent: 50, sort_order: 10 },
        ],
      }),
    ).toEqual([
      { kpi_id: "a", weight: 60, cap_percent: 120, floor_percent: 50 },
      { kpi_id: "b", weight: 40, cap_percent: 110, floor_percent: null },
    ]);
  });
});
