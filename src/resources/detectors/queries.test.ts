import { describe, expect, it } from "vitest";
import { detectorProblem } from "./queries";

describe("detectors", () => {
  it("is switched on only with the rule it enforces, like the database", () => {
    expect(detectorProblem({ enabled: true, regulation_id: null, grace_days: 0 })).toBe("unbound");
    expect(detectorProblem({ enabled: true, regulation_id: "r", grace_days: 0 })).toBeNull();
    expect(detectorProblem({ enabled: false, regulation_id: null, grace_days: 0 })).toBeNull();
  });

  it("waits a whole number of days from 0 to 365, like the database", () => {
    const on = { enabled: true, regulation_id: "r" };
    expect(detectorProblem({ ...on, grace_days: 365 })).toBeNull();
    expect(detectorProblem({ ...on, grace_days: 366 })).toBe("grace");
    expect(detectorProblem({ ...on, grace_days: -1 })).toBe("grace");
    expect(detectorProblem({ ...on, grace_days: 2.5 })).toBe("grace");
    expect(detectorProblem({ ...on, grace_days: null })).toBe("grace");
  });
});
