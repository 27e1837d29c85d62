// Re-tiering: the proposal from last calendar year's sales, and applying it with a reason.
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables } from "../../types/database";

export type RetieringProposal = Database["public"]["Functions"]["propose_retiering"]["Returns"][number];
export type RetieringRun = Tables<"retiering_runs">;

export async function proposeRetiering(year: number): Promise<RetieringProposal[]> {
  const { data, error } = await supabaseClient.rpc("propose_retiering", { p_year: year });
  if (error) throw error;
  return data ?? [];
}

export async function applyRetiering(year: number, reason: string): Promise<number> {
  const { data, error } = await supabaseClient.rpc("apply_retiering", { p_year: year, p_reason: reason });
  if (error) throw error;
  return data ?? 0;
}

/** The calendar years a re-tiering may use: the last five that have ended. */
export function retieringYears(now = new Date()): number[] {
  const last = now.getFullYear() - 1;
  return [0, 1, 2, 3, 4].map((i) => last - i);
}
