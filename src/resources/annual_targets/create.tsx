import { AnnualTargetForm } from "./form";

export default function AnnualTargetsCreate() {
  return <AnnualTargetForm action="create" />;
}
