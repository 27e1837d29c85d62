// Custom field definitions and values (pure helpers; unit-tested).
import type { Tables } from "../../types/database";

export type FieldDefinition = Tables<"custom_field_definitions">;

export interface FieldOption {
  value: string;
  label_en: string;
  label_es?: string;
  label_zh?: string;
  active?: boolean;
}

export function fieldOptions(definition: Pick<FieldDefinition, "options">, includeInactive = false): FieldOption[] {
  const list = Array.isArray(definition.options) ? (definition.options as unknown as FieldOption[]) : [];
  return list.filter((o) => includeInactive || o.active !== false);
}

export function optionLabel(option: FieldOption, locale: string): string {
  if (locale === "es") return option.label_es || option.label_en;
  if (locale === "zh-CN") return option.label_zh || option.label_en;
  return option.label_en;
}

/** Drops empty values so the database sees "not set" rather than "" or []. */
export function cleanCustomFields(values: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out;
}

/** A stored value as text, with option labels in the user's language. */
export function displayCustomValue(
  definition: FieldDefinition,
  value: unknown,
  locale: string,
  yesNo: [string, string],
): string {
  if (value === null || value === undefined || value === "") return "—";
  const options = fieldOptions(definition, true);
  const label = (v: unknown) => {
    const option = options.find((o) => o.value === v);
    return option ? optionLabel(option, locale) : String(v);
  };
  switch (definition.field_type) {
    case "boolean":
      return value === true ? yesNo[0] : yesNo[1];
    case "single_select":
      return label(value);
    case "multi_select":
      return Array.isArray(value) ? value.map(label).join(", ") : String(value);
    case "date":
      return typeof value === "string" ? new Date(`${value}T00:00:00`).toLocaleDateString(locale) : String(value);
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}

/**
 * The values to save on edit: the form's values for the fields it shows (emptied ones
 * removed), and the stored values of fields it does not show (retired fields) kept.
 */
export function mergeCustomFields(
  stored: Record<string, unknown> | null | undefined,
  edited: Record<string, unknown> | null | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(stored ?? {}) };
  for (const [key, value] of Object.entries(edited ?? {})) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0))
      delete out[key];
    else out[key] = value;
  }
  return out;
}
