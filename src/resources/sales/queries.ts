// Sales: selects, form values, what is collected, and the credit split RPC.
import { supabaseClient } from "../../providers/supabaseClient";
import type { Tables, TablesInsert } from "../../types/database";
import { sumOfHundredths } from "../../utils/format";

export type SaleRow = Tables<"sales">;
export type SaleListRow = SaleRow & {
  customer: Pick<Tables<"customers">, "id" | "code" | "name"> | null;
  product_line: Pick<Tables<"product_lines">, "code" | "name_en" | "name_es" | "name_zh"> | null;
  territory: Pick<Tables<"territories">, "code"> | null;
  owner: Pick<Tables<"staff">, "full_name"> | null;
  granted_by: Pick<Tables<"staff">, "full_name"> | null;
  payments: Pick<Tables<"payments">, "amount">[];
};
export const saleListSelect =
  "id, external_id, document, sale_date, customer_id, product_line_id, quantity, amount, cost, profit, discount_percent, discount_granted_by, territory_id, owner_id, version, created_at, customer:customer_id(id, code, name), product_line:product_line_id(code, name_en, name_es, name_zh), territory:territory_id(code), owner:owner_id(full_name), granted_by:discount_granted_by(full_name), payments(amount)";

export type SaleFormValues = Pick<
  TablesInsert<"sales">,
  | "document"
  | "sale_date"
  | "customer_id"
  | "product_line_id"
  | "quantity"
  | "amount"
  | "cost"
  | "discount_percent"
  | "discount_granted_by"
  | "external_id"
> & { version?: number };

const editable = [
  "document",
  "sale_date",
  "customer_id",
  "product_line_id",
  "quantity",
  "amount",
  "cost",
  "discount_percent",
  "discount_granted_by",
  "external_id",
  "version",
] as const;

/** What a sale save sends: numbers as numbers, nobody granting a 0% discount, only editable columns. */
export function toSalePayload(values: SaleFormValues): SaleFormValues {
  const discount = Number(values.discount_percent ?? 0);
  const payload: Record<string, unknown> = {
    ...values,
    quantity: Number(values.quantity ?? 1),
    amount: Number(values.amount),
    cost: Number(values.cost ?? 0),
    discount_percent: discount,
    discount_granted_by: discount > 0 ? values.discount_granted_by || null : null,
    external_id: values.external_id?.trim() || null,
  };
  return Object.fromEntries(editable.filter((k) => k in payload).map((k) => [k, payload[k]])) as SaleFormValues;
}

/** The amount collected so far (the payments the reader may see). */
export function saleCollected(sale: Pick<SaleListRow, "payments">): number {
  return Math.round(sale.payments.reduce((sum, p) => sum + Number(p.amount) * 100, 0)) / 100;
}

export interface CreditLine {
  staff_id: string;
  share_percent: number;
}

/** The credit split's total in hundredths, so 33.33 + 66.67 is exactly 100. */
export function creditTotal(lines: CreditLine[]): number {
  return sumOfHundredths(lines.map((l) => l.share_percent));
}

export async function saveCredits(sale: string, lines: CreditLine[]) {
  const { data, error } = await supabaseClient.rpc("set_sale_credits", {
    p_sale: sale,
    p_credits: lines.map((l) => ({ staff_id: l.staff_id, share_percent: Number(l.share_percent) })),
  });
  if (error) throw error;
  return data;
}

export const saleImportHeaders = [
  "external_id",
  "document",
  "sale_date",
  "customer",
  "product_line",
  "quantity",
  "amount",
  "cost",
  "discount_percent",
  "discount_granted_by",
];
export const paymentImportHeaders = ["external_id", "sale", "paid_on", "amount"];
