// Reached from a password-reset link (supabase-js reads the session from the URL
// fragment) or from "Change password" while signed in.
import { Alert, Button, Form, Input, Spin, Typography } from "antd";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AuthLayout } from "../../components/AuthLayout";
import { authProvider } from "../../providers/authProvider";
import { useHasSession } from "../../providers/session";
import { fieldStatus } from "../../utils/formStatus";
import { MAX_PASSWORD_BYTES, MIN_PASSWORD_LENGTH } from "../../utils/validation";

interface PasswordValues {
  password: string;
  confirmPassword: string;
}

export default function UpdatePasswordPage() {
  const { t } = useTranslation();
  const hasSession = useHasSession();
  const [error, setError] = useState<string | null>(null);
  const linkError = new URLSearchParams(window.location.hash.slice(1)).get("error_description");

  const [isPending, setPending] = useState(false);
  const save = async (password: string) => {
    setPending(true);
    try {
      const result = await authProvider.updatePassword!({ password });
      if (!result.success) setError(result.error?.message ?? "");
      else window.location.assign("/");
    } catch (e) {
      setError(e instanceof Error ? e.message : "");
    } finally {
      setPending(false);
    }
  };
  const {
    control,
    handleSubmit,
    getValues,
    formState: { errors },
  } = useForm<PasswordValues>({ defaultValues: { password: "", confirmPassword: "" } });

  if (hasSession === null) {
    return (
      <AuthLayout title={t("pages.updatePassword.title")}>
        <div role="status" aria-label={t("app.loading")}>
          <Spin />
        </div>
      </AuthLayout>
    );
  }
  if (!hasSession) {
    return (
      <AuthLayout title={t("pages.updatePassword.title")}>
        <Alert
          data-testid="update-password-no-session"
          type="warning"
          showIcon
          message={t("pages.updatePassword.noSession")}
          description={linkError ?? undefined}
        />
        <Typography.Paragraph style={{ marginTop: 16 }}>
          <Link to="/forgot-password">{t("pages.updatePassword.buttons.requestNew")}</Link>
        </Typography.Paragraph>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t("pages.updatePassword.title")}>
      <Typography.Paragraph>{t("pages.updatePassword.intro")}</Typography.Paragraph>
      {error && (
        <Alert
          data-testid="update-password-error"
          role="alert"
          type="error"
          showIcon
          message={error}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form
        layout="vertical"
        component="form"
        noValidate
        onFinish={() =>
          void handleSubmit((values) => {
            setError(null);
            return save(values.password);
          })()
        }
      >
        <Controller
          name="password"
          control={control}
          rules={{
            required: t("pages.updatePassword.errors.requiredPassword"),
            minLength: {
              value: MIN_PASSWORD_LENGTH,
              message: t("pages.updatePassword.errors.minLength", { count: MIN_PASSWORD_LENGTH }),
            },
            validate: (v) =>
              new TextEncoder().encode(v).length <= MAX_PASSWORD_BYTES ||
              t("pages.updatePassword.errors.maxLength", { count: MAX_PASSWORD_BYTES }),
          }}
          render={({ field }) => (
            <Form.Item
              label={t("pages.updatePassword.fields.password")}
              htmlFor="new-password"
              required
              {...fieldStatus(errors.password?.message)}
            >
              <Input.Password
                {...field}
                id="new-password"
                autoComplete="new-password"
                autoFocus
                data-testid="new-password"
                size="large"
              />
            </Form.Item>
          )}
        />
        <Controller
          name="confirmPassword"
          control={control}
          rules={{
            required: t("pages.updatePassword.errors.requiredConfirmPassword"),
            validate: (v) => v === getValues("password") || t("pages.updatePassword.errors.confirmPasswordNotMatch"),
          }}
          render={({ field }) => (
            <Form.Item
              label={t("pages.updatePassword.fields.confirmPassword")}
              htmlFor="confirm-password"
              required
              {...fieldStatus(errors.confirmPassword?.message)}
            >
              <Input.Password
                {...field}
                id="confirm-password"
                autoComplete="new-password"
                data-testid="confirm-password"
                size="large"
              />
            </Form.Item>
          )}
        />
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={isPending}
          data-testid="update-password-submit"
        >
          {t("pages.updatePassword.buttons.submit")}
        </Button>
      </Form>
    </AuthLayout>
  );
}
