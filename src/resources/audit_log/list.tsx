// The audit log: every change, filtered by table, person, operation and date range on the
// server, paged on the server, exported as CSV with formula-safe cells.
import { ExportButton, List, useSelect, useTable } from "@refinedev/antd";
import { useExport, type CrudFilter } from "@refinedev/core";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, DatePicker, Select, Space, Table, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActorLabel, ChangeTable, OperationTag } from "../../components/HistoryTab";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { toAppError } from "../../providers/errors";
import type { Tables } from "../../types/database";
import { neutralizeRecord } from "../../utils/csv";
import { auditListCount, auditListSelect, fetchAuditedTables, verifyAuditChain, type AuditRow } from "./queries";

const operations = ["INSERT", "UPDATE", "DELETE"] as const;

export default function AuditLogList() {
  const { t, i18n } = useTranslation();
  const { tableProps, tableQuery, filters, setFilters } = useTable<AuditRow>({
    resource: "audit_log",
    meta: { select: auditListSelect, count: auditListCount },
    sorters: { initial: [{ field: "id", order: "desc" }] },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
  });
  const tables = useQuery({ queryKey: ["audited_table_names"], queryFn: fetchAuditedTables, staleTime: 600_000 });
  const { selectProps: peopleProps } = useSelect<Tables<"profiles">>({
    resource: "profiles",
    optionLabel: "full_name",
    optionValue: "id",
    searchField: "full_name",
    meta: { select: "id, full_name" },
  });
  const [verifyResult, setVerifyResult] = useState<{ ok: boolean; text: string } | null>(null);
  const verify = useQuery({ queryKey: ["verify_audit_chain"], queryFn: verifyAuditChain, enabled: false, retry: false });

  const value = (field: string, operator?: string) =>
    (filters.find((f) => "field" in f && f.field === field && (!operator || f.operator === operator)) as { value?: unknown } | undefined)?.value;
  const setFilter = (field: string, operator: "eq" | "gte" | "lte", next: unknown) => {
    const others = filters.filter((f) => !("field" in f) || f.field !== field || f.operator !== operator) as CrudFilter[];
    setFilters(next === undefined || next === null ? others : [...others, { field, operator, value: next } as CrudFilter], "replace");
  };
  const setRange = (range: [Dayjs | null, Dayjs | null] | null) => {
    const others = filters.filter((f) => !("field" in f) || f.field !== "occurred_at") as CrudFilter[];
    const next: CrudFilter[] = [];
    if (range?.[0]) next.push({ field: "occurred_at", operator: "gte", value: range[0].startOf("day").toISOString() });
    if (range?.[1]) next.push({ field: "occurred_at", operator: "lte", value: range[1].endOf("day").toISOString() });
    setFilters([...others, ...next], "replace");
  };

  const { triggerExport, isLoading: exporting } = useExport<AuditRow>({
    resource: "audit_log",
    filters,
    sorters: [{ field: "id", order: "desc" }],
    meta: { select: auditListSelect, count: auditListCount },
    pageSize: 1000,
    maxItemCount: 100_000,
    filename: "audit-log",
    mapData: (row) =>
      neutralizeRecord({
        id: row.id,
        occurred_at_utc: row.occurred_at,
        table: row.table_name,
        record_id: row.record_id,
        operation: row.operation,
        changed_fields: row.changed_fields.join(" "),
        actor: row.actor_kind === "user" ? row.actor_name : row.actor_kind,
        actor_id: row.actor_id,
        actor_roles: row.actor_roles.join(" "),
        old_row: row.old_row,
        new_row: row.new_row,
      }),
  });

  const runVerify = async () => {
    const result = await verify.refetch();
    if (result.error) setVerifyResult({ ok: false, text: toAppError(result.error).message });
    else if (result.data?.ok) setVerifyResult({ ok: true, text: t("audit.verify.ok", { count: Number(result.data.rows_checked) }) });
    else setVerifyResult({ ok: false, text: t("audit.verify.broken", { id: result.data?.first_broken_id, reason: result.data?.reason }) });
  };

  const range = [value("occurred_at", "gte"), value("occurred_at", "lte")];
  return (
    <List
      title={<PageTitle>{t("audit.title")}</PageTitle>}
      canCreate={false}
      headerButtons={
        <Space>
          <Button onClick={() => void runVerify()} loading={verify.isFetching} data-testid="audit-verify">
            {t("audit.verify.button")}
          </Button>
          <ExportButton onClick={() => void triggerExport()} loading={exporting} data-testid="audit-export" />
        </Space>
      }
    >
      {verifyResult && (
        <Alert type={verifyResult.ok ? "success" : "error"} showIcon message={verifyResult.text} closable onClose={() => setVerifyResult(null)} style={{ marginBottom: 16 }} data-testid="audit-verify-result" />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          showSearch
          aria-label={t("audit.filters.table")}
          placeholder={t("audit.filters.table")}
          value={value("table_name") as string | undefined}
          onChange={(v?: string) => setFilter("table_name", "eq", v)}
          options={(tables.data ?? []).map((name) => ({ value: name, label: i18n.exists(`${name}.${name}`) ? t(`${name}.${name}`) : name }))}
          style={{ width: 220 }}
          data-testid="audit-filter-table"
        />
        <Select<string>
          options={peopleProps.options as { label: string; value: string }[] | undefined}
          onSearch={peopleProps.onSearch}
          filterOption={false}
          showSearch
          loading={peopleProps.loading}
          allowClear
          aria-label={t("audit.filters.person")}
          placeholder={t("audit.filters.person")}
          value={value("actor_id") as string | undefined}
          onChange={(v) => setFilter("actor_id", "eq", v ?? undefined)}
          style={{ width: 220 }}
          data-testid="audit-filter-person"
        />
        <Select
          allowClear
          aria-label={t("audit.filters.operation")}
          placeholder={t("audit.filters.operation")}
          value={value("operation") as string | undefined}
          onChange={(v?: string) => setFilter("operation", "eq", v)}
          options={operations.map((op) => ({ value: op, label: t(`audit.operations.${op}`) }))}
          style={{ width: 160 }}
          data-testid="audit-filter-operation"
        />
        <DatePicker.RangePicker
          aria-label={t("audit.filters.dates")}
          allowEmpty={[true, true]}
          onChange={(r) => setRange(r as [Dayjs | null, Dayjs | null] | null)}
          placeholder={[t("audit.filters.from"), t("audit.filters.to")]}
          data-testid="audit-filter-dates"
        />
        {Boolean(range[0] || range[1]) && <Typography.Text type="secondary">{t("audit.utcNote")}</Typography.Text>}
      </Space>
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<AuditRow>
        {...tableProps}
        rowKey="id"
        size="small"
        data-testid="audit-table"
        expandable={{ expandedRowRender: (row) => <ChangeTable row={row} table={row.table_name} />, rowExpandable: (row) => row.operation !== "INSERT" || row.new_row !== null }}
      >
        <Table.Column<AuditRow> dataIndex="occurred_at" title={t("audit.fields.occurred_at")} render={(v: string) => new Date(v).toLocaleString(i18n.language, { timeZoneName: "short" })} />
        <Table.Column<AuditRow> dataIndex="table_name" title={t("audit.fields.table_name")} render={(name: string) => (i18n.exists(`${name}.${name}`) ? t(`${name}.${name}`) : name)} />
        <Table.Column<AuditRow> dataIndex="record_id" title={t("audit.fields.record_id")} render={(v: string) => <code>{v.length > 14 ? `${v.slice(0, 8)}…` : v}</code>} />
        <Table.Column<AuditRow> dataIndex="operation" title={t("audit.fields.operation")} render={(op: string) => <OperationTag operation={op} />} />
        <Table.Column<AuditRow> dataIndex="changed_fields" title={t("audit.fields.changed_fields")} render={(fields: string[]) => fields.join(", ") || "—"} />
        <Table.Column<AuditRow> key="actor" title={t("audit.fields.actor")} render={(_, row) => <ActorLabel row={row} />} />
      </Table>
    </List>
  );
}
