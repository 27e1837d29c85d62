// The detector registry: each check the database runs, the rule it enforces and whether it is
// on. Only the binding and the switch are written (with the version read, so two people
// changing the same detector do not overwrite each other).
import { supabaseClient } from "../../providers/supabaseClient";
import type { Tables } from "../../types/database";

export type DetectorRow = Tables<"detectors"> & {
  rule: Pick<Tables<"regulations">, "code"> | null;
  changer: Pick<Tables<"profiles">, "full_name"> | null;
};
export const detectorSelect = "*, rule:regulation_id(code), changer:updated_by(full_name)";

export interface DetectorValues {
  regulation_id: string | null;
  enabled: boolean;
  grace_days: number | null;
}

/** The checks that wait some days before a finding is a breach. */
export const detectorsWithGrace = ["overdue_visit"];

/**
 * A detector is on only once it names the rule it enforces, and its grace is a whole number of
 * days from 0 to 365 (the database refuses otherwise).
 */
export function detectorProblem(v: DetectorValues): "unbound" | "grace" | null {
  if (v.enabled && !v.regulation_id) return "unbound";
  if (v.grace_days === null || !Number.isInteger(v.grace_days) || v.grace_days < 0 || v.grace_days > 365)
    return "grace";
  return null;
}

export async function saveDetector(row: Pick<DetectorRow, "code" | "version">, v: DetectorValues) {
  const { error } = await supabaseClient
    .from("detectors")
    .update({ regulation_id: v.regulation_id, enabled: v.enabled, grace_days: v.grace_days ?? 0, version: row.version })
    .eq("code", row.code);
  if (error) throw error;
}

export type DetectorRun = { code: string; found: number };

/** Runs the switched-on checks now over the last month (what the nightly run does). */
export async function runDetectors(): Promise<DetectorRun[]> {
  const { data, error } = await supabaseClient.rpc("run_detectors", { p_days: 31 });
  if (error) throw error;
  return data ?? [];
}
