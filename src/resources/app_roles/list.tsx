import { CreateButton, DeleteButton, EditButton, ShowButton, useTable, List } from "@refinedev/antd";
import { Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { localizedLabel } from "../../providers/i18n";
import { roleListSelect, roleMeta, type RoleRow } from "./queries";
import { TableFilterForm } from "../../components/TableFilterForm";

type RoleListRow = RoleRow & { user_roles: { count: number }[] };

export default function AppRolesList() {
  const { t, i18n } = useTranslation();
  const { tableProps, tableQuery, searchFormProps } = useTable<RoleListRow>({
    resource: "app_roles",
    meta: { ...roleMeta, select: roleListSelect },
    sorters: { initial: [{ field: "code", order: "asc" }] },
    pagination: { pageSize: 50 },
    syncWithLocation: true,
  });
  return (
    <List
      title={<PageTitle>{t("app_roles.titles.list")}</PageTitle>}
      headerButtons={<CreateButton data-testid="role-create" />}
    >
      <TableFilterForm form={searchFormProps.form} />
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table
        {...tableProps}
        rowKey="code"
        data-testid="roles-table"
        onRow={(row) => ({ "data-testid": `role-row-${row.code}` }) as React.HTMLAttributes<HTMLElement>}
      >
        <Table.Column<RoleListRow>
          dataIndex="code"
          title={t("app_roles.fields.code")}
          sorter
          render={(code: string) => <code>{code}</code>}
        />
        <Table.Column<RoleListRow>
          key="label"
          title={t("app_roles.fields.label")}
          render={(_, row) => localizedLabel(row, i18n.language)}
        />
        <Table.Column<RoleListRow>
          dataIndex="built_in"
          title={t("app_roles.fields.built_in")}
          render={(builtIn: boolean) =>
            builtIn ? <Tag color="blue">{t("app_roles.builtIn")}</Tag> : <Tag>{t("app_roles.custom")}</Tag>
          }
        />
        <Table.Column<RoleListRow>
          key="holders"
          title={t("app_roles.fields.holders")}
          render={(_, row) => row.user_roles?.[0]?.count ?? 0}
        />
        <Table.Column<RoleListRow>
          key="actions"
          title={t("table.actions")}
          render={(_, row) => (
            <Space>
              <ShowButton hideText size="small" recordItemId={row.code} aria-label={t("buttons.show")} />
              <EditButton
                hideText
                size="small"
                recordItemId={row.code}
                aria-label={t("buttons.edit")}
                data-testid={`role-edit-${row.code}`}
              />
              {!row.built_in && (
                <DeleteButton
                  hideText
                  size="small"
                  recordItemId={row.code}
                  meta={roleMeta}
                  aria-label={t("buttons.delete")}
                  confirmTitle={t("app_roles.deleteConfirm", { code: row.code })}
                  data-testid={`role-delete-${row.code}`}
                />
              )}
            </Space>
          )}
        />
      </Table>
    </List>
  );
}
