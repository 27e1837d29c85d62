import { supabaseClient } from "../../providers/supabaseClient";
import type { Database } from "../../types/database";

export type EffectiveRow = Database["public"]["Functions"]["effective_permissions"]["Returns"][number];

export async function fetchEffectivePermissions(userId: string): Promise<EffectiveRow[]> {
  const { data, error } = await supabaseClient.rpc("effective_permissions", { p_user: userId });
  if (error) throw error;
  return data ?? [];
}

export const effectiveKey = (userId: string) => ["effective_permissions", userId] as const;
