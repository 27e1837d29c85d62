import { Create } from "../../components/crud";
import { useForm } from "@refinedev/react-hook-form";
import { Form } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { cleanCustomFields } from "../../components/org/customFields";
import { StaffFormFields } from "./form";
import { staffSelect, type StaffFormValues, type StaffRow } from "./queries";

export function toStaffPayload(values: StaffFormValues): StaffFormValues {
  return {
    ...values,
    full_name: values.full_name.trim(),
    email: values.email.trim(),
    phone: (values.phone ?? "").trim(),
    manager_id: values.manager_id || null,
    territory_id: values.territory_id || null,
    user_id: values.user_id || null,
    custom_fields: cleanCustomFields(values.custom_fields),
  };
}

export default function StaffCreate() {
  const { t } = useTranslation();
  const { control, handleSubmit, refineCore, saveButtonProps } = useForm<
    StaffRow,
    { message: string; statusCode: number },
    StaffFormValues
  >({
    refineCoreProps: { resource: "staff", action: "create", redirect: "show", meta: { select: staffSelect } },
    defaultValues: {
      full_name: "",
      email: "",
      phone: "",
      status: "active",
      hire_date: dayjs().format("YYYY-MM-DD"),
      notes: "",
      custom_fields: {},
    },
    warnWhenUnsavedChanges: true,
  });
  return (
    <Create
      title={<PageTitle>{t("staff.titles.create")}</PageTitle>}
      saveButtonProps={{ ...saveButtonProps, "data-testid": "staff-save" } as typeof saveButtonProps}
    >
      <Form
        layout="vertical"
        component="form"
        noValidate
        onFinish={() => void handleSubmit((v) => refineCore.onFinish(toStaffPayload(v)))()}
      >
        <StaffFormFields control={control} />
      </Form>
    </Create>
  );
}
