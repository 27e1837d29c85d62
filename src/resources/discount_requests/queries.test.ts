import { describe, expect, it } from "vitest";
import { discountAmount, toDiscountRequestPayload, withinAuthority } from "./queries";

describe("discount requests", () => {
  it("sends only what the requester writes, trimmed", () => {
    expect(
      toDiscountRequestPayload({ customer_id: "c", list_price: 1200, discount_percent: 7.5, reason: "  Competitor  " }),
    ).toEqual({ customer_id: "c", list_price: 1200, discount_percent: 7.5, reason: "Competitor" });
  });

  it("works out the amount off the list price to the cent", () => {
    expect(discountAmount(1234.56, 7.5)).toBe(92.59);
    expect(discountAmount(10000, 20)).toBe(2000);
  });

  it("lets someone approve up to their authority and no further, like the database", () => {
    expect(withinAuthority(15, 15)).toBe(true);
    expect(withinAuthority(15, 15.01)).toBe(false);
    expect(withinAuthority(0, 1)).toBe(false);
    expect(withinAuthority(undefined, 1)).toBe(false);
  });
});
