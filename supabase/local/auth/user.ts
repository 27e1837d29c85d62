// GET /user and PUT /user: the signed-in person reads and changes their own login.
import { AuthError, mergeMetadata, obj, readJson, sendJson, str } from "./http.ts";
import { refuseControlCharacters } from "./guards.ts";
import * as store from "./store.ts";
import { serializeUser, type AuthContext, type Handler } from "./context.ts";

export function userRoutes(ctx: AuthContext) {
  const { db, tx, weakPassword, authenticate } = ctx;

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

  return { getUser, putUser };
}
