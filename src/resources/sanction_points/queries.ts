// Discipline points per sanction kind: the discipline_points KPI measure sums them over a
// person's confirmed and closed violations of a period. Whoever edits KPIs sets them, one kind
// at a time with the version read (no lost updates).
import { supabaseClient } from "../../providers/supabaseClient";
import type { Enums, Tables } from "../../types/database";

export type SanctionPointsRow = Tables<"sanction_points">;

/** The ladder's order, lightest first. */
export const sanctionOrder: Enums<"sanction_kind">[] = [
  "verbal_warning",
  "written_warning",
  "fine",
  "referral",
  "demotion",
  "dismissal",
];

/** Points are a whole number from 0 to 1,000 (the database refuses anything else). */
export function pointsProblem(points: number | null): "points" | null {
  return points === null || !Number.isInteger(points) || points < 0 || points > 1000 ? "points" : null;
}

export async function savePoints(row: Pick<SanctionPointsRow, "kind" | "version">, points: number) {
  const { error } = await supabaseClient
    .from("sanction_points")
    .update({ points, version: row.version })
    .eq("kind", row.kind);
  if (error) throw error;
}
