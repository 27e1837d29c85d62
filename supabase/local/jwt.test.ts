import { describe, expect, it } from "vitest";
import { decodeJwt, signJwt, verifyJwt } from "./jwt.ts";

describe("HS256 tokens", () => {
  const secret = "super-secret-jwt-token-with-at-least-32-characters-long";
  it("reproduce the Supabase CLI's well-known local anon key", () => {
    expect(signJwt({ iss: "supabase-demo", role: "anon", exp: 1983812996 }, secret)).toBe(
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0",
    );
  });
  it("are unpadded base64url and round-trip", () => {
    const token = signJwt({ sub: "x", exp: 4_000_000_000 }, secret);
    expect(token).not.toMatch(/[=+/]/);
    expect(verifyJwt(token, secret)).toEqual({ ok: true, payload: { sub: "x", exp: 4_000_000_000 } });
    expect(decodeJwt(token).sub).toBe("x");
  });
  it("are refused with another secret, when expired, or when malformed", () => {
    const token = signJwt({ exp: 100 }, secret);
    expect(verifyJwt(token, "another-secret-another-secret-another")).toEqual({ ok: false, reason: "signature" });
    expect(verifyJwt(token, secret, 200)).toEqual({ ok: false, reason: "expired" });
    expect(verifyJwt("a.b", secret)).toEqual({ ok: false, reason: "malformed" });
  });
});
