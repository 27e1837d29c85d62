// Period closes: the list's select and closing a month (a database function that checks the
// matrix, that the month is over and that its evaluations are all approved).
import { supabaseClient } from "../../providers/supabaseClient";
import type { Tables } from "../../types/database";

export type PeriodCloseRow = Tables<"period_closes"> & {
  territory: Pick<Tables<"territories">, "code" | "name"> | null;
  closer: Pick<Tables<"profiles">, "full_name"> | null;
};
export const periodCloseSelect = "*, territory:territory_id(code, name), closer:closed_by(full_name)";

export interface CloseValues {
  month: string;
  territory_id: string | null;
  note: string;
}

export async function closePeriod(v: CloseValues) {
  const { data, error } = await supabaseClient.rpc("close_period", {
    p_month: v.month,
    p_territory: v.territory_id ?? "",
    p_note: v.note.trim(),
  });
  if (error) throw error;
  return data;
}
