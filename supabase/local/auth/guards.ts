// Input and origin checks of the auth service: the client's address (set by the gateway),
// credentials free of control characters, and redirect targets allowed by parsed origin.
import type { IncomingMessage } from "node:http";
import { AuthError } from "./http.ts";

/** The caller's address: the gateway's X-Forwarded-For (its last hop), else the socket's. */
export function clientAddress(req: IncomingMessage): string {
  const forwarded = req.headers["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded.at(-1) : forwarded;
  const last = value?.split(",").at(-1)?.trim();
  return (last || req.socket.remoteAddress || "unknown").replace(/^::ffff:/, "");
}

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/;

/** 400 for a credential holding control characters (Postgres cannot even store a NUL). */
export function refuseControlCharacters(fields: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && controlCharacters.test(value)) {
      throw new AuthError(400, "validation_failed", `The ${name} contains control characters.`);
    }
  }
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * Whether `requested` may be redirected to: same scheme, host and port as one of the allowed
 * URLs, its path under that URL's path, and no user-info (`http://good@evil/`).
 */
export function redirectAllowed(requested: string, allowed: string[]): boolean {
  const target = parse(requested);
  if (!target || target.username || target.password) return false;
  if (target.protocol !== "http:" && target.protocol !== "https:") return false;
  return allowed.some((entry) => {
    const base = parse(entry);
    if (!base) return false;
    const prefix = base.pathname.endsWith("/") ? base.pathname : `${base.pathname}/`;
    const pathOk = base.pathname === "/" || target.pathname === base.pathname || target.pathname.startsWith(prefix);
    return base.protocol === target.protocol && base.host === target.host && pathOk;
  });
}

/** The requested redirect when allowed, else the site URL. */
export function redirectTarget(requested: string | null | undefined, siteUrl: string, additional: string[]): string {
  return requested && redirectAllowed(requested, [siteUrl, ...additional]) ? requested : siteUrl;
}
