// Fields of the customer form, mirroring the database's checks.
import type { Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { SelectField, TerritoryField, TextField } from "../../components/fields";
import { CustomFieldInputs } from "../../components/org/CustomFieldInputs";
import { usePeople, useTiers } from "./hooks";
import { customerCodePattern, customerStatuses, type CustomerFormValues } from "./queries";

export function CustomerFormFields({ control }: { control: Control<CustomerFormValues> }) {
  const { t } = useTranslation();
  const { options: tiers } = useTiers();
  const { options: people } = usePeople();
  const required = (key: string) => t("customers.errors.required", { field: t(`customers.fields.${key}`) });
  const field = { control, idPrefix: "customer" } as const;
  return (
    <>
      <TextField
        {...field}
        name="code"
        label={t("customers.fields.code")}
        extra={t("customers.hints.code")}
        required={required("code")}
        pattern={{ value: customerCodePattern, message: t("customers.errors.code") }}
        upperCase
        max={32}
      />
      <TextField {...field} name="name" label={t("customers.fields.name")} required={required("name")} max={200} />
      <SelectField
        {...field}
        name="tier_id"
        label={t("customers.fields.tier_id")}
        required={required("tier_id")}
        options={tiers}
      />
      <SelectField
        {...field}
        name="status"
        label={t("customers.fields.status")}
        required={required("status")}
        options={customerStatuses.map((s) => ({ value: s, label: t(`customers.status.${s}`) }))}
      />
      <TerritoryField
        {...field}
        name="territory_id"
        label={t("customers.fields.territory_id")}
        placeholder={t("customers.hints.territory")}
        required={required("territory_id")}
        extra={t("customers.hints.move")}
      />
      <SelectField
        {...field}
        name="owner_id"
        label={t("customers.fields.owner_id")}
        extra={t("customers.hints.owner")}
        options={people}
        search
      />
      <TextField {...field} name="address" label={t("customers.fields.address")} max={500} rows={2} />
      <CustomFieldInputs resource="customers" control={control} />
    </>
  );
}
