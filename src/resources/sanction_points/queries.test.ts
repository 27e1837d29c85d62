import { describe, expect, it } from "vitest";
import { pointsProblem, sanctionOrder } from "./queries";

describe("sanction points", () => {
  it("are whole numbers from 0 to 1,000, like the database", () => {
    expect(pointsProblem(0)).toBeNull();
    expect(pointsProblem(1000)).toBeNull();
    expect(pointsProblem(1001)).toBe("points");
    expect(pointsProblem(-1)).toBe("points");
    expect(pointsProblem(1.5)).toBe("points");
    expect(pointsProblem(null)).toBe("points");
  });

  it("lists every sanction kind once, lightest first", () => {
    expect(new Set(sanctionOrder).size).toBe(6);
    expect(sanctionOrder[0]).toBe("verbal_warning");
    expect(sanctionOrder.at(-1)).toBe("dismissal");
  });
});
