import { Authenticated, Refine } from "@refinedev/core";
import routerProvider, {
  CatchAllNavigate,
  DocumentTitleHandler,
  NavigateToResource,
  UnsavedChangesNotifier,
} from "@refinedev/react-router";
import { App as AntdApp } from "antd";
import { lazy, Suspense, useEffect } from "react";
import { BrowserRouter, Outlet, Route, Routes } from "react-router";
import { PageLoading } from "./components/PageLoading";
import { ColorModeProvider } from "./providers/colorMode";
import {
  accessControlProvider,
  authProvider,
  dataProvider,
  i18nProvider,
  useAppNotificationProvider,
  watchSessionEnd,
} from "./providers";
import { rememberSignOutReason } from "./providers/authProvider";
import { takeEndedPreview } from "./providers/preview";
import { previewSession, supabaseClient } from "./providers/supabaseClient";
import { resources } from "./resources";
import "@refinedev/antd/dist/reset.css";

const AppLayout = lazy(() => import("./components/AppLayout"));
const LoginPage = lazy(() => import("./pages/auth/login"));
const ForgotPasswordPage = lazy(() => import("./pages/auth/forgot-password"));
const UpdatePasswordPage = lazy(() => import("./pages/auth/update-password"));
const NotAllowedPage = lazy(() => import("./pages/not-allowed"));
const NotFoundPage = lazy(() => import("./pages/not-found"));
const MyProfilePage = lazy(() => import("./pages/me"));
const UserList = lazy(() => import("./resources/profiles/list"));
const UserCreate = lazy(() => import("./resources/profiles/create"));
const UserEdit = lazy(() => import("./resources/profiles/edit"));
const UserShow = lazy(() => import("./resources/profiles/show"));
const RoleList = lazy(() => import("./resources/app_roles/list"));
const RoleCreate = lazy(() => import("./resources/app_roles/create"));
const RoleEdit = lazy(() => import("./resources/app_roles/edit"));
const RoleShow = lazy(() => import("./resources/app_roles/show"));
const PermissionMatrix = lazy(() => import("./resources/role_permissions/list"));
const EffectivePermissions = lazy(() => import("./resources/effective_permissions/list"));
const AuditLogList = lazy(() => import("./resources/audit_log/list"));
const StaffList = lazy(() => import("./resources/staff/list"));
const StaffCreate = lazy(() => import("./resources/staff/create"));
const StaffEdit = lazy(() => import("./resources/staff/edit"));
const StaffShow = lazy(() => import("./resources/staff/show"));
const TerritoryList = lazy(() => import("./resources/territories/list"));
const TerritoryCreate = lazy(() => import("./resources/territories/create"));
const TerritoryEdit = lazy(() => import("./resources/territories/edit"));
const TerritoryShow = lazy(() => import("./resources/territories/show"));
const PositionList = lazy(() => import("./resources/positions/list"));
const PositionCreate = lazy(() => import("./resources/positions/create"));
const PositionEdit = lazy(() => import("./resources/positions/edit"));
const PositionShow = lazy(() => import("./resources/positions/show"));
const OrgChart = lazy(() => import("./resources/positions/chart"));
const DefinitionList = lazy(() => import("./resources/custom_field_definitions/list"));
const DefinitionCreate = lazy(() => import("./resources/custom_field_definitions/create"));
const DefinitionEdit = lazy(() => import("./resources/custom_field_definitions/edit"));
const MatrixHistory = lazy(() => import("./resources/matrix_versions/list"));
const RuleList = lazy(() => import("./resources/regulations/list"));
const RuleCreate = lazy(() => import("./resources/regulations/create"));
const RuleEdit = lazy(() => import("./resources/regulations/edit"));
const RuleShow = lazy(() => import("./resources/regulations/show"));
const CategoryList = lazy(() => import("./resources/regulation_categories/list"));
const CategoryCreate = lazy(() => import("./resources/regulation_categories/create"));
const CategoryEdit = lazy(() => import("./resources/regulation_categories/edit"));
const MyRulesPage = lazy(() => import("./pages/my-rules"));
const CoveragePage = lazy(() => import("./pages/coverage"));

function SessionWatcher() {
  // A preview left in this tab is ended in the database as soon as the viewer is back.
  useEffect(() => {
    const ended = previewSession ? null : takeEndedPreview();
    // (A query builder runs only when awaited or then-ed.)
    if (ended) void supabaseClient.rpc("end_preview", { p_session: ended }).then(() => undefined);
  }, []);
  useEffect(
    () =>
      watchSessionEnd((reason) => {
        rememberSignOutReason(reason);
        window.location.assign("/login");
      }),
    [],
  );
  return null;
}

function RefineApp() {
  const notificationProvider = useAppNotificationProvider();
  return (
    <Refine
      dataProvider={dataProvider}
      authProvider={authProvider}
      accessControlProvider={accessControlProvider}
      i18nProvider={i18nProvider}
      routerProvider={routerProvider}
      notificationProvider={notificationProvider}
      resources={resources}
      options={{
        syncWithLocation: true,
        warnWhenUnsavedChanges: true,
        disableTelemetry: true,
        reactQuery: { clientConfig: { defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } } } },
      }}
    >
      <SessionWatcher />
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route
            element={
              <Authenticated key="app" fallback={<CatchAllNavigate to="/login" />}>
                <AppLayout notAllowed={<NotAllowedPage />}>
                  <Outlet />
                </AppLayout>
              </Authenticated>
            }
          >
            <Route index element={<NavigateToResource resource="me" />} />
            <Route path="/me" element={<MyProfilePage />} />
            <Route path="/users">
              <Route index element={<UserList />} />
              <Route path="create" element={<UserCreate />} />
              <Route path="edit/:id" element={<UserEdit />} />
              <Route path="show/:id" element={<UserShow />} />
            </Route>
            <Route path="/roles">
              <Route index element={<RoleList />} />
              <Route path="create" element={<RoleCreate />} />
              <Route path="edit/:id" element={<RoleEdit />} />
              <Route path="show/:id" element={<RoleShow />} />
            </Route>
            <Route path="/staff">
              <Route index element={<StaffList />} />
              <Route path="create" element={<StaffCreate />} />
              <Route path="edit/:id" element={<StaffEdit />} />
              <Route path="show/:id" element={<StaffShow />} />
            </Route>
            <Route path="/territories">
              <Route index element={<TerritoryList />} />
              <Route path="create" element={<TerritoryCreate />} />
              <Route path="edit/:id" element={<TerritoryEdit />} />
              <Route path="show/:id" element={<TerritoryShow />} />
            </Route>
            <Route path="/positions">
              <Route index element={<PositionList />} />
              <Route path="create" element={<PositionCreate />} />
              <Route path="edit/:id" element={<PositionEdit />} />
              <Route path="show/:id" element={<PositionShow />} />
            </Route>
            <Route path="/org-chart" element={<OrgChart />} />
            <Route path="/custom-fields">
              <Route index element={<DefinitionList />} />
              <Route path="create" element={<DefinitionCreate />} />
              <Route path="edit/:id" element={<DefinitionEdit />} />
            </Route>
            <Route path="/my-rules" element={<MyRulesPage />} />
            <Route path="/rules">
              <Route index element={<RuleList />} />
              <Route path="create" element={<RuleCreate />} />
              <Route path="edit/:id" element={<RuleEdit />} />
              <Route path="show/:id" element={<RuleShow />} />
            </Route>
            <Route path="/rule-categories">
              <Route index element={<CategoryList />} />
              <Route path="create" element={<CategoryCreate />} />
              <Route path="edit/:id" element={<CategoryEdit />} />
            </Route>
            <Route path="/coverage" element={<CoveragePage />} />
            <Route path="/permissions" element={<PermissionMatrix />} />
            <Route path="/permissions/history" element={<MatrixHistory />} />
            <Route path="/effective-permissions" element={<EffectivePermissions />} />
            <Route path="/audit" element={<AuditLogList />} />
            <Route path="/not-allowed" element={<NotAllowedPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route
            element={
              <Authenticated key="auth" fallback={<Outlet />}>
                <NavigateToResource resource="me" />
              </Authenticated>
            }
          >
            <Route path="/login" element={<LoginPage />} />
            <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          </Route>
          <Route path="/update-password" element={<UpdatePasswordPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
      <UnsavedChangesNotifier />
      <DocumentTitleHandler />
    </Refine>
  );
}

export default function App() {
  return (
    <BrowserRouter>
      <ColorModeProvider>
        <AntdApp>
          <RefineApp />
        </AntdApp>
      </ColorModeProvider>
    </BrowserRouter>
  );
}
