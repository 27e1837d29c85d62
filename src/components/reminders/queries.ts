// Reminders: what is due for the signed-in person, computed by the database (my_reminders),
// and where each one leads in the panel.
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database } from "../../types/database";

type Row = Database["public"]["Functions"]["my_reminders"]["Returns"][number];
/** A reminder; its day, record and subject are absent where the kind has none. */
export type Reminder = Omit<Row, "due_on" | "subject_id" | "subject_date" | "subject"> & {
  due_on: string | null;
  subject_id: string | null;
  subject_date: string | null;
  subject: string | null;
};
export const remindersKey = ["my_reminders"] as const;

export async function fetchReminders(): Promise<Reminder[]> {
  const { data, error } = await supabaseClient.rpc("my_reminders");
  if (error) throw error;
  return data ?? [];
}

/** The page a reminder opens: the record when there is one, else where it is written. */
export function reminderLink(r: Reminder): string {
  switch (r.kind) {
    case "plan_due":
      return r.subject_id ? `/monthly-plans/show/${r.subject_id}` : "/monthly-plans/create";
    case "summary_due":
      return r.subject_id ? `/summaries/show/${r.subject_id}` : "/summaries/create";
    case "evaluation_to_acknowledge":
    case "improvement_plan_due":
      return `/evaluations/show/${r.subject_id}`;
    case "training_required":
    case "rules_to_acknowledge":
      return "/my-rules";
    case "to_review":
      return "/summaries?filters[0][field]=status&filters[0][operator]=eq&filters[0][value]=submitted";
    default:
      return "/";
  }
}

/** How many things are due: a grouped reminder counts its items. */
export function reminderCount(rows: Reminder[]): number {
  return rows.reduce((n, r) => n + r.items, 0);
}
