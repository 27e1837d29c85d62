// Fields of the visit log: the customer (searched), the day (not in the future), purpose,
// the contact met (the customer's own), outcome, next step and next visit (not before this one).
import { useList } from "@refinedev/core";
import dayjs from "dayjs";
import { useWatch, type Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { DateField, SelectField, TextField } from "../../components/fields";
import type { Tables } from "../../types/database";
import { CustomerField } from "../customers/pickers";
import type { VisitFormValues } from "./queries";

export function VisitFormFields({ control }: { control: Control<VisitFormValues> }) {
  const { t } = useTranslation();
  const customer = useWatch({ control, name: "customer_id" });
  const visitedOn = useWatch({ control, name: "visited_on" });
  const { result: contacts } = useList<Pick<Tables<"customer_contacts">, "id" | "name" | "decision_maker">>({
    resource: "customer_contacts",
    filters: [{ field: "customer_id", operator: "eq", value: customer }],
    pagination: { mode: "off" },
    meta: { select: "id, name, decision_maker" },
    queryOptions: { enabled: Boolean(customer) },
  });
  const field = { control, idPrefix: "visit" } as const;
  const required = (key: string) => t("visits.errors.required", { field: t(`visits.fields.${key}`) });
  return (
    <>
      <CustomerField
        {...field}
        name="customer_id"
        label={t("visits.fields.customer_id")}
        required={required("customer_id")}
      />
      <DateField
        {...field}
        name="visited_on"
        label={t("visits.fields.visited_on")}
        required={required("visited_on")}
        disabledDate={(d) => d.isAfter(dayjs(), "day")}
      />
      <TextField
        {...field}
        name="purpose"
        label={t("visits.fields.purpose")}
        required={required("purpose")}
        max={500}
      />
      <SelectField
        {...field}
        name="contact_id"
        label={t("visits.fields.contact_id")}
        extra={t("visits.hints.contact")}
        options={(contacts?.data ?? []).map((c) => ({
          value: c.id,
          label: c.decision_maker ? `${c.name} (${t("customer_contacts.decides")})` : c.name,
        }))}
      />
      <TextField {...field} name="outcome" label={t("visits.fields.outcome")} max={2000} rows={3} />
      <TextField {...field} name="next_step" label={t("visits.fields.next_step")} max={1000} />
      <DateField
        {...field}
        name="next_visit_on"
        label={t("visits.fields.next_visit_on")}
        disabledDate={(d) => Boolean(visitedOn) && d.isBefore(dayjs(visitedOn), "day")}
      />
    </>
  );
}
