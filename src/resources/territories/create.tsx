import { Create } from "../../components/crud";
import { useForm } from "@refinedev/react-hook-form";
import { Form } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { cleanCustomFields } from "../../components/org/customFields";
import { TerritoryFormFields } from "./form";
import { territorySelect, type TerritoryFormValues, type TerritoryRow } from "./queries";

export default function TerritoriesCreate() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { control, handleSubmit, refineCore, saveButtonProps } = useForm<
    TerritoryRow,
    { message: string; statusCode: number },
    TerritoryFormValues
  >({
    refineCoreProps: { resource: "territories", action: "create", redirect: "show", meta: { select: territorySelect } },
    defaultValues: { code: "", name: "", parent_id: params.get("parent"), market_notes: "", custom_fields: {} },
    warnWhenUnsavedChanges: true,
  });
  return (
    <Create
      title={<PageTitle>{t("territories.titles.create")}</PageTitle>}
      saveButtonProps={{ ...saveButtonProps, "data-testid": "territory-save" } as typeof saveButtonProps}
    >
      <Form
        layout="vertical"
        component="form"
        noValidate
        onFinish={() =>
          void handleSubmit((v) =>
            refineCore.onFinish({
              ...v,
              name: v.name.trim(),
              parent_id: v.parent_id || null,
              manager_id: v.manager_id || null,
              custom_fields: cleanCustomFields(v.custom_fields),
            }),
          )()
        }
      >
        <TerritoryFormFields control={control} mode="create" />
      </Form>
    </Create>
  );
}
