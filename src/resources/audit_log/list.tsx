// The audit log: every change, filtered by table, person, operation and date range on the
// server, paged by key on the server (newest first, never counted), exported as CSV with
// formula-safe cells. The filters and the page live in the address.
import { ExportButton, List } from "@refinedev/antd";
import { useExport, useList } from "@refinedev/core";
import { keepPreviousData } from "@tanstack/react-query";
import { Button, Space, Table, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ActorLabel, ChangeTable, OperationTag, RecordLabel } from "../../components/HistoryTab";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import {
  auditFilters,
  auditListCount,
  auditListSelect,
  auditPage,
  auditPageRequest,
  readAuditQuery,
  withoutCursor,
  writeAuditQuery,
  type AuditQuery,
  type AuditRow,
} from "./queries";
import { auditExportRow } from "./export";
import { AuditFilterBar } from "./filter-bar";
import { useIntegrity } from "./integrity";

export default function AuditLogList() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = readAuditQuery(params);
  const go = (next: AuditQuery, replace = false) => setParams(writeAuditQuery(next), { replace });
  /** A filter change starts again from the newest entries. */
  const setFilter = (change: Partial<AuditQuery>) => go({ ...withoutCursor(query), ...change });

  const request = auditPageRequest(query);
  const { result, query: listQuery } = useList<AuditRow>({
    resource: "audit_log",
    filters: request.filters,
    sorters: request.sorters,
    pagination: { currentPage: 1, pageSize: request.pageSize, mode: "server" },
    meta: { select: auditListSelect, count: auditListCount },
    queryOptions: { placeholderData: keepPreviousData },
  });
  const page = auditPage(query, result?.data ?? []);
  const cursor = query.before !== undefined || query.after !== undefined;
  // "Newer" ran into the newest entries: show the full first page rather than a short one.
  useEffect(() => {
    if (listQuery.isSuccess && !listQuery.isPlaceholderData && page.atNewest) go(withoutCursor(query), true);
  });

  const integrity = useIntegrity();

  const { triggerExport, isLoading: exporting } = useExport<AuditRow>({
    resource: "audit_log",
    filters: auditFilters(query),
    sorters: [{ field: "id", order: "desc" }],
    meta: { select: auditListSelect, count: auditListCount },
    pageSize: 1000,
    maxItemCount: 100_000,
    filename: "audit-log",
    mapData: auditExportRow,
  });

  return (
    <List
      title={<PageTitle>{t("audit_log.title")}</PageTitle>}
      canCreate={false}
      headerButtons={
        <Space>
          {integrity.buttons}
          <ExportButton onClick={() => void triggerExport()} loading={exporting} data-testid="audit-export" />
        </Space>
      }
    >
      {integrity.result}
      <AuditFilterBar query={query} setFilter={setFilter} />
      {listQuery.isError && <QueryError error={listQuery.error} onRetry={() => void listQuery.refetch()} />}
      {/* data-shown: the address whose answer the table shows, once no redirect to the newest page is pending (tests wait for it). */}
      <div
        data-testid="audit-results"
        data-shown={
          listQuery.isSuccess && !listQuery.isPlaceholderData && !page.atNewest
            ? writeAuditQuery(query).toString()
            : undefined
        }
      >
        <Table<AuditRow>
          dataSource={page.rows}
          loading={listQuery.isFetching}
          pagination={false}
          rowKey="id"
          size="small"
          data-testid="audit-table"
          expandable={{
            expandedRowRender: (row) => <ChangeTable row={row} table={row.table_name} />,
            rowExpandable: (row) => row.operation !== "INSERT" || row.new_row !== null,
          }}
        >
          <Table.Column<AuditRow>
            dataIndex="occurred_at"
            title={t("audit_log.fields.occurred_at")}
            render={(v: string) => new Date(v).toLocaleString(i18n.language, { timeZoneName: "short" })}
          />
          <Table.Column<AuditRow>
            dataIndex="table_name"
            title={t("audit_log.fields.table_name")}
            render={(name: string) => (i18n.exists(`${name}.${name}`) ? t(`${name}.${name}`) : name)}
          />
          <Table.Column<AuditRow>
            dataIndex="record_id"
            title={t("audit_log.fields.record_id")}
            render={(_, row) => <RecordLabel row={row} />}
          />
          <Table.Column<AuditRow>
            dataIndex="operation"
            title={t("audit_log.fields.operation")}
            render={(op: string) => <OperationTag operation={op} />}
          />
          <Table.Column<AuditRow>
            dataIndex="changed_fields"
            title={t("audit_log.fields.changed_fields")}
            render={(fields: string[]) => fields.join(", ") || "—"}
          />
          <Table.Column<AuditRow>
            key="actor"
            title={t("audit_log.fields.actor")}
            render={(_, row) => <ActorLabel row={row} />}
          />
        </Table>
      </div>
      <nav aria-label={t("audit_log.pager.label")} data-testid="audit-pager" style={{ marginTop: 16 }}>
        <Space wrap>
          <Button disabled={!cursor} onClick={() => setFilter({})} data-testid="audit-newest">
            {t("audit_log.pager.newest")}
          </Button>
          <Button disabled={!page.newer} onClick={() => page.newer && go(page.newer)} data-testid="audit-newer">
            {t("audit_log.pager.newer")}
          </Button>
          <Button disabled={!page.older} onClick={() => page.older && go(page.older)} data-testid="audit-older">
            {t("audit_log.pager.older")}
          </Button>
          <Typography.Text type="secondary">{t("audit_log.pager.order")}</Typography.Text>
        </Space>
      </nav>
    </List>
  );
}
