// Evaluations: the list's and page's selects, the workflow's calls (each one database
// function that checks the matrix itself) and what the page works out from the lines.
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables } from "../../types/database";

type Enums = Database["public"]["Enums"];
export type EvaluationStatus = Enums["evaluation_status"];
export const evaluationStatuses: EvaluationStatus[] = ["draft", "submitted", "approved", "acknowledged"];

type Named = Pick<Tables<"kpis">, "name_en" | "name_es" | "name_zh">;
export type EvaluationListRow = Tables<"evaluations"> & {
  person: Pick<Tables<"staff">, "full_name"> | null;
  territory: Pick<Tables<"territories">, "code" | "name"> | null;
  band: (Named & Pick<Tables<"rating_bands">, "code">) | null;
};
export const evaluationListSelect =
  "id, staff_id, month, status, total_score, band_outcome, territory_id, version, person:staff_id(full_name), territory:territory_id(code, name), band:band_id(code, name_en, name_es, name_zh)";

export type EvaluationLine = Tables<"evaluation_lines"> & {
  kpi: (Named & Pick<Tables<"kpis">, "code" | "kind" | "unit" | "measure_code" | "scale_max">) | null;
};
export type EvaluationDetail = EvaluationListRow & {
  position: Pick<Tables<"positions">, "title_en" | "title_es" | "title_zh"> | null;
  lines: EvaluationLine[];
  /** One plan at most (an evaluation has one), so PostgREST embeds it as a row or null. */
  plan: Tables<"improvement_plans"> | null;
  /** The reward its band proposed on approval (one at most), as HR left it. */
  reward: Pick<Tables<"rewards">, "id" | "kind" | "amount" | "status"> | null;
};
export const evaluationSelect =
  "*, person:staff_id(full_name), territory:territory_id(code, name), band:band_id(code, name_en, name_es, name_zh), position:position_id(title_en, title_es, title_zh), lines:evaluation_lines(*, kpi:kpi_id(code, kind, unit, measure_code, scale_max, name_en, name_es, name_zh)), plan:improvement_plans(*), reward:rewards(id, kind, amount, status)";

/** A line the manager fills in: a qualitative KPI's score, or an entered KPI's actual. */
export const isManual = (l: EvaluationLine): boolean =>
  l.kpi?.kind === "qualitative" || (l.kpi?.kind === "quantitative" && !l.kpi.measure_code);

/** What a line's manual value is called: a score on the scale, or the actual. */
export const manualField = (l: EvaluationLine): "manual_score" | "actual" =>
  l.kpi?.kind === "qualitative" ? "manual_score" : "actual";

/** The manual lines still without a value (submitting is refused until there are none). */
export function missingManual(lines: EvaluationLine[], edits: Record<string, number | null>): EvaluationLine[] {
  return lines.filter((l) => isManual(l) && (edits[l.kpi_id] ?? l[manualField(l)]) === null);
}

export type ManualEdits = Record<string, number | null>;

/** The scores sent: one entry per manual line, with the value shown on screen. */
export function scoresPayload(lines: EvaluationLine[], edits: ManualEdits) {
  return lines
    .filter(isManual)
    .map((l) => ({ kpi_id: l.kpi_id, [manualField(l)]: l.kpi_id in edits ? edits[l.kpi_id] : l[manualField(l)] }));
}

const call = async <T>(promise: PromiseLike<{ data: T | null; error: { message: string } | null }>): Promise<T> => {
  const { data, error } = await promise;
  if (error) throw error;
  return data as T;
};

export type RunResult = Database["public"]["Functions"]["run_evaluations"]["Returns"][number];
export const runEvaluations = async (month: string, territory: string | null): Promise<RunResult> =>
  (
    await call(
      supabaseClient.rpc("run_evaluations", { p_month: month, ...(territory ? { p_territory: territory } : {}) }),
    )
  )[0]!;

export const saveScores = (id: string, version: number, lines: EvaluationLine[], edits: ManualEdits, comment: string) =>
  call(
    supabaseClient.rpc("save_evaluation_scores", {
      p_evaluation: id,
      p_version: version,
      p_lines: scoresPayload(lines, edits),
      p_comment: comment,
    }),
  );
export const submitEvaluation = (id: string, version: number, comment: string) =>
  call(supabaseClient.rpc("submit_evaluation", { p_evaluation: id, p_version: version, p_comment: comment }));

export interface PlanValues {
  areas: string;
  actions: string;
  deadline: string;
  follow_up_owner_id: string;
}
export const approveEvaluation = (id: string, version: number, plan: PlanValues | null) =>
  call(
    supabaseClient.rpc("approve_evaluation", {
      p_evaluation: id,
      p_version: version,
      ...(plan ? { p_plan: { ...plan } } : {}),
    }),
  );
export const returnEvaluation = (id: string, version: number, reason: string) =>
  call(supabaseClient.rpc("return_evaluation", { p_evaluation: id, p_version: version, p_reason: reason }));
export const acknowledgeEvaluation = (id: string, version: number, comment: string) =>
  call(supabaseClient.rpc("acknowledge_evaluation", { p_evaluation: id, p_version: version, p_comment: comment }));
