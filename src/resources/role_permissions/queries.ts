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
export function diffCells(loaded: Map<string, Scope>, edited: Map<string, Scope | null>): CellChange[] {
  const changes: CellChange[] = [];
  for (const [key, scope] of edited) {
    const before = loaded.get(key) ?? null;
    if (before === scope) continue;
    const [role_code, resource, action] = key.split("|") as [string, string, string];
    changes.push({ role_code, resource, action, expected_scope: before, scope });
  }
  return changes.sort((a, b) => cellKey(a.role_code, a.resource, a.action).localeCompare(cellKey(b.role_code, b.resource, b.action)));
}

export async function saveMatrix(changes: CellChange[]): Promise<{ error?: AppError }> {
  const { error, status } = await supabaseClient.rpc("save_permission_matrix", { p_changes: changes as unknown as Database["public"]["Functions"]["save_permission_matrix"]["Args"]["p_changes"] });
  return error ? { error: toAppError(error, status) } : {};
}
