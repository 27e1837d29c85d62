// Refine's auth provider over supabase-js auth. Identity comes from the profile row (never
// user_metadata); permissions come from the database (my_permissions), never JWT claims.
import type { AuthProvider } from "@refinedev/core";
import { toAppError } from "./errors";
import { permissionStore } from "./permissions";
import { exitPreview, isLive } from "./preview";
import { previewSession, supabaseClient } from "./supabaseClient";

export interface Identity {
  id: string;
  email: string;
  name: string;
  roles: { code: string; label_en: string; label_es: string; label_zh: string }[];
  isActive: boolean;
  version: number;
}

/** Why the login page is shown: added as ?reason= so it can say so. */
export type SignOutReason = "expired" | "ended" | "signedOut" | "passwordUpdated";

let userInitiatedSignOut = false;
const reasonKey = "panel.signOutReason";

/** Remembers why the person is being sent to the login page (read once by the login page). */
export function rememberSignOutReason(reason: SignOutReason): void {
  sessionStorage.setItem(reasonKey, reason);
}

export function peekSignOutReason(): SignOutReason | null {
  return sessionStorage.getItem(reasonKey) as SignOutReason | null;
}

export function forgetSignOutReason(): void {
  sessionStorage.removeItem(reasonKey);
}

/** Sends a user whose session ended by itself (revoked, expired) back to the login page with a message. */
export function watchSessionEnd(onEnded: (reason: SignOutReason) => void): () => void {
  if (previewSession) {
    // A preview ends by itself at its expiry: back to the viewer's own session.
    const timer = window.setTimeout(() => exitPreview(), Math.max(0, previewSession.expiresAt * 1000 - Date.now()));
    return () => window.clearTimeout(timer);
  }
  const { data } = supabaseClient.auth.onAuthStateChange((event) => {
    if (event === "SIGNED_OUT") {
      permissionStore.clear();
      // A sign-out asked for here stays that until the next sign-in: a request still under way
      // when it happened may report the session gone and sign out once more.
      if (!userInitiatedSignOut) onEnded("ended");
    }
    if (event === "SIGNED_IN") userInitiatedSignOut = false;
    if (event === "SIGNED_IN" || event === "TOKEN_REFRESHED" || event === "USER_UPDATED") permissionStore.invalidate();
  });
  return () => data.subscription.unsubscribe();
}

async function signedInUser(): Promise<{ id: string; email: string } | null> {
  if (previewSession) return { id: previewSession.subject.id, email: previewSession.subject.email };
  // getUser() asks the auth server, so a revoked session is noticed here (SIGNED_OUT).
  const { data, error } = await supabaseClient.auth.getUser();
  return error || !data.user ? null : { id: data.user.id, email: data.user.email ?? "" };
}

export async function loadIdentity(): Promise<Identity | null> {
  const user = await signedInUser();
  if (!user) return null;
  const { data, error } = await supabaseClient
    .from("profiles")
    .select(
      "id, email, full_name, is_active, version, user_roles!user_roles_user_id_fkey(role_code, app_roles(code, label_en, label_es, label_zh))",
    )
    .eq("id", user.id)
    .maybeSingle();
  if (error) throw error;
  if (!data) {
    return { id: user.id, email: user.email, name: user.email, roles: [], isActive: false, version: 0 };
  }
  return {
    id: data.id,
    email: data.email,
    name: data.full_name,
    isActive: data.is_active,
    version: data.version,
    roles: data.user_roles.flatMap((r) => (r.app_roles ? [r.app_roles] : [])),
  };
}

export const authProvider: AuthProvider = {
  login: async ({ email, password }: { email: string; password: string }) => {
    const { error } = await supabaseClient.auth.signInWithPassword({ email, password });
    if (error) {
      const appError = toAppError(error);
      return { success: false, error: { name: appError.code ?? "login", message: appError.message } };
    }
    permissionStore.invalidate();
    return { success: true, redirectTo: "/" };
  },
  logout: async () => {
    if (previewSession) {
      exitPreview();
      return { success: true };
    }
    userInitiatedSignOut = true;
    rememberSignOutReason("signedOut");
    const { error } = await supabaseClient.auth.signOut();
    permissionStore.clear();
    if (error) {
      userInitiatedSignOut = false;
      const appError = toAppError(error);
      return { success: false, error: { name: "logout", message: appError.message } };
    }
    return { success: true, redirectTo: "/login" };
  },
  check: async () => {
    if (previewSession)
      return isLive(previewSession) ? { authenticated: true } : { authenticated: false, logout: true, redirectTo: "/" };
    const { data } = await supabaseClient.auth.getSession();
    if (data.session) return { authenticated: true };
    return { authenticated: false, redirectTo: "/login", logout: true };
  },
  onError: async (error: unknown) => {
    const appError = toAppError(error);
    if (appError.kind === "session") {
      rememberSignOutReason("expired");
      return { logout: true, redirectTo: "/login", error: { name: "session", message: appError.message } };
    }
    return {};
  },
  getIdentity: async () => loadIdentity(),
  getPermissions: async () => permissionStore.load(),
  forgotPassword: async ({ email }: { email: string }) => {
    if (previewSession) return { success: false, error: { name: "preview", message: "read-only preview" } };
    const { error } = await supabaseClient.auth.resetPasswordForEmail(email, {
      redirectTo: `${window.location.origin}/update-password`,
    });
    if (error) {
      const appError = toAppError(error);
      return { success: false, error: { name: appError.code ?? "forgotPassword", message: appError.message } };
    }
    return { success: true };
  },
  updatePassword: async ({ password }: { password: string }) => {
    if (previewSession) return { success: false, error: { name: "preview", message: "read-only preview" } };
    const { error } = await supabaseClient.auth.updateUser({ password });
    if (error) {
      const appError = toAppError(error);
      return { success: false, error: { name: appError.code ?? "updatePassword", message: appError.message } };
    }
    return { success: true, redirectTo: "/" };
  },
};
