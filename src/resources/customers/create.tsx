import { CustomerForm } from "./form";

export default function CustomersCreate() {
  return <CustomerForm action="create" />;
}
