// Distribution profiles: how annual targets are split into months (evenly, or by seasonal
// percentages for the low and high seasons).
import { CreateButton, DeleteButton, EditButton, List, useTable } from "@refinedev/antd";
import { Space, Table } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { localizedName } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import { percentsLine } from "./queries";

type Row = Tables<"distribution_profiles">;

export default function DistributionProfilesList() {
  const { t, i18n } = useTranslation();
  const { tableProps, tableQuery } = useTable<Row>({
    resource: "distribution_profiles",
    sorters: { initial: [{ field: "code", order: "asc" }] },
    pagination: { mode: "off" },
    syncWithLocation: false,
  });
  return (
    <List title={<PageTitle>{t("distribution_profiles.titles.list")}</PageTitle>} headerButtons={<CreateButton />}>
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<Row> {...tableProps} rowKey="id" size="small" locale={{ emptyText: t("distribution_profiles.none") }}>
        <Table.Column<Row>
          dataIndex="code"
          title={t("distribution_profiles.fields.code")}
          render={(c: string) => <code>{c}</code>}
        />
        <Table.Column<Row>
          key="name"
          title={t("distribution_profiles.fields.name_en")}
          render={(_, r) => localizedName(r, i18n.language)}
        />
        <Table.Column<Row>
          key="months"
          title={t("distribution_profiles.fields.month_percents")}
          render={(_, r) =>
            r.month_percents ? percentsLine(r.month_percents, i18n.language) : t("distribution_profiles.even")
          }
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
                aria-label={t("buttons.delete")}
                confirmTitle={t("distribution_profiles.deleteConfirm")}
              />
            </Space>
          )}
        />
      </Table>
    </List>
  );
}
