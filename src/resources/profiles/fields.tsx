// The fields of the "My profile" form (name and preferred language), mirroring the
// database's checks (name 1-120 characters, locale one of three).
import { Form, Input, Select } from "antd";
import { Controller, type Control, type FieldErrors } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { locales } from "../../providers/i18n";
import { fieldStatus } from "../../utils/formStatus";
import type { ProfileFormValues } from "../me/queries";

export function ProfileFields({
  control,
  errors,
}: {
  control: Control<ProfileFormValues>;
  errors: FieldErrors<ProfileFormValues>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Controller
        name="full_name"
        control={control}
        rules={{
          validate: (v) => (v ?? "").trim().length > 0 || t("me.errors.fullNameRequired"),
          maxLength: { value: 120, message: t("me.errors.fullNameTooLong") },
        }}
        render={({ field }) => (
          <Form.Item
            label={t("me.fields.full_name")}
            htmlFor="profile-full-name"
            required
            {...fieldStatus(errors.full_name?.message)}
          >
            <Input
              {...field}
              id="profile-full-name"
              data-testid="profile-full-name"
              autoComplete="name"
              maxLength={121}
            />
          </Form.Item>
        )}
      />
      <Controller
        name="preferred_locale"
        control={control}
        render={({ field }) => (
          <Form.Item label={t("me.fields.preferred_locale")} htmlFor="profile-locale">
            <Select
              {...field}
              id="profile-locale"
              data-testid="profile-locale"
              options={locales.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
            />
          </Form.Item>
        )}
      />
    </>
  );
}
