import { describe, expect, it } from "vitest";
import { pivotPlanVsDone } from "./queries";

describe("pivotPlanVsDone", () => {
  it("makes one line per person, or per territory added up, with every month, keeping zeros", () => {
    const row = (month: string, staff_id: string, full_name: string, planned: number, done: number) => ({
      month,
      staff_id,
      full_name,
      territory_id: "t",
      planned,
      done,
    });
    const rows = [
      row("2026-11-01", "b", "Zhou", 2, 1),
      row("2026-10-01", "b", "Zhou", 0, 0),
      row("2026-10-01", "a", "Ana", 3, 4),
      row("2026-11-01", "a", "Ana", 0, 0),
    ];
    const { months, lines } = pivotPlanVsDone(rows);
    expect(months).toEqual(["2026-10-01", "2026-11-01"]);
    expect(lines.map((p) => p.label)).toEqual(["Ana", "Zhou"]);
    expect(lines[1]!.months).toEqual({ "2026-10-01": { planned: 0, done: 0 }, "2026-11-01": { planned: 2, done: 1 } });
    const byTerritory = pivotPlanVsDone(rows, "territory", (id) => `T-${id}`);
    expect(byTerritory.lines).toEqual([
      {
        key: "t",
        label: "T-t",
        months: { "2026-10-01": { planned: 3, done: 4 }, "2026-11-01": { planned: 2, done: 1 } },
      },
    ]);
  });
});
