// Sales reconciliation: for each month of the range, the sales total from the ERP lines, the
// total attributed to people by the credit splits (what the KPIs count), and what is left
// unattributed; then the unattributed sales themselves, each linked to its record.
import { List } from "@refinedev/antd";
import { useQuery } from "@tanstack/react-query";
import { Card, DatePicker, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { formatDate, formatMoney } from "../../utils/format";
import { fetchReconciliation, fetchUnattributed, type ReconciliationRow, type UnattributedSale } from "./queries";

export default function SalesReconciliation() {
  const { t, i18n } = useTranslation();
  const [range, setRange] = useState<[string, string]>([
    dayjs().subtract(5, "month").startOf("month").format("YYYY-MM-DD"),
    dayjs().endOf("month").format("YYYY-MM-DD"),
  ]);
  const months = useQuery({ queryKey: ["sales_reconciliation", range], queryFn: () => fetchReconciliation(...range) });
  const unattributed = useQuery({
    queryKey: ["unattributed_sales", range],
    queryFn: () => fetchUnattributed(...range),
  });
  const money = (v: number) => formatMoney(v, i18n.language);
  return (
    <List title={<PageTitle>{t("sales_reconciliation.titles.list")}</PageTitle>}>
      <DatePicker.RangePicker
        picker="month"
        aria-label={t("visit_plans.filters.months")}
        allowClear={false}
        style={{ marginBottom: 16 }}
        value={[dayjs(range[0]), dayjs(range[1])]}
        onChange={(v) =>
          v?.[0] &&
          v[1] &&
          setRange([v[0].startOf("month").format("YYYY-MM-DD"), v[1].endOf("month").format("YYYY-MM-DD")])
        }
      />
      <Typography.Paragraph type="secondary">{t("sales_reconciliation.legend")}</Typography.Paragraph>
      {months.isError && <QueryError error={months.error} onRetry={() => void months.refetch()} />}
      <Table<ReconciliationRow>
        size="small"
        rowKey="month"
        loading={months.isLoading}
        dataSource={months.data ?? []}
        pagination={false}
        scroll={{ x: true }}
      >
        <Table.Column<ReconciliationRow>
          dataIndex="month"
          title={t("sales_reconciliation.fields.month")}
          render={(m: string) =>
            new Date(`${m}T00:00:00`).toLocaleDateString(i18n.language, { month: "long", year: "numeric" })
          }
        />
        <Table.Column<ReconciliationRow>
          dataIndex="sales"
          title={t("sales_reconciliation.fields.sales")}
          align="right"
        />
        <Table.Column<ReconciliationRow>
          dataIndex="source_total"
          title={t("sales_reconciliation.fields.source_total")}
          align="right"
          render={money}
        />
        <Table.Column<ReconciliationRow>
          dataIndex="attributed_total"
          title={t("sales_reconciliation.fields.attributed_total")}
          align="right"
          render={money}
        />
        <Table.Column<ReconciliationRow>
          dataIndex="unattributed_total"
          title={t("sales_reconciliation.fields.unattributed_total")}
          align="right"
          render={(v: number) => (
            <Typography.Text type={v > 0 ? "danger" : undefined} strong={v > 0}>
              {money(v)}
            </Typography.Text>
          )}
        />
        <Table.Column<ReconciliationRow>
          dataIndex="unattributed_sales"
          title={t("sales_reconciliation.fields.unattributed_sales")}
          align="right"
        />
      </Table>
      <Card size="small" title={t("sales_reconciliation.unattributed")} style={{ marginTop: 16 }}>
        {unattributed.isError && <QueryError error={unattributed.error} onRetry={() => void unattributed.refetch()} />}
        <Table<UnattributedSale>
          size="small"
          rowKey="id"
          loading={unattributed.isLoading}
          dataSource={unattributed.data ?? []}
          pagination={{ pageSize: 25, hideOnSinglePage: true }}
          locale={{ emptyText: t("sales_reconciliation.allAttributed") }}
        >
          <Table.Column<UnattributedSale>
            dataIndex="sale_date"
            title={t("sales.fields.sale_date")}
            render={(d: string) => formatDate(d, i18n.language)}
          />
          <Table.Column<UnattributedSale>
            key="customer"
            title={t("sales.fields.customer_id")}
            render={(_, r) => (r.customer ? `${r.customer.code} · ${r.customer.name}` : "—")}
          />
          <Table.Column<UnattributedSale>
            dataIndex="amount"
            title={t("sales.fields.amount")}
            align="right"
            render={money}
          />
          <Table.Column<UnattributedSale>
            key="open"
            title={t("table.actions")}
            render={(_, r) => (
              <Link to={`/sales/show/${r.id}`}>
                {t("sales_reconciliation.openSale", { id: r.external_id ?? r.id.slice(0, 8) })}
              </Link>
            )}
          />
        </Table>
      </Card>
    </List>
  );
}
