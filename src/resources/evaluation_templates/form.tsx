// The template form: the position it evaluates, the month it applies from (its version) and a
// name. A new template opens on its edit page, where its KPIs are chosen; a published one no
// longer changes (a new version is made from it).
import { useList } from "@refinedev/core";
import { Alert, DatePicker } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { ControlledField } from "../../components/ControlledField";
import { SelectField, TextField } from "../../components/fields";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import type { Tables, TablesInsert } from "../../types/database";
import { today, monthOf } from "../../utils/format";
import { positionTitle } from "../positions/queries";
import { TemplateKpis } from "./lines";
import type { TemplateRow } from "./queries";

type TemplateValues = Pick<TablesInsert<"evaluation_templates">, "position_id" | "valid_from" | "name"> & {
  version?: number;
};

export function TemplateForm({ action }: { action: FormAction }) {
  const { t, i18n } = useTranslation();
  const { result: positions } = useList<Tables<"positions">>({
    resource: "positions",
    pagination: { mode: "off" },
    sorters: [{ field: "sort_order", order: "asc" }],
  });
  const form = useResourceForm<TemplateRow, TemplateValues>({
    resource: "evaluation_templates",
    action,
    redirect: "edit",
    defaultValues: { position_id: "", valid_from: monthOf(today()), name: "" },
    toPayload: (v) => ({
      name: v.name.trim(),
      position_id: v.position_id,
      valid_from: monthOf(v.valid_from ?? today()),
      ...(action === "edit" ? { version: v.version } : {}),
    }),
  });
  const published = Boolean(form.stored?.published_at);
  const field = { control: form.control, idPrefix: "template" } as const;
  return (
    <ResourceFormPage
      form={form}
      title={t(`evaluation_templates.titles.${action}`)}
      after={form.stored ? <TemplateKpis templateId={String(form.stored.id)} /> : null}
    >
      {published && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t("evaluation_templates.publishedFrozen")} />
      )}
      <SelectField
        {...field}
        name="position_id"
        label={t("evaluation_templates.fields.position_id")}
        required={t("evaluation_templates.errors.position")}
        search
        disabled={published}
        options={(positions?.data ?? []).map((p) => ({ value: p.id, label: positionTitle(p, i18n.language) }))}
      />
      <ControlledField
        {...field}
        name="valid_from"
        label={t("evaluation_templates.fields.valid_from")}
        extra={t("evaluation_templates.hints.validFrom")}
        required
        rules={{ required: t("evaluation_templates.errors.validFrom") }}
        render={(props) => (
          <DatePicker
            id={props.id}
            data-testid={props["data-testid"]}
            aria-invalid={props["aria-invalid"]}
            aria-describedby={props["aria-describedby"]}
            picker="month"
            disabled={published}
            value={props.value ? dayjs(props.value) : null}
            onChange={(d) => props.onChange(d ? d.startOf("month").format("YYYY-MM-DD") : null)}
          />
        )}
      />
      <TextField
        {...field}
        name="name"
        label={t("evaluation_templates.fields.name")}
        required={t("evaluation_templates.errors.name")}
        max={120}
        disabled={published}
      />
    </ResourceFormPage>
  );
}
