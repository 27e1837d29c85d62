import type { Tables, TablesInsert } from "../../types/database";

export type RoleRow = Tables<"app_roles">;
export type RoleFormValues = Pick<TablesInsert<"app_roles">, "label_en" | "label_es" | "label_zh" | "description"> & {
  /** Set on create only; a role's code never changes. */
  code?: string;
  version?: number;
};

export const roleListSelect = "code, label_en, label_es, label_zh, description, built_in, version, user_roles(count)";
export const roleSelect = "code, label_en, label_es, label_zh, description, built_in, version, created_at, updated_at";
export const roleMeta = { idColumnName: "code" } as const;

/** Mirrors the database check on app_roles.code. */
export const roleCodePattern = /^[a-z][a-z0-9_]{1,39}$/;

/** A role's code and its three labels. */
export const roleLabelSelect = "code, label_en, label_es, label_zh";
