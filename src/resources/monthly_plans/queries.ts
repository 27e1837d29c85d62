// Monthly plans (003 ch.3): the select, the form's values and payload. The person, month and
// workflow columns are the database's after the plan is written; the form sends the sections.
import type { Tables } from "../../types/database";

export type MonthlyPlanRow = Tables<"monthly_plans"> & {
  person: Pick<Tables<"staff">, "id" | "full_name" | "user_id"> | null;
  territory: Pick<Tables<"territories">, "code" | "name"> | null;
};
export const monthlyPlanSelect = "*, person:staff_id(id, full_name, user_id), territory:territory_id(code, name)";

export interface MonthlyPlanValues {
  staff_id: string | null;
  month: string | null;
  sales_target: number | null;
  target_breakdown: string;
  key_customers: string;
  prospects: string;
  visits_planned: number | null;
  known_problems: string;
}

export const monthlyPlanDefaults = (staffId: string | null, month: string): MonthlyPlanValues => ({
  staff_id: staffId,
  month,
  sales_target: 0,
  target_breakdown: "",
  key_customers: "",
  prospects: "",
  visits_planned: 0,
  known_problems: "",
});

/** The sections, trimmed (the person and month only when the plan is new). */
export function toMonthlyPlanPayload(v: MonthlyPlanValues, stored?: MonthlyPlanRow): Partial<MonthlyPlanValues> {
  const sections = {
    sales_target: v.sales_target ?? 0,
    target_breakdown: v.target_breakdown.trim(),
    key_customers: v.key_customers.trim(),
    prospects: v.prospects.trim(),
    visits_planned: v.visits_planned ?? 0,
    known_problems: v.known_problems.trim(),
  };
  return stored ? sections : { staff_id: v.staff_id, month: v.month, ...sections };
}
