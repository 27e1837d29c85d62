import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

export default function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid="not-found">
      <Result
        status="404"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{t("pages.error.404")}</h1>}
        subTitle={t("pages.error.info")}
        extra={
          <Button type="primary" onClick={() => navigate("/")}>
            {t("pages.error.backHome")}
          </Button>
        }
      />
    </div>
  );
}
