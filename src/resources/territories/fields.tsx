// Fields shared by the territory create and edit forms, mirroring the database's checks.
import { useList } from "@refinedev/core";
import { Input, Select } from "antd";
import type { Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ControlledField } from "../../components/ControlledField";
import { CustomFieldInputs } from "../../components/org/CustomFieldInputs";
import { TerritoryTreeSelect } from "../../components/org/TerritoryTreeSelect";
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
  return (
    <>
      <ControlledField
        name="code"
        control={control}
        idPrefix="territory"
        required
        label={t("territories.fields.code")}
        extra={t("territories.hints.code")}
        rules={{
          required: t("territories.errors.codeRequired"),
          pattern: { value: territoryCodePattern, message: t("territories.errors.codeFormat") },
        }}
        render={(field) => (
          <Input
            {...field}
            value={field.value ?? ""}
            onChange={(e) => field.onChange(e.target.value.toUpperCase())}
            disabled={mode === "edit"}
            autoComplete="off"
          />
        )}
      />
      <ControlledField
        name="name"
        control={control}
        idPrefix="territory"
        required
        label={t("territories.fields.name")}
        rules={{
          validate: (v) => (v ?? "").trim().length > 0 || t("territories.errors.nameRequired"),
          maxLength: { value: 120, message: t("staff.errors.tooLong", { count: 120 }) },
        }}
        render={(field) => <Input {...field} value={field.value ?? ""} />}
      />
      <ControlledField
        name="parent_id"
        control={control}
        idPrefix="territory"
        label={t("territories.fields.parent_id")}
        extra={t("territories.hints.parent")}
        render={(field) => (
          <TerritoryTreeSelect
            id={field.id}
            value={field.value ?? null}
            onChange={field.onChange}
            placeholder={t("territories.fields.parent_id")}
            disabledIds={selfId ? [selfId] : []}
            data-testid={field["data-testid"]}
          />
        )}
      />
      <ControlledField
        name="manager_id"
        control={control}
        idPrefix="territory"
        label={t("territories.fields.manager_id")}
        extra={t("territories.hints.manager")}
        render={(field) => (
          <Select
            {...field}
            value={field.value ?? undefined}
            allowClear
            showSearch
            optionFilterProp="label"
            options={(managers?.data ?? []).map((p) => ({ value: p.id, label: p.full_name }))}
          />
        )}
      />
      <ControlledField
        name="market_notes"
        control={control}
        idPrefix="territory"
        label={t("territories.fields.market_notes")}
        rules={{ maxLength: { value: 5000, message: t("staff.errors.tooLong", { count: 5000 }) } }}
        render={(field) => <Input.TextArea {...field} value={field.value ?? ""} rows={4} />}
      />
      <CustomFieldInputs resource="territories" control={control} />
    </>
  );
}
