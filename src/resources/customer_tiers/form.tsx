// The tier form: code (fixed once created), names in three languages, the visit interval
// (empty = visited as needed) and the previous-year sales that qualify.
import type { Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { LocalizedTextFields, NumberField, TextField } from "../../components/fields";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import type { Tables, TablesInsert } from "../../types/database";

type TierValues = Pick<
  TablesInsert<"customer_tiers">,
  "code" | "name_en" | "name_es" | "name_zh" | "visit_interval_days" | "min_previous_year_sales" | "sort_order"
> & { version?: number };

export function CustomerTierForm({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const form = useResourceForm<Tables<"customer_tiers">, TierValues>({
    resource: "customer_tiers",
    action,
    redirect: "list",
    defaultValues: { code: "", name_en: "", name_es: "", name_zh: "", min_previous_year_sales: 0, sort_order: 100 },
    toPayload: (v) => {
      const payload = {
        ...v,
        name_en: v.name_en.trim(),
        name_es: (v.name_es ?? "").trim(),
        name_zh: (v.name_zh ?? "").trim(),
        visit_interval_days: v.visit_interval_days || null,
        min_previous_year_sales: Number(v.min_previous_year_sales ?? 0),
      };
      if (action === "create") return payload;
      const { code: _code, ...rest } = payload;
      return rest as TierValues;
    },
  });
  return (
    <ResourceFormPage form={form} title={t(`customer_tiers.titles.${action}`)}>
      <TierFields control={form.control} mode={action} />
    </ResourceFormPage>
  );
}

function TierFields({ control, mode }: { control: Control<TierValues>; mode: FormAction }) {
  const { t } = useTranslation();
  const field = { control, idPrefix: "tier" } as const;
  return (
    <>
      <TextField
        {...field}
        name="code"
        label={t("customer_tiers.fields.code")}
        extra={t("app_roles.hints.code")}
        required={t("app_roles.errors.codeRequired")}
        pattern={{ value: /^[a-z][a-z0-9_]{1,39}$/, message: t("app_roles.errors.codeFormat") }}
        disabled={mode === "edit"}
      />
      <LocalizedTextFields
        {...field}
        base="name"
        labelOf={(lang) => t(`customer_tiers.fields.name_${lang}`)}
        required={t("customer_tiers.errors.name")}
        max={80}
      />
      <NumberField
        {...field}
        name="visit_interval_days"
        label={t("customer_tiers.fields.visit_interval_days")}
        extra={t("customer_tiers.hints.interval")}
        min={1}
        max={3650}
        fallback={null}
        width={200}
      />
      <NumberField
        {...field}
        name="min_previous_year_sales"
        label={t("customer_tiers.fields.min_previous_year_sales")}
        extra={t("customer_tiers.hints.threshold")}
        min={0}
        max={1e12}
        precision={2}
        fallback={null}
        required={t("customer_tiers.errors.threshold")}
        width={220}
      />
      <NumberField
        {...field}
        name="sort_order"
        label={t("customer_tiers.fields.sort_order")}
        min={0}
        max={10000}
        fallback={100}
        width={160}
      />
    </>
  );
}
