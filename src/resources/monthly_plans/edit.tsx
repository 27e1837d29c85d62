import { MonthlyPlanForm } from "./form";

export default function MonthlyPlansEdit() {
  return <MonthlyPlanForm action="edit" />;
}
