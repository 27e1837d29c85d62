import { Alert, Button, Form, theme } from "antd";
// The two inputs by their own modules: antd's Input index also carries TextArea, Search and OTP.
import Input from "antd/es/input/Input";
import Password from "antd/es/input/Password";
import { useEffect, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { AuthLayout } from "../../components/AuthLayout";
import { authProvider, forgetSignOutReason, peekSignOutReason } from "../../providers/authProvider";
import { returnTo, type SignedIn } from "../../providers/signedOut";
import { emailPattern } from "../../utils/validation";
import { fieldStatus } from "../../utils/formStatus";

interface LoginValues {
  email: string;
  password: string;
}

const reasons = ["expired", "ended", "signedOut", "passwordUpdated"] as const;

export default function LoginPage({ onSignedIn }: { onSignedIn: SignedIn }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [params] = useSearchParams();
  const [reason] = useState(() => reasons.find((r) => r === (params.get("reason") ?? peekSignOutReason())));
  useEffect(() => forgetSignOutReason(), []);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const {
    control,
    handleSubmit,
    formState: { errors },
  } = useForm<LoginValues>({ defaultValues: { email: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    setPending(true);
    try {
      const result = await authProvider.login(values);
      if (result.success) onSignedIn(returnTo(params.get("to")));
      else setError(result.error?.message ?? t("errors.auth.invalid_credentials"));
    } catch (e) {
      setError(e instanceof Error ? e.message : t("errors.auth.invalid_credentials"));
    } finally {
      setPending(false);
    }
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
        <Alert
          data-testid="login-error"
          role="alert"
          type="error"
          showIcon
          message={error}
          style={{ marginBottom: 16 }}
        />
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
            <Form.Item
              label={t("pages.login.fields.email")}
              htmlFor="login-email"
              required
              {...fieldStatus(errors.email?.message)}
            >
              <Input
                {...field}
                id="login-email"
                type="email"
                autoComplete="username"
                autoFocus
                data-testid="login-email"
                size="large"
              />
            </Form.Item>
          )}
        />
        <Controller
          name="password"
          control={control}
          rules={{ required: t("pages.login.errors.requiredPassword") }}
          render={({ field }) => (
            <Form.Item
              label={t("pages.login.fields.password")}
              htmlFor="login-password"
              required
              {...fieldStatus(errors.password?.message)}
            >
              <Password
                {...field}
                id="login-password"
                autoComplete="current-password"
                data-testid="login-password"
                size="large"
              />
            </Form.Item>
          )}
        />
        <Button type="primary" htmlType="submit" block size="large" loading={isPending} data-testid="login-submit">
          {t("pages.login.buttons.submit")}
        </Button>
      </Form>
      <p style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/forgot-password" data-testid="forgot-password-link" style={{ color: token.colorLink }}>
          {t("pages.login.buttons.forgotPassword")}
        </Link>
      </p>
      <p style={{ marginTop: 8, marginBottom: 0, color: token.colorTextSecondary }}>{t("pages.login.noLoginsHint")}</p>
    </AuthLayout>
  );
}
