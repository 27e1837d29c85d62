// The lists the targets screens choose from: quantitative KPIs (targets are figures) and the
// distribution profiles.
import { useList } from "@refinedev/core";
import { useTranslation } from "react-i18next";
import { localizedName } from "../../providers/i18n";
import type { Tables } from "../../types/database";

export type TargetKpi = Pick<
  Tables<"kpis">,
  "id" | "code" | "name_en" | "name_es" | "name_zh" | "unit" | "year_aggregation" | "active"
>;

export function useTargetKpis() {
  const { i18n } = useTranslation();
  const { result, query } = useList<TargetKpi>({
    resource: "kpis",
    pagination: { mode: "off" },
    sorters: [{ field: "sort_order", order: "asc" }],
    filters: [{ field: "kind", operator: "eq", value: "quantitative" }],
    meta: { select: "id, code, name_en, name_es, name_zh, unit, year_aggregation, active" },
  });
  const kpis = result?.data ?? [];
  return {
    kpis,
    query,
    options: kpis.map((k) => ({ value: k.id, label: localizedName(k, i18n.language), disabled: !k.active })),
  };
}

export type Profile = Pick<Tables<"distribution_profiles">, "id" | "code" | "name_en" | "name_es" | "name_zh">;

export function useDistributionProfiles() {
  const { i18n } = useTranslation();
  const { result } = useList<Profile>({
    resource: "distribution_profiles",
    pagination: { mode: "off" },
    sorters: [{ field: "code", order: "asc" }],
    meta: { select: "id, code, name_en, name_es, name_zh" },
  });
  const profiles = result?.data ?? [];
  return { profiles, options: profiles.map((p) => ({ value: p.id, label: localizedName(p, i18n.language) })) };
}
