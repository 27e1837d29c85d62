// Checkpoint signatures and their verification: pure, so both are tested without a server.
// A checkpoint pins the audit log's last id, last hash and row count; its HMAC-SHA256 is made
// with a key only this function holds (AUDIT_CHECKPOINT_SECRET), never the database.
export interface CheckpointHead {
  last_id: number;
  last_hash: string; // hex
  row_count: number;
}

export interface CheckpointFact extends CheckpointHead {
  id: number;
  created_at: string;
  kind: string;
  signature: string;
  /** The log's hash at last_id now (null when that row is gone). */
  log_hash: string | null;
  /** How many rows the log holds up to last_id now. */
  log_count: number;
}

export type Mismatch = "bad_signature" | "row_missing" | "hash_changed" | "count_changed";

export interface CheckpointReport {
  checked: number;
  first_mismatch: { id: number; created_at: string; last_id: number; reason: Mismatch } | null;
}

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** What is signed: a version tag and the three numbers, in one fixed text form. */
export function checkpointMessage(head: CheckpointHead): string {
  return `audit-checkpoint:v1:${head.last_id}:${head.last_hash.toLowerCase()}:${head.row_count}`;
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

export async function signCheckpoint(head: CheckpointHead, secret: string): Promise<string> {
  return hex(await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(checkpointMessage(head))));
}

/** Same-length comparison that does not stop at the first differing character. */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** Why a checkpoint no longer holds (null when it does). */
export async function checkpointMismatch(fact: CheckpointFact, secret: string): Promise<Mismatch | null> {
  if (!sameText(await signCheckpoint(fact, secret), fact.signature)) return "bad_signature";
  if (fact.log_hash === null) return "row_missing";
  if (fact.log_hash.toLowerCase() !== fact.last_hash.toLowerCase()) return "hash_changed";
  if (Number(fact.log_count) !== Number(fact.row_count)) return "count_changed";
  return null;
}

/** Checks every checkpoint, oldest first, and names the first that no longer matches. */
export async function verifyCheckpoints(facts: CheckpointFact[], secret: string): Promise<CheckpointReport> {
  const ordered = [...facts].sort((a, b) => a.id - b.id);
  for (const fact of ordered) {
    const reason = await checkpointMismatch(fact, secret);
    if (reason) {
      return {
        checked: ordered.length,
        first_mismatch: { id: fact.id, created_at: fact.created_at, last_id: fact.last_id, reason },
      };
    }
  }
  return { checked: ordered.length, first_mismatch: null };
}
