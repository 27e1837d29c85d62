// Fields of a rule category: a code (fixed once created), its name in three languages, order.
import type { Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { LocalizedTextFields, NumberField, TextField } from "../../components/fields";
import type { TablesInsert } from "../../types/database";

export type CategoryFormValues = Pick<
  TablesInsert<"regulation_categories">,
  "code" | "label_en" | "label_es" | "label_zh" | "sort_order"
> & { version?: number };

export function CategoryFormFields({
  control,
  mode,
}: {
  control: Control<CategoryFormValues>;
  mode: "create" | "edit";
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        control={control}
        name="code"
        idPrefix="category"
        label={t("app_roles.fields.code")}
        extra={t("app_roles.hints.code")}
        required={t("app_roles.errors.codeRequired")}
        pattern={{ value: /^[a-z][a-z0-9_]{1,39}$/, message: t("app_roles.errors.codeFormat") }}
        disabled={mode === "edit"}
      />
      <LocalizedTextFields
        control={control}
        base="label"
        idPrefix="category"
        labelOf={(lang) => t(`app_roles.fields.label_${lang}`)}
        required={t("app_roles.errors.labelRequired")}
        max={80}
      />
      <NumberField
        control={control}
        name="sort_order"
        idPrefix="category"
        label={t("custom_field_definitions.fields.sort_order")}
        min={0}
        max={10000}
        fallback={100}
      />
    </>
  );
}
