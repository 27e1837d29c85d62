import { SummaryForm } from "./form";

export default function SummariesEdit() {
  return <SummaryForm action="edit" />;
}
