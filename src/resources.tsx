// The app's table of contents, the one definition of every resource: its name (the table's,
// the matrix's through `meta.permissionResource` when they differ, the i18n namespace's and,
// with "-" for "_", the route's: /<name>, /<name>/create, /<name>/edit/:id, /<name>/show/:id)
// and its pages. Refine's resource list and the route tree in App.tsx are both made from it.
// `meta.label` is the English fallback; the menu shows the `<name>.<name>` i18n key.
import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import { Route } from "react-router";
import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  CalendarOutlined,
  CarOutlined,
  CrownOutlined,
  DashboardOutlined,
  DiffOutlined,
  DollarOutlined,
  ShopOutlined,
  AuditOutlined,
  BookOutlined,
  BulbOutlined,
  ExperimentOutlined,
  FileDoneOutlined,
  ScheduleOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  FileProtectOutlined,
  FormOutlined,
  FundOutlined,
  GiftOutlined,
  NumberOutlined,
  HistoryOutlined,
  PieChartOutlined,
  TagsOutlined,
  GlobalOutlined,
  IdcardOutlined,
  KeyOutlined,
  LineChartOutlined,
  LockOutlined,
  OrderedListOutlined,
  PercentageOutlined,
  ProfileOutlined,
  RadarChartOutlined,
  ReadOutlined,
  ReconciliationOutlined,
  RiseOutlined,
  TrophyOutlined,
  SafetyOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
  WarningOutlined,
} from "@ant-design/icons";
import type { ResourceProps } from "@refinedev/core";

type Page = LazyExoticComponent<ComponentType>;
type Action = "list" | "create" | "edit" | "show";

interface ResourceDefinition {
  name: string;
  pages?: Partial<Record<Action, Page>>;
  meta: NonNullable<ResourceProps["meta"]>;
}

const page = (load: () => Promise<{ default: ComponentType }>): Page => lazy(load);

/** The route of a resource: its name with "-" for "_". */
export const routeOf = (name: string): string => `/${name.replace(/_/g, "-")}`;

const actionPath: Record<Action, (base: string) => string> = {
  list: (base) => base,
  create: (base) => `${base}/create`,
  edit: (base) => `${base}/edit/:id`,
  show: (base) => `${base}/show/:id`,
};

const definitions: ResourceDefinition[] = [
  {
    name: "dashboards",
    pages: { list: page(() => import("./resources/dashboards/list")) },
    meta: { label: "Dashboard", icon: <DashboardOutlined /> },
  },
  {
    name: "me",
    pages: { list: page(() => import("./resources/me/list")) },
    meta: { label: "My profile", icon: <UserOutlined /> },
  },
  {
    name: "rulebook",
    meta: { label: "Rulebook", icon: <BookOutlined /> },
  },
  {
    name: "my_rules",
    pages: { list: page(() => import("./resources/my_rules/list")) },
    meta: { label: "My rules", icon: <CheckSquareOutlined />, parent: "rulebook" },
  },
  {
    name: "handbook",
    pages: { list: page(() => import("./resources/handbook/list")) },
    meta: { label: "Handbook", icon: <ReadOutlined />, parent: "rulebook" },
  },
  {
    name: "regulations",
    pages: {
      list: page(() => import("./resources/regulations/list")),
      create: page(() => import("./resources/regulations/create")),
      edit: page(() => import("./resources/regulations/edit")),
      show: page(() => import("./resources/regulations/show")),
    },
    meta: { label: "Rules", icon: <FileProtectOutlined />, parent: "rulebook" },
  },
  {
    name: "coverage",
    pages: { list: page(() => import("./resources/coverage/list")) },
    meta: {
      label: "Coverage",
      icon: <PieChartOutlined />,
      parent: "rulebook",
      permissionResource: "acknowledgements",
      minScope: "territory",
    },
  },
  {
    name: "regulation_categories",
    pages: {
      list: page(() => import("./resources/regulation_categories/list")),
      create: page(() => import("./resources/regulation_categories/create")),
      edit: page(() => import("./resources/regulation_categories/edit")),
    },
    meta: { label: "Rule categories", icon: <TagsOutlined />, parent: "rulebook" },
  },
  {
    name: "violations",
    pages: {
      list: page(() => import("./resources/violations/list")),
      show: page(() => import("./resources/violations/show")),
    },
    meta: { label: "Violations", icon: <WarningOutlined />, parent: "rulebook" },
  },
  {
    name: "meetings",
    pages: {
      list: page(() => import("./resources/meetings/list")),
      create: page(() => import("./resources/meetings/create")),
      edit: page(() => import("./resources/meetings/edit")),
      show: page(() => import("./resources/meetings/show")),
    },
    meta: { label: "Meetings", icon: <CalendarOutlined />, parent: "rulebook" },
  },
  {
    name: "detectors",
    pages: { list: page(() => import("./resources/detectors/list")) },
    meta: { label: "Detectors", icon: <RadarChartOutlined />, parent: "rulebook" },
  },
  {
    name: "field_work",
    meta: { label: "Customers and sales", icon: <ShopOutlined /> },
  },
  {
    name: "customers",
    pages: {
      list: page(() => import("./resources/customers/list")),
      create: page(() => import("./resources/customers/create")),
      edit: page(() => import("./resources/customers/edit")),
      show: page(() => import("./resources/customers/show")),
    },
    meta: { label: "Customers", icon: <ShopOutlined />, parent: "field_work" },
  },
  {
    name: "visits",
    pages: {
      list: page(() => import("./resources/visits/list")),
      create: page(() => import("./resources/visits/create")),
      edit: page(() => import("./resources/visits/edit")),
    },
    meta: { label: "Visits", icon: <CarOutlined />, parent: "field_work" },
  },
  {
    name: "overdue_customers",
    pages: { list: page(() => import("./resources/overdue_customers/list")) },
    meta: { label: "Overdue visits", icon: <AlertOutlined />, parent: "field_work", permissionResource: "customers" },
  },
  {
    name: "visit_plans",
    pages: { list: page(() => import("./resources/visit_plans/list")) },
    meta: { label: "Visit plans", icon: <CalendarOutlined />, parent: "field_work" },
  },
  {
    name: "sales",
    pages: {
      list: page(() => import("./resources/sales/list")),
      create: page(() => import("./resources/sales/create")),
      edit: page(() => import("./resources/sales/edit")),
      show: page(() => import("./resources/sales/show")),
    },
    meta: { label: "Sales", icon: <DollarOutlined />, parent: "field_work" },
  },
  {
    name: "discount_requests",
    pages: { list: page(() => import("./resources/discount_requests/list")) },
    meta: { label: "Discount requests", icon: <PercentageOutlined />, parent: "field_work" },
  },
  {
    name: "customer_tiers",
    pages: {
      list: page(() => import("./resources/customer_tiers/list")),
      create: page(() => import("./resources/customer_tiers/create")),
      edit: page(() => import("./resources/customer_tiers/edit")),
    },
    meta: { label: "Customer tiers", icon: <CrownOutlined />, parent: "field_work" },
  },
  {
    name: "product_lines",
    pages: {
      list: page(() => import("./resources/product_lines/list")),
      create: page(() => import("./resources/product_lines/create")),
      edit: page(() => import("./resources/product_lines/edit")),
    },
    meta: { label: "Product lines", icon: <AppstoreOutlined />, parent: "field_work" },
  },
  {
    name: "performance",
    meta: { label: "Performance", icon: <TrophyOutlined /> },
  },
  {
    name: "kpis",
    pages: {
      list: page(() => import("./resources/kpis/list")),
      create: page(() => import("./resources/kpis/create")),
      edit: page(() => import("./resources/kpis/edit")),
    },
    meta: { label: "KPIs", icon: <LineChartOutlined />, parent: "performance" },
  },
  {
    name: "evaluation_templates",
    pages: {
      list: page(() => import("./resources/evaluation_templates/list")),
      create: page(() => import("./resources/evaluation_templates/create")),
      edit: page(() => import("./resources/evaluation_templates/edit")),
      show: page(() => import("./resources/evaluation_templates/show")),
    },
    meta: { label: "Evaluation templates", icon: <ProfileOutlined />, parent: "performance" },
  },
  {
    name: "rating_bands",
    pages: {
      list: page(() => import("./resources/rating_bands/list")),
      create: page(() => import("./resources/rating_bands/create")),
      edit: page(() => import("./resources/rating_bands/edit")),
    },
    meta: { label: "Rating bands", icon: <OrderedListOutlined />, parent: "performance" },
  },
  {
    name: "distribution_profiles",
    pages: {
      list: page(() => import("./resources/distribution_profiles/list")),
      create: page(() => import("./resources/distribution_profiles/create")),
      edit: page(() => import("./resources/distribution_profiles/edit")),
    },
    meta: {
      label: "Distribution profiles",
      icon: <CalendarOutlined />,
      parent: "performance",
      permissionResource: "kpis",
    },
  },
  {
    name: "annual_targets",
    pages: {
      list: page(() => import("./resources/annual_targets/list")),
      create: page(() => import("./resources/annual_targets/create")),
      edit: page(() => import("./resources/annual_targets/edit")),
    },
    meta: { label: "Annual targets", icon: <FundOutlined />, parent: "performance", permissionResource: "targets" },
  },
  {
    name: "targets",
    pages: { list: page(() => import("./resources/targets/list")) },
    meta: { label: "Targets", icon: <AimOutlined />, parent: "performance" },
  },
  {
    name: "my_performance",
    pages: { list: page(() => import("./resources/my_performance/list")) },
    meta: { label: "My performance", icon: <RiseOutlined />, parent: "performance", permissionResource: "evaluations" },
  },
  {
    name: "evaluations",
    pages: {
      list: page(() => import("./resources/evaluations/list")),
      show: page(() => import("./resources/evaluations/show")),
    },
    meta: { label: "Evaluations", icon: <SolutionOutlined />, parent: "performance" },
  },
  {
    name: "kpi_actuals",
    pages: { list: page(() => import("./resources/kpi_actuals/list")) },
    meta: { label: "Actuals", icon: <NumberOutlined />, parent: "performance" },
  },
  {
    name: "rewards",
    pages: { list: page(() => import("./resources/rewards/list")) },
    meta: { label: "Rewards", icon: <GiftOutlined />, parent: "performance" },
  },
  {
    name: "sales_reconciliation",
    pages: { list: page(() => import("./resources/sales_reconciliation/list")) },
    meta: {
      label: "Reconciliation",
      icon: <ReconciliationOutlined />,
      parent: "performance",
      permissionResource: "sales",
    },
  },
  {
    name: "period_closes",
    pages: { list: page(() => import("./resources/period_closes/list")) },
    meta: { label: "Closed months", icon: <LockOutlined />, parent: "performance", permissionResource: "periods" },
  },
  {
    name: "amendments",
    pages: { list: page(() => import("./resources/amendments/list")) },
    meta: { label: "Amendments", icon: <DiffOutlined />, parent: "performance", permissionResource: "periods" },
  },
  {
    name: "team",
    meta: { label: "Team", icon: <TeamOutlined /> },
  },
  {
    name: "monthly_plans",
    pages: {
      list: page(() => import("./resources/monthly_plans/list")),
      create: page(() => import("./resources/monthly_plans/create")),
      edit: page(() => import("./resources/monthly_plans/edit")),
      show: page(() => import("./resources/monthly_plans/show")),
    },
    meta: { label: "Monthly plans", icon: <ScheduleOutlined />, parent: "team" },
  },
  {
    name: "summaries",
    pages: {
      list: page(() => import("./resources/summaries/list")),
      create: page(() => import("./resources/summaries/create")),
      edit: page(() => import("./resources/summaries/edit")),
      show: page(() => import("./resources/summaries/show")),
    },
    meta: { label: "Summaries", icon: <FileDoneOutlined />, parent: "team" },
  },
  {
    name: "suggestions",
    pages: {
      list: page(() => import("./resources/suggestions/list")),
      create: page(() => import("./resources/suggestions/create")),
      show: page(() => import("./resources/suggestions/show")),
    },
    meta: { label: "Suggestions", icon: <BulbOutlined />, parent: "team" },
  },
  {
    name: "training_topics",
    pages: {
      list: page(() => import("./resources/training_topics/list")),
      create: page(() => import("./resources/training_topics/create")),
      edit: page(() => import("./resources/training_topics/edit")),
    },
    meta: { label: "Training topics", icon: <ExperimentOutlined />, parent: "team" },
  },
  {
    name: "organisation",
    meta: { label: "Organisation", icon: <ApartmentOutlined /> },
  },
  {
    name: "staff",
    pages: {
      list: page(() => import("./resources/staff/list")),
      create: page(() => import("./resources/staff/create")),
      edit: page(() => import("./resources/staff/edit")),
      show: page(() => import("./resources/staff/show")),
    },
    meta: { label: "Staff", icon: <SolutionOutlined />, parent: "organisation" },
  },
  {
    name: "territories",
    pages: {
      list: page(() => import("./resources/territories/list")),
      create: page(() => import("./resources/territories/create")),
      edit: page(() => import("./resources/territories/edit")),
      show: page(() => import("./resources/territories/show")),
    },
    meta: { label: "Territories", icon: <GlobalOutlined />, parent: "organisation" },
  },
  {
    name: "positions",
    pages: {
      list: page(() => import("./resources/positions/list")),
      create: page(() => import("./resources/positions/create")),
      edit: page(() => import("./resources/positions/edit")),
      show: page(() => import("./resources/positions/show")),
    },
    meta: { label: "Positions", icon: <IdcardOutlined />, parent: "organisation" },
  },
  {
    name: "org_chart",
    pages: { list: page(() => import("./resources/org_chart/list")) },
    meta: { label: "Org chart", icon: <ClusterOutlined />, parent: "organisation", permissionResource: "positions" },
  },
  {
    name: "custom_field_definitions",
    pages: {
      list: page(() => import("./resources/custom_field_definitions/list")),
      create: page(() => import("./resources/custom_field_definitions/create")),
      edit: page(() => import("./resources/custom_field_definitions/edit")),
    },
    meta: {
      label: "Custom fields",
      icon: <FormOutlined />,
      parent: "administration",
      permissionResource: "custom_fields",
    },
  },
  {
    name: "administration",
    meta: { label: "Administration", icon: <SettingOutlined /> },
  },
  {
    name: "profiles",
    pages: {
      list: page(() => import("./resources/profiles/list")),
      create: page(() => import("./resources/profiles/create")),
      edit: page(() => import("./resources/profiles/edit")),
      show: page(() => import("./resources/profiles/show")),
    },
    meta: { label: "Users", icon: <TeamOutlined />, parent: "administration" },
  },
  {
    name: "app_roles",
    pages: {
      list: page(() => import("./resources/app_roles/list")),
      create: page(() => import("./resources/app_roles/create")),
      edit: page(() => import("./resources/app_roles/edit")),
      show: page(() => import("./resources/app_roles/show")),
    },
    meta: { label: "Roles", icon: <IdcardOutlined />, parent: "administration", idColumnName: "code" },
  },
  {
    name: "role_permissions",
    pages: { list: page(() => import("./resources/role_permissions/list")) },
    meta: {
      label: "Permission matrix",
      icon: <SafetyOutlined />,
      parent: "administration",
      permissionResource: "permissions",
    },
  },
  {
    name: "matrix_versions",
    pages: { list: page(() => import("./resources/matrix_versions/list")) },
    meta: {
      label: "Matrix history",
      icon: <HistoryOutlined />,
      parent: "administration",
      permissionResource: "permissions",
    },
  },
  {
    name: "effective_permissions",
    pages: { list: page(() => import("./resources/effective_permissions/list")) },
    meta: {
      label: "Effective permissions",
      icon: <KeyOutlined />,
      parent: "administration",
      permissionResource: "permissions",
    },
  },
  {
    name: "audit_log",
    pages: { list: page(() => import("./resources/audit_log/list")) },
    meta: { label: "Audit log", icon: <AuditOutlined />, parent: "administration" },
  },
];

export const resources: ResourceProps[] = definitions.map(({ name, pages, meta }) => {
  const paths = Object.fromEntries(
    (Object.keys(pages ?? {}) as Action[]).map((action) => [action, actionPath[action](routeOf(name))]),
  );
  return { name, ...paths, meta };
});

/** The signed-in route tree: one <Route> per resource with pages, one child per page. */
export function resourceRoutes() {
  return definitions
    .filter((definition) => definition.pages)
    .map(({ name, pages }) => (
      <Route key={name} path={routeOf(name)}>
        {(Object.entries(pages!) as [Action, Page][]).map(([action, Page]) => (
          <Route
            key={action}
            {...(action === "list" ? { index: true } : { path: actionPath[action]("").slice(1) })}
            element={<Page />}
          />
        ))}
      </Route>
    ));
}
