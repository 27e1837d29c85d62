import { describe, expect, it } from "vitest";
import { lighterThanProposed, toViolationPayload } from "./queries";

describe("violations", () => {
  it("sends only what a person writes, trimmed", () => {
    expect(
      toViolationPayload({
        staff_id: "s",
        regulation_id: "r",
        occurred_on: "2026-11-03",
        severity: "major",
        description: "  Sold outside the territory ",
        evidence_note: " visit V-12 ",
      }),
    ).toEqual({
      staff_id: "s",
      regulation_id: "r",
      occurred_on: "2026-11-03",
      severity: "major",
      description: "Sold outside the territory",
      evidence_note: "visit V-12",
    });
  });

  it("asks for a reason only below the proposed level", () => {
    expect(lighterThanProposed(1, 2)).toBe(true);
    expect(lighterThanProposed(2, 2)).toBe(false);
    expect(lighterThanProposed(null, 2)).toBe(false);
    expect(lighterThanProposed(1, null)).toBe(false);
  });
});
