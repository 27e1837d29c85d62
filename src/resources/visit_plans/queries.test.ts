import { describe, expect, it } from "vitest";
import { pivotPlanVsDone } from "./queries";

describe("pivotPlanVsDone", () => {
  it("makes one row per person with every month, keeping zeros", () => {
    const row = (month: string, staff_id: string, full_name: string, planned: number, done: number) => ({
      month,
      staff_id,
      full_name,
      territory_id: "t",
      planned,
      done,
    });
    const { months, people } = pivotPlanVsDone([
      row("2026-11-01", "b", "Zhou", 2, 1),
      row("2026-10-01", "b", "Zhou", 0, 0),
      row("2026-10-01", "a", "Ana", 3, 4),
      row("2026-11-01", "a", "Ana", 0, 0),
    ]);
    expect(months).toEqual(["2026-10-01", "2026-11-01"]);
    expect(people.map((p) => p.full_name)).toEqual(["Ana", "Zhou"]);
    expect(people[1]!.months).toEqual({ "2026-10-01": { planned: 0, done: 0 }, "2026-11-01": { planned: 2, done: 1 } });
  });
});
