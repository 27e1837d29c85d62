// The app's table of contents: one entry per resource, mirrored by the route tree in App.tsx.
// `meta.label` is the English fallback; the menu shows the `<name>.<name>` i18n key.
import { AuditOutlined, KeyOutlined, SafetyOutlined, SettingOutlined, TeamOutlined, UserOutlined, IdcardOutlined } from "@ant-design/icons";
import type { ResourceProps } from "@refinedev/core";

export const resources: ResourceProps[] = [
  {
    name: "me",
    list: "/me",
    meta: { label: "My profile", icon: <UserOutlined /> },
  },
  {
    name: "administration",
    meta: { label: "Administration", icon: <SettingOutlined /> },
  },
  {
    name: "profiles",
    list: "/users",
    create: "/users/create",
    edit: "/users/edit/:id",
    show: "/users/show/:id",
    meta: { label: "Users", icon: <TeamOutlined />, parent: "administration" },
  },
  {
    name: "app_roles",
    list: "/roles",
    create: "/roles/create",
    edit: "/roles/edit/:id",
    show: "/roles/show/:id",
    meta: { label: "Roles", icon: <IdcardOutlined />, parent: "administration", idColumnName: "code" },
  },
  {
    name: "role_permissions",
    list: "/permissions",
    meta: { label: "Permission matrix", icon: <SafetyOutlined />, parent: "administration", permissionResource: "permissions" },
  },
  {
    name: "effective_permissions",
    list: "/effective-permissions",
    meta: { label: "Effective permissions", icon: <KeyOutlined />, parent: "administration", permissionResource: "permissions" },
  },
  {
    name: "audit_log",
    list: "/audit",
    meta: { label: "Audit log", icon: <AuditOutlined />, parent: "administration" },
  },
];
