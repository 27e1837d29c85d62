import { Input, InputNumber } from "antd";
import type { Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ControlledField } from "../../components/ControlledField";
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
  const labelRules = { maxLength: { value: 80, message: t("staff.errors.tooLong", { count: 80 }) } };
  return (
    <>
      <ControlledField
        name="code"
        control={control}
        idPrefix="category"
        required
        label={t("app_roles.fields.code")}
        extra={t("app_roles.hints.code")}
        rules={{
          required: t("app_roles.errors.codeRequired"),
          pattern: { value: /^[a-z][a-z0-9_]{1,39}$/, message: t("app_roles.errors.codeFormat") },
        }}
        render={(field) => <Input {...field} value={field.value ?? ""} disabled={mode === "edit"} />}
      />
      <ControlledField
        name="label_en"
        control={control}
        idPrefix="category"
        required
        label={t("app_roles.fields.label_en")}
        rules={{ ...labelRules, validate: (v) => (v ?? "").trim().length > 0 || t("app_roles.errors.labelRequired") }}
        render={(field) => <Input {...field} value={field.value ?? ""} lang="en" />}
      />
      <ControlledField
        name="label_es"
        control={control}
        idPrefix="category"
        label={t("app_roles.fields.label_es")}
        rules={labelRules}
        render={(field) => <Input {...field} value={field.value ?? ""} lang="es" />}
      />
      <ControlledField
        name="label_zh"
        control={control}
        idPrefix="category"
        label={t("app_roles.fields.label_zh")}
        rules={labelRules}
        render={(field) => <Input {...field} value={field.value ?? ""} lang="zh-CN" />}
      />
      <ControlledField
        name="sort_order"
        control={control}
        idPrefix="category"
        label={t("custom_field_definitions.fields.sort_order")}
        render={(field) => <InputNumber {...field} value={field.value ?? 100} min={0} max={10000} precision={0} />}
      />
    </>
  );
}
