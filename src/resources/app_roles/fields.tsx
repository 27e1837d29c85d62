// Fields shared by the create and edit forms of a role. The code is fixed once created.
import { Input } from "antd";
import type { Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ControlledField } from "../../components/ControlledField";
import { roleCodePattern, type RoleFormValues } from "./queries";

export function RoleFormFields({ control, mode }: { control: Control<RoleFormValues>; mode: "create" | "edit" }) {
  const { t } = useTranslation();
  const labelRules = {
    validate: (v: string | undefined) => ((v ?? "").trim().length > 0 ? true : t("app_roles.errors.labelRequired")),
    maxLength: { value: 80, message: t("app_roles.errors.tooLong", { count: 80 }) },
  };
  return (
    <>
      <ControlledField
        name="code"
        control={control}
        idPrefix="role"
        required
        label={t("app_roles.fields.code")}
        extra={t("app_roles.hints.code")}
        rules={{
          required: t("app_roles.errors.codeRequired"),
          pattern: { value: roleCodePattern, message: t("app_roles.errors.codeFormat") },
        }}
        render={(field) => <Input {...field} disabled={mode === "edit"} autoComplete="off" />}
      />
      <ControlledField
        name="label_en"
        control={control}
        idPrefix="role"
        required
        label={t("app_roles.fields.label_en")}
        rules={labelRules}
        render={(field) => <Input {...field} lang="en" />}
      />
      <ControlledField
        name="label_es"
        control={control}
        idPrefix="role"
        required
        label={t("app_roles.fields.label_es")}
        rules={labelRules}
        render={(field) => <Input {...field} lang="es" />}
      />
      <ControlledField
        name="label_zh"
        control={control}
        idPrefix="role"
        required
        label={t("app_roles.fields.label_zh")}
        rules={labelRules}
        render={(field) => <Input {...field} lang="zh-CN" />}
      />
      <ControlledField
        name="description"
        control={control}
        idPrefix="role"
        label={t("app_roles.fields.description")}
        rules={{ maxLength: { value: 1000, message: t("app_roles.errors.tooLong", { count: 1000 }) } }}
        render={(field) => <Input.TextArea {...field} value={field.value ?? ""} rows={3} />}
      />
    </>
  );
}
