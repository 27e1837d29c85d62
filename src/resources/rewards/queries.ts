// Rewards: the list's select, proposing one (the database sets its territory, proposer and
// status) and HR's decision (decide_reward: confirm, choosing the kind and a bonus's amount, or
// decline with a note).
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables, TablesInsert } from "../../types/database";

type Enums = Database["public"]["Enums"];
export type RewardKind = Enums["reward_kind"];
export type RewardStatus = Enums["reward_status"];
export const rewardKinds: RewardKind[] = ["praise", "bonus", "promotion", "announcement"];
export const rewardStatuses: RewardStatus[] = ["proposed", "confirmed", "declined"];

export type RewardRow = Tables<"rewards"> & {
  person: Pick<Tables<"staff">, "full_name"> | null;
  proposer: Pick<Tables<"profiles">, "full_name"> | null;
  decider: Pick<Tables<"profiles">, "full_name"> | null;
  evaluation: Pick<Tables<"evaluations">, "id" | "month"> | null;
};
export const rewardSelect =
  "*, person:staff_id(full_name), proposer:proposed_by(full_name), decider:decided_by(full_name), evaluation:evaluation_id(id, month)";

export interface RewardValues {
  staff_id: string | null;
  kind: RewardKind;
  amount: number | null;
  reason: string;
  awarded_on: string;
}

/** Only a bonus has an amount (the database refuses anything else). */
export function toRewardPayload(v: RewardValues) {
  return {
    staff_id: v.staff_id ?? "",
    kind: v.kind,
    amount: v.kind === "bonus" ? v.amount : null,
    reason: v.reason.trim(),
    awarded_on: v.awarded_on,
  };
}

export function amountProblem(kind: RewardKind, amount: number | null): boolean {
  return kind === "bonus" && (amount === null || !(amount > 0));
}

export async function proposeReward(v: RewardValues) {
  // The territory, proposer and status are set by the database (the generated insert type
  // still lists the territory as required).
  const { error } = await supabaseClient.from("rewards").insert(toRewardPayload(v) as TablesInsert<"rewards">);
  if (error) throw error;
}

export async function decideReward(
  row: Pick<RewardRow, "id" | "version">,
  decision: { confirm: boolean; kind?: RewardKind; amount?: number | null; note: string },
) {
  const { data, error } = await supabaseClient.rpc("decide_reward", {
    p_reward: row.id,
    p_version: row.version,
    p_confirm: decision.confirm,
    p_kind: decision.kind,
    p_amount: decision.kind === "bonus" ? (decision.amount ?? undefined) : undefined,
    p_note: decision.note.trim(),
  });
  if (error) throw error;
  return data;
}
