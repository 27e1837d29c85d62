// "View as": asks the preview Edge Function for a read-only session as this person (the
// database checks profiles:preview and records the session), then reloads the panel as them.
import { EyeOutlined } from "@ant-design/icons";
import { useCan } from "@refinedev/core";
import { App, Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toAppError } from "../../providers/errors";
import { enterPreview } from "../../providers/preview";
import { previewSession, supabaseClient } from "../../providers/supabaseClient";

interface PreviewResponse {
  access_token: string;
  expires_at: number;
  session_id: string;
  subject: { id: string; name: string; email: string };
}

export async function startPreview(subjectId: string): Promise<{ error?: string }> {
  const { data, error } = await supabaseClient.functions.invoke<PreviewResponse>("preview", {
    body: { subject_id: subjectId },
  });
  if (error || !data) {
    const context = (error as { context?: Response } | null)?.context;
    const body = context ? ((await context.json().catch(() => null)) as { message?: string } | null) : null;
    return { error: body?.message ?? toAppError(error).message };
  }
  enterPreview({
    token: data.access_token,
    expiresAt: data.expires_at,
    sessionId: data.session_id,
    subject: data.subject,
  });
  return {};
}

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
