// POST /token (password and refresh-token grants) and POST /logout.
import type { IncomingMessage, ServerResponse } from "node:http";
import { AuthError, readJson, sendJson, sendNoContent, str } from "./http.ts";
import { clientAddress, refuseControlCharacters } from "./guards.ts";
import { longestBlock } from "./rate-limit.ts";
import * as store from "./store.ts";
import { isBanned, type AuthContext, type Handler } from "./context.ts";

export function tokenRoutes(ctx: AuthContext) {
  const { db, reuseInterval, failedPairs, failedAddresses, tx, sessionResponse, clientMeta, authenticate } = ctx;

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

  return { token, logout };
}
