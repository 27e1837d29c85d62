// Shown where the matrix refuses a page: says so, offers the way home, and a "Why?" that
// asks the database for the reason (for the page's resource and action).
import { useResourceParams } from "@refinedev/core";
import { Button, Result, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { WhyButton } from "../components/access/WhyButton";
import { toMatrixKey } from "../providers/accessControlProvider";

export default function NotAllowedPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { resource, action, id } = useResourceParams();
  const meta = (resource?.meta ?? {}) as { permissionResource?: string };
  const key = resource ? toMatrixKey(resource.name, action ?? "list", meta.permissionResource) : null;
  return (
    <div data-testid="not-allowed">
      <Result
        status="403"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{t("pages.notAllowed.title")}</h1>}
        subTitle={t("pages.notAllowed.description")}
        extra={
          <Space wrap style={{ justifyContent: "center" }}>
            <Button type="primary" onClick={() => navigate("/")}>
              {t("pages.notAllowed.backHome")}
            </Button>
            {key && (
              <WhyButton
                resource={key.resource}
                action={key.action}
                record={id === undefined ? undefined : String(id)}
              />
            )}
          </Space>
        }
      />
    </div>
  );
}
