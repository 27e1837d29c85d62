import { describe, expect, it } from "vitest";
import { toVisitPayload } from "./queries";

describe("toVisitPayload", () => {
  it("trims text, sends null for an empty contact or next date, and nothing the database sets", () => {
    const payload = toVisitPayload({
      customer_id: "c1",
      visited_on: "2026-12-01",
      purpose: "  Review  ",
      contact_id: "",
      outcome: " Agreed ",
      next_step: "",
      next_visit_on: "",
      territory_id: "forged",
    } as never);
    expect(payload).toEqual({
      customer_id: "c1",
      visited_on: "2026-12-01",
      purpose: "Review",
      contact_id: null,
      outcome: "Agreed",
      next_step: "",
      next_visit_on: null,
    });
  });
});
