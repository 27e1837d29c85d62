// The KPIs whose actuals a person enters or imports: quantitative ones without a measure.
import { useList } from "@refinedev/core";
import { useTranslation } from "react-i18next";
import { localizedName } from "../../providers/i18n";
import type { Tables } from "../../types/database";

export type EnteredKpi = Pick<Tables<"kpis">, "id" | "code" | "unit" | "name_en" | "name_es" | "name_zh" | "active">;

export function useEnteredKpis() {
  const { i18n } = useTranslation();
  const { result } = useList<EnteredKpi>({
    resource: "kpis",
    pagination: { mode: "off" },
    sorters: [{ field: "sort_order", order: "asc" }],
    filters: [
      { field: "kind", operator: "eq", value: "quantitative" },
      { field: "measure_code", operator: "null", value: true },
    ],
    meta: { select: "id, code, unit, name_en, name_es, name_zh, active" },
  });
  const kpis = result?.data ?? [];
  return {
    kpis,
    options: kpis.map((k) => ({ value: k.id, label: localizedName(k, i18n.language), disabled: !k.active })),
  };
}
