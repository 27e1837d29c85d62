// Request and response helpers for the auth service: JSON bodies, Supabase Auth's error
// shape (with the X-Supabase-Api-Version header auth-js needs to read `error.code`).
import type { IncomingMessage, ServerResponse } from "node:http";

export const API_VERSION = "2024-01-01";

/** An error answered in Supabase Auth's JSON shape. */
export class AuthError extends Error {
  status: number;
  code: string;
  extra: Record<string, unknown>;
  constructor(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}

export const MAX_BODY_BYTES = 1_000_000;

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new AuthError(413, "request_too_large", "Request body too large");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new AuthError(400, "bad_json", "Could not parse request body as JSON: expected an object");
    }
    return parsed as Record<string, unknown>;
  } catch (error) {
    if (error instanceof AuthError) throw error;
    throw new AuthError(400, "bad_json", `Could not parse request body as JSON: ${(error as Error).message}`);
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(text);
}

export function sendNoContent(res: ServerResponse): void {
  res.writeHead(204);
  res.end();
}

export function sendRedirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { Location: location });
  res.end();
}

/** The body GoTrue sends for API version 2024-01-01, plus the legacy fields (harmless, and they survive a missing CORS expose). */
export function sendError(res: ServerResponse, error: AuthError, req: IncomingMessage): void {
  const versioned = (req.headers["x-supabase-api-version"] ?? "") >= API_VERSION;
  const body = versioned
    ? { code: error.code, message: error.message, error_code: error.code, msg: error.message, ...error.extra }
    : { code: error.status, error_code: error.code, msg: error.message, ...error.extra };
  sendJson(res, error.status, body, {
    ...(versioned ? { "X-Supabase-Api-Version": API_VERSION } : {}),
    "x-sb-error-code": error.code,
  });
}

export function str(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === "string" ? value : undefined;
}

export function obj(body: Record<string, unknown>, key: string): Record<string, unknown> | null | undefined {
  const value = body[key];
  if (value === null) return null;
  return typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Shallow merge where `null` deletes a key, as GoTrue merges metadata. */
export function mergeMetadata(
  current: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const next = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === "string" && uuidPattern.test(value);

// An address mail can be sent to: dot-atom local part, host name labels, a letter TLD.
const emailPattern =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
export const isEmail = (value: unknown): value is string =>
  typeof value === "string" && value.length <= 255 && emailPattern.test(value);
