// What a customer save sends: trimmed text, the code in capitals, nulls for empty links, custom
// fields cleaned (new) or merged over the stored ones (edit), only the editable columns.
import { cleanCustomFields, mergeCustomFields } from "../../components/org/customFields";
import type { CustomerFormValues, CustomerRow } from "./queries";

const editable = [
  "code",
  "name",
  "tier_id",
  "status",
  "territory_id",
  "owner_id",
  "address",
  "custom_fields",
  "version",
] as const;

export function toCustomerPayload(values: CustomerFormValues): CustomerFormValues {
  return {
    ...values,
    code: values.code.trim().toUpperCase(),
    name: values.name.trim(),
    address: (values.address ?? "").trim(),
    owner_id: values.owner_id || null,
    custom_fields: cleanCustomFields(values.custom_fields),
  };
}

export function toCustomerUpdate(values: CustomerFormValues, stored: CustomerRow | undefined): CustomerFormValues {
  const payload: Record<string, unknown> = {
    ...toCustomerPayload(values),
    custom_fields: mergeCustomFields(stored?.custom_fields as Record<string, unknown>, values.custom_fields),
  };
  return Object.fromEntries(editable.map((k) => [k, payload[k]])) as CustomerFormValues;
}
