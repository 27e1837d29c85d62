import { Alert, Button, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AuthLayout } from "../../components/AuthLayout";
import { authProvider } from "../../providers/authProvider";
import { fieldStatus } from "../../utils/formStatus";
import { emailPattern } from "../../utils/validation";

interface ForgotValues {
  email: string;
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const send = async (values: ForgotValues) => {
    setPending(true);
    try {
      const outcome = await authProvider.forgotPassword!(values);
      if (outcome.success) setSentTo(values.email);
      else setError(outcome.error?.message ?? t("errors.unknown", { message: "" }));
    } catch (e) {
      setError(e instanceof Error ? e.message : t("errors.unknown", { message: "" }));
    } finally {
      setPending(false);
    }
  };
  const {
    control,
    handleSubmit,
    formState: { errors },
  } = useForm<ForgotValues>({ defaultValues: { email: "" } });

  return (
    <AuthLayout title={t("pages.forgotPassword.title")}>
      <Typography.Paragraph>{t("pages.forgotPassword.intro")}</Typography.Paragraph>
      {sentTo && (
        <Alert
          data-testid="forgot-sent"
          type="success"
          showIcon
          role="status"
          message={t("pages.forgotPassword.sent", { email: sentTo })}
          style={{ marginBottom: 16 }}
        />
      )}
      {error && (
        <Alert
          data-testid="forgot-error"
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
            setSentTo(null);
            return send(values);
          })()
        }
      >
        <Controller
          name="email"
          control={control}
          rules={{
            required: t("pages.forgotPassword.errors.requiredEmail"),
            pattern: { value: emailPattern, message: t("pages.forgotPassword.errors.validEmail") },
          }}
          render={({ field }) => (
            <Form.Item
              label={t("pages.forgotPassword.fields.email")}
              htmlFor="forgot-email"
              required
              {...fieldStatus(errors.email?.message)}
            >
              <Input
                {...field}
                id="forgot-email"
                type="email"
                autoComplete="username"
                autoFocus
                data-testid="forgot-email"
                size="large"
              />
            </Form.Item>
          )}
        />
        <Button type="primary" htmlType="submit" block size="large" loading={isPending} data-testid="forgot-submit">
          {t("pages.forgotPassword.buttons.submit")}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/login">{t("pages.forgotPassword.buttons.haveAccount")}</Link>
      </Typography.Paragraph>
    </AuthLayout>
  );
}
