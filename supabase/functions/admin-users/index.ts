// admin-users: HR creates logins, resets passwords, deactivates and reactivates logins.
// The browser never holds the service key: this function checks the caller's permission
// in the matrix (logins:create / logins:update) with the caller's own token, does the
// database part as the caller (so RLS, invariants and the audit trail apply), and uses
// the service role only for the Auth admin API step.
import { corsHeaders, json, problem } from "../_shared/cors.ts";
import { callerCan, callerClient, callerId, serviceClient } from "../_shared/supabase.ts";
import { randomPassword, validate, type AdminUsersRequest } from "./validate.ts";

type Input<A extends AdminUsersRequest["action"]> = Extract<AdminUsersRequest, { action: A }>;
type Caller = ReturnType<typeof callerClient>;

function siteUrl(request: Request, redirect?: string): string {
  const origin = request.headers.get("origin");
  return redirect ?? `${origin ?? Deno.env.get("SITE_URL") ?? "http://127.0.0.1:5173"}/update-password`;
}

async function resetLink(email: string, redirectTo: string): Promise<string | Response> {
  const { data, error } = await serviceClient().auth.admin.generateLink({
    type: "recovery",
    email,
    options: { redirectTo },
  });
  if (error || !data.properties?.action_link)
    return problem(502, "link_failed", `Could not create a password link: ${error?.message ?? "no link"}`);
  return data.properties.action_link;
}

async function create(request: Request, caller: Caller, input: Input<"create">): Promise<Response> {
  if (!(await callerCan(caller, "logins", "create")))
    return problem(403, "not_allowed", "You are not allowed to create logins.");
  const admin = serviceClient();
  const { data, error } = await admin.auth.admin.createUser({
    email: input.email,
    password: input.password ?? randomPassword(),
    email_confirm: true,
    user_metadata: { full_name: input.full_name },
  });
  if (error || !data.user) {
    if (error?.code === "email_exists") return problem(409, "email_exists", "A login with this email already exists.");
    return problem(
      error?.status ?? 502,
      error?.code ?? "create_failed",
      error?.message ?? "Could not create the login.",
    );
  }
  const userId = data.user.id;
  if (input.roles.length > 0) {
    // As the caller: RLS and the no-self-grant invariant decide, and the audit trail names them.
    const { error: roleError } = await caller
      .from("user_roles")
      .insert(input.roles.map((role_code) => ({ user_id: userId, role_code })));
    if (roleError) {
      await admin.auth.admin.deleteUser(userId);
      return problem(
        roleError.code === "42501" ? 403 : 400,
        roleError.details || roleError.code || "roles_failed",
        roleError.message,
      );
    }
  }
  const result: Record<string, unknown> = { user_id: userId, email: input.email };
  if (!input.password) {
    const link = await resetLink(input.email, siteUrl(request, input.redirect_to));
    if (link instanceof Response) return link;
    result.invite_link = link;
  }
  return json(200, result);
}

async function targetEmail(userId: string): Promise<string | Response> {
  const { data, error } = await serviceClient().auth.admin.getUserById(userId);
  if (error || !data.user) return problem(404, "user_not_found", "No login with this id.");
  return data.user.email ?? "";
}

async function resetPassword(request: Request, caller: Caller, input: Input<"reset_password">): Promise<Response> {
  if (!(await callerCan(caller, "logins", "update")))
    return problem(403, "not_allowed", "You are not allowed to reset passwords.");
  const email = await targetEmail(input.user_id);
  if (email instanceof Response) return email;
  if (input.password) {
    const { error } = await serviceClient().auth.admin.updateUserById(input.user_id, { password: input.password });
    if (error) return problem(error.status ?? 400, error.code ?? "update_failed", error.message);
    return json(200, { user_id: input.user_id, sessions_revoked: true });
  }
  const link = await resetLink(email, siteUrl(request, input.redirect_to));
  if (link instanceof Response) return link;
  return json(200, { user_id: input.user_id, reset_link: link });
}

async function setActive(caller: Caller, input: Input<"deactivate" | "reactivate">): Promise<Response> {
  const active = input.action === "reactivate";
  if (!(await callerCan(caller, "logins", "update")))
    return problem(403, "not_allowed", "You are not allowed to change logins.");
  const email = await targetEmail(input.user_id);
  if (email instanceof Response) return email;
  // The profile flag first, as the caller: the database refuses self-deactivation and
  // the last path to the matrix editor, and the audit trail names the caller.
  const { error } = await caller.rpc("set_login_active", { p_user: input.user_id, p_active: active });
  if (error)
    return problem(error.code === "42501" ? 403 : 409, error.details || error.code || "refused", error.message);
  const admin = serviceClient();
  const { error: banError } = await admin.auth.admin.updateUserById(input.user_id, {
    ban_duration: active ? "none" : "876000h",
  });
  if (banError) {
    await caller.rpc("set_login_active", { p_user: input.user_id, p_active: !active });
    return problem(502, "ban_failed", banError.message);
  }
  if (!active) {
    const { error: revokeError } = await admin.rpc("revoke_login_sessions", { p_user: input.user_id });
    if (revokeError) return problem(502, "revoke_failed", revokeError.message);
  }
  return json(200, { user_id: input.user_id, is_active: active });
}

Deno.serve(async (request) => {
  if (request.method === "OPTIONS") return new Response("ok", { headers: corsHeaders });
  if (request.method !== "POST") return problem(405, "method_not_allowed", "Use POST.");
  const caller = callerClient(request);
  if (!(await callerId(caller))) return problem(401, "not_signed_in", "Sign in first.");
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return problem(400, "invalid_json", "The request body must be JSON.");
  }
  const checked = validate(body);
  if (!checked.ok) return json(400, { code: "invalid_input", field: checked.field, message: checked.message });
  const input = checked.value;
  switch (input.action) {
    case "create":
      return create(request, caller, input);
    case "reset_password":
      return resetPassword(request, caller, input);
    case "deactivate":
    case "reactivate":
      return setActive(caller, input);
  }
});
