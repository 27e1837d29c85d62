// The permission matrix: catalogue (resources, actions), roles and the cells, plus the
// one RPC that saves a batch of cell changes atomically.
import { toAppError, type AppError } from "../../providers/errors";
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables } from "../../types/database";

export type Scope = Database["public"]["Enums"]["permission_scope"];
export type CellRow = Tables<"role_permissions">;
export type ResourceRow = Tables<"resources">;
export type ActionRow = Tables<"permission_actions">;
export type ResourceActionRow = Tables<"resource_actions">;

export const cellSelect = "id, role_code, resource, action, scope, version";

export const cellKey = (role: string, resource: string, action: string) => `${role}|${resource}|${action}`;

export interface CellChange {
  role_code: string;
  resource: string;
  action: string;
  /** The scope the editor loaded (null = empty cell). */
  expected_scope: Scope | null;
  /** The scope to save (null = remove). */
  scope: Scope | null;
}

/** The changes between the loaded cells and the edited ones (pure; unit-tested). */
export function diffCells(loaded: ReadonlyMap<string, Scope>, edited: ReadonlyMap<string, Scope | null>): CellChange[] {
  const changes: CellChange[] = [];
  for (const [key, scope] of edited) {
    const before = loaded.get(key) ?? null;
    if (before === scope) continue;
    const [role_code, resource, action] = key.split("|") as [string, string, string];
    changes.push({ role_code, resource, action, expected_scope: before, scope });
  }
  return changes.sort((a, b) =>
    cellKey(a.role_code, a.resource, a.action).localeCompare(cellKey(b.role_code, b.resource, b.action)),
  );
}

type Json = Database["public"]["Functions"]["save_permission_matrix"]["Args"]["p_changes"];
const asJson = (changes: CellChange[]) => changes as unknown as Json;

export async function saveMatrix(
  changes: CellChange[],
  reason: string,
): Promise<{ error?: AppError; version?: number }> {
  const { data, error, status } = await supabaseClient.rpc("save_permission_matrix", {
    p_changes: asJson(changes),
    p_reason: reason,
  });
  return error ? { error: toAppError(error, status) } : { version: data?.id };
}

/** Per changed cell: who gains or loses the action and on how many rows (from current data). */
export interface CellImpact {
  role_code: string;
  resource: string;
  action: string;
  people_gaining: number;
  people_losing: number;
  rows_before: number;
  rows_after: number;
  people: {
    user_id: string;
    name: string;
    scope_before: Scope | null;
    scope_after: Scope | null;
    rows_before: number | null;
    rows_after: number | null;
  }[];
}

export async function fetchImpact(changes: CellChange[]): Promise<CellImpact[]> {
  if (changes.length === 0) return [];
  const { data, error } = await supabaseClient.rpc("matrix_change_impact", { p_changes: asJson(changes) });
  if (error) throw error;
  return (data ?? []) as unknown as CellImpact[];
}

export type MatrixVersionRow = Pick<
  Tables<"matrix_versions">,
  "id" | "created_at" | "author_name" | "reason" | "is_default"
>;
export const versionSelect = "id, created_at, author_name, reason, is_default";
export type DiffRow = Database["public"]["Functions"]["matrix_version_diff"]["Returns"][number];

export async function fetchVersionDiff(from: number, to: number | null): Promise<DiffRow[]> {
  const { data, error } = await supabaseClient.rpc("matrix_version_diff", {
    p_from: from,
    ...(to === null ? {} : { p_to: to }),
  });
  if (error) throw error;
  return data ?? [];
}

/** The changes that bring today's matrix back to a version (previewed like any change). */
export async function fetchRevertChanges(version: number): Promise<CellChange[]> {
  const { data, error } = await supabaseClient.rpc("matrix_revert_changes", { p_version: version });
  if (error) throw error;
  return (data ?? []) as unknown as CellChange[];
}

export async function revertMatrix(version: number, reason: string): Promise<{ error?: AppError; version?: number }> {
  const { data, error, status } = await supabaseClient.rpc("revert_permission_matrix", {
    p_version: version,
    p_reason: reason,
  });
  return error ? { error: toAppError(error, status) } : { version: data?.id };
}
