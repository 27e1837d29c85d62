// Users (logins): the profile rows, their roles, and the admin-users Edge Function that
// creates logins, resets passwords and (de)activates them without a service key here.
import { FunctionsHttpError } from "@supabase/supabase-js";
import { toAppError, type AppError } from "../../providers/errors";
import { supabaseClient } from "../../providers/supabaseClient";
import type { Tables } from "../../types/database";

export type ProfileRow = Tables<"profiles">;
export type UserRoleRow = Tables<"user_roles">;
export type UserListRow = ProfileRow & { user_roles: Pick<UserRoleRow, "role_code">[] };

export const userListSelect =
  "id, email, full_name, is_active, status_changed_at, created_at, version, user_roles!user_roles_user_id_fkey(role_code)";
/** Filtering on a role needs an inner join on the relation. */
export const userListSelectByRole =
  "id, email, full_name, is_active, status_changed_at, created_at, version, user_roles!user_roles_user_id_fkey!inner(role_code)";
export const userSelect =
  "id, email, full_name, preferred_locale, is_active, status_changed_at, created_at, updated_at, version";

export type AdminUsersBody =
  | { action: "create"; email: string; full_name: string; password?: string; roles: string[]; redirect_to?: string }
  | { action: "reset_password"; user_id: string; password?: string; redirect_to?: string }
  | { action: "deactivate" | "reactivate"; user_id: string };

export interface AdminUsersResult {
  user_id: string;
  email?: string;
  invite_link?: string;
  reset_link?: string;
  is_active?: boolean;
}

/** Calls the admin-users Edge Function with the signed-in person's token. */
export async function callAdminUsers(
  body: AdminUsersBody,
): Promise<{ data?: AdminUsersResult; error?: AppError & { field?: string } }> {
  const { data, error } = await supabaseClient.functions.invoke<AdminUsersResult>("admin-users", {
    body: { ...body, ...("redirect_to" in body ? {} : { redirect_to: `${window.location.origin}/update-password` }) },
  });
  if (!error) return { data: data ?? undefined };
  if (error instanceof FunctionsHttpError) {
    const response = error.context as Response;
    const payload = (await response.json().catch(() => ({}))) as { code?: string; message?: string; field?: string };
    const appError = toAppError(
      {
        code: payload.code === "not_allowed" ? "42501" : payload.code,
        details: payload.code,
        message: payload.message,
      },
      response.status,
    );
    // The function's own sentence names the problem precisely (field, duplicate email...).
    return {
      error: {
        ...appError,
        message: appError.kind === "unknown" && payload.message ? payload.message : appError.message,
        field: payload.field,
      },
    };
  }
  return { error: toAppError(error) };
}

/** A login by name and e-mail (choosing a person). */
export const loginSelect = "id, full_name, email";

/** A login by name (the audit log's person filter). */
export const profileNameSelect = "id, full_name";
