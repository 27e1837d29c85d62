// What a staff save sends: trimmed text, nulls for empty links, custom fields cleaned (new)
// or merged over the stored ones (edit), and on edit only the editable columns.
import { cleanCustomFields, mergeCustomFields } from "../../components/org/customFields";
import type { StaffFormValues, StaffRow } from "./queries";

const editable = [
  "full_name",
  "email",
  "phone",
  "position_id",
  "manager_id",
  "territory_id",
  "hire_date",
  "status",
  "status_changed_on",
  "notes",
  "user_id",
  "custom_fields",
  "version",
] as const;

export function toStaffPayload(values: StaffFormValues): StaffFormValues {
  return {
    ...values,
    full_name: values.full_name.trim(),
    email: values.email.trim(),
    phone: (values.phone ?? "").trim(),
    manager_id: values.manager_id || null,
    territory_id: values.territory_id || null,
    user_id: values.user_id || null,
    custom_fields: cleanCustomFields(values.custom_fields),
  };
}

/** An edit sends only the editable columns (the form also holds the loaded relations). */
export function toStaffUpdate(values: StaffFormValues, stored: StaffRow | undefined): StaffFormValues {
  const payload: Record<string, unknown> = {
    ...toStaffPayload(values),
    custom_fields: mergeCustomFields(stored?.custom_fields as Record<string, unknown>, values.custom_fields),
  };
  return Object.fromEntries(editable.map((k) => [k, payload[k]])) as StaffFormValues;
}
