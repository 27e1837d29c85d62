// Renders the custom fields HR defined for a resource inside a react-hook-form form, with
// the database's rules mirrored (required, number, date, allowed options).
import { useList } from "@refinedev/core";
import { DatePicker, Input, InputNumber, Select, Switch } from "antd";
import dayjs from "dayjs";
import type { Control, FieldValues, Path } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { localizedLabel } from "../../providers/i18n";
import { ControlledField } from "../ControlledField";
import { fieldOptions, optionLabel, type FieldDefinition } from "./customFields";

export type CustomFieldResource = "staff" | "territories" | "customers";

export function useCustomFieldDefinitions(resource: CustomFieldResource) {
  const { result, query } = useList<FieldDefinition>({
    resource: "custom_field_definitions",
    filters: [
      { field: "resource", operator: "eq", value: resource },
      { field: "active", operator: "eq", value: true },
    ],
    sorters: [{ field: "sort_order", order: "asc" }],
    pagination: { mode: "off" },
  });
  return { definitions: result?.data ?? [], query };
}

export function CustomFieldInputs<T extends FieldValues>({
  resource,
  control,
}: {
  resource: CustomFieldResource;
  control: Control<T>;
}) {
  const { t, i18n } = useTranslation();
  const { definitions } = useCustomFieldDefinitions(resource);
  return (
    <>
      {definitions.map((d) => {
        const name = `custom_fields.${d.key}` as Path<T>;
        const label = localizedLabel(d, i18n.language);
        const options = fieldOptions(d).map((o) => ({ value: o.value, label: optionLabel(o, i18n.language) }));
        const empty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
        return (
          <ControlledField<T, Path<T>>
            key={d.id}
            name={name}
            control={control}
            idPrefix="cf"
            label={label}
            required={d.required}
            rules={{
              validate: (v: unknown) => {
                if (d.required && empty(v)) return t("custom_field_definitions.errors.required", { field: label });
                if (!empty(v) && d.field_type === "number" && (typeof v !== "number" || Number.isNaN(v)))
                  return t("custom_field_definitions.errors.number", { field: label });
                if (!empty(v) && d.field_type === "text" && String(v).length > 2000)
                  return t("custom_field_definitions.errors.tooLong", { field: label });
                return true;
              },
            }}
            render={({ value, onChange, onBlur, id, "data-testid": testId }) => {
              switch (d.field_type) {
                case "number":
                  return (
                    <InputNumber
                      id={id}
                      data-testid={testId}
                      value={value as number | null}
                      onChange={onChange}
                      onBlur={onBlur}
                      style={{ width: "100%" }}
                    />
                  );
                case "date":
                  return (
                    <DatePicker
                      id={id}
                      data-testid={testId}
                      value={value ? dayjs(value as string) : null}
                      onChange={(date) => onChange(date ? date.format("YYYY-MM-DD") : null)}
                      onBlur={onBlur}
                      style={{ width: "100%" }}
                    />
                  );
                case "boolean":
                  return <Switch id={id} data-testid={testId} checked={value === true} onChange={onChange} />;
                case "single_select":
                  return (
                    <Select
                      id={id}
                      data-testid={testId}
                      value={value ?? undefined}
                      onChange={onChange}
                      onBlur={onBlur}
                      options={options}
                      allowClear
                    />
                  );
                case "multi_select":
                  return (
                    <Select
                      id={id}
                      data-testid={testId}
                      mode="multiple"
                      value={(value as string[] | undefined) ?? []}
                      onChange={onChange}
                      onBlur={onBlur}
                      options={options}
                      allowClear
                    />
                  );
                default:
                  return (
                    <Input
                      id={id}
                      data-testid={testId}
                      value={(value as string | undefined) ?? ""}
                      onChange={onChange}
                      onBlur={onBlur}
                      maxLength={2001}
                    />
                  );
              }
            }}
          />
        );
      })}
    </>
  );
}
