// One labelled form field bound to react-hook-form: label tied to the input (htmlFor/id),
// the error message under it, required marker, and a stable data-testid.
import { Form } from "antd";
import type { ReactNode } from "react";
import {
  Controller,
  type Control,
  type ControllerRenderProps,
  type FieldPath,
  type FieldValues,
  type RegisterOptions,
} from "react-hook-form";

interface Props<T extends FieldValues, N extends FieldPath<T>> {
  name: N;
  control: Control<T>;
  label: ReactNode;
  rules?: Omit<RegisterOptions<T, N>, "valueAsNumber" | "valueAsDate" | "setValueAs" | "disabled">;
  required?: boolean;
  extra?: ReactNode;
  idPrefix?: string;
  render: (
    field: ControllerRenderProps<T, N> & {
      id: string;
      "data-testid": string;
      "aria-invalid"?: boolean;
      "aria-describedby"?: string;
    },
  ) => ReactNode;
}

export function ControlledField<T extends FieldValues, N extends FieldPath<T>>({
  name,
  control,
  label,
  rules,
  required,
  extra,
  idPrefix = "field",
  render,
}: Props<T, N>) {
  const id = `${idPrefix}-${String(name).replaceAll(".", "-")}`;
  return (
    <Controller
      name={name}
      control={control}
      rules={rules}
      render={({ field, fieldState }) => (
        <Form.Item
          label={label}
          htmlFor={id}
          required={required}
          extra={extra}
          validateStatus={fieldState.error ? "error" : undefined}
          help={fieldState.error && <span id={`${id}-error`}>{fieldState.error.message}</span>}
        >
          {render({
            ...field,
            id,
            "data-testid": id,
            // The message is the control's description: read with it, and found by it.
            "aria-invalid": fieldState.error ? true : undefined,
            "aria-describedby": fieldState.error ? `${id}-error` : undefined,
          })}
        </Form.Item>
      )}
    />
  );
}
