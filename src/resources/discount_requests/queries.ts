// Discount requests: the queue's select, asking (the database sets the requester, the
// customer's territory and the pending status), the signed-in person's own authority
// (my_discount_authority) and deciding (decide_discount_request: approved within the
// approver's authority, never by the requester; refused with a reason).
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables, TablesInsert } from "../../types/database";

export type DiscountRequestStatus = Database["public"]["Enums"]["discount_request_status"];
export const discountRequestStatuses: DiscountRequestStatus[] = ["pending", "approved", "refused"];

export type DiscountRequestRow = Tables<"discount_requests"> & {
  customer: Pick<Tables<"customers">, "code" | "name"> | null;
  requester: Pick<Tables<"staff">, "full_name"> | null;
  decider: Pick<Tables<"staff">, "full_name"> | null;
};
export const discountRequestSelect =
  "*, customer:customer_id(code, name), requester:requested_by(full_name), decider:decided_by(full_name)";

export interface DiscountRequestValues {
  customer_id: string | null;
  list_price: number | null;
  discount_percent: number | null;
  reason: string;
}

export function toDiscountRequestPayload(v: DiscountRequestValues) {
  return {
    customer_id: v.customer_id ?? "",
    list_price: v.list_price ?? 0,
    discount_percent: v.discount_percent ?? 0,
    reason: v.reason.trim(),
  };
}

/** The amount the discount takes off the list price, to the cent. */
export function discountAmount(listPrice: number, percent: number): number {
  return Math.round(listPrice * percent) / 100;
}

/** Whether someone with this authority may approve the request themselves. */
export function withinAuthority(authority: number | null | undefined, percent: number): boolean {
  return authority !== null && authority !== undefined && Number(percent) <= Number(authority);
}

export async function askForDiscount(v: DiscountRequestValues) {
  // The requester, territory and status are set by the database (the generated insert type
  // still lists the territory and requester as required).
  const { error } = await supabaseClient
    .from("discount_requests")
    .insert(toDiscountRequestPayload(v) as TablesInsert<"discount_requests">);
  if (error) throw error;
}

export async function myDiscountAuthority(): Promise<number> {
  const { data, error } = await supabaseClient.rpc("my_discount_authority");
  if (error) throw error;
  return Number(data ?? 0);
}

export async function decideDiscountRequest(
  row: Pick<DiscountRequestRow, "id" | "version">,
  approve: boolean,
  note = "",
) {
  const { data, error } = await supabaseClient.rpc("decide_discount_request", {
    p_request: row.id,
    p_version: row.version,
    p_approve: approve,
    p_note: note.trim(),
  });
  if (error) throw error;
  return data;
}

export async function withdrawDiscountRequest(row: Pick<DiscountRequestRow, "id">) {
  const { error } = await supabaseClient.from("discount_requests").delete().eq("id", row.id);
  if (error) throw error;
}
