import { describe, expect, it } from "vitest";
import { darkTheme, lightTheme, themeFor } from "./colorMode";

describe("themeFor", () => {
  it("keeps each mode's theme as it is when motion is welcome", () => {
    expect(themeFor("light", false)).toBe(lightTheme);
    expect(themeFor("dark", false)).toBe(darkTheme);
  });

  it("turns motion off for someone who asked for less, keeping the mode's colours", () => {
    const dark = themeFor("dark", true);
    expect(dark.token?.motion).toBe(false);
    expect(dark.token?.colorLink).toBe(darkTheme.token?.colorLink);
    expect(dark.algorithm).toBe(darkTheme.algorithm);
    expect(themeFor("light", true).token?.colorPrimary).toBe(lightTheme.token?.colorPrimary);
    expect(lightTheme.token?.motion).toBeUndefined();
  });
});
