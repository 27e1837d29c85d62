// audit-integrity: anchors the audit log's hash chain outside the database and checks it.
//   POST {"action":"checkpoint"}  signs the log's head (last id, hash, row count) with
//     AUDIT_CHECKPOINT_SECRET and stores it. On demand: callers holding audit_log:checkpoint.
//     Periodic: a scheduler calling with the service role key.
//   POST {"action":"verify"}      for callers who may read the whole log: the chain check
//     (every row's hash and link) plus every checkpoint (its signature, and the log still
//     holding its row, hash and count), naming the first one that no longer matches.
// The key is an Edge Function secret: the database stores signatures but cannot make one,
// so a rewrite of the log with its hashes recomputed, or its newest rows deleted, is caught.
import { corsHeaders, json, problem } from "../_shared/cors.ts";
import { callerCan, callerClient, callerId, serviceClient } from "../_shared/supabase.ts";
import { signCheckpoint, verifyCheckpoints, type CheckpointFact, type CheckpointHead } from "./checkpoint.ts";

const secret = () => Deno.env.get("AUDIT_CHECKPOINT_SECRET") || undefined;

function isServiceRole(request: Request): boolean {
  const key = Deno.env.get("SUPABASE_SERVICE_ROLE_KEY");
  return !!key && request.headers.get("Authorization") === `Bearer ${key}`;
}

async function checkpoint(kind: "periodic" | "on_demand", createdBy: string | null): Promise<Response> {
  const key = secret();
  if (!key) return problem(503, "not_configured", "AUDIT_CHECKPOINT_SECRET is not set for this project.");
  const admin = serviceClient();
  const { data: heads, error } = await admin.rpc("audit_head");
  const head = (heads as CheckpointHead[] | null)?.[0];
  if (error) return problem(502, "head_failed", error.message);
  if (!head) return problem(409, "empty_log", "The audit log is empty: there is nothing to anchor yet.");
  const signature = await signCheckpoint(head, key);
  const { data, error: saveError } = await admin.rpc("record_audit_checkpoint", {
    p_last_id: head.last_id,
    p_last_hash: head.last_hash,
    p_row_count: head.row_count,
    p_signature: signature,
    p_kind: kind,
    p_created_by: createdBy,
  });
  if (saveError) return problem(saveError.code === "22023" ? 409 : 502, "checkpoint_failed", saveError.message);
  return json(200, { checkpoint: data });
}

async function verify(caller: ReturnType<typeof callerClient>): Promise<Response> {
  const { data: chainRows, error } = await caller.rpc("verify_audit_chain");
  if (error) {
    return error.code === "42501"
      ? problem(403, "not_allowed", error.message)
      : problem(502, "verify_failed", error.message);
  }
  const chain = (chainRows as unknown[] | null)?.[0] ?? null;
  const key = secret();
  if (!key) return json(200, { chain, checkpoints: null, configured: false });
  const { data: facts, error: factsError } = await caller.rpc("audit_checkpoint_facts");
  if (factsError) return problem(502, "verify_failed", factsError.message);
  const checkpoints = await verifyCheckpoints((facts ?? []) as CheckpointFact[], key);
  return json(200, { chain, checkpoints, configured: true });
}

Deno.serve(async (request) => {
  if (request.method === "OPTIONS") return new Response("ok", { headers: corsHeaders });
  if (request.method !== "POST") return problem(405, "method_not_allowed", "Use POST.");
  let body: { action?: unknown };
  try {
    body = await request.json();
  } catch {
    return problem(400, "invalid_json", "The request body must be JSON.");
  }
  if (body.action !== "checkpoint" && body.action !== "verify") {
    return problem(400, "invalid_input", 'action must be "checkpoint" or "verify".');
  }
  if (body.action === "checkpoint" && isServiceRole(request)) return checkpoint("periodic", null);
  const caller = callerClient(request);
  const viewer = await callerId(caller);
  if (!viewer) return problem(401, "not_signed_in", "Sign in first.");
  if (body.action === "verify") return verify(caller);
  if (!(await callerCan(caller, "audit_log", "checkpoint"))) {
    return problem(403, "not_allowed", "Your roles do not allow making audit checkpoints.");
  }
  return checkpoint("on_demand", viewer);
});
