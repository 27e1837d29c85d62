// Ant Design notifications (from the App context, so they follow the theme), minus the
// sign-in error (the login page shows it inline, next to the form, where screen readers
// announce it). Written here rather than taken from @refinedev/antd so that the login page
// does not load that whole package. Nothing in the app is undoable, so "progress" is plain.
import type { NotificationProvider } from "@refinedev/core";
import { App } from "antd";

export function useAppNotificationProvider(): NotificationProvider {
  const { notification } = App.useApp();
  return {
    open: ({ key, message, description, type }) => {
      if (key === "login-error") return;
      notification.open({
        key,
        message: description ?? message,
        description: description ? message : undefined,
        type: type === "progress" ? "info" : type,
      });
    },
    close: (key) => notification.destroy(key),
  };
}
