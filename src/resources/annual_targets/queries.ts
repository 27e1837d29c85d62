// Annual targets: the list's select, the form's values and the split into months (one
// database function for a year, idempotent).
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables, TablesInsert } from "../../types/database";

type Named = Pick<Tables<"kpis">, "name_en" | "name_es" | "name_zh">;
export type AnnualTargetRow = Tables<"annual_targets"> & {
  kpi: (Named & Pick<Tables<"kpis">, "code" | "unit">) | null;
  person: Pick<Tables<"staff">, "full_name"> | null;
  profile: Named | null;
  territory: Pick<Tables<"territories">, "code"> | null;
};
export const annualTargetSelect =
  "id, kpi_id, staff_id, year, amount, distribution_id, territory_id, version, updated_at, kpi:kpi_id(code, unit, name_en, name_es, name_zh), person:staff_id(full_name), profile:distribution_id(name_en, name_es, name_zh), territory:territory_id(code)";

export type AnnualTargetValues = Pick<
  TablesInsert<"annual_targets">,
  "kpi_id" | "staff_id" | "year" | "amount" | "distribution_id"
> & { version?: number };

export const annualTargetDefaults = (year: number, distributionId?: string): Partial<AnnualTargetValues> => ({
  year,
  amount: 0,
  ...(distributionId ? { distribution_id: distributionId } : {}),
});

/** Only the columns a person writes (territory and who set it are the database's). */
export function annualTargetPayload(v: AnnualTargetValues): AnnualTargetValues {
  const { kpi_id, staff_id, year, amount, distribution_id, version } = v;
  return {
    kpi_id,
    staff_id,
    year: Number(year),
    amount: Number(amount),
    distribution_id,
    ...(version ? { version } : {}),
  };
}

export type SplitResult = Database["public"]["Functions"]["split_targets"]["Returns"][number];

export async function splitTargets(year: number, kpiId?: string | null): Promise<SplitResult> {
  const { data, error } = await supabaseClient.rpc("split_targets", {
    p_year: year,
    ...(kpiId ? { p_kpi: kpiId } : {}),
  });
  if (error) throw error;
  return data?.[0] ?? { people: 0, rows_written: 0, rows_removed: 0 };
}
