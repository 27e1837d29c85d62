import { supabaseClient } from "../../providers/supabaseClient";
import type { Database } from "../../types/database";

export type EffectiveRow = Database["public"]["Functions"]["effective_permissions"]["Returns"][number];

export async function fetchEffectivePermissions(userId: string): Promise<EffectiveRow[]> {
  const { data, error } = await supabaseClient.rpc("effective_permissions", { p_user: userId });
  if (error) throw error;
  return data ?? [];
}

export const effectiveKey = (userId: string) => ["effective_permissions", userId] as const;

export interface Row {
  resource: string;
  action: string;
  effective?: EffectiveRow;
}

/** Every resource x action of the matrix with what the person holds on it, in the matrix's order. */
export function effectiveRows(
  pairs: { resource: string; action: string }[],
  held: EffectiveRow[],
  order: { resources: { code: string }[]; actions: { code: string }[] },
): Row[] {
  const at = (list: { code: string }[], code: string) => list.findIndex((x) => x.code === code);
  return pairs
    .map((p) => ({
      resource: p.resource,
      action: p.action,
      effective: held.find((e) => e.resource === p.resource && e.action === p.action),
    }))
    .sort(
      (a, b) =>
        at(order.resources, a.resource) - at(order.resources, b.resource) ||
        at(order.actions, a.action) - at(order.actions, b.action),
    );
}
