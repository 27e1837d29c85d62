// The KPI form: what is measured and how. HR picks a measure from the registry (with the
// filters that measure understands) or leaves it to the manager to enter; a qualitative KPI is
// scored on a scale. Never SQL.
import { useList } from "@refinedev/core";
import { Alert } from "antd";
import { useWatch, type Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { LocalizedTextFields, NumberField, SelectField, SwitchField, TextField } from "../../components/fields";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import { localizedName } from "../../providers/i18n";
import { useProductLines, useTiers } from "../customers/hooks";
import { customerStatuses } from "../customers/queries";
import {
  kpiDefaults,
  kpiDirections,
  kpiKinds,
  kpiPayload,
  kpiUnits,
  kpiYearAggregations,
  type KpiMeasure,
  type KpiRow,
  type KpiValues,
} from "./queries";

export function useKpiMeasures() {
  const { result } = useList<KpiMeasure>({
    resource: "kpi_measures",
    pagination: { mode: "off" },
    sorters: [{ field: "sort_order", order: "asc" }],
  });
  return result?.data ?? [];
}

export function KpiForm({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const measures = useKpiMeasures();
  const form = useResourceForm<KpiRow, KpiValues>({
    resource: "kpis",
    action,
    redirect: "list",
    defaultValues: kpiDefaults,
    toPayload: (v) => kpiPayload(v, measures, action === "create"),
  });
  return (
    <ResourceFormPage form={form} title={t(`kpis.titles.${action}`)}>
      <KpiFields control={form.control} mode={action} measures={measures} />
    </ResourceFormPage>
  );
}

function KpiFields({
  control,
  mode,
  measures,
}: {
  control: Control<KpiValues>;
  mode: FormAction;
  measures: KpiMeasure[];
}) {
  const { t, i18n } = useTranslation();
  const { options: tiers } = useTiers();
  const { options: lines } = useProductLines();
  const field = { control, idPrefix: "kpi" } as const;
  const [kind, measureCode] = useWatch({ control, name: ["kind", "measure_code"] });
  const qualitative = kind === "qualitative";
  const measure = qualitative ? undefined : measures.find((m) => m.code === measureCode);
  const understands = (filter: string) => Boolean(measure?.filters.includes(filter));
  return (
    <>
      <TextField
        {...field}
        name="code"
        label={t("kpis.fields.code")}
        extra={t("app_roles.hints.code")}
        required={t("app_roles.errors.codeRequired")}
        pattern={{ value: /^[a-z][a-z0-9_]{1,39}$/, message: t("app_roles.errors.codeFormat") }}
        disabled={mode === "edit"}
      />
      <LocalizedTextFields
        {...field}
        base="name"
        labelOf={(lang) => t(`kpis.fields.name_${lang}`)}
        required={t("kpis.errors.name")}
        max={120}
      />
      <SelectField
        {...field}
        name="kind"
        label={t("kpis.fields.kind")}
        required={t("kpis.errors.kind")}
        options={kpiKinds.map((k) => ({ value: k, label: t(`kpis.kind.${k}`) }))}
      />
      {qualitative ? (
        <NumberField
          {...field}
          name="scale_max"
          label={t("kpis.fields.scale_max")}
          extra={t("kpis.hints.scale")}
          min={2}
          max={10}
          fallback={5}
          width={160}
        />
      ) : (
        <>
          <SelectField
            {...field}
            name="measure_code"
            label={t("kpis.fields.measure_code")}
            extra={measure ? localizedDescription(measure, i18n.language) : t("kpis.hints.entered")}
            placeholder={t("kpis.entered")}
            options={measures.map((m) => ({ value: m.code, label: localizedName(m, i18n.language) }))}
          />
          {measure ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message={t("kpis.unitFromMeasure", { unit: t(`kpis.unit.${measure.unit}`) })}
            />
          ) : (
            <SelectField
              {...field}
              name="unit"
              label={t("kpis.fields.unit")}
              required={t("kpis.errors.unit")}
              options={kpiUnits.map((u) => ({ value: u, label: t(`kpis.unit.${u}`) }))}
            />
          )}
          {understands("tier") && (
            <SelectField {...field} name="filter_tier_id" label={t("kpis.fields.filter_tier_id")} options={tiers} />
          )}
          {understands("product_line") && (
            <SelectField
              {...field}
              name="filter_product_line_id"
              label={t("kpis.fields.filter_product_line_id")}
              options={lines}
            />
          )}
          {understands("customer_status") && (
            <SelectField
              {...field}
              name="filter_customer_status"
              label={t("kpis.fields.filter_customer_status")}
              options={customerStatuses.map((s) => ({ value: s, label: t(`customers.status.${s}`) }))}
            />
          )}
        </>
      )}
      <SelectField
        {...field}
        name="direction"
        label={t("kpis.fields.direction")}
        required={t("kpis.errors.direction")}
        options={kpiDirections.map((d) => ({ value: d, label: t(`kpis.direction.${d}`) }))}
      />
      <SelectField
        {...field}
        name="year_aggregation"
        label={t("kpis.fields.year_aggregation")}
        extra={t("kpis.hints.yearAggregation")}
        required={t("kpis.errors.yearAggregation")}
        options={kpiYearAggregations.map((a) => ({ value: a, label: t(`kpis.yearAggregation.${a}`) }))}
      />
      <NumberField
        {...field}
        name="default_weight"
        label={t("kpis.fields.default_weight")}
        extra={t("kpis.hints.defaultWeight")}
        min={0.01}
        max={100}
        precision={2}
        fallback={null}
        width={160}
      />
      <LocalizedTextFields
        {...field}
        base="description"
        labelOf={(lang) => t(`kpis.fields.description_${lang}`)}
        max={1000}
        rows={2}
      />
      <SwitchField {...field} name="active" label={t("kpis.fields.active")} defaultOn />
      <NumberField
        {...field}
        name="sort_order"
        label={t("kpis.fields.sort_order")}
        min={0}
        max={10000}
        fallback={100}
        width={160}
      />
    </>
  );
}

function localizedDescription(m: KpiMeasure, locale: string): string {
  return localizedName({ name_en: m.description_en, name_es: m.description_es, name_zh: m.description_zh }, locale);
}
