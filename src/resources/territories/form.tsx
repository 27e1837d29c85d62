// The territory form: owns the form state and shapes what is saved (trimmed name, nulls for
// empty links, custom fields cleaned or merged over the stored ones); the code is fixed once
// created. A new territory can start under the one named by ?parent=.
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import { TerritoryFormFields } from "./fields";
import { toTerritoryPayload } from "./payload";
import { territorySelect, type TerritoryFormValues, type TerritoryRow } from "./queries";

export function TerritoryForm({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const form = useResourceForm<TerritoryRow, TerritoryFormValues>({
    resource: "territories",
    action,
    meta: { select: territorySelect },
    defaultValues: { code: "", name: "", parent_id: params.get("parent"), market_notes: "", custom_fields: {} },
    toPayload: (values, stored) => toTerritoryPayload(action, values, stored),
  });
  return (
    <ResourceFormPage form={form} title={t(`territories.titles.${action}`)} saveTestId="territory-save">
      <TerritoryFormFields control={form.control} mode={action} selfId={form.stored?.id} />
    </ResourceFormPage>
  );
}
