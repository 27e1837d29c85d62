import { SummaryForm } from "./form";

export default function SummariesCreate() {
  return <SummaryForm action="create" />;
}
