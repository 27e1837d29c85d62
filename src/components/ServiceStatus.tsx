// "Service unavailable, retrying": shown while the API cannot be reached; when it answers
// again the banner goes and every page on screen refetches by itself.
import { useQueryClient } from "@tanstack/react-query";
import { Alert } from "antd";
import { useEffect, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { serviceHealth } from "../providers/serviceHealth";

export function ServiceStatus() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const health = useSyncExternalStore(serviceHealth.subscribe, serviceHealth.getSnapshot);
  useEffect(() => serviceHealth.onRecovery(() => void queryClient.refetchQueries({ type: "active" })), [queryClient]);
  if (health === "up") return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      role="status"
      aria-live="polite"
      data-testid="service-unavailable"
      message={t("service.unavailable")}
      description={t("service.unavailableHint")}
      style={{ marginBottom: 16 }}
    />
  );
}
