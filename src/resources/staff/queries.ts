// Staff: selects, the CSV import RPC, and export rows.
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables, TablesInsert } from "../../types/database";
import type { ImportResult, ImportRow } from "../../utils/importCsv";

export type StaffRow = Tables<"staff">;
export type StaffStatus = Database["public"]["Enums"]["staff_status"];
export const staffStatuses: StaffStatus[] = ["active", "on_leave", "left"];

/** A staff page row: what the show page and the edit form's header read. */
export type StaffDetailRow = StaffRow & {
  positions: Pick<Tables<"positions">, "code" | "title_en" | "title_es" | "title_zh" | "default_role_code"> | null;
  territories: Pick<Tables<"territories">, "code" | "name"> | null;
  manager: Pick<StaffRow, "id" | "full_name" | "email"> | null;
};

/**
 * A staff list row: only what the list's columns show. Position and territory come as ids and
 * are named from the catalogues the list's filters load anyway.
 */
type StaffColumns = "id" | "full_name" | "email" | "phone" | "status" | "hire_date" | "custom_fields";
export type StaffListRow = Pick<StaffRow, StaffColumns | "position_id" | "territory_id">;
/** A CSV export row: the import's columns, with position and territory by code and the manager by e-mail. */
export type StaffExportRow = Pick<StaffRow, StaffColumns> & {
  positions: Pick<Tables<"positions">, "code"> | null;
  territories: Pick<Tables<"territories">, "code"> | null;
  manager: Pick<StaffRow, "email"> | null;
};

/**
 * The list reads only the columns it shows, and no embeds: under 20 clients the page's cost is
 * its payload and its joins (the bench's throughput figure: with the position and territory
 * embedded, 33 % of a one-row read's requests per second; without, 42 %).
 */
const staffColumns = "id, full_name, email, phone, status, hire_date, custom_fields";
export const staffListSelect = `${staffColumns}, position_id, territory_id`;
/** The CSV export adds the codes and the manager (by e-mail, as the import takes them). */
export const staffExportSelect = `${staffColumns}, positions(code), territories:territory_id(code), manager:manager_id(email)`;
/** The staff list counts exactly: a department of thousands counts in a few ms, and an estimate under RLS is far off (3,750 of 5,000 for HR), which would hide the last pages. */
export const staffListCount = "exact" as const;
export const staffSelect =
  "id, full_name, email, phone, status, status_changed_on, hire_date, territory_id, territory_path, position_id, manager_id, user_id, custom_fields, version, notes, created_at, updated_at, positions(code, title_en, title_es, title_zh, default_role_code), territories:territory_id(code, name), manager:manager_id(id, full_name, email)";

export type StaffFormValues = Pick<
  TablesInsert<"staff">,
  | "full_name"
  | "email"
  | "phone"
  | "position_id"
  | "manager_id"
  | "territory_id"
  | "hire_date"
  | "status"
  | "status_changed_on"
  | "notes"
  | "user_id"
> & {
  custom_fields: Record<string, unknown>;
  version?: number;
};

export const assignmentSelect =
  "id, territory_id, staff_id, valid_from, valid_to, reason, end_reason, assigned_by, ended_by, territories(code, name), staff(full_name)";
export type AssignmentRow = Tables<"territory_assignments"> & {
  territories: Pick<Tables<"territories">, "code" | "name"> | null;
  staff: Pick<StaffRow, "full_name"> | null;
};

export const staffImportHeaders = [
  "full_name",
  "email",
  "phone",
  "position",
  "territory",
  "manager_email",
  "hire_date",
  "status",
  "notes",
];

export async function importStaff(rows: ImportRow[], dryRun: boolean): Promise<ImportResult> {
  const { data, error } = await supabaseClient.rpc("import_staff", {
    p_rows: rows as unknown as Database["public"]["Functions"]["import_staff"]["Args"]["p_rows"],
    p_dry_run: dryRun,
  });
  if (error) throw new Error(error.message);
  return data as unknown as ImportResult;
}

export async function assignTerritory(staffId: string, territoryId: string, reason: string) {
  const { data, error, status } = await supabaseClient.rpc("assign_territory", {
    p_staff: staffId,
    p_territory: territoryId,
    p_reason: reason,
  });
  return { data, error, status };
}

/**
 * The filter that selects a territory and everything below it: ltree labels are
 * fixed-length ids, so "path starts with the territory's path" is exactly its subtree.
 */
export function subtreeFilter(path: string) {
  return { field: "territory_path", operator: "startswith" as const, value: path };
}

/** A person by name (manager and reports-to choices). */
export const staffNameSelect = "id, full_name";

/** A person by name with their status (who holds a position). */
export const staffStatusSelect = "id, full_name, status";
