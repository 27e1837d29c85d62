// The visit log: one column, so it works on a phone in the customer's lobby. A new visit is
// the signed-in person's own (the database fills in who and where); the customer comes from
// the link that opened it (?customer=...).
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import { today } from "../../utils/format";
import { VisitFormFields } from "./fields";
import { toVisitPayload, visitListSelect, type VisitFormValues, type VisitRow } from "./queries";

export function VisitForm({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const form = useResourceForm<VisitRow, VisitFormValues>({
    resource: "visits",
    action,
    redirect: "list",
    meta: { select: visitListSelect },
    defaultValues: {
      customer_id: params.get("customer") ?? undefined,
      visited_on: today(),
      purpose: "",
      outcome: "",
      next_step: "",
    },
    toPayload: toVisitPayload,
  });
  return (
    <ResourceFormPage form={form} title={t(`visits.titles.${action}`)} canDelete>
      <VisitFormFields control={form.control} />
    </ResourceFormPage>
  );
}
