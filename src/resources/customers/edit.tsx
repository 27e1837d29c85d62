import { CustomerForm } from "./form";

export default function CustomersEdit() {
  return <CustomerForm action="edit" />;
}
