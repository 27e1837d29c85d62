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
}

/** A detector is on only once it names the rule it enforces (the database refuses otherwise). */
export function detectorProblem(v: DetectorValues): "unbound" | null {
  return v.enabled && !v.regulation_id ? "unbound" : null;
}

export async function saveDetector(row: Pick<DetectorRow, "code" | "version">, v: DetectorValues) {
  const { error } = await supabaseClient
    .from("detectors")
    .update({ regulation_id: v.regulation_id, enabled: v.enabled, version: row.version })
    .eq("code", row.code);
  if (error) throw error;
}
