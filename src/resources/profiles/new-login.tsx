// Creating a login: the fields (e-mail, name, roles, invitation or initial password) and what
// is shown once it exists (the invitation link to hand over, a way to open the person).
import { useGo, useList } from "@refinedev/core";
import { Button, Input, Radio, Result, Space, Typography } from "antd";
import type { Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ControlledField } from "../../components/ControlledField";
import { SelectField, TextField } from "../../components/fields";
import { localizedLabel } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import { MIN_PASSWORD_LENGTH, emailPattern } from "../../utils/validation";
import type { AdminUsersResult } from "./queries";
import { roleLabelSelect } from "../app_roles/queries";

export interface NewLoginValues {
  email: string;
  full_name: string;
  roles: string[];
  mode: "invite" | "password";
  password: string;
}

export function NewLoginFields({ control, mode }: { control: Control<NewLoginValues>; mode: NewLoginValues["mode"] }) {
  const { t, i18n } = useTranslation();
  const { result: roles } = useList<Tables<"app_roles">>({
    resource: "app_roles",
    pagination: { mode: "off" },
    meta: { select: roleLabelSelect },
  });
  const field = { control, idPrefix: "new-user" } as const;
  return (
    <>
      <TextField
        {...field}
        name="email"
        label={t("profiles.fields.email")}
        required={t("pages.login.errors.requiredEmail")}
        pattern={{ value: emailPattern, message: t("pages.login.errors.validEmail") }}
        type="email"
      />
      <TextField
        {...field}
        name="full_name"
        label={t("profiles.fields.full_name")}
        required={t("me.errors.fullNameRequired")}
        max={120}
      />
      <SelectField
        {...field}
        name="roles"
        label={t("profiles.fields.roles")}
        multiple
        options={(roles?.data ?? []).map((r) => ({ value: r.code, label: localizedLabel(r, i18n.language) }))}
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
    </>
  );
}

export function NewLoginCreated({ created }: { created: AdminUsersResult }) {
  const { t } = useTranslation();
  const go = useGo();
  return (
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
  );
}
