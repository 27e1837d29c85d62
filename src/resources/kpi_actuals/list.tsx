// KPI actuals of a month: computed ones (by each KPI's measure, when the month is evaluated),
// entered ones and imported ones. Those who may record actuals enter the KPIs not measured from
// the field data here, correct them, or import a month's file from CSV (all or nothing).
import { List, useTable } from "@refinedev/antd";
import { useCan, useInvalidate, useNotification, type CrudFilter } from "@refinedev/core";
import { useMutation } from "@tanstack/react-query";
import { Button, DatePicker, Popconfirm, Segmented, Select, Space, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CsvImport } from "../../components/CsvImport";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { localizedName } from "../../providers/i18n";
import { formatMoney } from "../../utils/format";
import { runImport } from "../customers/queries";
import { useTargetKpis } from "../targets/hooks";
import { ActualForm } from "./form";
import {
  actualImportHeaders,
  actualSelect,
  actualSources,
  deleteActual,
  saveActual,
  type ActualRow,
  type ActualValues,
} from "./queries";

const lastMonth = () => dayjs().subtract(1, "month").startOf("month").format("YYYY-MM-DD");
// Palette colours (the theme keeps their text at 4.5:1 on the tint).
const sourceColor = { computed: "blue", entered: "gold", imported: "cyan" } as const;

export default function KpiActualsList() {
  const { t, i18n } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const { data: canCreate } = useCan({ resource: "kpi_actuals", action: "create" });
  const { data: canEdit } = useCan({ resource: "kpi_actuals", action: "edit" });
  const { data: canDelete } = useCan({ resource: "kpi_actuals", action: "delete" });
  const { options: kpiOptions } = useTargetKpis();
  const [editing, setEditing] = useState<ActualRow | "new" | null>(null);
  const [importing, setImporting] = useState(false);
  const { tableProps, tableQuery, filters, setFilters } = useTable<ActualRow>({
    resource: "kpi_actuals",
    meta: { select: actualSelect },
    filters: { initial: [{ field: "month", operator: "eq", value: lastMonth() }] },
    sorters: { initial: [{ field: "updated_at", order: "desc" }] },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
  });
  const valueOf = (field: string) =>
    filters.find((f): f is CrudFilter & { field: string } => "field" in f && f.field === field)?.value as
      string | undefined;
  const month = valueOf("month") ?? lastMonth();
  const setFilter = (field: string, value: string | null) =>
    setFilters(
      [
        ...filters.filter((f) => "field" in f && f.field !== field),
        ...(value ? [{ field, operator: "eq" as const, value }] : []),
      ],
      "replace",
    );
  const done = (message: string) => {
    open?.({ type: "success", message });
    setEditing(null);
    void invalidate({ resource: "kpi_actuals", invalidates: ["list"] });
  };
  const failed = (e: Error) => open?.({ type: "error", message: t("kpi_actuals.failed"), description: e.message });
  const save = useMutation({
    mutationFn: ({ row, values }: { row: ActualRow | null; values: ActualValues }) => saveActual(row, values),
    onSuccess: () => done(t("kpi_actuals.saved")),
    onError: failed,
  });
  const remove = useMutation({
    mutationFn: (row: ActualRow) => deleteActual(row.id),
    onSuccess: () => done(t("kpi_actuals.deleted")),
    onError: failed,
  });
  const figure = (r: ActualRow) =>
    r.kpi?.unit === "amount"
      ? formatMoney(r.value, i18n.language)
      : `${Number(r.value).toLocaleString(i18n.language)}${r.kpi?.unit === "percent" ? " %" : ""}`;
  const mayChange = (r: ActualRow) => r.source !== "computed" && r.kpi?.measure_code === null;
  return (
    <List
      title={<PageTitle>{t("kpi_actuals.titles.list")}</PageTitle>}
      headerButtons={
        canCreate?.can ? (
          <Space>
            <Button onClick={() => setImporting(true)}>{t("kpi_actuals.import")}</Button>
            <Button type="primary" onClick={() => setEditing("new")}>
              {t("kpi_actuals.add")}
            </Button>
          </Space>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker
          picker="month"
          aria-label={t("kpi_actuals.fields.month")}
          allowClear={false}
          value={dayjs(month)}
          onChange={(v) => v && setFilter("month", v.startOf("month").format("YYYY-MM-DD"))}
        />
        <Select
          aria-label={t("kpi_actuals.fields.kpi_id")}
          placeholder={t("kpi_actuals.allKpis")}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 220 }}
          options={kpiOptions}
          value={valueOf("kpi_id") ?? undefined}
          onChange={(v?: string) => setFilter("kpi_id", v ?? null)}
        />
        <Segmented
          aria-label={t("kpi_actuals.fields.source")}
          value={valueOf("source") ?? "all"}
          onChange={(v) => setFilter("source", v === "all" ? null : String(v))}
          options={[
            { value: "all", label: t("kpi_actuals.allSources") },
            ...actualSources.map((s) => ({ value: s, label: t(`kpi_actuals.source.${s}`) })),
          ]}
        />
      </Space>
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<ActualRow>
        {...tableProps}
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: t("kpi_actuals.none") }}
      >
        <Table.Column<ActualRow>
          key="person"
          title={t("kpi_actuals.fields.staff_id")}
          render={(_, r) => r.person?.full_name ?? "—"}
        />
        <Table.Column<ActualRow>
          key="kpi"
          title={t("kpi_actuals.fields.kpi_id")}
          render={(_, r) => (r.kpi ? localizedName(r.kpi, i18n.language) : "—")}
        />
        <Table.Column<ActualRow>
          dataIndex="value"
          title={t("kpi_actuals.fields.value")}
          align="right"
          sorter
          render={(_, r) => figure(r)}
        />
        <Table.Column<ActualRow>
          dataIndex="source"
          title={t("kpi_actuals.fields.source")}
          render={(s: ActualRow["source"]) => <Tag color={sourceColor[s]}>{t(`kpi_actuals.source.${s}`)}</Tag>}
        />
        <Table.Column<ActualRow>
          key="territory"
          title={t("kpi_actuals.fields.territory_id")}
          render={(_, r) => r.territory?.code ?? "—"}
        />
        <Table.Column<ActualRow> dataIndex="note" title={t("kpi_actuals.fields.note")} />
        {(canEdit?.can || canDelete?.can) && (
          <Table.Column<ActualRow>
            key="actions"
            title={t("table.actions")}
            render={(_, r) =>
              mayChange(r) ? (
                <Space>
                  {canEdit?.can && (
                    <Button size="small" onClick={() => setEditing(r)}>
                      {t("buttons.edit")}
                    </Button>
                  )}
                  {canDelete?.can && (
                    <Popconfirm
                      title={t("kpi_actuals.deleteConfirm")}
                      okText={t("buttons.delete")}
                      okButtonProps={{ danger: true }}
                      cancelText={t("buttons.cancel")}
                      onConfirm={() => remove.mutate(r)}
                    >
                      <Button size="small" danger>
                        {t("buttons.delete")}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ) : null
            }
          />
        )}
      </Table>
      {editing && (
        <ActualForm
          initial={
            editing === "new"
              ? undefined
              : {
                  staff_id: editing.staff_id,
                  kpi_id: editing.kpi_id,
                  month: editing.month,
                  value: Number(editing.value),
                  note: editing.note,
                }
          }
          pending={save.isPending}
          onSubmit={(values) => save.mutate({ row: editing === "new" ? null : editing, values })}
          onCancel={() => setEditing(null)}
        />
      )}
      <CsvImport
        open={importing}
        onClose={() => setImporting(false)}
        title={t("kpi_actuals.import")}
        headers={actualImportHeaders}
        templateName="kpi-actuals-template.csv"
        run={(rows, dryRun) => runImport("import_kpi_actuals", rows, dryRun)}
        onImported={(count) => {
          open?.({ type: "success", message: t("csvImport.done", { count }) });
          void invalidate({ resource: "kpi_actuals", invalidates: ["list"] });
        }}
      />
    </List>
  );
}
