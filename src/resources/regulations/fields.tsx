// The rule editor: metadata, and title and Markdown body in each language (with a
// preview through the same sanitiser the rule page uses).
import { useList } from "@refinedev/core";
import { DatePicker, Input, Segmented, Select, Space, Switch, Tabs, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useWatch, type Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ControlledField } from "../../components/ControlledField";
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
      <ControlledField
        name={`title_${lang}`}
        control={control}
        idPrefix={`rule-${lang}`}
        required={lang === "en"}
        label={t("regulations.fields.title")}
        extra={lang === "en" ? undefined : t("regulations.hints.fallback")}
        rules={{
          validate: (v) =>
            lang !== "en" || (v ?? "").trim().length > 0 ? true : t("regulations.errors.titleRequired"),
          maxLength: { value: 200, message: t("staff.errors.tooLong", { count: 200 }) },
        }}
        render={(field) => <Input {...field} value={field.value ?? ""} lang={lang === "zh" ? "zh-CN" : lang} />}
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
      <ControlledField
        name="code"
        control={control}
        idPrefix="rule"
        required
        label={t("regulations.fields.code")}
        extra={t("regulations.hints.code")}
        rules={{
          required: t("regulations.errors.codeRequired"),
          pattern: { value: ruleCodePattern, message: t("regulations.errors.codeFormat") },
        }}
        render={(field) => (
          <Input
            {...field}
            value={field.value ?? ""}
            onChange={(e) => field.onChange(e.target.value.toUpperCase())}
            disabled={mode === "edit"}
            autoComplete="off"
          />
        )}
      />
      <ControlledField
        name="category_id"
        control={control}
        idPrefix="rule"
        required
        label={t("regulations.fields.category_id")}
        extra={t("regulations.hints.category")}
        rules={{ required: t("regulations.errors.categoryRequired") }}
        render={(field) => (
          <Select
            {...field}
            value={field.value || undefined}
            options={(categories?.data ?? []).map((c) => ({ value: c.id, label: localizedLabel(c, i18n.language) }))}
          />
        )}
      />
      <ControlledField
        name="effective_date"
        control={control}
        idPrefix="rule"
        label={t("regulations.fields.effective_date")}
        extra={t("regulations.hints.effective")}
        render={(field) => (
          <DatePicker
            id={field.id}
            data-testid={field["data-testid"]}
            value={field.value ? dayjs(field.value) : null}
            onChange={(d) => field.onChange(d ? d.format("YYYY-MM-DD") : null)}
            style={{ width: 220 }}
          />
        )}
      />
      <ControlledField
        name="applies_to_all_positions"
        control={control}
        idPrefix="rule"
        label={t("regulations.fields.applies_to_all_positions")}
        render={(field) => (
          <Switch
            id={field.id}
            data-testid={field["data-testid"]}
            checked={field.value !== false}
            onChange={field.onChange}
          />
        )}
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
