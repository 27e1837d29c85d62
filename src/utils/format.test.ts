import { describe, expect, it } from "vitest";
import { formatDate, formatMoney, monthOf } from "./format";

describe("format", () => {
  it("shows a calendar day without shifting it across time zones", () => {
    expect(formatDate("2026-03-01", "en-GB")).toBe("01/03/2026");
    expect(formatDate(null, "en")).toBe("—");
  });

  it("shows money with exactly two decimals in the reader's grouping", () => {
    expect(formatMoney(1000, "en")).toBe("1,000.00");
    expect(formatMoney("99999.99", "es")).toBe("99.999,99");
    expect(formatMoney(0.5, "zh-CN")).toBe("0.50");
    expect(formatMoney(null, "en")).toBe("—");
  });

  it("takes the month of a day", () => {
    expect(monthOf("2026-12-31")).toBe("2026-12-01");
  });
});
