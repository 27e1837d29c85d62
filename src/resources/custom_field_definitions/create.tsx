import { Create } from "../../components/crud";
import { useForm } from "@refinedev/react-hook-form";
import { Form } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { DefinitionFormFields, toDefinitionPayload } from "./form";
import type { DefinitionFormValues, DefinitionRow } from "./queries";

export default function CustomFieldDefinitionsCreate() {
  const { t } = useTranslation();
  const { control, handleSubmit, refineCore, saveButtonProps } = useForm<
    DefinitionRow,
    { message: string; statusCode: number },
    DefinitionFormValues
  >({
    refineCoreProps: { resource: "custom_field_definitions", action: "create", redirect: "list" },
    defaultValues: {
      resource: "staff",
      key: "",
      label_en: "",
      label_es: "",
      label_zh: "",
      field_type: "text",
      options: [],
      required: false,
      active: true,
      sort_order: 100,
    },
    warnWhenUnsavedChanges: true,
  });
  return (
    <Create
      title={<PageTitle>{t("custom_field_definitions.titles.create")}</PageTitle>}
      saveButtonProps={{ ...saveButtonProps, "data-testid": "cfd-save" } as typeof saveButtonProps}
    >
      <Form
        layout="vertical"
        component="form"
        noValidate
        onFinish={() => void handleSubmit((v) => refineCore.onFinish(toDefinitionPayload(v)))()}
      >
        <DefinitionFormFields control={control} mode="create" />
      </Form>
    </Create>
  );
}
