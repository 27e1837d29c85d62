import { StaffForm } from "./form";

export default function StaffCreate() {
  return <StaffForm action="create" />;
}
