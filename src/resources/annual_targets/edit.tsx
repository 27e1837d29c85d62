import { AnnualTargetForm } from "./form";

export default function AnnualTargetsEdit() {
  return <AnnualTargetForm action="edit" />;
}
