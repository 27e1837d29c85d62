// /admin/users and /admin/generate_link: the service role manages logins.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { AuthError, isEmail, isUuid, mergeMetadata, obj, readJson, sendJson, str } from "./http.ts";
import { refuseControlCharacters } from "./guards.ts";
import * as store from "./store.ts";
import { parseGoDuration, serializeUser, type AuthContext, type Handler } from "./context.ts";
import type { recoveryRoutes } from "./recovery.ts";

export function adminRoutes(ctx: AuthContext, issueRecovery: ReturnType<typeof recoveryRoutes>["issueRecovery"]) {
  const { db, tx, weakPassword, requireAdmin, redirectTarget } = ctx;

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

  return { adminList, adminCreate, adminGet, adminUpdate, adminDelete, adminGenerateLink };
}
