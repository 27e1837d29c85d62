export { accessControlProvider } from "./accessControlProvider";
export { authProvider, watchSessionEnd } from "./authProvider";
export { dataProvider } from "./dataProvider";
export { i18nProvider } from "./i18n";
export { useAppNotificationProvider } from "./notificationProvider";
export { routerProvider } from "./router";
export { supabaseClient, isConfigured } from "./supabaseClient";
