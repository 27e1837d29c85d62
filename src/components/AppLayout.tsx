// The signed-in shell (side menu, header, service banner), loaded after sign-in so the
// login page does not carry it.
import { ThemedLayout, ThemedTitle } from "@refinedev/antd";
import { CanAccess } from "@refinedev/core";
import { Suspense, type ReactNode } from "react";
import { useLocation } from "react-router";
import { useTranslation } from "react-i18next";
import { AppSider } from "./AppSider";
import { Header } from "./Header";
import { PageLoading } from "./PageLoading";
import { ServiceStatus } from "./ServiceStatus";

function AppTitle({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  return <ThemedTitle collapsed={collapsed} text={t("app.title")} />;
}

/** The address whose page is on screen (navigations render in a transition: the old page stays until the new one is ready). */
function RenderedRoute({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <div data-rendered-route={pathname}>{children}</div>;
}

export default function AppLayout({ children, notAllowed }: { children: ReactNode; notAllowed: ReactNode }) {
  return (
    <ThemedLayout Header={Header} Sider={(props) => <AppSider {...props} fixed />} Title={AppTitle}>
      <ServiceStatus />
      <Suspense fallback={<PageLoading />}>
        <RenderedRoute>
          <CanAccess fallback={notAllowed}>{children}</CanAccess>
        </RenderedRoute>
      </Suspense>
    </ThemedLayout>
  );
}
