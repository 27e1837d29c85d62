import { RoleForm } from "./form";

export default function AppRolesEdit() {
  return <RoleForm action="edit" />;
}
