// "View as": asks the preview Edge Function for a read-only session as this person (the
// database checks profiles:preview and records the session), then reloads the panel as them.
import { EyeOutlined } from "@ant-design/icons";
import { useCan } from "@refinedev/core";
import { App, Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { previewSession } from "../../providers/supabaseClient";
import { startPreview } from "./queries";

export function PreviewButton({ userId, size }: { userId: string; size?: "small" | "middle" }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: can } = useCan({ resource: "profiles", action: "preview" });
  const [busy, setBusy] = useState(false);
  if (!can?.can || previewSession) return null;
  return (
    <Button
      size={size}
      icon={<EyeOutlined />}
      loading={busy}
      data-testid={`preview-${userId}`}
      onClick={async () => {
        setBusy(true);
        const result = await startPreview(userId);
        setBusy(false);
        if (result.error) void message.error(result.error);
      }}
    >
      {t("preview_sessions.viewAs")}
    </Button>
  );
}
