// Visit plans: a salesperson's lines for a month, and plan vs done per person and month.
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables } from "../../types/database";

export type PlanLine = Tables<"visit_plans"> & { customer: Pick<Tables<"customers">, "id" | "code" | "name"> | null };
export const planLineSelect =
  "id, staff_id, month, customer_id, planned_visits, territory_id, version, customer:customer_id(id, code, name)";

export type PlanVsDoneRow = Database["public"]["Functions"]["visit_plan_vs_done"]["Returns"][number];

export async function fetchPlanVsDone(from: string, to: string, territory: string | null): Promise<PlanVsDoneRow[]> {
  const { data, error } = await supabaseClient.rpc("visit_plan_vs_done", {
    p_from: from,
    p_to: to,
    ...(territory ? { p_territory: territory } : {}),
  });
  if (error) throw error;
  return data ?? [];
}

export interface PlanVsDoneLine {
  key: string;
  label: string;
  months: Record<string, { planned: number; done: number }>;
}

/**
 * One line per person, or per territory (the people placed there added up), with every month
 * of the range (the function already zero-fills each person's months).
 */
export function pivotPlanVsDone(
  rows: PlanVsDoneRow[],
  by: "staff" | "territory" = "staff",
  territoryLabel: (id: string) => string = (id) => id,
): { months: string[]; lines: PlanVsDoneLine[] } {
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const lines = new Map<string, PlanVsDoneLine>();
  for (const r of rows) {
    const key = by === "staff" ? r.staff_id : r.territory_id;
    const line = lines.get(key) ?? { key, label: by === "staff" ? r.full_name : territoryLabel(key), months: {} };
    const cell = line.months[r.month] ?? { planned: 0, done: 0 };
    line.months[r.month] = { planned: cell.planned + Number(r.planned), done: cell.done + Number(r.done) };
    lines.set(key, line);
  }
  return { months, lines: [...lines.values()].sort((a, b) => a.label.localeCompare(b.label)) };
}
