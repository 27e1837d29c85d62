// Input rules of the admin-users function (pure; unit-tested in Node).
export type AdminUsersRequest =
  | { action: "create"; email: string; full_name: string; password?: string; roles: string[]; redirect_to?: string }
  | { action: "reset_password"; user_id: string; password?: string; redirect_to?: string }
  | { action: "deactivate"; user_id: string }
  | { action: "reactivate"; user_id: string };

export type Validation = { ok: true; value: AdminUsersRequest } | { ok: false; field: string; message: string };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MIN_PASSWORD = 8;

function text(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === "string" ? value : undefined;
}

function checkPassword(password: string | undefined): string | null {
  if (password === undefined || password === "") return null;
  if (password.length < MIN_PASSWORD) return `The password needs at least ${MIN_PASSWORD} characters.`;
  if (new TextEncoder().encode(password).length > 72) return "The password can have at most 72 bytes.";
  return null;
}

export function validate(input: unknown): Validation {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, field: "body", message: "The request body must be a JSON object." };
  }
  const body = input as Record<string, unknown>;
  const action = text(body, "action");
  const redirect = text(body, "redirect_to");
  if (action === "create") {
    const email = text(body, "email")?.trim().toLowerCase() ?? "";
    const fullName = text(body, "full_name")?.trim() ?? "";
    const password = text(body, "password");
    const roles = body.roles ?? [];
    if (!emailPattern.test(email) || email.length > 255)
      return { ok: false, field: "email", message: "Enter a valid email address." };
    if (fullName.length < 1 || fullName.length > 120)
      return { ok: false, field: "full_name", message: "The name needs 1 to 120 characters." };
    const passwordProblem = checkPassword(password);
    if (passwordProblem) return { ok: false, field: "password", message: passwordProblem };
    if (!Array.isArray(roles) || roles.some((r) => typeof r !== "string" || !/^[a-z][a-z0-9_]{1,39}$/.test(r))) {
      return { ok: false, field: "roles", message: "Roles must be a list of role codes." };
    }
    return {
      ok: true,
      value: {
        action,
        email,
        full_name: fullName,
        roles: [...new Set(roles as string[])],
        ...(password ? { password } : {}),
        ...(redirect ? { redirect_to: redirect } : {}),
      },
    };
  }
  if (action === "reset_password" || action === "deactivate" || action === "reactivate") {
    const userId = text(body, "user_id") ?? "";
    if (!uuidPattern.test(userId))
      return { ok: false, field: "user_id", message: "user_id must be the id of a login." };
    if (action === "reset_password") {
      const password = text(body, "password");
      const passwordProblem = checkPassword(password);
      if (passwordProblem) return { ok: false, field: "password", message: passwordProblem };
      return {
        ok: true,
        value: {
          action,
          user_id: userId,
          ...(password ? { password } : {}),
          ...(redirect ? { redirect_to: redirect } : {}),
        },
      };
    }
    return { ok: true, value: { action, user_id: userId } };
  }
  return { ok: false, field: "action", message: "action must be create, reset_password, deactivate or reactivate." };
}

/** A random password for logins created with an invite link instead. */
export function randomPassword(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
