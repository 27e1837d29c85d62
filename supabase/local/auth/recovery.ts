// POST /recover and GET/POST /verify: password recovery by e-mailed link or 6-digit code.
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { AuthError, isEmail, readJson, sendJson, sendRedirect, str } from "./http.ts";
import { clientAddress, refuseControlCharacters } from "./guards.ts";
import { longestBlock, type FailedSignIns } from "./rate-limit.ts";
import * as store from "./store.ts";
import { isBanned, type AuthContext, type Handler } from "./context.ts";

export function recoveryRoutes(ctx: AuthContext) {
  const {
    db,
    settings,
    issuer,
    otpExp,
    emailFrequency,
    failedVerifyAddresses,
    failedVerifyEmails,
    missesPerCode,
    recoverRequests,
    tx,
    sessionResponse,
    clientMeta,
    sha256,
    codeHash,
    redirectTarget,
  } = ctx;

  // A recovery gives two secrets: a random link token (256 bits, for the e-mailed link) and a
  // 6-digit code (typed with the e-mail). Only their SHA-256 hashes are stored, as
  // "<link hash>.<code hash>" in recovery_token. Guessing is stopped by counting failures per
  // address and per e-mail (429), and a code is burnt after a few misses.

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

  return { recover, verifyGet, verifyPost, issueRecovery };
}
