import type { Database, Tables, TablesInsert } from "../../types/database";
import type { FieldOption } from "../../components/org/customFields";

export type DefinitionRow = Tables<"custom_field_definitions">;
export type FieldType = Database["public"]["Enums"]["custom_field_type"];
export const fieldTypes: FieldType[] = ["text", "number", "date", "single_select", "multi_select", "boolean"];
export const fieldResources = ["staff", "territories", "customers"] as const;
export const fieldKeyPattern = /^[a-z][a-z0-9_]{0,39}$/;

export type DefinitionFormValues = Pick<
  TablesInsert<"custom_field_definitions">,
  "resource" | "key" | "label_en" | "label_es" | "label_zh" | "field_type" | "required" | "sort_order" | "active"
> & {
  options: FieldOption[];
  version?: number;
};

export const isSelectType = (type: FieldType | undefined) => type === "single_select" || type === "multi_select";
