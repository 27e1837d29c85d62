// The rule editor: metadata, and title and Markdown body in each language (with a
// preview through the same sanitiser the rule page uses).
import { useList } from "@refinedev/core";
import { Input, Segmented, Select, Space, Tabs, Typography } from "antd";
import { useState } from "react";
import { useWatch, type Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ControlledField } from "../../components/ControlledField";
import { DateField, SelectField, SwitchField, TextField } from "../../components/fields";
import { Markdown } from "../../components/rulebook/Markdown";
import { localizedLabel } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import { positionTitle } from "../positions/queries";
import type { CreateRegulationInput } from "./queries";

export const ruleCodePattern = /^[A-Z][A-Z0-9-]{1,23}$/;

function BodyEditor({ control, lang }: { control: Control<CreateRegulationInput>; lang: "en" | "es" | "zh" }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<"write" | "preview">("write");
  const body = useWatch({ control, name: `body_${lang}` });
  return (
    <>
      <TextField
        control={control}
        name={`title_${lang}`}
        idPrefix={`rule-${lang}`}
        label={t("regulations.fields.title")}
        extra={lang === "en" ? undefined : t("regulations.hints.fallback")}
        required={lang === "en" ? t("regulations.errors.titleRequired") : undefined}
        max={200}
        lang={lang === "zh" ? "zh-CN" : lang}
      />
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text>{t("regulations.fields.body")}</Typography.Text>
        <Segmented
          size="small"
          value={mode}
          onChange={(v) => setMode(v as "write" | "preview")}
          options={[
            { value: "write", label: t("regulations.editor.write") },
            { value: "preview", label: t("regulations.editor.preview") },
          ]}
        />
      </Space>
      {mode === "write" ? (
        <ControlledField
          name={`body_${lang}`}
          control={control}
          idPrefix={`rule-${lang}`}
          label={null}
          extra={t("regulations.hints.markdown")}
          rules={{ maxLength: { value: 50000, message: t("staff.errors.tooLong", { count: 50000 }) } }}
          render={(field) => (
            <Input.TextArea
              {...field}
              value={field.value ?? ""}
              rows={14}
              lang={lang === "zh" ? "zh-CN" : lang}
              aria-label={t("regulations.fields.body")}
              style={{ fontFamily: "monospace" }}
            />
          )}
        />
      ) : (
        <div style={{ border: "1px solid rgba(128,128,128,.3)", borderRadius: 6, padding: 16, minHeight: 200 }}>
          <Markdown source={body ?? ""} />
        </div>
      )}
    </>
  );
}

export function RegulationFormFields({
  control,
  mode,
}: {
  control: Control<CreateRegulationInput>;
  mode: "create" | "edit";
}) {
  const { t, i18n } = useTranslation();
  const appliesToAll = useWatch({ control, name: "applies_to_all_positions" });
  const { result: categories } = useList<Tables<"regulation_categories">>({
    resource: "regulation_categories",
    pagination: { mode: "off" },
    sorters: [{ field: "sort_order", order: "asc" }],
  });
  const { result: positions } = useList<Tables<"positions">>({
    resource: "positions",
    pagination: { mode: "off" },
    sorters: [{ field: "sort_order", order: "asc" }],
  });
  return (
    <>
      <TextField
        control={control}
        name="code"
        idPrefix="rule"
        label={t("regulations.fields.code")}
        extra={t("regulations.hints.code")}
        required={t("regulations.errors.codeRequired")}
        pattern={{ value: ruleCodePattern, message: t("regulations.errors.codeFormat") }}
        disabled={mode === "edit"}
        upperCase
      />
      <SelectField
        control={control}
        name="category_id"
        idPrefix="rule"
        label={t("regulations.fields.category_id")}
        extra={t("regulations.hints.category")}
        required={t("regulations.errors.categoryRequired")}
        search
        options={(categories?.data ?? []).map((c) => ({ value: c.id, label: localizedLabel(c, i18n.language) }))}
      />
      <DateField
        control={control}
        name="effective_date"
        idPrefix="rule"
        label={t("regulations.fields.effective_date")}
        extra={t("regulations.hints.effective")}
      />
      <SwitchField
        control={control}
        name="applies_to_all_positions"
        idPrefix="rule"
        label={t("regulations.fields.applies_to_all_positions")}
        defaultOn
      />
      {appliesToAll === false && (
        <ControlledField
          name="positions"
          control={control}
          idPrefix="rule"
          required
          label={t("regulations.appliesTo")}
          rules={{ validate: (v) => (v ?? []).length > 0 || t("regulations.errors.positionsRequired") }}
          render={(field) => (
            <Select
              {...field}
              mode="multiple"
              value={field.value ?? []}
              options={(positions?.data ?? []).map((p) => ({ value: p.id, label: positionTitle(p, i18n.language) }))}
            />
          )}
        />
      )}
      <Tabs
        items={(["en", "es", "zh"] as const).map((lang) => ({
          key: lang,
          label: t(`positions.languages.${lang}`),
          forceRender: true,
          children: <BodyEditor control={control} lang={lang} />,
        }))}
      />
    </>
  );
}
