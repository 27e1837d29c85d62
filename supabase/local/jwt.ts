// HS256 JSON Web Tokens, unpadded base64url, as Supabase Auth signs them.
import { createHmac, timingSafeEqual } from "node:crypto";

export type JwtPayload = Record<string, unknown>;

function b64url(input: Buffer | string): string {
  return Buffer.from(input).toString("base64url");
}

export function signJwt(payload: JwtPayload, secret: string): string {
  const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const body = b64url(JSON.stringify(payload));
  const signature = createHmac("sha256", secret).update(`${header}.${body}`).digest("base64url");
  return `${header}.${body}.${signature}`;
}

export type VerifyResult =
  { ok: true; payload: JwtPayload } | { ok: false; reason: "malformed" | "signature" | "expired" };

/** Verifies signature and expiry. `leewaySeconds` mirrors PostgREST's clock skew allowance. */
export function verifyJwt(
  token: string,
  secret: string,
  nowSeconds = Date.now() / 1000,
  leewaySeconds = 0,
): VerifyResult {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "malformed" };
  const [header, body, signature] = parts as [string, string, string];
  let headerJson: unknown;
  let payload: unknown;
  try {
    headerJson = JSON.parse(Buffer.from(header, "base64url").toString("utf8"));
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (
    typeof headerJson !== "object" ||
    headerJson === null ||
    (headerJson as { alg?: unknown }).alg !== "HS256" ||
    typeof payload !== "object" ||
    payload === null
  ) {
    return { ok: false, reason: "malformed" };
  }
  const expected = createHmac("sha256", secret).update(`${header}.${body}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "signature" };
  }
  const exp = (payload as { exp?: unknown }).exp;
  if (typeof exp === "number" && exp + leewaySeconds < nowSeconds) return { ok: false, reason: "expired" };
  return { ok: true, payload: payload as JwtPayload };
}

/** Reads the payload without checking anything (for logs and tests only). */
export function decodeJwt(token: string): JwtPayload {
  const body = token.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as JwtPayload;
}
