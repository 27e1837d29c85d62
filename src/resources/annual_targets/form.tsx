// An annual target: whose (a person with a territory), which KPI, the year, the amount and the
// profile that splits it into months. The split itself runs from the list.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { NumberField, SelectField } from "../../components/fields";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import { usePeople } from "../customers/hooks";
import { useDistributionProfiles, useTargetKpis } from "../targets/hooks";
import { annualTargetDefaults, annualTargetPayload, type AnnualTargetRow, type AnnualTargetValues } from "./queries";

export function AnnualTargetForm({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const { people } = usePeople();
  const { options: kpis } = useTargetKpis();
  const { profiles, options: profileOptions } = useDistributionProfiles();
  const form = useResourceForm<AnnualTargetRow, AnnualTargetValues>({
    resource: "annual_targets",
    action,
    redirect: "list",
    defaultValues: annualTargetDefaults(new Date().getFullYear()),
    toPayload: annualTargetPayload,
  });
  // A new target starts with the even profile once the profiles have loaded.
  const even = profiles.find((p) => p.code === "even")?.id;
  const { getValues, setValue } = form;
  useEffect(() => {
    if (action === "create" && even && !getValues("distribution_id")) setValue("distribution_id", even);
  }, [action, even, getValues, setValue]);
  const field = { control: form.control, idPrefix: "annual-target" } as const;
  const withTerritory = people.filter((p) => p.territory_id).map((p) => ({ value: p.id, label: p.full_name }));
  return (
    <ResourceFormPage form={form} title={t(`annual_targets.titles.${action}`)}>
      <SelectField
        {...field}
        name="staff_id"
        label={t("annual_targets.fields.staff_id")}
        extra={t("annual_targets.hints.person")}
        required={t("annual_targets.errors.person")}
        options={withTerritory}
        search
      />
      <SelectField
        {...field}
        name="kpi_id"
        label={t("annual_targets.fields.kpi_id")}
        required={t("annual_targets.errors.kpi")}
        options={kpis}
        search
      />
      <NumberField
        {...field}
        name="year"
        label={t("annual_targets.fields.year")}
        required={t("annual_targets.errors.year")}
        min={2000}
        max={2100}
        fallback={null}
        width={160}
      />
      <NumberField
        {...field}
        name="amount"
        label={t("annual_targets.fields.amount")}
        required={t("annual_targets.errors.amount")}
        min={0}
        max={99999999999999}
        precision={2}
        fallback={null}
        width={240}
      />
      <SelectField
        {...field}
        name="distribution_id"
        label={t("annual_targets.fields.distribution_id")}
        extra={t("annual_targets.hints.distribution")}
        required={t("annual_targets.errors.distribution")}
        options={profileOptions}
      />
    </ResourceFormPage>
  );
}
