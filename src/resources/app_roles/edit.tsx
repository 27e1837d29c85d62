import { Edit } from "../../components/crud";
import { useForm } from "@refinedev/react-hook-form";
import { Form } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { RoleFormFields } from "./form";
import { roleMeta, roleSelect, type RoleFormValues, type RoleRow } from "./queries";

export default function AppRolesEdit() {
  const { t } = useTranslation();
  const { control, register, handleSubmit, refineCore, saveButtonProps } = useForm<
    RoleRow,
    { message: string; statusCode: number },
    RoleFormValues
  >({
    refineCoreProps: {
      resource: "app_roles",
      action: "edit",
      meta: { ...roleMeta, select: roleSelect },
      redirect: "show",
    },
    warnWhenUnsavedChanges: true,
  });
  const query = refineCore.query;
  return (
    <Edit
      title={<PageTitle>{t("app_roles.titles.edit")}</PageTitle>}
      saveButtonProps={{ ...saveButtonProps, "data-testid": "role-save" } as typeof saveButtonProps}
      isLoading={refineCore.formLoading}
      canDelete={false}
    >
      {query?.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Form
        layout="vertical"
        component="form"
        noValidate
        onFinish={() => void handleSubmit(({ code: _code, ...v }) => refineCore.onFinish(v))()}
      >
        {/* The version read with the record: a save over someone else's newer save is refused (409). */}
        <input type="hidden" {...register("version", { valueAsNumber: true })} />
        <RoleFormFields control={control} mode="edit" />
      </Form>
    </Edit>
  );
}
