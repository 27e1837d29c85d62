// The role form: owns the form state; the code is fixed once created.
import { useTranslation } from "react-i18next";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import { RoleFormFields } from "./fields";
import { roleMeta, roleSelect, type RoleFormValues, type RoleRow } from "./queries";

export function RoleForm({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const form = useResourceForm<RoleRow, RoleFormValues>({
    resource: "app_roles",
    action,
    meta: action === "create" ? roleMeta : { ...roleMeta, select: roleSelect },
    defaultValues: { code: "", label_en: "", label_es: "", label_zh: "", description: "" },
    toPayload: (values) => {
      if (action === "create") return values;
      const { code: _code, ...rest } = values;
      return rest as RoleFormValues;
    },
  });
  return (
    <ResourceFormPage form={form} title={t(`app_roles.titles.${action}`)} saveTestId="role-save">
      <RoleFormFields control={form.control} mode={action} />
    </ResourceFormPage>
  );
}
