// KPIs: the catalogue's lists (units, directions, kinds, year-end rules), the measure registry
// and the shaping of a form's values for the table.
import type { Database, Tables, TablesInsert } from "../../types/database";

type Enums = Database["public"]["Enums"];
export type KpiRow = Tables<"kpis">;
export type KpiMeasure = Tables<"kpi_measures">;
export type KpiUnit = Enums["kpi_unit"];
export type KpiDirection = Enums["kpi_direction"];
export type KpiKind = Enums["kpi_kind"];
export type KpiYearAggregation = Enums["kpi_year_aggregation"];

export const kpiUnits: KpiUnit[] = ["amount", "count", "percent", "score"];
export const kpiDirections: KpiDirection[] = ["higher_is_better", "lower_is_better"];
export const kpiKinds: KpiKind[] = ["quantitative", "qualitative"];
export const kpiYearAggregations: KpiYearAggregation[] = ["sum", "average", "last"];

/** The filters a measure may understand, and the KPI column each one sets. */
export const kpiFilterColumns = {
  tier: "filter_tier_id",
  product_line: "filter_product_line_id",
  customer_status: "filter_customer_status",
} as const;
export type KpiFilter = keyof typeof kpiFilterColumns;

export type KpiValues = Pick<
  TablesInsert<"kpis">,
  | "code"
  | "name_en"
  | "name_es"
  | "name_zh"
  | "description_en"
  | "description_es"
  | "description_zh"
  | "unit"
  | "direction"
  | "kind"
  | "measure_code"
  | "filter_tier_id"
  | "filter_product_line_id"
  | "filter_customer_status"
  | "scale_max"
  | "year_aggregation"
  | "default_weight"
  | "active"
  | "sort_order"
> & { version?: number };

export const kpiDefaults: KpiValues = {
  code: "",
  name_en: "",
  name_es: "",
  name_zh: "",
  description_en: "",
  description_es: "",
  description_zh: "",
  unit: "amount",
  direction: "higher_is_better",
  kind: "quantitative",
  measure_code: null,
  filter_tier_id: null,
  filter_product_line_id: null,
  filter_customer_status: null,
  scale_max: null,
  year_aggregation: "sum",
  default_weight: null,
  active: true,
  sort_order: 100,
};

/**
 * What is sent: texts trimmed; a qualitative KPI is entered on a scale (no measure, unit
 * score); filters only those the chosen measure understands; the unit of a measured KPI is
 * left to the database (it is the measure's).
 */
export function kpiPayload(
  v: KpiValues,
  measures: Pick<KpiMeasure, "code" | "filters">[],
  creating: boolean,
): KpiValues {
  const qualitative = v.kind === "qualitative";
  const measure = qualitative ? undefined : measures.find((m) => m.code === v.measure_code);
  const understood = (filter: KpiFilter) => Boolean(measure?.filters.includes(filter));
  const payload: KpiValues = {
    ...v,
    name_en: v.name_en.trim(),
    name_es: (v.name_es ?? "").trim(),
    name_zh: (v.name_zh ?? "").trim(),
    description_en: (v.description_en ?? "").trim(),
    description_es: (v.description_es ?? "").trim(),
    description_zh: (v.description_zh ?? "").trim(),
    measure_code: measure?.code ?? null,
    unit: qualitative ? "score" : (v.unit ?? "amount"),
    scale_max: qualitative ? (v.scale_max ?? 5) : null,
    filter_tier_id: understood("tier") ? (v.filter_tier_id ?? null) : null,
    filter_product_line_id: understood("product_line") ? (v.filter_product_line_id ?? null) : null,
    filter_customer_status: understood("customer_status") ? (v.filter_customer_status ?? null) : null,
    default_weight: v.default_weight ? Number(v.default_weight) : null,
  };
  if (creating) return payload;
  const { code: _code, ...rest } = payload;
  return rest as KpiValues;
}
