// A template's KPIs: weight, cap and floor of each. While editing, the total of the weights is
// shown against 100 as you type, and the lines are saved in one step; a complete template can
// be published (frozen from then on), and a published one copied into a new version.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useCan, useGo, useInvalidate, useList, useNotification, useOne } from "@refinedev/core";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, DatePicker, InputNumber, Popconfirm, Select, Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { localizedName } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import {
  copyTemplate,
  lineProblem,
  linesOf,
  publishTemplate,
  saveTemplateKpis,
  templateSelect,
  weightTotal,
  type TemplateLine,
  type TemplateWithLines,
} from "./queries";

type Kpi = Pick<Tables<"kpis">, "id" | "code" | "name_en" | "name_es" | "name_zh" | "default_weight" | "active">;

export function useKpiOptions() {
  const { i18n } = useTranslation();
  const { result } = useList<Kpi>({
    resource: "kpis",
    pagination: { mode: "off" },
    sorters: [{ field: "sort_order", order: "asc" }],
    meta: { select: "id, code, name_en, name_es, name_zh, default_weight, active" },
  });
  const kpis = result?.data ?? [];
  return {
    kpis,
    nameOf: (id: string) => {
      const k = kpis.find((x) => x.id === id);
      return k ? localizedName(k, i18n.language) : "—";
    },
    options: kpis.map((k) => ({ value: k.id, label: localizedName(k, i18n.language), disabled: !k.active })),
  };
}

export function TemplateKpis({ templateId, readOnly = false }: { templateId: string; readOnly?: boolean }) {
  const { t } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const go = useGo();
  const { data: canEdit } = useCan({ resource: "evaluation_templates", action: "edit", params: { id: templateId } });
  const { data: canCreate } = useCan({ resource: "evaluation_templates", action: "create" });
  const { nameOf, options, kpis } = useKpiOptions();
  const { result: template, query } = useOne<TemplateWithLines>({
    resource: "evaluation_templates",
    id: templateId,
    meta: { select: templateSelect },
  });
  const [draft, setDraft] = useState<TemplateLine[] | null>(null);
  const [nextMonth, setNextMonth] = useState<string | null>(null);
  const refresh = () =>
    void invalidate({ resource: "evaluation_templates", invalidates: ["list", "detail"], id: templateId });
  const save = useMutation({
    mutationFn: (lines: TemplateLine[]) => saveTemplateKpis(templateId, template!.version, lines),
    onSuccess: () => {
      setDraft(null);
      open?.({ type: "success", message: t("evaluation_templates.saved") });
      refresh();
    },
  });
  const publish = useMutation({
    mutationFn: () => publishTemplate(templateId),
    onSuccess: () => {
      open?.({ type: "success", message: t("evaluation_templates.publishedNow") });
      refresh();
    },
  });
  const copy = useMutation({
    mutationFn: (month: string) => copyTemplate(templateId, month),
    onSuccess: (row) => {
      open?.({ type: "success", message: t("evaluation_templates.copied") });
      refresh();
      if (row?.id) go({ to: { resource: "evaluation_templates", action: "edit", id: row.id } });
    },
  });

  if (query.isError) return <Alert type="error" showIcon message={query.error.message} />;
  if (!template) return <Card loading title={t("evaluation_templates.kpis")} />;
  const stored = linesOf(template);
  const published = Boolean(template.published_at);
  const editable = !readOnly && !published && Boolean(canEdit?.can);
  const lines = draft ?? stored;
  const total = weightTotal(lines);
  const problem = draft ? lineProblem(draft) : null;
  const set = (i: number, line: Partial<TemplateLine>) =>
    setDraft(lines.map((l, j) => (j === i ? { ...l, ...line } : l)));
  const add = () => {
    const unused = kpis.find((k) => k.active && !lines.some((l) => l.kpi_id === k.id));
    setDraft([
      ...lines,
      { kpi_id: unused?.id ?? "", weight: Number(unused?.default_weight ?? 0), cap_percent: 120, floor_percent: null },
    ]);
  };

  return (
    <Card title={t("evaluation_templates.kpis")} style={{ marginTop: 16 }}>
      <Table<TemplateLine>
        size="small"
        rowKey={(_, i) => String(i)}
        dataSource={lines}
        pagination={false}
        locale={{ emptyText: t("evaluation_templates.noKpis") }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t("evaluation_templates.total")}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text type={total === 100 ? "success" : "danger"} strong>
                {total.toFixed(2)}
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} colSpan={editable ? 3 : 2} />
          </Table.Summary.Row>
        )}
      >
        <Table.Column<TemplateLine>
          key="kpi"
          title={t("evaluation_templates.fields.kpi_id")}
          render={(_, l, i) =>
            editable ? (
              <Select
                showSearch
                optionFilterProp="label"
                aria-label={t("evaluation_templates.fields.kpi_id")}
                placeholder={t("evaluation_templates.fields.kpi_id")}
                value={l.kpi_id || undefined}
                onChange={(v: string) => set(i, { kpi_id: v })}
                options={options}
                style={{ width: 260 }}
              />
            ) : (
              nameOf(l.kpi_id)
            )
          }
        />
        <Table.Column<TemplateLine>
          key="weight"
          title={t("evaluation_templates.fields.weight")}
          align="right"
          render={(_, l, i) =>
            editable ? (
              <InputNumber
                aria-label={t("evaluation_templates.fields.weight")}
                min={0.01}
                max={100}
                precision={2}
                value={l.weight}
                onChange={(v) => set(i, { weight: Number(v ?? 0) })}
              />
            ) : (
              l.weight.toFixed(2)
            )
          }
        />
        <Table.Column<TemplateLine>
          key="cap"
          title={t("evaluation_templates.fields.cap_percent")}
          align="right"
          render={(_, l, i) =>
            editable ? (
              <InputNumber
                aria-label={t("evaluation_templates.fields.cap_percent")}
                min={100}
                max={300}
                precision={2}
                value={l.cap_percent}
                onChange={(v) => set(i, { cap_percent: Number(v ?? 120) })}
                addonAfter="%"
              />
            ) : (
              `${l.cap_percent.toFixed(2)} %`
            )
          }
        />
        <Table.Column<TemplateLine>
          key="floor"
          title={t("evaluation_templates.fields.floor_percent")}
          align="right"
          render={(_, l, i) =>
            editable ? (
              <InputNumber
                aria-label={t("evaluation_templates.fields.floor_percent")}
                min={0}
                max={99.99}
                precision={2}
                value={l.floor_percent}
                onChange={(v) => set(i, { floor_percent: v === null ? null : Number(v) })}
                addonAfter="%"
              />
            ) : l.floor_percent === null ? (
              "—"
            ) : (
              `${l.floor_percent.toFixed(2)} %`
            )
          }
        />
        {editable && (
          <Table.Column<TemplateLine>
            key="remove"
            title={t("table.actions")}
            render={(_, __, i) => (
              <Button
                icon={<DeleteOutlined />}
                aria-label={t("evaluation_templates.remove")}
                onClick={() => setDraft(lines.filter((_, j) => j !== i))}
              />
            )}
          />
        )}
      </Table>
      {editable && (
        <Space direction="vertical" style={{ width: "100%", marginTop: 12 }}>
          <Button icon={<PlusOutlined />} onClick={add}>
            {t("evaluation_templates.add")}
          </Button>
          <Typography.Text type={total === 100 ? "success" : "danger"} role="status">
            {total === 100
              ? t("evaluation_templates.complete")
              : t("evaluation_templates.difference", { total: total.toFixed(2), diff: (100 - total).toFixed(2) })}
          </Typography.Text>
          {problem && problem !== "evaluation_templates.errors.weights" && (
            <Typography.Text type="danger">{t(problem)}</Typography.Text>
          )}
          {save.error && <Alert type="error" showIcon message={save.error.message} />}
          {publish.error && <Alert type="error" showIcon message={publish.error.message} />}
          <Space wrap>
            <Button
              type="primary"
              loading={save.isPending}
              disabled={!draft || problem !== null}
              onClick={() => draft && save.mutate(draft)}
            >
              {t("evaluation_templates.saveKpis")}
            </Button>
            {draft && <Button onClick={() => setDraft(null)}>{t("buttons.cancel")}</Button>}
            <Popconfirm
              title={t("evaluation_templates.publishConfirm")}
              okText={t("evaluation_templates.publish")}
              cancelText={t("buttons.cancel")}
              onConfirm={() => publish.mutate()}
              disabled={Boolean(draft) || stored.length === 0 || weightTotal(stored) !== 100}
            >
              <Button
                loading={publish.isPending}
                disabled={Boolean(draft) || stored.length === 0 || weightTotal(stored) !== 100}
              >
                {t("evaluation_templates.publish")}
              </Button>
            </Popconfirm>
          </Space>
        </Space>
      )}
      {published && canCreate?.can && !readOnly && (
        <Space wrap style={{ marginTop: 12 }}>
          <DatePicker
            picker="month"
            aria-label={t("evaluation_templates.newVersionFrom")}
            placeholder={t("evaluation_templates.newVersionFrom")}
            value={nextMonth ? dayjs(nextMonth) : null}
            disabledDate={(d) => !d.isAfter(dayjs(template.valid_from), "month")}
            onChange={(d) => setNextMonth(d ? d.startOf("month").format("YYYY-MM-DD") : null)}
          />
          <Button loading={copy.isPending} disabled={!nextMonth} onClick={() => nextMonth && copy.mutate(nextMonth)}>
            {t("evaluation_templates.newVersion")}
          </Button>
          {copy.error && <Alert type="error" showIcon message={copy.error.message} />}
        </Space>
      )}
    </Card>
  );
}
