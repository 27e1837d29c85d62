// preview: starts a read-only "view as" session. The database decides (profiles:preview in
// the matrix, an active subject, not oneself, not from inside a preview) and records the
// session; this function then signs a token for it. Ending a preview is an RPC (end_preview).
// Hosted projects: set PREVIEW_JWT_SECRET to the project's JWT secret (`supabase secrets set`).
import { corsHeaders, json, problem } from "../_shared/cors.ts";
import { callerClient, callerId } from "../_shared/supabase.ts";
import { previewPayload, signHs256 } from "./token.ts";

function jwtSecret(): string | undefined {
  return Deno.env.get("PREVIEW_JWT_SECRET") ?? Deno.env.get("SUPABASE_JWT_SECRET");
}

Deno.serve(async (request) => {
  if (request.method === "OPTIONS") return new Response("ok", { headers: corsHeaders });
  if (request.method !== "POST") return problem(405, "method_not_allowed", "Use POST.");
  const secret = jwtSecret();
  if (!secret) return problem(500, "not_configured", "PREVIEW_JWT_SECRET is not set for this project.");
  const caller = callerClient(request);
  // The Auth API refuses preview tokens (no session), so a preview cannot start another one.
  const viewer = await callerId(caller);
  if (!viewer) return problem(401, "not_signed_in", "Sign in first.");
  let body: { subject_id?: unknown };
  try {
    body = await request.json();
  } catch {
    return problem(400, "invalid_json", "The request body must be JSON.");
  }
  if (typeof body.subject_id !== "string" || !/^[0-9a-f-]{36}$/i.test(body.subject_id)) {
    return problem(400, "invalid_input", "subject_id must be the id of a login.");
  }
  const { data: session, error } = await caller.rpc("start_preview", { p_subject: body.subject_id });
  if (error || !session) {
    // PTnnn codes are HTTP statuses (PT404 no such login, PT503 the read-only check is not installed).
    const status =
      error?.code === "42501" ? 403 : /^PT[45]\d\d$/.test(error?.code ?? "") ? Number(error!.code.slice(2)) : 400;
    return problem(
      status,
      error?.details || error?.code || "preview_failed",
      error?.message ?? "Could not start the preview.",
    );
  }
  const row = session as { id: string; subject_id: string; expires_at: string; started_at: string };
  const [{ data: subject }, { data: me }] = await Promise.all([
    caller.from("profiles").select("id, email, full_name").eq("id", row.subject_id).maybeSingle(),
    caller.from("profiles").select("full_name").eq("id", viewer).maybeSingle(),
  ]);
  const expiresAt = Math.floor(new Date(row.expires_at).getTime() / 1000);
  const token = await signHs256(
    previewPayload({
      sub: row.subject_id,
      email: subject?.email ?? "",
      sessionId: row.id,
      viewerId: viewer,
      viewerName: me?.full_name ?? "",
      issuer: `${Deno.env.get("SUPABASE_URL")}/auth/v1`,
      issuedAt: Math.floor(Date.now() / 1000),
      expiresAt,
    }),
    secret,
  );
  return json(200, {
    access_token: token,
    token_type: "bearer",
    expires_at: expiresAt,
    session_id: row.id,
    subject: { id: row.subject_id, name: subject?.full_name ?? "", email: subject?.email ?? "" },
  });
});
