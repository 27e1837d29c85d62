// Our auth service: the subset of the Supabase Auth (GoTrue) HTTP API that supabase-js uses,
// with the same paths, JSON shapes, error codes and token rules (the contract: README.md).
// Sessions and refresh tokens live in Postgres, so restarting this service signs nobody out.
// This file routes; each route group is its own module (token, user, recovery, admin).
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";
import { AuthError, sendError, sendJson } from "./http.ts";
import { adminRoutes } from "./admin.ts";
import { authContext, type AuthSettings } from "./context.ts";
import { recoveryRoutes } from "./recovery.ts";
import { tokenRoutes } from "./token.ts";
import { userRoutes } from "./user.ts";

export { parseGoDuration, serializeUser, type AuthSettings } from "./context.ts";

export function createAuthServer(db: pg.Pool, settings: AuthSettings): http.Server {
  const ctx = authContext(db, settings);
  const { token, logout } = tokenRoutes(ctx);
  const { getUser, putUser } = userRoutes(ctx);
  const { recover, verifyGet, verifyPost, issueRecovery } = recoveryRoutes(ctx);
  const { adminList, adminCreate, adminGet, adminUpdate, adminDelete, adminGenerateLink } = adminRoutes(
    ctx,
    issueRecovery,
  );

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
