// Product lines: the small catalogue a sale belongs to.
import { CreateButton, EditButton, List, useTable } from "@refinedev/antd";
import { Badge, Table } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { localizedName } from "../../providers/i18n";
import type { Tables } from "../../types/database";

type Row = Tables<"product_lines">;

export default function ProductLinesList() {
  const { t, i18n } = useTranslation();
  const { tableProps, tableQuery } = useTable<Row>({
    resource: "product_lines",
    sorters: { initial: [{ field: "sort_order", order: "asc" }] },
    pagination: { mode: "off" },
    syncWithLocation: false,
  });
  return (
    <List title={<PageTitle>{t("product_lines.titles.list")}</PageTitle>} headerButtons={<CreateButton />}>
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<Row> {...tableProps} rowKey="id" size="small">
        <Table.Column<Row>
          dataIndex="code"
          title={t("product_lines.fields.code")}
          render={(c: string) => <code>{c}</code>}
        />
        <Table.Column<Row>
          key="name"
          title={t("product_lines.fields.name_en")}
          render={(_, r) => localizedName(r, i18n.language)}
        />
        <Table.Column<Row>
          dataIndex="active"
          title={t("product_lines.fields.active")}
          render={(a: boolean) => (
            <Badge status={a ? "success" : "default"} text={a ? t("product_lines.sold") : t("product_lines.retired")} />
          )}
        />
        <Table.Column<Row>
          key="actions"
          title={t("table.actions")}
          render={(_, r) => <EditButton hideText size="small" recordItemId={r.id} aria-label={t("buttons.edit")} />}
        />
      </Table>
    </List>
  );
}
