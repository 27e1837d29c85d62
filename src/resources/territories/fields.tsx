// Fields shared by the territory create and edit forms, mirroring the database's checks.
import { useList } from "@refinedev/core";
import type { Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { SelectField, TerritoryField, TextField } from "../../components/fields";
import { CustomFieldInputs } from "../../components/org/CustomFieldInputs";
import type { Tables } from "../../types/database";
import type { TerritoryFormValues } from "./queries";
import { staffNameSelect } from "../staff/queries";

export const territoryCodePattern = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;

export function TerritoryFormFields({
  control,
  mode,
  selfId,
}: {
  control: Control<TerritoryFormValues>;
  mode: "create" | "edit";
  selfId?: string;
}) {
  const { t } = useTranslation();
  const { result: managers } = useList<Pick<Tables<"staff">, "id" | "full_name">>({
    resource: "staff",
    pagination: { mode: "off" },
    sorters: [{ field: "full_name", order: "asc" }],
    filters: [{ field: "status", operator: "eq", value: "active" }],
    meta: { select: staffNameSelect },
  });
  const field = { control, idPrefix: "territory" } as const;
  return (
    <>
      <TextField
        {...field}
        name="code"
        label={t("territories.fields.code")}
        extra={t("territories.hints.code")}
        required={t("territories.errors.codeRequired")}
        pattern={{ value: territoryCodePattern, message: t("territories.errors.codeFormat") }}
        disabled={mode === "edit"}
        upperCase
      />
      <TextField
        {...field}
        name="name"
        label={t("territories.fields.name")}
        required={t("territories.errors.nameRequired")}
        max={120}
      />
      <TerritoryField
        {...field}
        name="parent_id"
        label={t("territories.fields.parent_id")}
        extra={t("territories.hints.parent")}
        placeholder={t("territories.fields.parent_id")}
        disabledIds={selfId ? [selfId] : []}
      />
      <SelectField
        {...field}
        name="manager_id"
        label={t("territories.fields.manager_id")}
        extra={t("territories.hints.manager")}
        search
        options={(managers?.data ?? []).map((p) => ({ value: p.id, label: p.full_name }))}
      />
      <TextField {...field} name="market_notes" label={t("territories.fields.market_notes")} max={5000} rows={4} />
      <CustomFieldInputs resource="territories" control={control} />
    </>
  );
}
