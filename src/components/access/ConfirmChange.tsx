// Confirming a matrix change (a save or a revert): what it does, then a required reason that
// the matrix history and the audit log keep.
import { Alert, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CellChange } from "../../resources/role_permissions/queries";
import { ImpactList } from "./ImpactList";

interface Props {
  open: boolean;
  title: string;
  changes: CellChange[];
  saving: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}

export function ConfirmChange({ open, title, changes, saving, error, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const invalid =
    reason.trim().length === 0
      ? t("role_permissions.reasonRequired")
      : reason.length > 500
        ? t("staff.errors.tooLong", { count: 500 })
        : null;
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      okText={t("role_permissions.confirmSave")}
      cancelText={t("buttons.cancel")}
      confirmLoading={saving}
      okButtonProps={{ "data-testid": "matrix-confirm-save" } as Record<string, string>}
      onOk={() => {
        setTouched(true);
        if (!invalid) onConfirm(reason.trim());
      }}
      width={640}
      destroyOnHidden
      afterClose={() => {
        setReason("");
        setTouched(false);
      }}
    >
      <Typography.Paragraph>{t("role_permissions.confirmIntro", { count: changes.length })}</Typography.Paragraph>
      <ImpactList changes={changes} />
      {error && (
        <Alert
          type="error"
          role="alert"
          showIcon
          message={error}
          style={{ marginTop: 12 }}
          data-testid="matrix-save-error"
        />
      )}
      <Form layout="vertical" component={false}>
        <Form.Item
          label={t("role_permissions.reason")}
          htmlFor="matrix-reason"
          required
          style={{ marginTop: 16 }}
          validateStatus={touched && invalid ? "error" : undefined}
          help={touched && invalid ? invalid : t("role_permissions.reasonHint")}
        >
          <Input.TextArea
            id="matrix-reason"
            rows={3}
            maxLength={500}
            showCount
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="matrix-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
