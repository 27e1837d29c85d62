import { Edit } from "../../components/crud";
import { useForm } from "@refinedev/react-hook-form";
import { Form } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { mergeCustomFields } from "../../components/org/customFields";
import { toStaffPayload } from "./create";
import { StaffFormFields } from "./form";
import { staffSelect, type StaffFormValues, type StaffRow } from "./queries";

const editable = [
  "full_name",
  "email",
  "phone",
  "position_id",
  "manager_id",
  "territory_id",
  "hire_date",
  "status",
  "status_changed_on",
  "notes",
  "user_id",
  "custom_fields",
  "version",
] as const;

export default function StaffEdit() {
  const { t } = useTranslation();
  const { control, register, handleSubmit, refineCore, saveButtonProps } = useForm<
    StaffRow,
    { message: string; statusCode: number },
    StaffFormValues
  >({
    refineCoreProps: { resource: "staff", action: "edit", redirect: "show", meta: { select: staffSelect } },
    warnWhenUnsavedChanges: true,
  });
  const query = refineCore.query;
  const id = query?.data?.data?.id;
  return (
    <Edit
      title={<PageTitle>{t("staff.titles.edit")}</PageTitle>}
      saveButtonProps={{ ...saveButtonProps, "data-testid": "staff-save" } as typeof saveButtonProps}
      isLoading={refineCore.formLoading}
      canDelete={false}
    >
      {query?.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Form
        layout="vertical"
        component="form"
        noValidate
        onFinish={() =>
          void handleSubmit((v) => {
            const payload = {
              ...toStaffPayload(v),
              custom_fields: mergeCustomFields(
                query?.data?.data?.custom_fields as Record<string, unknown>,
                v.custom_fields,
              ),
            } as Record<string, unknown>;
            // Send only the editable columns (the form also holds the loaded relations).
            return refineCore.onFinish(Object.fromEntries(editable.map((k) => [k, payload[k]])) as StaffFormValues);
          })()
        }
      >
        <input type="hidden" {...register("version", { valueAsNumber: true })} />
        <StaffFormFields control={control} selfId={id} />
      </Form>
    </Edit>
  );
}
