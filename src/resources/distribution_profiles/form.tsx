// The distribution profile form: code (fixed once created), names in three languages, and
// either an even split or twelve percentages with their total shown as you type (they must
// add up to exactly 100, which the database checks too).
import { Alert, Form, InputNumber, Segmented, Space, Typography } from "antd";
import { Controller, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { LocalizedTextFields, TextField } from "../../components/fields";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import type { Tables } from "../../types/database";
import { evenPercents, percentGap } from "./queries";

type ProfileValues = Pick<Tables<"distribution_profiles">, "code" | "name_en" | "name_es" | "name_zh"> & {
  month_percents: number[] | null;
  version?: number;
};

export function DistributionProfileForm({ action }: { action: FormAction }) {
  const { t, i18n } = useTranslation();
  const form = useResourceForm<Tables<"distribution_profiles">, ProfileValues>({
    resource: "distribution_profiles",
    action,
    redirect: "list",
    defaultValues: { code: "", name_en: "", name_es: "", name_zh: "", month_percents: null },
    toPayload: (v) => {
      const payload = {
        ...v,
        name_en: v.name_en.trim(),
        name_es: v.name_es.trim(),
        name_zh: v.name_zh.trim(),
        month_percents: v.month_percents ? v.month_percents.map((p) => Number(p ?? 0)) : null,
      };
      if (action === "create") return payload;
      const { code: _code, ...rest } = payload;
      return rest as ProfileValues;
    },
  });
  const percents = useWatch({ control: form.control, name: "month_percents" });
  const gap = percents ? percentGap(percents) : 0;
  const monthName = (i: number) => new Date(2026, i, 1).toLocaleDateString(i18n.language, { month: "short" });
  const field = { control: form.control, idPrefix: "profile" } as const;
  return (
    <ResourceFormPage form={form} title={t(`distribution_profiles.titles.${action}`)}>
      <TextField
        {...field}
        name="code"
        label={t("distribution_profiles.fields.code")}
        extra={t("app_roles.hints.code")}
        required={t("app_roles.errors.codeRequired")}
        pattern={{ value: /^[a-z][a-z0-9_]{1,39}$/, message: t("app_roles.errors.codeFormat") }}
        disabled={action === "edit"}
      />
      <LocalizedTextFields
        {...field}
        base="name"
        labelOf={(lang) => t(`distribution_profiles.fields.name_${lang}`)}
        required={t("distribution_profiles.errors.name")}
        max={80}
      />
      <Controller
        control={form.control}
        name="month_percents"
        rules={{
          validate: (v) => !v || percentGap(v) === 0 || t("distribution_profiles.errors.total", { gap: percentGap(v) }),
        }}
        render={({ field: f, fieldState }) => (
          <>
            <Form.Item label={t("distribution_profiles.fields.split")} htmlFor="profile-split">
              <Segmented
                id="profile-split"
                value={f.value ? "seasonal" : "even"}
                onChange={(v) => f.onChange(v === "even" ? null : evenPercents())}
                options={[
                  { value: "even", label: t("distribution_profiles.even") },
                  { value: "seasonal", label: t("distribution_profiles.seasonal") },
                ]}
              />
            </Form.Item>
            {f.value && (
              <Form.Item
                label={t("distribution_profiles.fields.month_percents")}
                validateStatus={fieldState.error ? "error" : undefined}
                help={fieldState.error?.message}
                required
              >
                <Space wrap>
                  {f.value.map((p, i) => (
                    <Space key={i} direction="vertical" size={0}>
                      <Typography.Text type="secondary">{monthName(i)}</Typography.Text>
                      <InputNumber
                        aria-label={t("distribution_profiles.monthPercent", { month: monthName(i) })}
                        min={0}
                        max={100}
                        precision={3}
                        value={p}
                        onChange={(v) => f.onChange(f.value!.map((x, j) => (j === i ? Number(v ?? 0) : x)))}
                        style={{ width: 96 }}
                      />
                    </Space>
                  ))}
                </Space>
              </Form.Item>
            )}
          </>
        )}
      />
      {percents && (
        <Alert
          type={gap === 0 ? "success" : "warning"}
          showIcon
          aria-live="polite"
          message={
            gap === 0
              ? t("distribution_profiles.addsUp")
              : t(gap > 0 ? "distribution_profiles.left" : "distribution_profiles.over", { gap: Math.abs(gap) })
          }
        />
      )}
    </ResourceFormPage>
  );
}
