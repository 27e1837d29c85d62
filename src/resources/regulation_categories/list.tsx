import { CreateButton, DeleteButton, EditButton, useTable, List } from "@refinedev/antd";
import { Space, Table } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { localizedLabel } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import { TableFilterForm } from "../../components/TableFilterForm";

type Row = Tables<"regulation_categories">;

export default function RegulationCategoriesList() {
  const { t, i18n } = useTranslation();
  const { tableProps, tableQuery, searchFormProps } = useTable<Row>({
    resource: "regulation_categories",
    sorters: { initial: [{ field: "sort_order", order: "asc" }] },
    pagination: { pageSize: 50 },
  });
  return (
    <List title={<PageTitle>{t("regulation_categories.titles.list")}</PageTitle>} headerButtons={<CreateButton />}>
      <TableFilterForm form={searchFormProps.form} />
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<Row> {...tableProps} rowKey="id" size="small" data-testid="categories-table">
        <Table.Column<Row>
          dataIndex="code"
          title={t("app_roles.fields.code")}
          render={(c: string) => <code>{c}</code>}
        />
        <Table.Column<Row>
          key="label"
          title={t("app_roles.fields.label")}
          render={(_, c) => localizedLabel(c, i18n.language)}
        />
        <Table.Column<Row>
          key="actions"
          title={t("table.actions")}
          render={(_, c) => (
            <Space>
              <EditButton hideText size="small" recordItemId={c.id} aria-label={t("buttons.edit")} />
              <DeleteButton
                hideText
                size="small"
                recordItemId={c.id}
                confirmTitle={t("regulation_categories.deleteConfirm")}
                aria-label={t("buttons.delete")}
              />
            </Space>
          )}
        />
      </Table>
    </List>
  );
}
