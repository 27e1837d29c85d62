// The History of one record: its changes from the audit trail, newest first, with a
// field-by-field diff (old -> new) and the person who made each change.
import { useCan, useList } from "@refinedev/core";
import { Button, Card, Empty, List as AntList, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldChanges, formatValue, recordLabel, runSummary, type AuditRow } from "../resources/audit_log/queries";
import { QueryError } from "./QueryError";

const pageSize = 20;

export function useFieldLabel(table: string) {
  const { t, i18n } = useTranslation();
  return (field: string) => (i18n.exists(`${table}.fields.${field}`) ? t(`${table}.fields.${field}`) : field);
}

export function ChangeTable({ row, table }: { row: AuditRow; table: string }) {
  const { t } = useTranslation();
  const label = useFieldLabel(table);
  const changes = fieldChanges(row);
  if (changes.length === 0) return null;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={changes}
      data-testid={`history-diff-${row.id}`}
      columns={[
        { key: "field", title: t("audit_log.fields.field"), render: (_, c) => label(c.field), width: "25%" },
        {
          key: "before",
          title: t("audit_log.fields.before"),
          render: (_, c) => (
            <Typography.Text delete={row.operation !== "INSERT"}>{formatValue(c.before)}</Typography.Text>
          ),
        },
        {
          key: "after",
          title: t("audit_log.fields.after"),
          render: (_, c) => <Typography.Text strong>{formatValue(c.after)}</Typography.Text>,
        },
      ]}
    />
  );
}

/** The person by name and e-mail (a renamed person cannot pass as someone else), or the kind of actor. */
export function ActorLabel({ row }: { row: Pick<AuditRow, "actor_kind" | "actor_name" | "actor_id" | "actor_email"> }) {
  const { t } = useTranslation();
  if (row.actor_kind === "user") {
    return (
      <span data-testid="actor-label">
        {row.actor_name ?? row.actor_id}
        {row.actor_email && <Typography.Text type="secondary"> ({row.actor_email})</Typography.Text>}
      </span>
    );
  }
  return <Tag>{t(`audit_log.actorKinds.${row.actor_kind}`)}</Tag>;
}

/** The record as the log saw it: its name, with its code, and the full id on hover. */
export function RecordLabel({ row }: { row: Pick<AuditRow, "record_id" | "old_row" | "new_row"> }) {
  const { t, i18n } = useTranslation();
  const run = runSummary(row);
  if (run)
    return (
      <span title={row.record_id} data-testid="record-label">
        {t("audit_log.run", {
          computation: t(`audit_log.runs.${run.computation}`, { defaultValue: run.computation }),
          rows: run.rows.toLocaleString(i18n.language),
        })}
      </span>
    );
  const { label, code } = recordLabel(row);
  return (
    <span title={row.record_id} data-testid="record-label">
      {label}
      {code && <Typography.Text type="secondary"> · {code}</Typography.Text>}
    </span>
  );
}

const operationColor: Record<string, string> = { INSERT: "green", UPDATE: "blue", DELETE: "red" };

export function OperationTag({ operation }: { operation: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={operationColor[operation]} data-testid="operation-tag">
      {t(`audit_log.operations.${operation}`)}
    </Tag>
  );
}

export function HistoryTab({ table, recordId }: { table: string; recordId: string }) {
  const { t, i18n } = useTranslation();
  const [pages, setPages] = useState(1);
  const { data: canRead } = useCan({ resource: "audit_log", action: "list" });
  const { result, query } = useList<AuditRow>({
    resource: "audit_log",
    filters: [
      { field: "table_name", operator: "eq", value: table },
      { field: "record_id", operator: "eq", value: recordId },
    ],
    sorters: [{ field: "id", order: "desc" }],
    pagination: { currentPage: 1, pageSize: pageSize * pages },
    meta: { count: "exact" },
    queryOptions: { enabled: Boolean(canRead?.can) },
  });
  if (!canRead?.can) return null;
  const rows = result?.data ?? [];
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("audit_log.history")}</h2>}
      size="small"
      data-testid="history-tab"
      style={{ marginTop: 16 }}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <AntList<AuditRow>
        loading={query.isLoading}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t("audit_log.noHistory")} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(row) => (
          <AntList.Item key={row.id} data-testid={`history-entry-${row.id}`}>
            <Space direction="vertical" style={{ width: "100%" }}>
              <Space wrap>
                <OperationTag operation={row.operation} />
                <Typography.Text>
                  {new Date(row.occurred_at).toLocaleString(i18n.language, { timeZoneName: "short" })}
                </Typography.Text>
                <Typography.Text type="secondary">{t("audit_log.by")}</Typography.Text>
                <ActorLabel row={row} />
              </Space>
              <ChangeTable row={row} table={table} />
            </Space>
          </AntList.Item>
        )}
      />
      {(result?.total ?? 0) > rows.length && (
        <Button onClick={() => setPages((p) => p + 1)} data-testid="history-more">
          {t("audit_log.loadMore")}
        </Button>
      )}
    </Card>
  );
}
