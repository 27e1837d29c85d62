import { CustomerTierForm } from "./form";

export default function CustomerTiersCreate() {
  return <CustomerTierForm action="create" />;
}
