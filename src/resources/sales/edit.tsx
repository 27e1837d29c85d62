import { SaleForm } from "./form";

export default function SalesEdit() {
  return <SaleForm action="edit" />;
}
