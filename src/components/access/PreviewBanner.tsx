// While previewing: who is being previewed, that it is read-only, the time left, and the
// way out. Ending the preview tells the database at once (on the next page load).
import { EyeOutlined } from "@ant-design/icons";
import { Alert, Button } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { exitPreview, timeLeft } from "../../providers/preview";
import { previewSession } from "../../providers/supabaseClient";

export function PreviewBanner() {
  const { t } = useTranslation();
  const [, tick] = useState(0);
  useEffect(() => {
    if (!previewSession) return;
    const timer = window.setInterval(() => tick((n) => n + 1), 1000);
    return () => window.clearInterval(timer);
  }, []);
  if (!previewSession) return null;
  return (
    <Alert
      banner
      type="warning"
      icon={<EyeOutlined />}
      data-testid="preview-banner"
      role="status"
      message={t("preview_sessions.banner", { name: previewSession.subject.name, left: timeLeft(previewSession) })}
      action={
        <Button size="small" type="primary" onClick={() => exitPreview("/profiles")} data-testid="preview-exit">
          {t("preview_sessions.exit")}
        </Button>
      }
    />
  );
}
