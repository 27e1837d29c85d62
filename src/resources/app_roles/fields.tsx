// Fields shared by the create and edit forms of a role. The code is fixed once created.
import type { Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { LocalizedTextFields, TextField } from "../../components/fields";
import { roleCodePattern, type RoleFormValues } from "./queries";

export function RoleFormFields({ control, mode }: { control: Control<RoleFormValues>; mode: "create" | "edit" }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        control={control}
        name="code"
        idPrefix="role"
        label={t("app_roles.fields.code")}
        extra={t("app_roles.hints.code")}
        required={t("app_roles.errors.codeRequired")}
        pattern={{ value: roleCodePattern, message: t("app_roles.errors.codeFormat") }}
        disabled={mode === "edit"}
      />
      <LocalizedTextFields
        control={control}
        base="label"
        idPrefix="role"
        labelOf={(lang) => t(`app_roles.fields.label_${lang}`)}
        required={t("app_roles.errors.labelRequired")}
        allRequired
        max={80}
      />
      <TextField
        control={control}
        name="description"
        idPrefix="role"
        label={t("app_roles.fields.description")}
        max={1000}
        rows={3}
      />
    </>
  );
}
