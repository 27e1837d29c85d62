// Amendments: the list's select, asking for one and deciding one (database functions that
// check the matrix, that the month is closed, and that the decider is not the requester).
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables } from "../../types/database";

type Enums = Database["public"]["Enums"];
export type AmendmentKind = Enums["amendment_kind"];
export type AmendmentStatus = Enums["amendment_status"];
export const amendmentKinds: AmendmentKind[] = ["actual", "target"];
export const amendmentStatuses: AmendmentStatus[] = ["pending", "approved", "rejected"];

export type AmendmentRow = Tables<"amendments"> & {
  person: Pick<Tables<"staff">, "full_name"> | null;
  kpi: Pick<Tables<"kpis">, "code" | "unit" | "name_en" | "name_es" | "name_zh"> | null;
  requester: Pick<Tables<"profiles">, "full_name"> | null;
  decider: Pick<Tables<"profiles">, "full_name"> | null;
};
export const amendmentSelect =
  "*, person:staff_id(full_name), kpi:kpi_id(code, unit, name_en, name_es, name_zh), requester:requested_by(full_name), decider:decided_by(full_name)";

export interface RequestValues {
  kind: AmendmentKind;
  staff_id: string | null;
  kpi_id: string | null;
  month: string;
  value: number | null;
  reason: string;
}

export async function requestAmendment(v: RequestValues) {
  const { data, error } = await supabaseClient.rpc("request_amendment", {
    p_kind: v.kind,
    p_staff: v.staff_id ?? "",
    p_kpi: v.kpi_id ?? "",
    p_month: v.month,
    p_value: v.value ?? -1,
    p_reason: v.reason.trim(),
  });
  if (error) throw error;
  return data;
}

export async function decideAmendment(row: Pick<AmendmentRow, "id" | "version">, approve: boolean, note: string) {
  const { data, error } = await supabaseClient.rpc("decide_amendment", {
    p_amendment: row.id,
    p_version: row.version,
    p_approve: approve,
    p_note: note.trim(),
  });
  if (error) throw error;
  return data;
}
