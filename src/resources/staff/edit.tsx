import { StaffForm } from "./form";

export default function StaffEdit() {
  return <StaffForm action="edit" />;
}
