import { Edit } from "../../components/crud";
import { useForm } from "@refinedev/react-hook-form";
import { Form } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { DefinitionFormFields, toDefinitionPayload } from "./form";
import type { DefinitionFormValues, DefinitionRow } from "./queries";

export default function CustomFieldDefinitionsEdit() {
  const { t } = useTranslation();
  const { control, register, handleSubmit, refineCore, saveButtonProps } = useForm<
    DefinitionRow,
    { message: string; statusCode: number },
    DefinitionFormValues
  >({
    refineCoreProps: { resource: "custom_field_definitions", action: "edit", redirect: "list" },
    warnWhenUnsavedChanges: true,
  });
  const query = refineCore.query;
  return (
    <Edit
      title={<PageTitle>{t("custom_field_definitions.titles.edit")}</PageTitle>}
      saveButtonProps={{ ...saveButtonProps, "data-testid": "cfd-save" } as typeof saveButtonProps}
      isLoading={refineCore.formLoading}
    >
      {query?.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Form
        layout="vertical"
        component="form"
        noValidate
        onFinish={() =>
          void handleSubmit((v) => {
            const { resource: _r, key: _k, field_type: _f, ...payload } = toDefinitionPayload(v);
            return refineCore.onFinish(payload as DefinitionFormValues);
          })()
        }
      >
        <input type="hidden" {...register("version", { valueAsNumber: true })} />
        <DefinitionFormFields control={control} mode="edit" />
      </Form>
    </Edit>
  );
}
