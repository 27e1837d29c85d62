// The product line form: code (fixed once created), names in three languages, whether it is
// still sold (a retired line stays on its past sales), order.
import { useTranslation } from "react-i18next";
import { LocalizedTextFields, NumberField, SwitchField, TextField } from "../../components/fields";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import type { Tables, TablesInsert } from "../../types/database";

type LineValues = Pick<
  TablesInsert<"product_lines">,
  "code" | "name_en" | "name_es" | "name_zh" | "active" | "sort_order"
> & {
  version?: number;
};

export function ProductLineForm({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const form = useResourceForm<Tables<"product_lines">, LineValues>({
    resource: "product_lines",
    action,
    redirect: "list",
    defaultValues: { code: "", name_en: "", name_es: "", name_zh: "", active: true, sort_order: 100 },
    toPayload: (v) => {
      const payload = {
        ...v,
        name_en: v.name_en.trim(),
        name_es: (v.name_es ?? "").trim(),
        name_zh: (v.name_zh ?? "").trim(),
      };
      if (action === "create") return payload;
      const { code: _code, ...rest } = payload;
      return rest as LineValues;
    },
  });
  const field = { control: form.control, idPrefix: "product-line" } as const;
  return (
    <ResourceFormPage form={form} title={t(`product_lines.titles.${action}`)}>
      <TextField
        {...field}
        name="code"
        label={t("product_lines.fields.code")}
        extra={t("app_roles.hints.code")}
        required={t("app_roles.errors.codeRequired")}
        pattern={{ value: /^[a-z][a-z0-9_]{1,39}$/, message: t("app_roles.errors.codeFormat") }}
        disabled={action === "edit"}
      />
      <LocalizedTextFields
        {...field}
        base="name"
        labelOf={(lang) => t(`product_lines.fields.name_${lang}`)}
        required={t("product_lines.errors.name")}
        max={80}
      />
      <SwitchField {...field} name="active" label={t("product_lines.fields.active")} defaultOn />
      <NumberField
        {...field}
        name="sort_order"
        label={t("product_lines.fields.sort_order")}
        min={0}
        max={10000}
        fallback={100}
        width={160}
      />
    </ResourceFormPage>
  );
}
