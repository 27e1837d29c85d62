import { describe, expect, it } from "vitest";
import { toActualPayload, valueProblem } from "./queries";

describe("an actual's value", () => {
  it("is required and not negative", () => {
    expect(valueProblem(null, "amount")).toBe("required");
    expect(valueProblem(-0.01, "count")).toBe("required");
    expect(valueProblem(0, "count")).toBeNull();
  });

  it("is at most 100 for a percentage, and unbounded otherwise", () => {
    expect(valueProblem(100, "percent")).toBeNull();
    expect(valueProblem(100.01, "percent")).toBe("percent");
    expect(valueProblem(100.01, "score")).toBeNull();
  });

  it("is sent with a trimmed note and nothing the database sets itself", () => {
    expect(toActualPayload({ staff_id: "s", kpi_id: "k", month: "2026-10-01", value: 7, note: "  survey " })).toEqual({
      staff_id: "s",
      kpi_id: "k",
      month: "2026-10-01",
      value: 7,
      note: "survey",
    });
  });
});
