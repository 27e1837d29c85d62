// A customer chosen in a form: searched on the server by code or name (a department has
// thousands), the chosen one always shown by name.
import { Select } from "antd";
import { useState } from "react";
import type { FieldPath, FieldValues, Control } from "react-hook-form";
import { ControlledField } from "../../components/ControlledField";
import { useCustomerOptions } from "./hooks";

export function CustomerField<T extends FieldValues>({
  control,
  name,
  idPrefix,
  label,
  required,
  placeholder,
  disabled,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  idPrefix: string;
  label: string;
  required?: string;
  placeholder?: string;
  disabled?: boolean;
}) {
  const [search, setSearch] = useState("");
  return (
    <ControlledField
      control={control}
      name={name}
      idPrefix={idPrefix}
      label={label}
      required={Boolean(required)}
      rules={required ? { required } : undefined}
      render={({ ref: _ref, ...props }) => (
        <CustomerSelect
          {...props}
          value={props.value as string | null}
          search={search}
          onSearch={setSearch}
          placeholder={placeholder}
          disabled={disabled}
        />
      )}
    />
  );
}

function CustomerSelect({
  value,
  onChange,
  search,
  onSearch,
  ...rest
}: {
  id: string;
  value: string | null;
  onChange: (value: string | null) => void;
  onBlur: () => void;
  search: string;
  onSearch: (term: string) => void;
  placeholder?: string;
  disabled?: boolean;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}) {
  const { options } = useCustomerOptions(search, value);
  return (
    <Select
      {...rest}
      value={value ?? undefined}
      onChange={(v?: string) => onChange(v ?? null)}
      showSearch
      filterOption={false}
      onSearch={onSearch}
      allowClear
      options={options}
    />
  );
}
