// "Verify integrity" and "Make a checkpoint" on the audit log: the chain check plus every
// signed checkpoint (audit-integrity Edge Function), and a new checkpoint for those the
// matrix allows (audit_log: checkpoint). The verdict stays on screen until closed.
import { useCan } from "@refinedev/core";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { auditIntegrity, integrityVerdict, type IntegrityReport } from "./queries";

interface Shown {
  ok: boolean;
  text: string;
}

export function useIntegrity() {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState<Shown | null>(null);
  const { data: canCheckpoint } = useCan({ resource: "audit_log", action: "checkpoint" });
  const verify = useMutation({
    mutationFn: () => auditIntegrity<IntegrityReport>("verify"),
    onSuccess: (report) => {
      const verdict = integrityVerdict(report);
      const values: Record<string, unknown> = { ...verdict.values };
      if (verdict.key === "audit_log.verify.checkpointBroken") {
        values.at = new Date(verdict.values.at).toLocaleString(i18n.language);
        values.reason = t(`audit_log.verify.mismatch.${verdict.values.reason}`);
      }
      setShown({ ok: verdict.ok, text: t(verdict.key, values) });
    },
    onError: (error: Error) => setShown({ ok: false, text: error.message }),
  });
  const checkpoint = useMutation({
    mutationFn: () => auditIntegrity<{ checkpoint: { id: number; last_id: number } }>("checkpoint"),
    onSuccess: ({ checkpoint: c }) =>
      setShown({ ok: true, text: t("audit_log.checkpoint.made", { id: c.id, last: c.last_id }) }),
    onError: (error: Error) => setShown({ ok: false, text: error.message }),
  });

  const buttons = (
    <Space>
      <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
        {t("audit_log.verify.button")}
      </Button>
      {canCheckpoint?.can && (
        <Button onClick={() => checkpoint.mutate()} loading={checkpoint.isPending} data-testid="audit-checkpoint">
          {t("audit_log.checkpoint.button")}
        </Button>
      )}
    </Space>
  );
  const result = shown && (
    <Alert
      type={shown.ok ? "success" : "error"}
      showIcon
      message={shown.text}
      closable
      onClose={() => setShown(null)}
      style={{ marginBottom: 16 }}
      data-testid="audit-verify-result"
      role={shown.ok ? "status" : "alert"}
    />
  );
  return { buttons, result };
}
