// Refine's Ant Design useTable keeps a filter form in step with the address (syncWithLocation)
// and reads it on mount; unbound, Ant Design warns "Instance created by useForm is not
// connected to any Form element". Lists that filter with their own controls bind it here.
import { Form, type FormInstance } from "antd";

export function TableFilterForm({ form }: { form?: FormInstance }) {
  return <Form form={form} component={false} />;
}
