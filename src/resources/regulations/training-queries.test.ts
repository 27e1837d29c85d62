import { describe, expect, it } from "vitest";
import { completedPercent } from "./training-queries";

describe("required-training coverage", () => {
  it("is completed out of concerned, as a whole percentage, and none where nobody is concerned", () => {
    expect(completedPercent({ total: 3, completed: 1 })).toBe(33);
    expect(completedPercent({ total: 8, completed: 8 })).toBe(100);
    expect(completedPercent({ total: 0, completed: 0 })).toBeNull();
  });
});
