import { describe, expect, it } from "vitest";
import { annualTargetPayload } from "./queries";

describe("an annual target's payload", () => {
  it("sends only what a person writes, as numbers", () => {
    const forged = {
      kpi_id: "k",
      staff_id: "s",
      year: "2027" as unknown as number,
      amount: "1200.50" as unknown as number,
      distribution_id: "d",
      territory_id: "forged",
      set_by: "forged",
    };
    expect(annualTargetPayload(forged)).toEqual({
      kpi_id: "k",
      staff_id: "s",
      year: 2027,
      amount: 1200.5,
      distribution_id: "d",
    });
  });

  it("keeps the version read with the record, so a stale save is refused", () => {
    expect(
      annualTargetPayload({ kpi_id: "k", staff_id: "s", year: 2027, amount: 1, distribution_id: "d", version: 3 })
        .version,
    ).toBe(3);
  });
});
