// My performance: the signed-in person's targets against actuals per KPI and month (one
// database call for the year), laid out one line per KPI.
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database } from "../../types/database";

export type PerformanceMonth = Database["public"]["Functions"]["performance_months"]["Returns"][number];
type Nullable<T> = { [K in keyof T]: T[K] | null };

export async function fetchPerformance(staffId: string, year: number): Promise<PerformanceMonth[]> {
  const { data, error } = await supabaseClient.rpc("performance_months", { p_staff: staffId, p_year: year });
  if (error) throw error;
  return data ?? [];
}

export interface PerformanceLine {
  kpiId: string;
  months: { target: number | null; actual: number | null; live: boolean }[];
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
        months: Array.from({ length: 12 }, () => ({ target: null, actual: null, live: false })),
      } satisfies PerformanceLine);
    line.months[r.month - 1] = {
      target: r.target === null ? null : Number(r.target),
      actual: r.actual === null ? null : Number(r.actual),
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
