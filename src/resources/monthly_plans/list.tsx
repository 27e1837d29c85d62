// Monthly plans: the signed-in person's own (a salesperson), their subtree's (a manager) or
// everyone's (HR, the auditor), newest month first, by status; "Write this month's plan".
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
import { monthlyPlanSelect, type MonthlyPlanRow } from "./queries";

export default function MonthlyPlansList() {
  const { t, i18n } = useTranslation();
  const { tableProps, tableQuery, filters, setFilters } = useTable<MonthlyPlanRow>({
    resource: "monthly_plans",
    meta: { select: monthlyPlanSelect },
    sorters: { initial: [{ field: "month", order: "desc" }] },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
  });
  const { value, setFilter } = fieldFilters(filters, setFilters);
  const status = (value("status") as string | undefined) ?? "all";
  return (
    <List
      title={<PageTitle>{t("monthly_plans.titles.list")}</PageTitle>}
      headerButtons={<CreateButton>{t("monthly_plans.write")}</CreateButton>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
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
      <Table<MonthlyPlanRow>
        {...tableProps}
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: t("monthly_plans.none") }}
      >
        <Table.Column<MonthlyPlanRow>
          dataIndex="month"
          title={t("monthly_plans.fields.month")}
          sorter
          render={(m: string) => periodLabel("month", m, i18n.language, (d) => d)}
        />
        <Table.Column<MonthlyPlanRow>
          key="person"
          title={t("monthly_plans.fields.staff_id")}
          render={(_, r) => (r.person ? <Link to={`/staff/show/${r.person.id}`}>{r.person.full_name}</Link> : "—")}
        />
        <Table.Column<MonthlyPlanRow>
          key="territory"
          title={t("monthly_plans.fields.territory_id")}
          render={(_, r) => (r.territory ? <Tag>{r.territory.code}</Tag> : "—")}
        />
        <Table.Column<MonthlyPlanRow>
          dataIndex="sales_target"
          title={t("monthly_plans.fields.sales_target")}
          align="right"
          render={(v: number) => formatMoney(v, i18n.language)}
        />
        <Table.Column<MonthlyPlanRow>
          dataIndex="visits_planned"
          title={t("monthly_plans.fields.visits_planned")}
          align="right"
        />
        <Table.Column<MonthlyPlanRow>
          dataIndex="status"
          title={t("reports.fields.status")}
          render={(s: MonthlyPlanRow["status"]) => <ReportStatusTag status={s} />}
        />
        <Table.Column<MonthlyPlanRow>
          key="actions"
          title={t("table.actions")}
          render={(_, r) => (
            <ShowButton
              hideText
              size="small"
              recordItemId={r.id}
              aria-label={t("monthly_plans.open", {
                name: r.person?.full_name ?? "",
                month: periodLabel("month", r.month, i18n.language, (d) => d),
              })}
            />
          )}
        />
      </Table>
    </List>
  );
}
