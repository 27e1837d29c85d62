// My performance: the signed-in person's targets against actuals per KPI and month (one
// database call for the year), laid out one line per KPI.
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables, TablesInsert } from "../../types/database";

export type PerformanceMonth = Database["public"]["Functions"]["performance_months"]["Returns"][number];
type Nullable<T> = { [K in keyof T]: T[K] | null };

export async function fetchPerformance(staffId: string, year: number): Promise<PerformanceMonth[]> {
  const { data, error } = await supabaseClient.rpc("performance_months", { p_staff: staffId, p_year: year });
  if (error) throw error;
  return data ?? [];
}

export interface PerformanceCell {
  target: number | null;
  actual: number | null;
  goal: number | null;
  live: boolean;
}

export interface PerformanceLine {
  kpiId: string;
  months: PerformanceCell[];
}

/** One line per KPI with its twelve months (a month the function did not return is empty). */
export function performanceLines(rows: PerformanceMonth[]): PerformanceLine[] {
  const lines = new Map<string, PerformanceLine>();
  // A month without a target or actual comes back as null (the generated types say otherwise).
  for (const r of rows as Nullable<PerformanceMonth>[]) {
    if (r.kpi_id === null || r.month === null) continue;
    const line =
      lines.get(r.kpi_id) ??
      ({
        kpiId: r.kpi_id,
        months: Array.from({ length: 12 }, () => ({ target: null, actual: null, goal: null, live: false })),
      } satisfies PerformanceLine);
    line.months[r.month - 1] = {
      target: r.target === null ? null : Number(r.target),
      actual: r.actual === null ? null : Number(r.actual),
      goal: r.goal === null || r.goal === undefined ? null : Number(r.goal),
      live: r.source === "live",
    };
    lines.set(r.kpi_id, line);
  }
  return [...lines.values()];
}

/** Whether a month's actual meets its target, by the KPI's direction (null: nothing to compare). */
export function meets(
  cell: { target: number | null; actual: number | null },
  direction: "higher_is_better" | "lower_is_better",
): boolean | null {
  if (cell.target === null || cell.actual === null) return null;
  return direction === "higher_is_better" ? cell.actual >= cell.target : cell.actual <= cell.target;
}

export type YearEndLine = Database["public"]["Functions"]["year_end_evaluation"]["Returns"][number];

/** The year-end evaluation from the approved months (empty until a month is approved). */
export async function fetchYearEnd(staffId: string, year: number): Promise<YearEndLine[]> {
  const { data, error } = await supabaseClient.rpc("year_end_evaluation", { p_staff: staffId, p_year: year });
  if (error) throw error;
  return data ?? [];
}

export type GoalRow = Pick<Tables<"personal_goals">, "id" | "kpi_id" | "year" | "months" | "note" | "version">;

export interface GoalValues {
  kpi_id: string | null;
  months: (number | null)[];
  note: string;
}

/** Saves one's goal for a KPI and year: a new one, or the one read (at its version). */
export async function saveGoal(staffId: string, year: number, v: GoalValues, existing: GoalRow | undefined) {
  // A month without a goal is null in the array (the generated types know arrays without nulls only).
  const values = { months: v.months as number[], note: v.note.trim() };
  const { error } = existing
    ? await supabaseClient
        .from("personal_goals")
        .update({ ...values, version: existing.version })
        .eq("id", existing.id)
    : await supabaseClient
        .from("personal_goals")
        .insert({ ...values, staff_id: staffId, kpi_id: v.kpi_id ?? "", year } as TablesInsert<"personal_goals">);
  if (error) throw error;
}
