import { Create } from "../../components/crud";
import { useForm } from "@refinedev/react-hook-form";
import { Form } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { RoleFormFields } from "./form";
import { roleMeta, type RoleFormValues, type RoleRow } from "./queries";

export default function AppRolesCreate() {
  const { t } = useTranslation();
  const { control, handleSubmit, refineCore, saveButtonProps } = useForm<
    RoleRow,
    { message: string; statusCode: number },
    RoleFormValues
  >({
    refineCoreProps: { resource: "app_roles", action: "create", meta: roleMeta, redirect: "show" },
    defaultValues: { code: "", label_en: "", label_es: "", label_zh: "", description: "" },
    warnWhenUnsavedChanges: true,
  });
  return (
    <Create
      title={<PageTitle>{t("app_roles.titles.create")}</PageTitle>}
      saveButtonProps={{ ...saveButtonProps, "data-testid": "role-save" } as typeof saveButtonProps}
      isLoading={refineCore.formLoading}
    >
      <Form
        layout="vertical"
        component="form"
        noValidate
        onFinish={() => void handleSubmit((v) => refineCore.onFinish(v))()}
      >
        <RoleFormFields control={control} mode="create" />
      </Form>
    </Create>
  );
}
