// Customers: selects, tiers' names, the territory-subtree filter, and the field-data RPCs the
// customer pages share (overdue, the placement history).
import type { CrudFilter } from "@refinedev/core";
import { localizedName } from "../../providers/i18n";
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Json, Tables, TablesInsert } from "../../types/database";
import type { ImportResult, ImportRow } from "../../utils/importCsv";

export type CustomerRow = Tables<"customers">;
export type CustomerStatus = Database["public"]["Enums"]["customer_status"];
export const customerStatuses: CustomerStatus[] = ["prospect", "potential", "active", "lost"];
export const customerStatusColor: Record<CustomerStatus, string> = {
  prospect: "default",
  potential: "processing",
  active: "success",
  lost: "error",
};
export const customerCodePattern = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;

type TierName = Pick<Tables<"customer_tiers">, "name_en" | "name_es" | "name_zh">;
export type CustomerListRow = CustomerRow & {
  tier: (TierName & Pick<Tables<"customer_tiers">, "code" | "visit_interval_days">) | null;
  territory: Pick<Tables<"territories">, "code" | "name"> | null;
  owner: Pick<Tables<"staff">, "id" | "full_name"> | null;
  days_overdue: number | null;
};

export const customerListSelect =
  "id, code, name, status, tier_id, tier_since, territory_id, owner_id, address, custom_fields, external_id, version, created_at, updated_at, tier:tier_id(code, name_en, name_es, name_zh, visit_interval_days), territory:territory_id(code, name), owner:owner_id(id, full_name), days_overdue";
export const customerPickerSelect = "id, code, name, territory_id, owner_id";
export type CustomerPick = Pick<CustomerRow, "id" | "code" | "name" | "territory_id" | "owner_id">;

export type CustomerFormValues = Pick<
  TablesInsert<"customers">,
  "code" | "name" | "tier_id" | "status" | "territory_id" | "owner_id" | "address"
> & { custom_fields: Record<string, unknown>; version?: number };

/** A tier's name in the reader's language (English when missing). */
export function tierName(tier: TierName | null | undefined, locale: string): string {
  if (!tier) return "—";
  return localizedName(tier, locale);
}

/** The ids of a territory and everything below it, from the tree's materialised paths. */
export function subtreeIds(rows: { id: string; path: string }[], rootId: string | null): string[] | null {
  if (!rootId) return null;
  const root = rows.find((r) => r.id === rootId);
  if (!root) return [rootId];
  return rows.filter((r) => r.path === root.path || r.path.startsWith(`${root.path}.`)).map((r) => r.id);
}

/** "In this territory's subtree" as a list filter on territory_id. */
export function territoryFilter(ids: string[] | null): CrudFilter[] {
  return ids ? [{ field: "territory_id", operator: "in", value: ids }] : [];
}

export const placementSelect =
  "id, valid_from, valid_to, territory:territory_id(code, name), owner:owner_id(full_name)";
export type PlacementRow = Pick<Tables<"customer_placements">, "id" | "valid_from" | "valid_to"> & {
  territory: Pick<Tables<"territories">, "code" | "name"> | null;
  owner: Pick<Tables<"staff">, "full_name"> | null;
};

export type OverdueRow = Database["public"]["Functions"]["overdue_customers"]["Returns"][number];

/** One page of the overdue list (most overdue first), with the total, filtered on the server. */
export async function fetchOverdue(
  filter: { owner: string | null; territory: string | null },
  page: { from: number; to: number },
): Promise<{ rows: OverdueRow[]; total: number }> {
  const { data, error, count } = await supabaseClient
    .rpc(
      "overdue_customers",
      {
        ...(filter.owner ? { p_owner: filter.owner } : {}),
        ...(filter.territory ? { p_territory: filter.territory } : {}),
      },
      { count: "exact" },
    )
    .order("days_overdue", { ascending: false })
    .order("code")
    .range(page.from, page.to);
  if (error) throw error;
  return { rows: data ?? [], total: count ?? 0 };
}

export const customerImportHeaders = [
  "code",
  "name",
  "tier",
  "status",
  "territory",
  "owner_email",
  "address",
  "external_id",
];

/** Runs one of the field-data imports (customers, sales, payments): a dry run checks, a real one writes all or nothing. */
export async function runImport(
  rpc: "import_customers" | "import_sales" | "import_payments" | "import_kpi_actuals",
  rows: ImportRow[],
  dryRun: boolean,
): Promise<ImportResult> {
  const { data, error } = await supabaseClient.rpc(rpc, { p_rows: rows as unknown as Json, p_dry_run: dryRun });
  if (error) throw new Error(error.message);
  return data as unknown as ImportResult;
}

export type CustomerBalance = Database["public"]["Functions"]["customer_balance"]["Returns"][number];

/** What a customer still owes on the sales the caller may read (summed in the database). */
export async function fetchCustomerBalance(customerId: string): Promise<CustomerBalance> {
  const { data, error } = await supabaseClient.rpc("customer_balance", { p_customer: customerId });
  if (error) throw error;
  return data?.[0] ?? { open_sales: 0, outstanding: 0, oldest_days: 0 };
}
