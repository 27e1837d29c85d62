// The app's table of contents: one entry per resource, mirrored by the route tree in App.tsx.
// `meta.label` is the English fallback; the menu shows the `<name>.<name>` i18n key.
import { ApartmentOutlined, AuditOutlined, BookOutlined, CheckSquareOutlined, ClusterOutlined, FileProtectOutlined, FormOutlined, HistoryOutlined, PieChartOutlined, TagsOutlined, GlobalOutlined, IdcardOutlined, KeyOutlined, SafetyOutlined, SettingOutlined, SolutionOutlined, TeamOutlined, UserOutlined } from "@ant-design/icons";
import type { ResourceProps } from "@refinedev/core";

export const resources: ResourceProps[] = [
  {
    name: "me",
    list: "/me",
    meta: { label: "My profile", icon: <UserOutlined /> },
  },
  {
    name: "rulebook",
    meta: { label: "Rulebook", icon: <BookOutlined /> },
  },
  {
    name: "my_rules",
    list: "/my-rules",
    meta: { label: "My rules", icon: <CheckSquareOutlined />, parent: "rulebook" },
  },
  {
    name: "regulations",
    list: "/rules",
    create: "/rules/create",
    edit: "/rules/edit/:id",
    show: "/rules/show/:id",
    meta: { label: "Rules", icon: <FileProtectOutlined />, parent: "rulebook" },
  },
  {
    name: "coverage",
    list: "/coverage",
    meta: { label: "Coverage", icon: <PieChartOutlined />, parent: "rulebook", permissionResource: "acknowledgements", minScope: "territory" },
  },
  {
    name: "regulation_categories",
    list: "/rule-categories",
    create: "/rule-categories/create",
    edit: "/rule-categories/edit/:id",
    meta: { label: "Rule categories", icon: <TagsOutlined />, parent: "rulebook" },
  },
  {
    name: "organisation",
    meta: { label: "Organisation", icon: <ApartmentOutlined /> },
  },
  {
    name: "staff",
    list: "/staff",
    create: "/staff/create",
    edit: "/staff/edit/:id",
    show: "/staff/show/:id",
    meta: { label: "Staff", icon: <SolutionOutlined />, parent: "organisation" },
  },
  {
    name: "territories",
    list: "/territories",
    create: "/territories/create",
    edit: "/territories/edit/:id",
    show: "/territories/show/:id",
    meta: { label: "Territories", icon: <GlobalOutlined />, parent: "organisation" },
  },
  {
    name: "positions",
    list: "/positions",
    create: "/positions/create",
    edit: "/positions/edit/:id",
    show: "/positions/show/:id",
    meta: { label: "Positions", icon: <IdcardOutlined />, parent: "organisation" },
  },
  {
    name: "org_chart",
    list: "/org-chart",
    meta: { label: "Org chart", icon: <ClusterOutlined />, parent: "organisation", permissionResource: "positions" },
  },
  {
    name: "custom_field_definitions",
    list: "/custom-fields",
    create: "/custom-fields/create",
    edit: "/custom-fields/edit/:id",
    meta: { label: "Custom fields", icon: <FormOutlined />, parent: "administration", permissionResource: "custom_fields" },
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
    name: "matrix_versions",
    list: "/permissions/history",
    meta: { label: "Matrix history", icon: <HistoryOutlined />, parent: "administration", permissionResource: "permissions" },
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
