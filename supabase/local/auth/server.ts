// Our auth service: the subset of the Supabase Auth (GoTrue) HTTP API that supabase-js uses,
// with the same paths, JSON shapes, error codes and token rules (see ../shared/AUTH-API.md).
// Sessions and refresh tokens live in Postgres, so restarting this service signs nobody out.
import { createHash, randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";
import { signJwt, verifyJwt, type JwtPayload } from "../jwt.ts";
import {
  AuthError,
  isEmail,
  isUuid,
  mergeMetadata,
  obj,
  readJson,
  sendError,
  sendJson,
  sendNoContent,
  sendRedirect,
  str,
} from "./http.ts";
import { clientAddress, redirectTarget as allowedRedirect, refuseControlCharacters } from "./guards.ts";
import { FailedSignIns, longestBlock } from "./rate-limit.ts";
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

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

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

const isBanned = (user: store.UserRow) => user.banned_until !== null && user.banned_until.getTime() > Date.now();

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

export function createAuthServer(db: pg.Pool, settings: AuthSettings): http.Server {
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

  // --- /token ----------------------------------------------------------------------
  async function passwordGrant(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const email = str(body, "email");
    const phone = str(body, "phone");
    const password = str(body, "password") ?? "";
    if (email && phone)
      throw new AuthError(400, "validation_failed", "Only an email address or phone number should be provided");
    if (!email) {
      throw new AuthError(400, "validation_failed", phone ? "Phone logins are not enabled" : "missing email or phone");
    }
    refuseControlCharacters({ email, password });
    const address = clientAddress(req);
    const pair = `${email.toLowerCase()}|${address}`;
    const retryAfter = longestBlock([
      [failedPairs, pair],
      [failedAddresses, address],
    ]);
    if (retryAfter > 0) {
      const seconds = Math.ceil(retryAfter / 1000);
      throw new AuthError(
        429,
        "over_request_rate_limit",
        `Too many failed sign-in attempts from this address. Try again in ${seconds} seconds.`,
      );
    }
    const invalid = () => {
      failedPairs.record(pair);
      failedAddresses.record(address);
      return new AuthError(400, "invalid_credentials", "Invalid login credentials");
    };
    const user = await store.findUserByEmail(db, email);
    if (!user || !user.encrypted_password) {
      await store.dummyPasswordCheck(db, password); // the same time as a wrong password
      throw invalid();
    }
    if (isBanned(user)) throw new AuthError(400, "user_banned", "User is banned");
    if (!(await store.passwordMatches(db, user.id, password))) throw invalid();
    if (!user.email_confirmed_at) throw new AuthError(400, "email_not_confirmed", "Email not confirmed");
    failedPairs.clear(pair);
    const session = await tx(async (client) => {
      const created = await store.createSession(client, user.id, "password", clientMeta(req));
      await store.touchSignIn(client, user.id);
      return sessionResponse(client, user.id, created.sessionId, created.refreshToken);
    });
    sendJson(res, 200, session);
  }

  async function refreshGrant(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const token = str(body, "refresh_token") ?? "";
    if (!token) throw new AuthError(400, "validation_failed", "refresh_token required");
    const outcome = await tx(async (client) => {
      const row = await store.lockRefreshToken(client, token);
      if (!row) throw new AuthError(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
      const user = await store.findUserById(client, row.user_id);
      if (!user) throw new AuthError(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
      if (isBanned(user)) throw new AuthError(400, "user_banned", "Invalid Refresh Token: User Banned");
      const session = row.session_id ? await store.findSession(client, row.session_id) : undefined;
      if (!session) throw new AuthError(400, "session_not_found", "Invalid Refresh Token: No Valid Session Found");
      if (session.not_after && session.not_after.getTime() < Date.now()) {
        throw new AuthError(400, "session_expired", "Invalid Refresh Token: Session Expired");
      }
      let issued: string | undefined;
      if (row.revoked) {
        const active = await store.activeRefreshToken(client, session.id);
        if (active && active.parent === row.token) {
          issued = active.token; // the client lost the answer to its last refresh: give it again
        } else if (Date.now() > row.updated_at.getTime() + reuseInterval * 1000) {
          await store.revokeTokenFamily(client, session.id);
          return { reused: true as const };
        }
      }
      issued ??= await store.swapRefreshToken(client, row);
      return { reused: false as const, response: await sessionResponse(client, user.id, session.id, issued) };
    });
    // The family revocation above is committed before answering, as GoTrue commits it.
    if (outcome.reused) throw new AuthError(400, "refresh_token_already_used", "Invalid Refresh Token: Already Used");
    sendJson(res, 200, outcome.response);
  }

  const token: Handler = async (req, res, url) => {
    const grant = url.searchParams.get("grant_type");
    if (grant === "password") return passwordGrant(req, res);
    if (grant === "refresh_token") return refreshGrant(req, res);
    throw new AuthError(400, "invalid_credentials", "unsupported_grant_type");
  };

  // --- /user -------------------------------------------------------------------------
  const getUser: Handler = async (req, res) => {
    const { user } = await authenticate(req);
    sendJson(res, 200, serializeUser(user));
  };

  const putUser: Handler = async (req, res) => {
    const { user, claims } = await authenticate(req);
    const body = await readJson(req);
    if (body.app_metadata !== undefined) throw new AuthError(403, "not_admin", "Updating app_metadata is not allowed");
    const email = str(body, "email");
    if (email !== undefined && email.toLowerCase() !== (user.email ?? "").toLowerCase()) {
      throw new AuthError(
        422,
        "email_address_not_authorized",
        "Email changes are made by an administrator in this project",
      );
    }
    const password = str(body, "password");
    refuseControlCharacters({ password });
    const data = obj(body, "data");
    await tx(async (client) => {
      if (password !== undefined) {
        const weak = weakPassword(password);
        if (weak) throw weak;
        if (await store.passwordMatches(client, user.id, password)) {
          throw new AuthError(422, "same_password", "New password should be different from the old password.");
        }
        await store.updateUserColumns(client, user.id, {
          encrypted_password: await store.hashPassword(client, password),
          recovery_token: "",
        });
        const current = typeof claims.session_id === "string" ? claims.session_id : undefined;
        if (current) await store.deleteSessions(client, user.id, { except: current });
      }
      if (data) {
        await store.updateUserColumns(client, user.id, {
          raw_user_meta_data: mergeMetadata(user.raw_user_meta_data ?? {}, data),
        });
      }
    });
    const updated = await store.findUserById(db, user.id);
    sendJson(res, 200, serializeUser(updated!));
  };

  // --- /logout -----------------------------------------------------------------------
  const logout: Handler = async (req, res, url) => {
    const { user, claims } = await authenticate(req);
    const scope = url.searchParams.get("scope") ?? "global";
    if (!["global", "local", "others"].includes(scope)) {
      throw new AuthError(400, "validation_failed", `Unsupported logout scope "${scope}"`);
    }
    const sessionId = typeof claims.session_id === "string" ? claims.session_id : undefined;
    if (!sessionId || scope === "global") await store.deleteSessions(db, user.id);
    else if (scope === "local") await store.deleteSessions(db, user.id, { only: sessionId });
    else await store.deleteSessions(db, user.id, { except: sessionId });
    sendNoContent(res);
  };

  // --- password recovery ---------------------------------------------------------------
  // A recovery gives two secrets: a random link token (256 bits, for the e-mailed link) and a
  // 6-digit code (typed with the e-mail). Only their SHA-256 hashes are stored, as
  // "<link hash>.<code hash>" in recovery_token. Guessing is stopped by counting failures per
  // address and per e-mail (429), and a code is burnt after a few misses.
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
  const codeHash = (email: string, otp: string) => sha256(`${email.toLowerCase()}:${otp}`);
  const redirectTarget = (requested: string | null | undefined) =>
    allowedRedirect(requested, settings.siteUrl, settings.additionalRedirectUrls ?? []);

  async function issueRecovery(user: store.UserRow, redirectTo: string) {
    const linkToken = randomBytes(32).toString("hex");
    const otp = store.newOtp();
    await store.setRecoveryToken(db, user.id, `${sha256(linkToken)}.${codeHash(user.email ?? "", otp)}`);
    failedVerifyEmails.clear((user.email ?? "").toLowerCase());
    const link = `${issuer}/verify?token=${linkToken}&type=recovery&redirect_to=${encodeURIComponent(redirectTo)}`;
    return { linkToken, otp, link };
  }

  const recover: Handler = async (req, res, url) => {
    const body = await readJson(req);
    const email = str(body, "email");
    if (!email) throw new AuthError(400, "validation_failed", "Password recovery requires an email");
    refuseControlCharacters({ email });
    if (!isEmail(email))
      throw new AuthError(400, "validation_failed", "Unable to validate email address: invalid format");
    const key = email.toLowerCase();
    const user = await store.findUserByEmail(db, email);
    // Known or not, the same answers: 429 inside the interval, else 200 with nothing to tell.
    const sentAt = Math.max(recoverRequests.get(key) ?? 0, user?.recovery_sent_at?.getTime() ?? 0);
    const wait = Math.ceil((sentAt + emailFrequency * 1000 - Date.now()) / 1000);
    if (wait > 0) {
      throw new AuthError(
        429,
        "over_email_send_rate_limit",
        `For security purposes, you can only request this after ${wait} seconds.`,
      );
    }
    recoverRequests.set(key, Date.now());
    if (user) {
      const { link } = await issueRecovery(user, redirectTarget(url.searchParams.get("redirect_to")));
      settings.mailer?.({ to: user.email ?? email, kind: "recovery", link });
    }
    sendJson(res, 200, {});
  };

  function refuseWhenLimited(address: string, email?: string): void {
    const wait = longestBlock([
      [failedVerifyAddresses, address],
      ...(email ? ([[failedVerifyEmails, email.toLowerCase()]] as [FailedSignIns, string][]) : []),
    ]);
    if (wait > 0) {
      throw new AuthError(
        429,
        "over_request_rate_limit",
        `Too many failed verification attempts. Try again in ${Math.ceil(wait / 1000)} seconds.`,
      );
    }
  }

  /** Signs the person in with a recovery session when the stored hash matches; undefined otherwise. */
  async function verifyRecovery(req: IncomingMessage, find: (client: store.Db) => Promise<store.UserRow | undefined>) {
    return tx(async (client) => {
      const user = await find(client);
      if (!user) return undefined;
      if (isBanned(user)) throw new AuthError(403, "user_banned", "User is banned");
      await store.consumeRecovery(client, user.id);
      const created = await store.createSession(client, user.id, "otp", clientMeta(req));
      return sessionResponse(client, user.id, created.sessionId, created.refreshToken);
    });
  }

  const byLink = (token: string) => (client: store.Db) =>
    store.findUserByRecoveryHash(client, "link", sha256(token), otpExp);

  const verifyGet: Handler = async (req, res, url) => {
    const type = url.searchParams.get("type");
    const token = url.searchParams.get("token");
    if (!type || !token) throw new AuthError(400, "validation_failed", "Verify requires a token and a type");
    if (type !== "recovery") throw new AuthError(400, "validation_failed", `Unsupported verification type "${type}"`);
    const address = clientAddress(req);
    refuseWhenLimited(address);
    const target = redirectTarget(url.searchParams.get("redirect_to"));
    const session = await verifyRecovery(req, byLink(token));
    if (!session) {
      failedVerifyAddresses.record(address);
      const fragment = new URLSearchParams({
        error: "access_denied",
        error_code: "otp_expired",
        error_description: "Email link is invalid or has expired",
        sb: "",
      });
      return sendRedirect(res, `${target}#${fragment.toString()}`);
    }
    const fragment = new URLSearchParams(
      Object.entries({
        access_token: String(session.access_token),
        expires_at: String(session.expires_at),
        expires_in: String(session.expires_in),
        refresh_token: String(session.refresh_token),
        sb: "",
        token_type: "bearer",
        type: "recovery",
      }),
    );
    sendRedirect(res, `${target}#${fragment.toString()}`);
  };

  const verifyPost: Handler = async (req, res) => {
    const body = await readJson(req);
    if (str(body, "type") !== "recovery")
      throw new AuthError(400, "validation_failed", "Unsupported verification type");
    const address = clientAddress(req);
    const tokenHash = str(body, "token_hash");
    const email = str(body, "email");
    const otp = str(body, "token");
    refuseControlCharacters({ token: tokenHash, email, code: otp });
    if (!tokenHash && (!email || !otp)) {
      throw new AuthError(400, "validation_failed", "Verify requires a token_hash, or an email and token");
    }
    refuseWhenLimited(address, tokenHash ? undefined : email);
    const session = tokenHash
      ? await verifyRecovery(req, byLink(tokenHash))
      : await verifyRecovery(req, (client) =>
          store.findUserByRecoveryHash(client, "code", codeHash(email!, otp!), otpExp, email),
        );
    if (!session) {
      failedVerifyAddresses.record(address);
      if (!tokenHash) {
        const misses = failedVerifyEmails.record(email!.toLowerCase());
        if (misses % missesPerCode === 0) await store.burnRecovery(db, email!); // a new code must be asked for
      }
      throw new AuthError(403, "otp_expired", "Token has expired or is invalid");
    }
    if (email) failedVerifyEmails.clear(email.toLowerCase());
    sendJson(res, 200, session);
  };

  // --- admin -------------------------------------------------------------------------
  const adminList: Handler = async (req, res, url) => {
    requireAdmin(req);
    const page = pageParameter(url.searchParams.get("page"), 1);
    const perPage = Math.min(1000, pageParameter(url.searchParams.get("per_page"), 50));
    const [total, users] = await Promise.all([store.countUsers(db), store.listUsers(db, page, perPage)]);
    const last = Math.ceil(total / perPage);
    const links: string[] = [];
    if (page < last) links.push(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
    links.push(`</admin/users?page=${last}&per_page=${perPage}>; rel="last"`);
    sendJson(
      res,
      200,
      { users: users.map(serializeUser), aud: "authenticated" },
      {
        "X-Total-Count": String(total),
        Link: links.join(", "),
      },
    );
  };

  /** A positive whole number, or 400 as GoTrue answers "Bad Pagination Parameters". */
  function pageParameter(value: string | null, fallback: number): number {
    if (value === null || value === "") return fallback;
    if (!/^[1-9]\d{0,8}$/.test(value)) throw new AuthError(400, "validation_failed", "Bad Pagination Parameters");
    return Number(value);
  }

  function banUntil(value: unknown): Date | null | undefined {
    if (value === undefined) return undefined;
    if (value === "none") return null;
    const ms = typeof value === "string" ? parseGoDuration(value) : undefined;
    if (ms === undefined) throw new AuthError(400, "validation_failed", "invalid format for ban duration");
    return new Date(Date.now() + ms);
  }

  const adminCreate: Handler = async (req, res) => {
    requireAdmin(req);
    const body = await readJson(req);
    if (body.email !== undefined && typeof body.email !== "string") {
      throw new AuthError(400, "validation_failed", "Unable to validate email address: invalid format");
    }
    const email = str(body, "email")?.trim().toLowerCase() || null;
    const phone = str(body, "phone") || null;
    refuseControlCharacters({ email: email ?? undefined, password: str(body, "password") });
    if (!email && !phone)
      throw new AuthError(400, "validation_failed", "Unable to validate email address: invalid format");
    if (email && !isEmail(email))
      throw new AuthError(400, "validation_failed", "Unable to validate email address: invalid format");
    const password = str(body, "password");
    const passwordHash = str(body, "password_hash");
    if (password && passwordHash)
      throw new AuthError(400, "validation_failed", "Only a password or a password hash should be provided");
    if (password !== undefined && Buffer.byteLength(password) > 72) {
      throw new AuthError(400, "validation_failed", "Password cannot be longer than 72 characters");
    }
    const id = body.id === undefined ? undefined : isUuid(body.id) ? body.id : undefined;
    if (body.id !== undefined && !id) throw new AuthError(400, "validation_failed", "id must be a UUID");
    const created = await tx(async (client) => {
      if (email && (await store.findUserByEmail(client, email))) {
        throw new AuthError(422, "email_exists", "A user with this email address has already been registered");
      }
      const emailConfirmed = body.email_confirm === true;
      const userMetadata = {
        ...(obj(body, "user_metadata") ?? {}),
        ...(emailConfirmed ? { email_verified: true } : {}),
      };
      const newId = await store.insertUser(client, {
        id,
        email,
        phone,
        encryptedPassword:
          // No password (or an empty one): a random one, as Supabase Auth does.
          passwordHash ?? (await store.hashPassword(client, password || randomBytes(32).toString("base64url"))),
        emailConfirmed,
        phoneConfirmed: body.phone_confirm === true,
        appMetadata: { provider: "email", providers: ["email"], ...(obj(body, "app_metadata") ?? {}) },
        userMetadata,
        role: str(body, "role") || "authenticated",
        bannedUntil: banUntil(body.ban_duration) ?? null,
      });
      return store.findUserById(client, newId);
    });
    sendJson(res, 200, serializeUser(created!));
  };

  async function adminTarget(id: string): Promise<store.UserRow> {
    if (!isUuid(id)) throw new AuthError(404, "validation_failed", "user_id must be an UUID");
    const user = await store.findUserById(db, id);
    if (!user) throw new AuthError(404, "user_not_found", "User not found");
    return user;
  }

  const adminGet = async (req: IncomingMessage, res: ServerResponse, id: string) => {
    requireAdmin(req);
    sendJson(res, 200, serializeUser(await adminTarget(id)));
  };

  const adminUpdate = async (req: IncomingMessage, res: ServerResponse, id: string) => {
    requireAdmin(req);
    const user = await adminTarget(id);
    const body = await readJson(req);
    await tx(async (client) => {
      const columns: Record<string, unknown> = {};
      const password = str(body, "password");
      refuseControlCharacters({ email: str(body, "email"), password });
      if (password !== undefined) {
        const weak = weakPassword(password);
        if (weak) throw weak;
        columns.encrypted_password = await store.hashPassword(client, password);
      }
      const email = str(body, "email")?.trim().toLowerCase();
      if (email !== undefined && email !== user.email) {
        if (!isEmail(email))
          throw new AuthError(400, "validation_failed", "Unable to validate email address: invalid format");
        const other = await store.findUserByEmail(client, email);
        if (other && other.id !== id) {
          throw new AuthError(422, "email_exists", "A user with this email address has already been registered");
        }
        columns.email = email;
        await client.query(
          `update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text)
            where user_id = $1 and provider = 'email'`,
          [id, email],
        );
      }
      if (body.email_confirm === true && !user.email_confirmed_at) columns.email_confirmed_at = new Date();
      const userMetadata = obj(body, "user_metadata");
      if (userMetadata) columns.raw_user_meta_data = mergeMetadata(user.raw_user_meta_data ?? {}, userMetadata);
      const appMetadata = obj(body, "app_metadata");
      if (appMetadata) columns.raw_app_meta_data = mergeMetadata(user.raw_app_meta_data ?? {}, appMetadata);
      const role = str(body, "role");
      if (role) columns.role = role;
      const banned = banUntil(body.ban_duration);
      if (banned !== undefined) columns.banned_until = banned;
      await store.updateUserColumns(client, id, columns);
      if (password !== undefined) await store.deleteSessions(client, id);
    });
    sendJson(res, 200, serializeUser((await store.findUserById(db, id))!));
  };

  const adminDelete = async (req: IncomingMessage, res: ServerResponse, id: string) => {
    requireAdmin(req);
    await adminTarget(id);
    const body = await readJson(req);
    await store.deleteUser(db, id, body.should_soft_delete === true);
    sendJson(res, 200, {});
  };

  /** POST /admin/generate_link: a recovery link for HR to hand over (no mail is sent). */
  const adminGenerateLink: Handler = async (req, res, url) => {
    requireAdmin(req);
    const body = await readJson(req);
    const type = str(body, "type");
    if (type !== "recovery") throw new AuthError(400, "validation_failed", "Only recovery links can be generated here");
    const email = str(body, "email") ?? "";
    refuseControlCharacters({ email });
    const user = await store.findUserByEmail(db, email);
    if (!user) throw new AuthError(404, "user_not_found", "User with this email not found");
    const redirectTo = redirectTarget(
      url.searchParams.get("redirect_to") ?? str(body, "redirect_to") ?? str(body, "redirectTo") ?? null,
    );
    const issued = await issueRecovery(user, redirectTo);
    const refreshed = await store.findUserById(db, user.id);
    sendJson(res, 200, {
      ...serializeUser(refreshed!),
      action_link: issued.link,
      email_otp: issued.otp,
      hashed_token: issued.linkToken,
      verification_type: "recovery",
      redirect_to: redirectTo,
    });
  };

  // --- routing -----------------------------------------------------------------------
  const settingsBody = {
    external: { email: true, phone: false, anonymous_users: false },
    disable_signup: true,
    mailer_autoconfirm: false,
    phone_autoconfirm: false,
    sms_provider: "",
    saml_enabled: false,
    saml_private_key_next_configured: false,
    passkeys_enabled: false,
  };

  function decodePath(segment: string): string {
    try {
      return decodeURIComponent(segment);
    } catch {
      throw new AuthError(400, "validation_failed", "The path holds a malformed percent-escape.");
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://auth.local");
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const method = req.method ?? "GET";
    const admin = /^\/admin\/users\/([^/]+)$/.exec(path);
    if (admin) {
      const id = decodePath(admin[1]!);
      if (method === "GET") return adminGet(req, res, id);
      if (method === "PUT") return adminUpdate(req, res, id);
      if (method === "DELETE") return adminDelete(req, res, id);
    }
    const key = `${method} ${path}`;
    switch (key) {
      case "GET /health":
        return sendJson(res, 200, { version: "local", name: "GoTrue", description: "Local Supabase Auth subset" });
      case "GET /settings":
        return sendJson(res, 200, settingsBody);
      case "GET /.well-known/jwks.json":
        return sendJson(res, 200, { keys: [] }, { "Cache-Control": "public, max-age=600" });
      case "POST /token":
        return token(req, res, url);
      case "GET /user":
        return getUser(req, res, url);
      case "PUT /user":
        return putUser(req, res, url);
      case "POST /logout":
        return logout(req, res, url);
      case "POST /recover":
        return recover(req, res, url);
      case "GET /verify":
        return verifyGet(req, res, url);
      case "POST /verify":
        return verifyPost(req, res, url);
      case "POST /signup":
        throw new AuthError(422, "signup_disabled", "Signups not allowed for this instance");
      case "GET /admin/users":
        return adminList(req, res, url);
      case "POST /admin/users":
        return adminCreate(req, res, url);
      case "POST /admin/generate_link":
        return adminGenerateLink(req, res, url);
      default:
        throw new AuthError(404, "not_found", `No route for ${method} ${path}`);
    }
  }

  return http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof AuthError) return sendError(res, error, req);
      console.error("[auth]", error);
      sendError(
        res,
        new AuthError(500, "unexpected_failure", "Unexpected failure, please check server logs for more information"),
        req,
      );
    });
  });
}
