// The form fields every resource uses, written once: text (trimmed required, a length limit,
// a pattern), the same text in the three languages, codes, whole numbers and selects. Each is
// a ControlledField: labelled, its error announced, its id and test id `<idPrefix>-<name>`.
import { DatePicker, Input, InputNumber, Select, Switch, type SelectProps } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { ReactNode } from "react";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ControlledField } from "./ControlledField";
import { TerritoryTreeSelect } from "./org/TerritoryTreeSelect";

interface FieldProps<T extends FieldValues> {
  control: Control<T>;
  name: FieldPath<T>;
  idPrefix: string;
  /** null in a table cell, where the column names the field (give `ariaLabel` there). */
  label: string | null;
  extra?: ReactNode;
}

/** Free text: with `required`, blank (after trimming) is refused with that message. */
export function TextField<T extends FieldValues>({
  required,
  max,
  pattern,
  disabled,
  lang,
  rows,
  upperCase,
  autoComplete,
  type,
  ariaLabel,
  ...field
}: FieldProps<T> & {
  ariaLabel?: string;
  required?: string;
  max?: number;
  pattern?: { value: RegExp; message: string };
  disabled?: boolean;
  lang?: string;
  /** A text area of this many rows. */
  rows?: number;
  upperCase?: boolean;
  autoComplete?: string;
  type?: string;
}) {
  const { t } = useTranslation();
  return (
    <ControlledField
      {...field}
      required={Boolean(required)}
      rules={{
        ...(required ? { validate: (v: unknown) => String(v ?? "").trim().length > 0 || required } : {}),
        ...(max ? { maxLength: { value: max, message: t("errors.maxChars", { count: max }) } } : {}),
        ...(pattern ? { pattern } : {}),
      }}
      render={({ value, onChange, ...props }) =>
        rows ? (
          <Input.TextArea
            {...props}
            value={value ?? ""}
            onChange={onChange}
            rows={rows}
            lang={lang}
            aria-label={ariaLabel}
          />
        ) : (
          <Input
            {...props}
            value={value ?? ""}
            onChange={(e) => onChange(upperCase ? e.target.value.toUpperCase() : e.target.value)}
            disabled={disabled}
            lang={lang}
            type={type}
            autoComplete={autoComplete ?? "off"}
            aria-label={ariaLabel}
          />
        )
      }
    />
  );
}

const languages = [
  { suffix: "en", lang: "en" },
  { suffix: "es", lang: "es" },
  { suffix: "zh", lang: "zh-CN" },
] as const;

/** `<base>_en`, `<base>_es`, `<base>_zh`: English required (unless no `required` message is given), the others too when `allRequired`. */
export function LocalizedTextFields<T extends FieldValues>({
  control,
  base,
  idPrefix,
  labelOf,
  required,
  allRequired,
  max,
  extra,
  separator = "_",
  rows,
}: {
  control: Control<T>;
  base: string;
  /** Between the base and the language: `title_en`, or `responsibilities.0.en` with ".". */
  separator?: string;
  rows?: number;
  idPrefix: string;
  labelOf: (suffix: "en" | "es" | "zh") => string;
  required?: string;
  allRequired?: boolean;
  max: number;
  /** Shown under the optional translations. */
  extra?: ReactNode;
}) {
  return (
    <>
      {languages.map(({ suffix, lang }) => (
        <TextField
          key={suffix}
          control={control}
          name={`${base}${separator}${suffix}` as FieldPath<T>}
          idPrefix={idPrefix}
          label={labelOf(suffix)}
          required={suffix === "en" || allRequired ? required : undefined}
          extra={suffix === "en" || allRequired ? undefined : extra}
          max={max}
          lang={lang}
          rows={rows}
        />
      ))}
    </>
  );
}

/** A number between min and max (whole unless `precision`; shown as `fallback` when empty). */
export function NumberField<T extends FieldValues>({
  min,
  max,
  fallback,
  required,
  width,
  precision = 0,
  ...field
}: FieldProps<T> & {
  min: number;
  max: number;
  fallback: number | null;
  required?: string;
  width?: number;
  precision?: number;
}) {
  return (
    <ControlledField
      {...field}
      required={Boolean(required)}
      rules={
        required
          ? { required, min: { value: min, message: required }, max: { value: max, message: required } }
          : undefined
      }
      render={(props) => (
        <InputNumber
          {...props}
          value={props.value ?? fallback}
          min={min}
          max={max}
          precision={precision}
          style={width ? { width } : undefined}
        />
      )}
    />
  );
}

/** A choice among options (several with `multiple`); empty is null unless `required`. */
export function SelectField<T extends FieldValues>({
  options,
  required,
  multiple,
  search,
  placeholder,
  disabled,
  ...field
}: FieldProps<T> & {
  disabled?: boolean;
  options: SelectProps["options"];
  required?: string;
  multiple?: boolean;
  search?: boolean;
  placeholder?: string;
}) {
  return (
    <ControlledField
      {...field}
      required={Boolean(required)}
      rules={required ? { required } : undefined}
      render={(props) => (
        <Select
          {...props}
          value={props.value === "" ? undefined : (props.value ?? undefined)}
          onChange={(value) => props.onChange(value ?? null)}
          mode={multiple ? "multiple" : undefined}
          allowClear={!required}
          showSearch={search}
          optionFilterProp="label"
          placeholder={placeholder}
          disabled={disabled}
          options={options}
        />
      )}
    />
  );
}

/** A calendar day, kept as YYYY-MM-DD. */
export function DateField<T extends FieldValues>({
  required,
  disabledDate,
  ...field
}: FieldProps<T> & { required?: string; disabledDate?: (day: Dayjs) => boolean }) {
  return (
    <ControlledField
      {...field}
      required={Boolean(required)}
      rules={required ? { required } : undefined}
      render={(props) => (
        <DatePicker
          id={props.id}
          data-testid={props["data-testid"]}
          aria-invalid={props["aria-invalid"]}
          aria-describedby={props["aria-describedby"]}
          value={props.value ? dayjs(props.value) : null}
          onChange={(d) => props.onChange(d ? d.format("YYYY-MM-DD") : null)}
          disabledDate={disabledDate}
          style={{ width: "100%" }}
        />
      )}
    />
  );
}

/** A territory from the tree (its own subtree can be left out with `disabledIds`). */
export function TerritoryField<T extends FieldValues>({
  placeholder,
  disabledIds,
  required,
  ...field
}: FieldProps<T> & { placeholder: string; disabledIds?: string[]; required?: string }) {
  return (
    <ControlledField
      {...field}
      required={Boolean(required)}
      rules={required ? { required } : undefined}
      render={(props) => (
        <TerritoryTreeSelect
          id={props.id}
          value={props.value ?? null}
          onChange={props.onChange}
          placeholder={placeholder}
          disabledIds={disabledIds}
          data-testid={props["data-testid"]}
        />
      )}
    />
  );
}

/** On or off (`defaultOn`: shown on while unset). */
export function SwitchField<T extends FieldValues>({ defaultOn, ...field }: FieldProps<T> & { defaultOn?: boolean }) {
  return (
    <ControlledField
      {...field}
      render={(props) => (
        <Switch
          id={props.id}
          data-testid={props["data-testid"]}
          checked={defaultOn ? props.value !== false : Boolean(props.value)}
          onChange={props.onChange}
        />
      )}
    />
  );
}
