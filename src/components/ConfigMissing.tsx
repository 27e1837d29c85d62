import { Result } from "antd";
import { useTranslation } from "react-i18next";

export function ConfigMissing() {
  const { t } = useTranslation();
  return <Result status="warning" title={t("app.configMissing")} />;
}
