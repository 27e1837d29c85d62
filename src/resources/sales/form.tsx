// The sale form. A new sale is credited 100% to its customer's owner on the sale date (the
// split can be changed on the sale's page); its territory and owner are those of that date.
import { useTranslation } from "react-i18next";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import { today } from "../../utils/format";
import { SaleFormFields } from "./fields";
import { saleListSelect, toSalePayload, type SaleFormValues, type SaleRow } from "./queries";

export function SaleForm({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const form = useResourceForm<SaleRow, SaleFormValues>({
    resource: "sales",
    action,
    meta: { select: saleListSelect },
    defaultValues: { document: "invoice", sale_date: today(), quantity: 1, cost: 0, discount_percent: 0 },
    toPayload: toSalePayload,
  });
  return (
    <ResourceFormPage form={form} title={t(`sales.titles.${action}`)} canDelete>
      <SaleFormFields control={form.control} />
    </ResourceFormPage>
  );
}
