import { RoleForm } from "./form";

export default function AppRolesCreate() {
  return <RoleForm action="create" />;
}
