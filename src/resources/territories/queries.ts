// Territories: selects and the CSV import RPC.
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables, TablesInsert } from "../../types/database";
import type { ImportResult, ImportRow } from "../../utils/importCsv";

export type TerritoryRow = Tables<"territories">;
export type TerritoryListRow = TerritoryRow & {
  manager: Pick<Tables<"staff">, "id" | "full_name"> | null;
  territory_assignments: {
    staff_id: string;
    valid_to: string | null;
    staff: Pick<Tables<"staff">, "full_name"> | null;
  }[];
};

/** What the tree draws, from the territory_tree view (one row per readable territory). */
type TreeViewRow = Database["public"]["Views"]["territory_tree"]["Row"];
export type TerritoryTreeRow = {
  [K in "id" | "code" | "name" | "depth" | "version"]: NonNullable<TreeViewRow[K]>;
} & Pick<TreeViewRow, "parent_id" | "manager_name" | "salesperson_name">;
export const territoryTreeResource = "territory_tree";
export const territoryTreeSelect = "id, code, name, parent_id, depth, version, manager_name, salesperson_name";

export const territoryListSelect =
  "id, code, name, parent_id, path, market_notes, manager_id, custom_fields, version, manager:manager_id(id, full_name), territory_assignments(staff_id, valid_to, staff(full_name))";
export const territorySelect = `${territoryListSelect}, created_at, updated_at`;
/** Only the current assignment is embedded. */
export const currentAssignmentFilter = {
  field: "territory_assignments.valid_to",
  operator: "null" as const,
  value: true,
};

export type TerritoryFormValues = Pick<
  TablesInsert<"territories">,
  "code" | "name" | "parent_id" | "market_notes" | "manager_id"
> & {
  custom_fields: Record<string, unknown>;
  version?: number;
};

export const territoryImportHeaders = ["code", "name", "parent", "market_notes", "manager_email"];

export async function importTerritories(rows: ImportRow[], dryRun: boolean): Promise<ImportResult> {
  const { data, error } = await supabaseClient.rpc("import_territories", {
    p_rows: rows as unknown as Database["public"]["Functions"]["import_territories"]["Args"]["p_rows"],
    p_dry_run: dryRun,
  });
  if (error) throw new Error(error.message);
  return data as unknown as ImportResult;
}

export type LevelKey = "region" | "subregion" | "area" | "zone" | "district";

/** The level name of a territory at a depth (1 = region). */
export function levelOfDepth(depth: number): LevelKey {
  return (["region", "subregion", "area", "zone", "district"] as const)[Math.min(Math.max(depth, 1), 5) - 1]!;
}

/** The level name of a territory from its path. */
export function levelKey(path: string): LevelKey {
  return levelOfDepth(path ? path.split(".").length : 1);
}

/** A territory as the tree select draws it. */
export const territoryPickerSelect = "id, code, name, parent_id, path";

/** A territory by code and name (parent, children). */
export const territoryCodeSelect = "id, code, name";

/** Only the key: a move answers with no more than it needs. */
export const territoryKeySelect = "id";
