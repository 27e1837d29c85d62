// What every route group shares: the settings (with GoTrue's defaults), the failure counters,
// a transaction helper, token issuing and the checks on who is calling.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import pg from "pg";
import { signJwt, verifyJwt, type JwtPayload } from "../jwt.ts";
import { AuthError, isUuid } from "./http.ts";
import { clientAddress, redirectTarget as allowedRedirect } from "./guards.ts";
import { FailedSignIns } from "./rate-limit.ts";
import * as store from "./store.ts";

export interface AuthSettings {
  jwtSecret: string;
  /** Gateway URL; the issuer is `${apiUrl}/auth/v1`. */
  apiUrl: string;
  /** Where recovery links land by default, and the allowed redirect prefix. */
  siteUrl: string;
  additionalRedirectUrls?: string[];
  jwtExpSeconds?: number;
  minPasswordLength?: number;
  refreshTokenReuseIntervalSeconds?: number;
  otpExpSeconds?: number;
  emailMaxFrequencySeconds?: number;
  /** config.toml [auth.rate_limit]: failed sign-ins per client address, and failed verifications per address and per e-mail, per 5 minutes. */
  signInsPerAddress?: number;
  tokenVerifications?: number;
  /** Receives password-reset links (locally: printed, never mailed). */
  mailer?: (message: { to: string; kind: "recovery"; link: string }) => void;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

function iso(date: Date | null | undefined): string | undefined {
  return date ? date.toISOString() : undefined;
}

/** The User object in GoTrue's field order; null timestamps are omitted. */
export function serializeUser(user: store.UserRow): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: user.id,
    aud: user.aud ?? "authenticated",
    role: user.role ?? "",
    email: user.email ?? "",
    email_confirmed_at: iso(user.email_confirmed_at),
    invited_at: iso(user.invited_at),
    phone: user.phone ?? "",
    phone_confirmed_at: iso(user.phone_confirmed_at),
    confirmation_sent_at: iso(user.confirmation_sent_at),
    confirmed_at: iso(user.confirmed_at),
    recovery_sent_at: iso(user.recovery_sent_at),
    last_sign_in_at: iso(user.last_sign_in_at),
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    identities: user.identities ?? [],
    created_at: iso(user.created_at),
    updated_at: iso(user.updated_at),
    banned_until: iso(user.banned_until),
    deleted_at: iso(user.deleted_at),
    is_anonymous: user.is_anonymous,
  };
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

export const isBanned = (user: store.UserRow) => user.banned_until !== null && user.banned_until.getTime() > Date.now();

/** Parses a Go duration such as "24h", "876000h", "1h30m", "90s". */
export function parseGoDuration(value: string): number | undefined {
  const pattern = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let consumed = 0;
  for (const match of value.matchAll(pattern)) {
    total += Number(match[1]) * units[match[2]!]!;
    consumed += match[0].length;
  }
  return consumed === value.length && consumed > 0 ? total : undefined;
}

export type AuthContext = ReturnType<typeof authContext>;

export function authContext(db: pg.Pool, settings: AuthSettings) {
  const jwtExp = settings.jwtExpSeconds ?? 3600;
  const minLength = settings.minPasswordLength ?? 6;
  const reuseInterval = settings.refreshTokenReuseIntervalSeconds ?? 10;
  const otpExp = settings.otpExpSeconds ?? 3600;
  const emailFrequency = settings.emailMaxFrequencySeconds ?? 60;
  const issuer = `${settings.apiUrl}/auth/v1`;
  const window = { windowMs: 5 * 60_000 };
  // Failed sign-ins count per (e-mail, address) and per address, never per e-mail alone:
  // strangers cannot lock a login out, and one address cannot try many logins.
  const failedPairs = new FailedSignIns({ limit: 10, ...window });
  const failedAddresses = new FailedSignIns({ limit: settings.signInsPerAddress ?? 30, ...window });
  // Failed verifications (recovery codes and links) per address and per e-mail.
  const failedVerifyAddresses = new FailedSignIns({ limit: settings.tokenVerifications ?? 30, ...window });
  const failedVerifyEmails = new FailedSignIns({ limit: settings.tokenVerifications ?? 30, ...window });
  /** A code is burnt after this many wrong guesses for its e-mail. */
  const missesPerCode = 5;
  // Unknown e-mails answer /recover exactly as known ones, rate limit included.
  const recoverRequests = new Map<string, number>();

  async function tx<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await db.connect();
    try {
      await client.query("begin");
      const result = await work(client);
      await client.query("commit");
      return result;
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async function sessionResponse(
    client: store.Db,
    userId: string,
    sessionId: string,
    refreshToken: string,
  ): Promise<Record<string, unknown>> {
    const user = await store.findUserById(client, userId);
    if (!user) throw new AuthError(403, "user_not_found", "User from sub claim in JWT does not exist");
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + jwtExp;
    const claims: JwtPayload = {
      iss: issuer,
      sub: user.id,
      aud: user.aud ?? "authenticated",
      exp,
      iat,
      email: user.email ?? "",
      phone: user.phone ?? "",
      app_metadata: user.raw_app_meta_data ?? {},
      user_metadata: user.raw_user_meta_data ?? {},
      role: user.role || "authenticated",
      aal: "aal1",
      amr: await store.amrFor(client, sessionId),
      session_id: sessionId,
      is_anonymous: user.is_anonymous,
    };
    return {
      access_token: signJwt(claims, settings.jwtSecret),
      token_type: "bearer",
      expires_in: jwtExp,
      expires_at: exp,
      refresh_token: refreshToken,
      user: serializeUser(user),
      weak_password: null,
    };
  }

  function clientMeta(req: IncomingMessage) {
    return { userAgent: req.headers["user-agent"], ip: clientAddress(req) };
  }

  function weakPassword(password: string): AuthError | undefined {
    if (password.length < minLength) {
      return new AuthError(422, "weak_password", `Password should be at least ${minLength} characters.`, {
        weak_password: { reasons: ["length"] },
      });
    }
    if (Buffer.byteLength(password, "utf8") > 72) {
      return new AuthError(400, "validation_failed", "Password cannot be longer than 72 characters");
    }
    return undefined;
  }

  function bearer(req: IncomingMessage): string {
    const header = req.headers.authorization ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AuthError(401, "no_authorization", "This endpoint requires a valid Bearer token");
    return match[1]!;
  }

  /** requireAuthentication: a valid user access token whose user and session still exist. */
  async function authenticate(req: IncomingMessage): Promise<{ user: store.UserRow; claims: JwtPayload }> {
    const token = bearer(req);
    const verified = verifyJwt(token, settings.jwtSecret);
    if (!verified.ok) {
      throw new AuthError(
        403,
        "bad_jwt",
        verified.reason === "expired"
          ? "invalid JWT: unable to parse or verify signature, token has invalid claims: token is expired"
          : "invalid JWT: unable to parse or verify signature, signature is invalid",
      );
    }
    const claims = verified.payload;
    if (!isUuid(claims.sub)) throw new AuthError(403, "bad_jwt", "invalid claim: missing sub claim");
    const user = await store.findUserById(db, claims.sub);
    if (!user || user.deleted_at)
      throw new AuthError(403, "user_not_found", "User from sub claim in JWT does not exist");
    if (typeof claims.session_id === "string" && claims.session_id) {
      if (!isUuid(claims.session_id) || !(await store.findSession(db, claims.session_id))) {
        throw new AuthError(403, "session_not_found", "Session from session_id claim in JWT does not exist");
      }
    }
    if (isBanned(user)) throw new AuthError(403, "user_banned", "User is banned");
    return { user, claims };
  }

  function requireAdmin(req: IncomingMessage): void {
    const token = bearer(req);
    const verified = verifyJwt(token, settings.jwtSecret);
    if (!verified.ok) throw new AuthError(403, "bad_jwt", "invalid JWT: unable to parse or verify signature");
    const role = verified.payload.role;
    if (role !== "service_role" && role !== "supabase_admin") throw new AuthError(403, "not_admin", "User not allowed");
  }

  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
  const codeHash = (email: string, otp: string) => sha256(`${email.toLowerCase()}:${otp}`);
  const redirectTarget = (requested: string | null | undefined) =>
    allowedRedirect(requested, settings.siteUrl, settings.additionalRedirectUrls ?? []);

  return {
    db,
    settings,
    issuer,
    otpExp,
    reuseInterval,
    emailFrequency,
    failedPairs,
    failedAddresses,
    failedVerifyAddresses,
    failedVerifyEmails,
    missesPerCode,
    recoverRequests,
    tx,
    sessionResponse,
    clientMeta,
    weakPassword,
    authenticate,
    requireAdmin,
    sha256,
    codeHash,
    redirectTarget,
  };
}
