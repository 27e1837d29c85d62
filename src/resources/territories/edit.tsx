import { Edit } from "../../components/crud";
import { useForm } from "@refinedev/react-hook-form";
import { Form } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { mergeCustomFields } from "../../components/org/customFields";
import { TerritoryFormFields } from "./form";
import { territorySelect, type TerritoryFormValues, type TerritoryRow } from "./queries";

export default function TerritoriesEdit() {
  const { t } = useTranslation();
  const { control, register, handleSubmit, refineCore, saveButtonProps } = useForm<
    TerritoryRow,
    { message: string; statusCode: number },
    TerritoryFormValues
  >({
    refineCoreProps: { resource: "territories", action: "edit", redirect: "show", meta: { select: territorySelect } },
    warnWhenUnsavedChanges: true,
  });
  const query = refineCore.query;
  const stored = query?.data?.data;
  return (
    <Edit
      title={<PageTitle>{t("territories.titles.edit")}</PageTitle>}
      saveButtonProps={{ ...saveButtonProps, "data-testid": "territory-save" } as typeof saveButtonProps}
      isLoading={refineCore.formLoading}
      canDelete={false}
    >
      {query?.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Form
        layout="vertical"
        component="form"
        noValidate
        onFinish={() =>
          void handleSubmit((v) =>
            refineCore.onFinish({
              name: v.name.trim(),
              parent_id: v.parent_id || null,
              manager_id: v.manager_id || null,
              market_notes: v.market_notes,
              custom_fields: mergeCustomFields(stored?.custom_fields as Record<string, unknown>, v.custom_fields),
              version: v.version,
            } as TerritoryFormValues),
          )()
        }
      >
        <input type="hidden" {...register("version", { valueAsNumber: true })} />
        <TerritoryFormFields control={control} mode="edit" selfId={stored?.id} />
      </Form>
    </Edit>
  );
}
