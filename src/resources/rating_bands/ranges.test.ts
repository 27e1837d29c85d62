import { describe, expect, it } from "vitest";
import { bandRanges } from "./ranges";

describe("bandRanges", () => {
  it("runs each band up to the next one's lower bound, the highest with no end, whatever the order given", () => {
    const ranges = bandRanges([
      { id: "good", lower_bound: 90 },
      { id: "low", lower_bound: 0 },
      { id: "top", lower_bound: 110 },
    ]);
    expect(ranges.get("low")).toEqual({ lower: 0, upper: 90 });
    expect(ranges.get("good")).toEqual({ lower: 90, upper: 110 });
    expect(ranges.get("top")).toEqual({ lower: 110, upper: null });
  });

  it("is empty without bands", () => {
    expect(bandRanges([]).size).toBe(0);
  });
});
