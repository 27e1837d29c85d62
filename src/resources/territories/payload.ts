// What a territory save sends: trimmed name, nulls for empty links, custom fields cleaned
// (new) or merged over the stored ones (edit); an edit never sends the code.
import type { FormAction } from "../../components/ResourceForm";
import { cleanCustomFields, mergeCustomFields } from "../../components/org/customFields";
import type { TerritoryFormValues, TerritoryRow } from "./queries";

export function toTerritoryPayload(
  action: FormAction,
  v: TerritoryFormValues,
  stored: TerritoryRow | undefined,
): TerritoryFormValues {
  const links = { name: v.name.trim(), parent_id: v.parent_id || null, manager_id: v.manager_id || null };
  if (action === "create") return { ...v, ...links, custom_fields: cleanCustomFields(v.custom_fields) };
  return {
    ...links,
    market_notes: v.market_notes,
    custom_fields: mergeCustomFields(stored?.custom_fields as Record<string, unknown>, v.custom_fields),
    version: v.version,
  } as TerritoryFormValues;
}
