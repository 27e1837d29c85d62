// Reconciliation: per month, every sale line's total against what the credit splits attribute
// to people, and the sales left unattributed (database functions over the caller's sales).
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables } from "../../types/database";

export type ReconciliationRow = Database["public"]["Functions"]["sales_reconciliation"]["Returns"][number];
export type UnattributedSale = Pick<Tables<"sales">, "id" | "sale_date" | "amount" | "external_id"> & {
  customer: Pick<Tables<"customers">, "code" | "name"> | null;
};
export const unattributedSelect = "id, sale_date, amount, external_id, customer:customer_id(code, name)";

export async function fetchReconciliation(from: string, to: string): Promise<ReconciliationRow[]> {
  const { data, error } = await supabaseClient.rpc("sales_reconciliation", { p_from: from, p_to: to });
  if (error) throw error;
  return data ?? [];
}

export async function fetchUnattributed(from: string, to: string): Promise<UnattributedSale[]> {
  const { data, error } = await supabaseClient
    .rpc("unattributed_sales", { p_from: from, p_to: to })
    .select(unattributedSelect)
    .limit(200);
  if (error) throw error;
  return (data ?? []) as unknown as UnattributedSale[];
}
