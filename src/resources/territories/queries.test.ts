import { describe, expect, it } from "vitest";
import { levelKey, levelOfDepth } from "./queries";

describe("territory levels", () => {
  it("names each depth, region first, and keeps anything deeper than five a district", () => {
    expect([1, 2, 3, 4, 5, 6].map(levelOfDepth)).toEqual([
      "region",
      "subregion",
      "area",
      "zone",
      "district",
      "district",
    ]);
  });
  it("reads the depth from a path the same way (the tree sends the depth, record pages the path)", () => {
    expect(levelKey("a")).toBe(levelOfDepth(1));
    expect(levelKey("a.b.c")).toBe(levelOfDepth(3));
  });
});
