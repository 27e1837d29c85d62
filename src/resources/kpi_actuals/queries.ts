// KPI actuals: the list's select, the KPIs a person may enter (those without a measure), the
// entry payload and the CSV import's columns (checked and written by import_kpi_actuals).
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables, TablesInsert } from "../../types/database";

export type ActualSource = Database["public"]["Enums"]["kpi_actual_source"];
export const actualSources: ActualSource[] = ["computed", "entered", "imported"];

export type ActualRow = Tables<"kpi_actuals"> & {
  person: Pick<Tables<"staff">, "full_name" | "email"> | null;
  kpi: Pick<Tables<"kpis">, "code" | "unit" | "measure_code" | "name_en" | "name_es" | "name_zh"> | null;
  territory: Pick<Tables<"territories">, "code"> | null;
};
export const actualSelect =
  "id, staff_id, kpi_id, month, value, source, note, territory_id, version, updated_at, person:staff_id(full_name, email), kpi:kpi_id(code, unit, measure_code, name_en, name_es, name_zh), territory:territory_id(code)";

export interface ActualValues {
  staff_id: string | null;
  kpi_id: string | null;
  month: string;
  value: number | null;
  note: string;
}

/** What an entry writes: the database sets territory, position, source and who recorded it. */
export function toActualPayload(v: ActualValues) {
  return {
    staff_id: v.staff_id ?? "",
    kpi_id: v.kpi_id ?? "",
    month: v.month,
    value: v.value ?? -1,
    note: v.note.trim(),
  };
}

/** A percentage a person writes is at most 100 (the database says so too). */
export function valueProblem(
  value: number | null,
  unit: Tables<"kpis">["unit"] | undefined,
): "required" | "percent" | null {
  if (value === null || Number.isNaN(value) || value < 0) return "required";
  if (unit === "percent" && value > 100) return "percent";
  return null;
}

export const actualImportHeaders = ["person", "kpi", "month", "value", "note"];

/** Enters a new actual, or corrects the value and note of one (sending the version read). */
export async function saveActual(row: Pick<ActualRow, "id" | "version"> | null, values: ActualValues) {
  const payload = toActualPayload(values);
  // The territory and position of the month are set by the database (the generated insert type
  // still lists them as required).
  const { error } = row
    ? await supabaseClient
        .from("kpi_actuals")
        .update({ value: payload.value, note: payload.note, version: row.version })
        .eq("id", row.id)
    : await supabaseClient.from("kpi_actuals").insert(payload as TablesInsert<"kpi_actuals">);
  if (error) throw error;
}

export async function deleteActual(id: string) {
  const { error } = await supabaseClient.from("kpi_actuals").delete().eq("id", id);
  if (error) throw error;
}
