import { MonthlyPlanForm } from "./form";

export default function MonthlyPlansCreate() {
  return <MonthlyPlanForm action="create" />;
}
