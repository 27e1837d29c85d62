import { describe, expect, it } from "vitest";
import { redirectAllowed, redirectTarget } from "./guards.ts";

const site = "http://127.0.0.1:5173";
const allowed = [site, "http://localhost:5173/app"];

describe("redirect targets", () => {
  it("accept the site URL and paths under it", () => {
    expect(redirectAllowed("http://127.0.0.1:5173", allowed)).toBe(true);
    expect(redirectAllowed("http://127.0.0.1:5173/update-password?x=1", allowed)).toBe(true);
  });
  it("accept an additional URL only under its own path", () => {
    expect(redirectAllowed("http://localhost:5173/app/update-password", allowed)).toBe(true);
    expect(redirectAllowed("http://localhost:5173/app", allowed)).toBe(true);
    expect(redirectAllowed("http://localhost:5173/apple", allowed)).toBe(false);
    expect(redirectAllowed("http://localhost:5173/", allowed)).toBe(false);
  });
  it("refuse user-info that hides another host", () => {
    expect(redirectAllowed("http://127.0.0.1:5173@evil.example/", allowed)).toBe(false);
    expect(redirectAllowed("http://user:pw@127.0.0.1:5173/", allowed)).toBe(false);
  });
  it("refuse look-alike hosts, other ports and other schemes", () => {
    expect(redirectAllowed("http://127.0.0.1:5173.evil.example/", allowed)).toBe(false);
    expect(redirectAllowed("http://127.0.0.1.evil.example:5173/", allowed)).toBe(false);
    expect(redirectAllowed("http://127.0.0.1:5174/", allowed)).toBe(false);
    expect(redirectAllowed("https://127.0.0.1:5173/", allowed)).toBe(false);
    expect(redirectAllowed("javascript:alert(1)//127.0.0.1:5173", allowed)).toBe(false);
    expect(redirectAllowed("//evil.example/", allowed)).toBe(false);
    expect(redirectAllowed("not a url", allowed)).toBe(false);
  });
  it("fall back to the site URL", () => {
    expect(redirectTarget("http://127.0.0.1:5173@evil.example/", site, [])).toBe(site);
    expect(redirectTarget(null, site, [])).toBe(site);
    expect(redirectTarget(`${site}/update-password`, site, [])).toBe(`${site}/update-password`);
  });
});
