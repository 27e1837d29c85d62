// Summaries: weekly, monthly and annual, the signed-in person's own (a salesperson), their
// subtree's (a manager) or everyone's (HR, the auditor), newest period first.
import { CreateButton, List, ShowButton, useTable } from "@refinedev/antd";
import { Segmented, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { reportStatuses, ReportStatusTag } from "../../components/reports/Workflow";
import { periodLabel } from "../../components/reports/period";
import { fieldFilters } from "../../utils/filters";
import { formatMoney } from "../../utils/format";
import { summaryPeriods, summarySelect, type SummaryRow } from "./queries";

export default function SummariesList() {
  const { t, i18n } = useTranslation();
  const { tableProps, tableQuery, filters, setFilters } = useTable<SummaryRow>({
    resource: "summaries",
    meta: { select: summarySelect },
    sorters: { initial: [{ field: "period_start", order: "desc" }] },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
  });
  const { value, setFilter } = fieldFilters(filters, setFilters);
  const status = (value("status") as string | undefined) ?? "all";
  const period = (value("period") as string | undefined) ?? "all";
  const label = (r: SummaryRow) =>
    periodLabel(r.period, r.period_start, i18n.language, (d) => t("summaries.weekOf", { day: d }));
  return (
    <List
      title={<PageTitle>{t("summaries.titles.list")}</PageTitle>}
      headerButtons={<CreateButton>{t("summaries.write")}</CreateButton>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          aria-label={t("summaries.fields.period")}
          value={period}
          onChange={(v) => setFilter("period", "eq", v === "all" ? null : v)}
          options={[
            { value: "all", label: t("summaries.allPeriods") },
            ...summaryPeriods.map((p) => ({ value: p, label: t(`summaries.period.${p}`) })),
          ]}
        />
        <Segmented
          aria-label={t("reports.fields.status")}
          value={status}
          onChange={(v) => setFilter("status", "eq", v === "all" ? null : v)}
          options={[
            { value: "all", label: t("reports.allStatuses") },
            ...reportStatuses.map((s) => ({ value: s, label: t(`reports.status.${s}`) })),
          ]}
        />
      </Space>
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<SummaryRow>
        {...tableProps}
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: t("summaries.none") }}
      >
        <Table.Column<SummaryRow>
          dataIndex="period_start"
          title={t("summaries.fields.period_start")}
          sorter
          render={(_, r) => label(r)}
        />
        <Table.Column<SummaryRow>
          key="person"
          title={t("summaries.fields.staff_id")}
          render={(_, r) => (r.person ? <Link to={`/staff/show/${r.person.id}`}>{r.person.full_name}</Link> : "—")}
        />
        <Table.Column<SummaryRow>
          key="territory"
          title={t("summaries.fields.territory_id")}
          render={(_, r) => (r.territory ? <Tag>{r.territory.code}</Tag> : "—")}
        />
        <Table.Column<SummaryRow>
          dataIndex="sales_amount"
          title={t("summaries.fields.sales_amount")}
          align="right"
          render={(v: number) => formatMoney(v, i18n.language)}
        />
        <Table.Column<SummaryRow>
          key="visits"
          title={t("summaries.fields.visits_done")}
          align="right"
          render={(_, r) => (r.visits_planned === null ? r.visits_done : `${r.visits_done} / ${r.visits_planned}`)}
        />
        <Table.Column<SummaryRow>
          dataIndex="status"
          title={t("reports.fields.status")}
          render={(s: SummaryRow["status"]) => <ReportStatusTag status={s} />}
        />
        <Table.Column<SummaryRow>
          key="actions"
          title={t("table.actions")}
          render={(_, r) => (
            <ShowButton
              hideText
              size="small"
              recordItemId={r.id}
              aria-label={t("summaries.open", { name: r.person?.full_name ?? "", period: label(r) })}
            />
          )}
        />
      </Table>
    </List>
  );
}
