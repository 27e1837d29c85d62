// "Create login": the admin-users Edge Function creates the Auth user (service key stays on
// the server), then assigns the roles as the signed-in HR person.
import { Create } from "../../components/crud";
import { useGo, useInvalidate, useList } from "@refinedev/core";
import { Alert, Button, Form, Input, Radio, Result, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ControlledField } from "../../components/ControlledField";
import { PageTitle } from "../../components/PageTitle";
import { localizedLabel } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import { MIN_PASSWORD_LENGTH, emailPattern } from "../../utils/validation";
import { callAdminUsers, type AdminUsersResult } from "./queries";

interface CreateLoginValues {
  email: string;
  full_name: string;
  roles: string[];
  mode: "invite" | "password";
  password: string;
}

export default function ProfilesCreate() {
  const { t, i18n } = useTranslation();
  const go = useGo();
  const invalidate = useInvalidate();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<AdminUsersResult | null>(null);
  const { result: roles } = useList<Tables<"app_roles">>({
    resource: "app_roles",
    pagination: { mode: "off" },
    meta: { select: "code, label_en, label_es, label_zh" },
  });
  const {
    control,
    handleSubmit,
    watch,
    setError: setFieldError,
    formState,
  } = useForm<CreateLoginValues>({
    defaultValues: { email: "", full_name: "", roles: [], mode: "invite", password: "" },
  });
  const mode = watch("mode");
  const submit = handleSubmit(async (values) => {
    setError(null);
    const result = await callAdminUsers({
      action: "create",
      email: values.email.trim(),
      full_name: values.full_name.trim(),
      roles: values.roles,
      ...(values.mode === "password" ? { password: values.password } : {}),
    });
    if (result.error) {
      const field = result.error.field as keyof CreateLoginValues | undefined;
      if (field && field in values) setFieldError(field, { message: result.error.serverMessage });
      else setError(result.error.message);
      return;
    }
    void invalidate({ resource: "profiles", invalidates: ["list"] });
    setCreated(result.data ?? null);
  });

  if (created) {
    return (
      <Create title={<PageTitle>{t("profiles.titles.create")}</PageTitle>} footerButtons={() => null}>
        <Result
          status="success"
          title={t("profiles.create.done", { email: created.email })}
          subTitle={created.invite_link ? t("profiles.create.inviteHint") : t("profiles.create.passwordHint")}
          extra={
            <Space direction="vertical" style={{ width: "100%" }}>
              {created.invite_link && (
                <Typography.Paragraph
                  copyable={{ text: created.invite_link }}
                  code
                  data-testid="invite-link"
                  style={{ wordBreak: "break-all" }}
                >
                  {created.invite_link}
                </Typography.Paragraph>
              )}
              <Button
                type="primary"
                onClick={() => go({ to: { resource: "profiles", action: "show", id: created.user_id } })}
                data-testid="open-created-user"
              >
                {t("profiles.create.open")}
              </Button>
            </Space>
          }
        />
      </Create>
    );
  }

  return (
    <Create
      title={<PageTitle>{t("profiles.titles.create")}</PageTitle>}
      saveButtonProps={{
        onClick: () => void submit(),
        loading: formState.isSubmitting,
        ...({ "data-testid": "user-create-save" } as Record<string, string>),
      }}
    >
      {error && (
        <Alert
          type="error"
          role="alert"
          showIcon
          message={error}
          style={{ marginBottom: 16 }}
          data-testid="user-create-error"
        />
      )}
      <Form layout="vertical" component="form" noValidate onFinish={() => void submit()}>
        <ControlledField
          name="email"
          control={control}
          idPrefix="new-user"
          required
          label={t("profiles.fields.email")}
          rules={{
            required: t("pages.login.errors.requiredEmail"),
            pattern: { value: emailPattern, message: t("pages.login.errors.validEmail") },
          }}
          render={(field) => <Input {...field} type="email" autoComplete="off" />}
        />
        <ControlledField
          name="full_name"
          control={control}
          idPrefix="new-user"
          required
          label={t("profiles.fields.full_name")}
          rules={{
            validate: (v) => v.trim().length > 0 || t("me.errors.fullNameRequired"),
            maxLength: { value: 120, message: t("me.errors.fullNameTooLong") },
          }}
          render={(field) => <Input {...field} autoComplete="off" />}
        />
        <ControlledField
          name="roles"
          control={control}
          idPrefix="new-user"
          label={t("profiles.fields.roles")}
          render={(field) => (
            <Select
              {...field}
              mode="multiple"
              allowClear
              options={(roles?.data ?? []).map((r) => ({ value: r.code, label: localizedLabel(r, i18n.language) }))}
            />
          )}
        />
        <ControlledField
          name="mode"
          control={control}
          idPrefix="new-user"
          label={t("profiles.create.passwordMode")}
          render={({ value, onChange, id }) => (
            <Radio.Group id={id} value={value} onChange={(e) => onChange(e.target.value)}>
              <Space direction="vertical">
                <Radio value="invite" data-testid="mode-invite">
                  {t("profiles.create.modeInvite")}
                </Radio>
                <Radio value="password" data-testid="mode-password">
                  {t("profiles.create.modePassword")}
                </Radio>
              </Space>
            </Radio.Group>
          )}
        />
        {mode === "password" && (
          <ControlledField
            name="password"
            control={control}
            idPrefix="new-user"
            required
            label={t("profiles.create.initialPassword")}
            rules={{
              minLength: {
                value: MIN_PASSWORD_LENGTH,
                message: t("pages.updatePassword.errors.minLength", { count: MIN_PASSWORD_LENGTH }),
              },
              required: t("pages.updatePassword.errors.requiredPassword"),
            }}
            render={(field) => <Input.Password {...field} autoComplete="new-password" />}
          />
        )}
      </Form>
    </Create>
  );
}
