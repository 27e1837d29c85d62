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

export interface PlanVsDonePerson {
  staff_id: string;
  full_name: string;
  months: Record<string, { planned: number; done: number }>;
}

/** One row per person with every month of the range (the function already zero-fills). */
export function pivotPlanVsDone(rows: PlanVsDoneRow[]): { months: string[]; people: PlanVsDonePerson[] } {
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const people = new Map<string, PlanVsDonePerson>();
  for (const r of rows) {
    const person = people.get(r.staff_id) ?? { staff_id: r.staff_id, full_name: r.full_name, months: {} };
    person.months[r.month] = { planned: Number(r.planned), done: Number(r.done) };
    people.set(r.staff_id, person);
  }
  return { months, people: [...people.values()].sort((a, b) => a.full_name.localeCompare(b.full_name)) };
}
