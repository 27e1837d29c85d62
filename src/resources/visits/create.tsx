import { VisitForm } from "./form";

export default function VisitsCreate() {
  return <VisitForm action="create" />;
}
