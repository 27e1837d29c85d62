import { describe, expect, it } from "vitest";
import { detectorProblem } from "./queries";

describe("detectors", () => {
  it("is switched on only with the rule it enforces, like the database", () => {
    expect(detectorProblem({ enabled: true, regulation_id: null })).toBe("unbound");
    expect(detectorProblem({ enabled: true, regulation_id: "r" })).toBeNull();
    expect(detectorProblem({ enabled: false, regulation_id: null })).toBeNull();
  });
});
