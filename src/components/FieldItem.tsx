// A labelled form field whose control is named by its label (htmlFor the control's id) and
// described by its error, for forms whose values react-hook-form keeps.
import { Form } from "antd";
import type { ReactNode } from "react";

export function FieldItem({
  id,
  label,
  error,
  required = true,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <Form.Item label={label} htmlFor={id} required={required} validateStatus={error ? "error" : undefined} help={error}>
      {children}
    </Form.Item>
  );
}
