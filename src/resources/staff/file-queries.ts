// The person's file (person_file): one call returns every section the reader may see, each
// through their own policies (a section they may not read comes back empty; a person they may
// not read, as null). The shape is the function's; rows are typed from the tables they come from.
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Json, Tables } from "../../types/database";

type Enums = Database["public"]["Enums"];
type Localized<K extends string> = { [L in `${K}_en` | `${K}_es` | `${K}_zh`]: string };

export interface PersonFile {
  person: { id: string; full_name: string; is_me: boolean; hire_date: string; status: Enums["staff_status"] };
  positions: ({
    valid_from: string;
    valid_to: string | null;
    territory_code: string | null;
    manager_name: string | null;
  } & Localized<"position">)[];
  territories: {
    valid_from: string;
    valid_to: string | null;
    territory_code: string;
    territory_name: string;
    reason: string;
  }[];
  targets: ({ kpi_code: string; unit: Enums["kpi_unit"]; year: number; total: number } & Localized<"kpi">)[];
  evaluations: (Pick<Tables<"evaluations">, "id" | "month" | "status" | "total_score" | "band_outcome"> & {
    band_code: string | null;
  })[];
  violations: (Pick<Tables<"violations">, "id" | "occurred_on" | "status" | "description"> & {
    regulation_code: string | null;
  })[];
  rewards: Pick<Tables<"rewards">, "id" | "awarded_on" | "kind" | "amount" | "status" | "reason">[];
  attendance: Partial<Record<Enums["attendance_mark"], number>>;
  training: ({
    meeting_id: string;
    title: string;
    held_on: string;
    duration_minutes: number;
    trainer: string;
    mark: Enums["attendance_mark"] | null;
    assessment_score: number | null;
    pass_score: number | null;
    completed: boolean;
    topic_code: string | null;
  } & Localized<"topic">)[];
  suggestions: Pick<Tables<"suggestions">, "id" | "title" | "area" | "status" | "submitted_at" | "author_hidden">[];
  plans: Pick<Tables<"monthly_plans">, "id" | "month" | "status" | "sales_target" | "visits_planned">[];
  summaries: Pick<
    Tables<"summaries">,
    "id" | "period" | "period_start" | "period_end" | "status" | "sales_amount" | "visits_done" | "visits_planned"
  >[];
}

const sections = [
  "positions",
  "territories",
  "targets",
  "evaluations",
  "violations",
  "rewards",
  "training",
  "suggestions",
  "plans",
  "summaries",
] as const;

/** The function's answer as a file, or null (a person the reader may not read); anything else is an error. */
export function toPersonFile(data: Json): PersonFile | null {
  if (data === null) return null;
  if (typeof data !== "object" || Array.isArray(data) || typeof data.person !== "object" || data.person === null)
    throw new Error("person_file: unexpected answer");
  for (const s of sections) if (!Array.isArray(data[s])) throw new Error(`person_file: ${s} is not a list`);
  return data as unknown as PersonFile;
}

export async function fetchPersonFile(staffId: string): Promise<PersonFile | null> {
  const { data, error } = await supabaseClient.rpc("person_file", { p_staff: staffId });
  if (error) throw error;
  return toPersonFile(data);
}
