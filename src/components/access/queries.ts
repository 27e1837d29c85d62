// The explainer RPC and the catalogue labels its sentence needs.
import { useList } from "@refinedev/core";
import { toAppError } from "../../providers/errors";
import { enterPreview } from "../../providers/preview";
import { supabaseClient } from "../../providers/supabaseClient";
import type { Tables } from "../../types/database";
import type { Explanation, Labelled } from "./explain";

export async function fetchExplanation(
  userId: string,
  resource: string,
  action: string,
  record?: string,
): Promise<Explanation> {
  const { data, error } = await supabaseClient.rpc("explain_access", {
    p_user: userId,
    p_resource: resource,
    p_action: action,
    ...(record ? { p_record: record } : {}),
  });
  if (error) throw error;
  return data as unknown as Explanation;
}

export const explanationKey = (userId: string, resource: string, action: string, record?: string) =>
  ["explain_access", userId, resource, action, record ?? ""] as const;

/** Labels of resources, actions and roles (catalogues every signed-in person reads). */
export function useAccessLabels(): { resources: Labelled[]; actions: Labelled[]; roles: Labelled[]; loading: boolean } {
  const off = { pagination: { mode: "off" as const } };
  const resources = useList<Tables<"resources">>({ resource: "resources", ...off });
  const actions = useList<Tables<"permission_actions">>({ resource: "permission_actions", ...off });
  const roles = useList<Tables<"app_roles">>({ resource: "app_roles", ...off, meta: { idColumnName: "code" } });
  return {
    resources: resources.result?.data ?? [],
    actions: actions.result?.data ?? [],
    roles: roles.result?.data ?? [],
    // The sentence names things by their labels: wait for them rather than show codes first.
    loading: [resources, actions, roles].some((q) => q.query.isLoading),
  };
}

// A read-only preview session as another person (the preview Edge Function), and ending one
// left in this tab.
interface PreviewResponse {
  access_token: string;
  expires_at: number;
  session_id: string;
  subject: { id: string; name: string; email: string };
}

export async function startPreview(subjectId: string): Promise<{ error?: string }> {
  const { data, error } = await supabaseClient.functions.invoke<PreviewResponse>("preview", {
    body: { subject_id: subjectId },
  });
  if (error || !data) {
    const context = (error as { context?: Response } | null)?.context;
    const body = context ? ((await context.json().catch(() => null)) as { message?: string } | null) : null;
    return { error: body?.message ?? toAppError(error).message };
  }
  enterPreview({
    token: data.access_token,
    expiresAt: data.expires_at,
    sessionId: data.session_id,
    subject: data.subject,
  });
  return {};
}

/** Ends a preview in the database (the viewer is back; a query builder runs only when awaited). */
export function endPreview(sessionId: string): void {
  void supabaseClient.rpc("end_preview", { p_session: sessionId }).then(() => undefined);
}
