import { useLogin } from "@refinedev/core";
import { Alert, Button, Form, Input, Typography } from "antd";
import { useEffect, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { AuthLayout } from "../../components/AuthLayout";
import { forgetSignOutReason, peekSignOutReason } from "../../providers/authProvider";
import { emailPattern } from "../../utils/validation";
import { fieldStatus } from "../../utils/formStatus";

interface LoginValues {
  email: string;
  password: string;
}

const reasons = ["expired", "ended", "signedOut", "passwordUpdated"] as const;

export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [reason] = useState(() => reasons.find((r) => r === (params.get("reason") ?? peekSignOutReason())));
  useEffect(() => forgetSignOutReason(), []);
  const [error, setError] = useState<string | null>(null);
  const { mutate: login, isPending } = useLogin<LoginValues>();
  const {
    control,
    handleSubmit,
    formState: { errors },
  } = useForm<LoginValues>({ defaultValues: { email: "", password: "" } });

  const onSubmit = handleSubmit((values) => {
    setError(null);
    login(values, {
      onSuccess: (result) => {
        if (!result.success) setError(result.error?.message ?? t("errors.auth.invalid_credentials"));
      },
    });
  });

  return (
    <AuthLayout title={t("pages.login.title")}>
      {reason && !error && (
        <Alert
          data-testid="login-reason"
          type={reason === "signedOut" || reason === "passwordUpdated" ? "info" : "warning"}
          showIcon
          message={t(`pages.login.reasons.${reason}`)}
          style={{ marginBottom: 16 }}
        />
      )}
      {error && (
        <Alert data-testid="login-error" role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />
      )}
      <Form layout="vertical" onFinish={() => void onSubmit()} component="form" noValidate requiredMark>
        <Controller
          name="email"
          control={control}
          rules={{
            required: t("pages.login.errors.requiredEmail"),
            pattern: { value: emailPattern, message: t("pages.login.errors.validEmail") },
          }}
          render={({ field }) => (
            <Form.Item label={t("pages.login.fields.email")} htmlFor="login-email" required {...fieldStatus(errors.email?.message)}>
              <Input {...field} id="login-email" type="email" autoComplete="username" autoFocus data-testid="login-email" size="large" />
            </Form.Item>
          )}
        />
        <Controller
          name="password"
          control={control}
          rules={{ required: t("pages.login.errors.requiredPassword") }}
          render={({ field }) => (
            <Form.Item label={t("pages.login.fields.password")} htmlFor="login-password" required {...fieldStatus(errors.password?.message)}>
              <Input.Password {...field} id="login-password" autoComplete="current-password" data-testid="login-password" size="large" />
            </Form.Item>
          )}
        />
        <Button type="primary" htmlType="submit" block size="large" loading={isPending} data-testid="login-submit">
          {t("pages.login.buttons.submit")}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/forgot-password" data-testid="forgot-password-link">
          {t("pages.login.buttons.forgotPassword")}
        </Link>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t("pages.login.noLoginsHint")}
      </Typography.Paragraph>
    </AuthLayout>
  );
}
