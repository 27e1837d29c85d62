// The staff form: owns the form state and shapes what is saved (trimmed text, nulls for empty
// links, custom fields cleaned and merged over the stored ones, only editable columns).
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import { StaffFormFields } from "./fields";
import { toStaffPayload, toStaffUpdate } from "./payload";
import { staffSelect, type StaffFormValues, type StaffRow } from "./queries";

export function StaffForm({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const form = useResourceForm<StaffRow, StaffFormValues>({
    resource: "staff",
    action,
    meta: { select: staffSelect },
    defaultValues: {
      full_name: "",
      email: "",
      phone: "",
      status: "active",
      hire_date: dayjs().format("YYYY-MM-DD"),
      notes: "",
      custom_fields: {},
    },
    toPayload: action === "create" ? toStaffPayload : toStaffUpdate,
  });
  return (
    <ResourceFormPage form={form} title={t(`staff.titles.${action}`)} saveTestId="staff-save">
      <StaffFormFields control={form.control} selfId={form.stored?.id} />
    </ResourceFormPage>
  );
}
