import { SaleForm } from "./form";

export default function SalesCreate() {
  return <SaleForm action="create" />;
}
