// The error state of a page or list: the message in words and a way to retry.
import { Alert, Button } from "antd";
import { useTranslation } from "react-i18next";

export function QueryError({
  error,
  onRetry,
}: {
  error: { message?: string } | null | undefined;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="query-error"
      message={t("errors.loadFailed")}
      description={error?.message}
      action={onRetry ? <Button onClick={onRetry}>{t("buttons.retry")}</Button> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
