import { describe, expect, it } from "vitest";
import { lighterThanProposed, liveOn, toViolationPayload } from "./queries";

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

  it("counts an earlier violation as a repeat from its day until the day before it stops being live", () => {
    const earlier = { status: "confirmed" as const, occurred_on: "2026-01-10", live_until: "2027-01-10" };
    expect(liveOn(earlier, "2026-01-10")).toBe(true);
    expect(liveOn(earlier, "2027-01-09")).toBe(true);
    expect(liveOn(earlier, "2027-01-10")).toBe(false);
    expect(liveOn(earlier, "2026-01-09")).toBe(false);
    expect(liveOn({ ...earlier, status: "dismissed" }, "2026-06-01")).toBe(false);
    expect(liveOn({ ...earlier, status: "closed" }, "2026-06-01")).toBe(true);
  });
});
