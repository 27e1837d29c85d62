// Login actions for HR: reset the password (set one, or hand over a reset link) and
// deactivate / reactivate, through the admin-users Edge Function.
import { useCan, useInvalidate, useNotification } from "@refinedev/core";
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Radio, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MIN_PASSWORD_LENGTH } from "../../utils/validation";
import { callAdminUsers } from "./queries";

export function LoginActions({ userId, isActive, isSelf }: { userId: string; isActive: boolean; isSelf: boolean }) {
  const { t } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const { data: canUpdate } = useCan({ resource: "logins", action: "update" });
  const [busy, setBusy] = useState(false);
  const [resetOpen, setResetOpen] = useState(false);
  const [mode, setMode] = useState<"link" | "password">("link");
  const [password, setPassword] = useState("");
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!canUpdate?.can) return null;

  const toggle = async () => {
    setBusy(true);
    setError(null);
    const result = await callAdminUsers({ action: isActive ? "deactivate" : "reactivate", user_id: userId });
    setBusy(false);
    if (result.error) {
      setError(result.error.message);
      return;
    }
    open?.({ type: "success", message: isActive ? t("profiles.login.deactivated") : t("profiles.login.reactivated") });
    void invalidate({ resource: "profiles", invalidates: ["list", "detail"], id: userId });
  };

  const reset = async () => {
    if (mode === "password" && password.length < MIN_PASSWORD_LENGTH) {
      setError(t("pages.updatePassword.errors.minLength", { count: MIN_PASSWORD_LENGTH }));
      return;
    }
    setBusy(true);
    setError(null);
    const result = await callAdminUsers({
      action: "reset_password",
      user_id: userId,
      ...(mode === "password" ? { password } : {}),
    });
    setBusy(false);
    if (result.error) {
      setError(result.error.message);
      return;
    }
    if (result.data?.reset_link) setLink(result.data.reset_link);
    else {
      open?.({ type: "success", message: t("profiles.login.passwordSet") });
      setResetOpen(false);
    }
  };

  return (
    <Card title={t("profiles.login.title")} size="small" data-testid="login-actions">
      {error && (
        <Alert
          type="error"
          role="alert"
          showIcon
          message={error}
          style={{ marginBottom: 12 }}
          data-testid="login-action-error"
        />
      )}
      <Space wrap>
        <Button
          onClick={() => {
            setResetOpen(true);
            setLink(null);
            setPassword("");
            setError(null);
          }}
          data-testid="reset-password"
        >
          {t("profiles.login.resetPassword")}
        </Button>
        {!isSelf && (
          <Popconfirm
            title={isActive ? t("profiles.login.deactivateConfirm") : t("profiles.login.reactivateConfirm")}
            okText={isActive ? t("profiles.login.deactivate") : t("profiles.login.reactivate")}
            cancelText={t("buttons.cancel")}
            onConfirm={() => void toggle()}
          >
            <Button danger={isActive} loading={busy} data-testid={isActive ? "deactivate-login" : "reactivate-login"}>
              {isActive ? t("profiles.login.deactivate") : t("profiles.login.reactivate")}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <Modal
        open={resetOpen}
        title={t("profiles.login.resetPassword")}
        onCancel={() => setResetOpen(false)}
        okText={link ? t("buttons.close") : t("profiles.login.resetSubmit")}
        cancelText={t("buttons.cancel")}
        confirmLoading={busy}
        onOk={() => (link ? setResetOpen(false) : void reset())}
      >
        {link ? (
          <Space direction="vertical" style={{ width: "100%" }}>
            <Typography.Paragraph>{t("profiles.login.linkReady")}</Typography.Paragraph>
            <Typography.Paragraph
              copyable={{ text: link }}
              code
              data-testid="reset-link"
              style={{ wordBreak: "break-all" }}
            >
              {link}
            </Typography.Paragraph>
          </Space>
        ) : (
          <Form layout="vertical" component={false}>
            <Form.Item label={t("profiles.login.resetMode")}>
              <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as "link" | "password")}>
                <Space direction="vertical">
                  <Radio value="link">{t("profiles.login.modeLink")}</Radio>
                  <Radio value="password">{t("profiles.login.modePassword")}</Radio>
                </Space>
              </Radio.Group>
            </Form.Item>
            {mode === "password" && (
              <Form.Item
                label={t("pages.updatePassword.fields.password")}
                htmlFor="hr-new-password"
                extra={t("pages.updatePassword.errors.minLength", { count: MIN_PASSWORD_LENGTH })}
              >
                <Input.Password
                  id="hr-new-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  autoComplete="new-password"
                />
              </Form.Item>
            )}
          </Form>
        )}
      </Modal>
    </Card>
  );
}
