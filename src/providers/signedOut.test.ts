import { describe, expect, it } from "vitest";
import { isSignedOutPath, returnTo } from "./signedOut";

describe("the signed-out pages", () => {
  it("are the sign-in, forgot-password and new-password addresses, with or without a trailing slash", () => {
    expect(["/login", "/login/", "/forgot-password", "/update-password"].map(isSignedOutPath)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["/", "/staff", "/login/x", "/loginx"].map(isSignedOutPath)).toEqual([false, false, false, false]);
  });

  it("return after signing in to a page of this site only, never another origin or a sign-in page", () => {
    expect(returnTo("/staff?current=2#top")).toBe("/staff?current=2#top");
    expect(returnTo(null)).toBe("/");
    for (const outside of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
      "staff",
    ])
      expect(returnTo(outside)).toBe("/");
    expect(returnTo("/login?to=/staff")).toBe("/");
  });
});
