// Visits: selects and form values.
import type { Tables, TablesInsert } from "../../types/database";

export type VisitRow = Tables<"visits">;
export type VisitListRow = VisitRow & {
  customer: Pick<Tables<"customers">, "id" | "code" | "name"> | null;
  staff: Pick<Tables<"staff">, "id" | "full_name"> | null;
  contact: Pick<Tables<"customer_contacts">, "name" | "decision_maker"> | null;
  territory: Pick<Tables<"territories">, "code"> | null;
};
export const visitListSelect =
  "id, customer_id, staff_id, visited_on, purpose, contact_id, decision_maker_met, outcome, next_step, next_visit_on, territory_id, owner_id, version, created_at, customer:customer_id(id, code, name), staff:staff_id(id, full_name), contact:contact_id(name, decision_maker), territory:territory_id(code)";

export type VisitFormValues = Pick<
  TablesInsert<"visits">,
  "customer_id" | "visited_on" | "purpose" | "contact_id" | "outcome" | "next_step" | "next_visit_on"
> & { version?: number };

const editable = [
  "customer_id",
  "visited_on",
  "purpose",
  "contact_id",
  "outcome",
  "next_step",
  "next_visit_on",
  "version",
] as const;

/** What a visit save sends: trimmed text, nulls for empty links and dates, only editable columns. */
export function toVisitPayload(values: VisitFormValues): VisitFormValues {
  const payload: Record<string, unknown> = {
    ...values,
    purpose: values.purpose.trim(),
    outcome: (values.outcome ?? "").trim(),
    next_step: (values.next_step ?? "").trim(),
    contact_id: values.contact_id || null,
    next_visit_on: values.next_visit_on || null,
  };
  return Object.fromEntries(editable.filter((k) => k in payload).map((k) => [k, payload[k]])) as VisitFormValues;
}
