// Customer tiers: their visit interval and the previous-year sales that qualify, then the
// re-tiering proposal by last year's sales.
import { CreateButton, DeleteButton, EditButton, List, useTable } from "@refinedev/antd";
import { Space, Table } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import type { Tables } from "../../types/database";
import { formatMoney } from "../../utils/format";
import { tierName } from "../customers/queries";
import { Retiering } from "./retiering";

type Row = Tables<"customer_tiers">;

export default function CustomerTiersList() {
  const { t, i18n } = useTranslation();
  const { tableProps, tableQuery } = useTable<Row>({
    resource: "customer_tiers",
    sorters: { initial: [{ field: "sort_order", order: "asc" }] },
    pagination: { mode: "off" },
    syncWithLocation: false,
  });
  return (
    <List title={<PageTitle>{t("customer_tiers.titles.list")}</PageTitle>} headerButtons={<CreateButton />}>
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<Row> {...tableProps} rowKey="id" size="small" scroll={{ x: true }}>
        <Table.Column<Row>
          dataIndex="code"
          title={t("customer_tiers.fields.code")}
          render={(c: string) => <code>{c}</code>}
        />
        <Table.Column<Row>
          key="name"
          title={t("customer_tiers.fields.name_en")}
          render={(_, r) => tierName(r, i18n.language)}
        />
        <Table.Column<Row>
          dataIndex="visit_interval_days"
          title={t("customer_tiers.fields.visit_interval_days")}
          render={(d: number | null) =>
            d ? t("customer_tiers.everyDays", { count: d }) : t("customer_tiers.asNeeded")
          }
        />
        <Table.Column<Row>
          dataIndex="min_previous_year_sales"
          title={t("customer_tiers.fields.min_previous_year_sales")}
          align="right"
          render={(v: number) => formatMoney(v, i18n.language)}
        />
        <Table.Column<Row>
          key="actions"
          title={t("table.actions")}
          render={(_, r) => (
            <Space>
              <EditButton hideText size="small" recordItemId={r.id} aria-label={t("buttons.edit")} />
              <DeleteButton
                hideText
                size="small"
                recordItemId={r.id}
                confirmTitle={t("customer_tiers.deleteConfirm")}
                aria-label={t("buttons.delete")}
              />
            </Space>
          )}
        />
      </Table>
      <Retiering />
    </List>
  );
}
