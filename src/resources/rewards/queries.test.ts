import { describe, expect, it } from "vitest";
import { amountProblem, toRewardPayload } from "./queries";

describe("a reward's amount", () => {
  it("is required above 0 for a bonus only", () => {
    expect(amountProblem("bonus", null)).toBe(true);
    expect(amountProblem("bonus", 0)).toBe(true);
    expect(amountProblem("bonus", 150)).toBe(false);
    expect(amountProblem("praise", null)).toBe(false);
  });

  it("is dropped for anything but a bonus, and the reason is trimmed", () => {
    expect(
      toRewardPayload({ staff_id: "s", kind: "praise", amount: 50, reason: " Top seller ", awarded_on: "2026-11-30" }),
    ).toEqual({ staff_id: "s", kind: "praise", amount: null, reason: "Top seller", awarded_on: "2026-11-30" });
  });
});
