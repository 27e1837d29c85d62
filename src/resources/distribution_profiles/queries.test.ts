import { describe, expect, it } from "vitest";
import { percentGap, percentTotal, percentsLine } from "./queries";

describe("a profile's percentages", () => {
  it("add up to the thousandth, without binary drift", () => {
    expect(percentTotal([8.333, 8.333, 8.334, 8.333, 8.333, 8.334, 8.333, 8.333, 8.334, 8.333, 8.333, 8.334])).toBe(
      100,
    );
    expect(percentTotal(Array.from({ length: 12 }, () => 0.1))).toBe(1.2);
  });

  it("say what is left to place or how much is over", () => {
    expect(percentGap([50, 40, null, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(10);
    expect(percentGap([50, 60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(-10);
  });

  it("are shown month by month in the reader's locale", () => {
    expect(percentsLine([10.5, 9.5], "es")).toBe("10,5 · 9,5");
  });
});
