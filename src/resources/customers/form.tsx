// The customer form: owns the form state; a move to another territory keeps the history
// (customer_placements) and past visits and sales where they happened.
import { useTranslation } from "react-i18next";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import { CustomerFormFields } from "./fields";
import { toCustomerPayload, toCustomerUpdate } from "./payload";
import { customerListSelect, type CustomerFormValues, type CustomerRow } from "./queries";

export function CustomerForm({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const form = useResourceForm<CustomerRow, CustomerFormValues>({
    resource: "customers",
    action,
    meta: { select: customerListSelect },
    defaultValues: { code: "", name: "", status: "prospect", address: "", custom_fields: {} },
    toPayload: action === "create" ? toCustomerPayload : toCustomerUpdate,
  });
  return (
    <ResourceFormPage form={form} title={t(`customers.titles.${action}`)}>
      <CustomerFormFields control={form.control} />
    </ResourceFormPage>
  );
}
