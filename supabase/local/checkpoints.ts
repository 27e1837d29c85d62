// Audit checkpoints for the local stack: the Edge Function's signing key (kept in the data
// folder, never in the database) and the periodic checkpoint a hosted project schedules with
// pg_cron or a cron job calling the audit-integrity function with the service role key.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The key the audit-integrity function signs with: one per data folder, or one per run. */
export function checkpointSecret(dataDir: string, persistent: boolean): string {
  if (process.env.AUDIT_CHECKPOINT_SECRET) return process.env.AUDIT_CHECKPOINT_SECRET;
  if (!persistent) return randomBytes(32).toString("hex");
  const file = path.join(dataDir, "audit-checkpoint.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Asks the audit-integrity function for a checkpoint every `minutes`; returns the stopper. */
export function schedulePeriodicCheckpoints(
  apiUrl: string,
  serviceRoleKey: string,
  minutes: number,
  log: (line: string) => void,
): () => void {
  const run = async () => {
    try {
      const response = await fetch(`${apiUrl}/functions/v1/audit-integrity`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${serviceRoleKey}`,
          apikey: serviceRoleKey,
          "Content-Type": "application/json",
        },
        body: JSON.stringify({ action: "checkpoint" }),
        signal: AbortSignal.timeout(60_000),
      });
      if (!response.ok) log(`audit checkpoint not made: ${response.status} ${await response.text()}`);
    } catch (error) {
      log(`audit checkpoint not made: ${(error as Error).message}`);
    }
  };
  const timer = setInterval(() => void run(), minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
