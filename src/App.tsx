import { Authenticated, Refine } from "@refinedev/core";
import {
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
  routerProvider,
  useAppNotificationProvider,
  watchSessionEnd,
} from "./providers";
import { rememberSignOutReason } from "./providers/authProvider";
import { takeEndedPreview } from "./providers/preview";
import { previewSession } from "./providers/supabaseClient";
import { endPreview } from "./components/access/queries";
import { resourceRoutes, resources } from "./resources";
import "@refinedev/antd/dist/reset.css";

const AppLayout = lazy(() => import("./components/AppLayout"));
const UpdatePasswordPage = lazy(() => import("./pages/auth/update-password"));
const NotAllowedPage = lazy(() => import("./pages/not-allowed"));
const NotFoundPage = lazy(() => import("./pages/not-found"));

function SessionWatcher() {
  // A preview left in this tab is ended in the database as soon as the viewer is back.
  useEffect(() => {
    const ended = previewSession ? null : takeEndedPreview();
    if (ended) endPreview(ended);
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

/**
 * Signing out (or a page that needs a session) leads to /login: the signed-out pages load on
 * their own (see main.tsx), from a fresh page that keeps nothing of the session that ended.
 */
function ToSignedOutPages() {
  useEffect(() => window.location.reload(), []);
  return <PageLoading />;
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
            {resourceRoutes()}
            <Route path="/not-allowed" element={<NotAllowedPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route path="/login" element={<ToSignedOutPages />} />
          <Route path="/forgot-password" element={<ToSignedOutPages />} />
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
