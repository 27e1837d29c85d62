// Ant Design notifications, minus the sign-in error (the login page shows it inline,
// next to the form, where screen readers announce it).
import { useNotificationProvider } from "@refinedev/antd";
import type { NotificationProvider } from "@refinedev/core";

export function useAppNotificationProvider(): NotificationProvider {
  const base = useNotificationProvider();
  return {
    open: (params) => {
      if (params.key === "login-error") return;
      base.open(params);
    },
    close: base.close,
  };
}
