// The monthly plan (003 ch.3): whose and which month (a salesperson: their own; a manager may
// write one for someone in their subtree), the sales target and its breakdown, key customers to
// keep, prospects to develop, visits planned and how known problems will be handled.
import { useTranslation } from "react-i18next";
import { NumberField, SelectField, TextField } from "../../components/fields";
import { PeriodField } from "../../components/reports/PeriodField";
import { useWritesForOthers } from "../../components/reports/useWritesForOthers";
import { periodStart } from "../../components/reports/period";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import { today } from "../../utils/format";
import { useMyStaff, usePeople } from "../customers/hooks";
import {
  monthlyPlanDefaults,
  monthlyPlanSelect,
  toMonthlyPlanPayload,
  type MonthlyPlanRow,
  type MonthlyPlanValues,
} from "./queries";

export function MonthlyPlanForm({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const { staff: me } = useMyStaff();
  const forOthers = useWritesForOthers("monthly_plans");
  const { options: people } = usePeople();
  const form = useResourceForm<MonthlyPlanRow, MonthlyPlanValues>({
    resource: "monthly_plans",
    action,
    meta: { select: monthlyPlanSelect },
    defaultValues: monthlyPlanDefaults(null, periodStart("month", today())),
    toPayload: (v, stored) =>
      toMonthlyPlanPayload({ ...v, staff_id: v.staff_id ?? me?.id ?? null }, stored) as MonthlyPlanValues,
  });
  const field = { control: form.control, idPrefix: "monthly-plan" } as const;
  const text = (name: keyof MonthlyPlanValues & string, rows = 3) => (
    <TextField
      {...field}
      name={name}
      label={t(`monthly_plans.fields.${name}`)}
      extra={t(`monthly_plans.hints.${name}`)}
      max={4000}
      rows={rows}
    />
  );
  return (
    <ResourceFormPage form={form} title={t(`monthly_plans.titles.${action}`)}>
      {action === "create" && (forOthers || !me) && (
        <SelectField
          {...field}
          name="staff_id"
          label={t("monthly_plans.fields.staff_id")}
          required={t("monthly_plans.errors.staff")}
          options={people}
          search
        />
      )}
      <PeriodField
        {...field}
        name="month"
        period="month"
        label={t("monthly_plans.fields.month")}
        required={t("monthly_plans.errors.month")}
        disabled={action === "edit"}
      />
      <NumberField
        {...field}
        name="sales_target"
        label={t("monthly_plans.fields.sales_target")}
        min={0}
        max={1000000000}
        precision={2}
        fallback={0}
        width={220}
      />
      {text("target_breakdown")}
      {text("key_customers")}
      {text("prospects")}
      <NumberField
        {...field}
        name="visits_planned"
        label={t("monthly_plans.fields.visits_planned")}
        min={0}
        max={1000}
        fallback={0}
        width={160}
      />
      {text("known_problems", 4)}
    </ResourceFormPage>
  );
}
