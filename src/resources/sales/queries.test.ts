import { describe, expect, it } from "vitest";
import { creditTotal, saleCollected, toSalePayload } from "./queries";

describe("sales helpers", () => {
  it("adds shares in hundredths, so 33.33 + 66.67 is exactly 100", () => {
    expect(
      creditTotal([
        { staff_id: "a", share_percent: 33.33 },
        { staff_id: "b", share_percent: 66.67 },
      ]),
    ).toBe(100);
    expect(
      creditTotal([
        { staff_id: "a", share_percent: 0.1 },
        { staff_id: "b", share_percent: 0.2 },
      ]),
    ).toBe(0.3);
  });

  it("adds payments to the cent", () => {
    expect(saleCollected({ payments: [{ amount: 0.1 }, { amount: 0.2 }] })).toBe(0.3);
    expect(saleCollected({ payments: [] })).toBe(0);
  });

  it("drops who granted a discount when there is none, and sends no server-set column", () => {
    const payload = toSalePayload({
      sale_date: "2026-11-02",
      customer_id: "c",
      product_line_id: "p",
      amount: "120.50" as unknown as number,
      discount_percent: 0,
      discount_granted_by: "someone",
      external_id: "  ",
      territory_id: "forged",
    } as never);
    expect(payload).toEqual({
      sale_date: "2026-11-02",
      customer_id: "c",
      product_line_id: "p",
      quantity: 1,
      amount: 120.5,
      cost: 0,
      discount_percent: 0,
      discount_granted_by: null,
      external_id: null,
    });
  });
});
