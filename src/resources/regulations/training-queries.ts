// The training a rule requires (regulation_trainings: set by whoever edits rules) and its
// coverage by territory and person (regulation_training_coverage*, through the reader's RLS).
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables } from "../../types/database";

export type RuleTrainingRow = Tables<"regulation_trainings"> & {
  topic: Pick<Tables<"training_topics">, "code" | "name_en" | "name_es" | "name_zh"> | null;
};
export type TrainingCoverageGroup =
  Database["public"]["Functions"]["regulation_training_coverage_groups"]["Returns"][number];
export type TrainingCoveragePerson = Database["public"]["Functions"]["regulation_training_coverage"]["Returns"][number];

export async function fetchRuleTraining(ruleId: string): Promise<RuleTrainingRow | null> {
  const { data, error } = await supabaseClient
    .from("regulation_trainings")
    .select("*, topic:topic_id(code, name_en, name_es, name_zh)")
    .eq("regulation_id", ruleId)
    .maybeSingle<RuleTrainingRow>();
  if (error) throw error;
  return data;
}

export interface RuleTrainingValues {
  topic_id: string | null;
  due_within_days: number | null;
}

/** Sets (or changes, at the version read) the training a rule requires. */
export async function saveRuleTraining(ruleId: string, stored: RuleTrainingRow | null, v: RuleTrainingValues) {
  const values = { topic_id: v.topic_id ?? "", due_within_days: v.due_within_days ?? 30 };
  const { error } = stored
    ? await supabaseClient
        .from("regulation_trainings")
        .update({ ...values, version: stored.version })
        .eq("regulation_id", ruleId)
    : await supabaseClient.from("regulation_trainings").insert({ regulation_id: ruleId, ...values });
  if (error) throw error;
}

export async function removeRuleTraining(ruleId: string) {
  const { error } = await supabaseClient.from("regulation_trainings").delete().eq("regulation_id", ruleId);
  if (error) throw error;
}

export async function fetchTrainingCoverage(ruleId: string, territoryId: string | null) {
  const args = { p_regulation: ruleId, ...(territoryId ? { p_territory: territoryId } : {}) };
  const [groups, missing] = await Promise.all([
    supabaseClient.rpc("regulation_training_coverage_groups", args),
    supabaseClient
      .rpc("regulation_training_coverage", { ...args, p_only_missing: true })
      .order("due_on", { ascending: true })
      .order("full_name", { ascending: true })
      .limit(50),
  ]);
  if (groups.error) throw groups.error;
  if (missing.error) throw missing.error;
  return { groups: groups.data ?? [], missing: missing.data ?? [] };
}

/** Completed out of total as a whole percentage (none when nobody is concerned). */
export function completedPercent(g: Pick<TrainingCoverageGroup, "total" | "completed">): number | null {
  return g.total > 0 ? Math.round((g.completed * 100) / g.total) : null;
}
