import { VisitForm } from "./form";

export default function VisitsEdit() {
  return <VisitForm action="edit" />;
}
