import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

export default function NotAllowedPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid="not-allowed">
    <Result
      status="403"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t("pages.notAllowed.title")}</h1>}
      subTitle={t("pages.notAllowed.description")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("pages.notAllowed.backHome")}
        </Button>
      }
    />
    </div>
  );
}
