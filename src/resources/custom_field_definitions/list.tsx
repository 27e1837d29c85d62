import { CreateButton, DeleteButton, EditButton, useTable, List } from "@refinedev/antd";
import { Badge, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { localizedLabel } from "../../providers/i18n";
import type { DefinitionRow } from "./queries";
import { TableFilterForm } from "../../components/TableFilterForm";

export default function CustomFieldDefinitionsList() {
  const { t, i18n } = useTranslation();
  const { tableProps, tableQuery, searchFormProps } = useTable<DefinitionRow>({
    resource: "custom_field_definitions",
    sorters: {
      initial: [
        { field: "resource", order: "asc" },
        { field: "sort_order", order: "asc" },
      ],
    },
    pagination: { pageSize: 50 },
    syncWithLocation: true,
  });
  return (
    <List
      title={<PageTitle>{t("custom_field_definitions.titles.list")}</PageTitle>}
      headerButtons={<CreateButton data-testid="cfd-create" />}
    >
      <TableFilterForm form={searchFormProps.form} />
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<DefinitionRow> {...tableProps} rowKey="id" data-testid="cfd-table" size="small">
        <Table.Column<DefinitionRow>
          dataIndex="resource"
          title={t("custom_field_definitions.fields.resource")}
          render={(r: string) => t(`${r}.${r}`)}
        />
        <Table.Column<DefinitionRow>
          dataIndex="key"
          title={t("custom_field_definitions.fields.key")}
          render={(k: string) => <code>{k}</code>}
        />
        <Table.Column<DefinitionRow>
          key="label"
          title={t("custom_field_definitions.fields.label_en")}
          render={(_, d) => localizedLabel(d, i18n.language)}
        />
        <Table.Column<DefinitionRow>
          dataIndex="field_type"
          title={t("custom_field_definitions.fields.field_type")}
          render={(ft: string) => t(`custom_field_definitions.types.${ft}`)}
        />
        <Table.Column<DefinitionRow>
          dataIndex="required"
          title={t("custom_field_definitions.fields.required")}
          render={(r: boolean) =>
            r ? <Tag color="orange">{t("custom_field_definitions.yes")}</Tag> : t("custom_field_definitions.no")
          }
        />
        <Table.Column<DefinitionRow>
          dataIndex="active"
          title={t("custom_field_definitions.fields.active")}
          render={(a: boolean) => (
            <Badge
              status={a ? "success" : "default"}
              text={a ? t("custom_field_definitions.yes") : t("custom_field_definitions.no")}
            />
          )}
        />
        <Table.Column<DefinitionRow>
          key="actions"
          title={t("table.actions")}
          render={(_, d) => (
            <Space>
              <EditButton hideText size="small" recordItemId={d.id} aria-label={t("buttons.edit")} />
              <DeleteButton
                hideText
                size="small"
                recordItemId={d.id}
                confirmTitle={t("custom_field_definitions.deleteConfirm")}
                aria-label={t("buttons.delete")}
              />
            </Space>
          )}
        />
      </Table>
    </List>
  );
}
