import { CustomerTierForm } from "./form";

export default function CustomerTiersEdit() {
  return <CustomerTierForm action="edit" />;
}
