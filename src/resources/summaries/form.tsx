// A summary (003 ch.2-4): whose (a salesperson: their own), which period (a week, a month or a
// year: last month's by default), then the written sections; the annual one adds personal
// growth, gaps and suggestions to the company, which become a suggestion when it is submitted.
// The figures are filled in by the database and shown on the summary's page.
import { useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "../../components/fields";
import { PeriodField } from "../../components/reports/PeriodField";
import { useWritesForOthers } from "../../components/reports/useWritesForOthers";
import { previousPeriod } from "../../components/reports/period";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import { today } from "../../utils/format";
import { useMyStaff, usePeople } from "../customers/hooks";
import {
  annualSections,
  summaryDefaults,
  summaryPeriods,
  summarySections,
  summarySelect,
  toSummaryPayload,
  type SummaryRow,
  type SummaryValues,
} from "./queries";

export function SummaryForm({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const { staff: me } = useMyStaff();
  const forOthers = useWritesForOthers("summaries");
  const { options: people } = usePeople();
  const form = useResourceForm<SummaryRow, SummaryValues>({
    resource: "summaries",
    action,
    meta: { select: summarySelect },
    defaultValues: summaryDefaults("month", previousPeriod("month", today())),
    toPayload: (v, stored) =>
      toSummaryPayload({ ...v, staff_id: v.staff_id ?? me?.id ?? null }, stored) as SummaryValues,
  });
  const period = useWatch({ control: form.control, name: "period" });
  const field = { control: form.control, idPrefix: "summary" } as const;
  const text = (name: (typeof summarySections)[number] | (typeof annualSections)[number]) => (
    <TextField
      key={name}
      {...field}
      name={name}
      label={t(`summaries.fields.${name}`)}
      extra={t(`summaries.hints.${name}`)}
      max={name === "company_suggestions" ? 10000 : 8000}
      rows={4}
      pattern={
        name === "company_suggestions"
          ? { value: /^(\s*|\s*\S[\s\S]{8,}\S\s*)$/, message: t("summaries.errors.suggestions") }
          : undefined
      }
    />
  );
  return (
    <ResourceFormPage form={form} title={t(`summaries.titles.${action}`)}>
      {action === "create" && (forOthers || !me) && (
        <SelectField
          {...field}
          name="staff_id"
          label={t("summaries.fields.staff_id")}
          required={t("summaries.errors.staff")}
          options={people}
          search
        />
      )}
      <SelectField
        {...field}
        name="period"
        label={t("summaries.fields.period")}
        required={t("summaries.errors.period")}
        disabled={action === "edit"}
        options={summaryPeriods.map((p) => ({ value: p, label: t(`summaries.period.${p}`) }))}
      />
      <PeriodField
        {...field}
        name="period_start"
        period={period}
        label={t("summaries.fields.period_start")}
        required={t("summaries.errors.periodStart")}
        disabled={action === "edit"}
      />
      {summarySections.map(text)}
      {period === "year" && annualSections.map(text)}
    </ResourceFormPage>
  );
}
