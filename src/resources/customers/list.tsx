// Customers: server-side paging, sorting and filters (name or code, tier, status, territory
// subtree, owner, overdue), CSV export as filtered. A salesperson starts on "My customers"
// (the ones they own) and may switch to every customer they may see.
import { CreateButton, EditButton, ExportButton, List, ShowButton, useTable } from "@refinedev/antd";
import { useCan, useExport, useInvalidate, useNotification, type CrudFilter } from "@refinedev/core";
import { ImportOutlined } from "@ant-design/icons";
import { Badge, Button, Segmented, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CsvImport } from "../../components/CsvImport";
import { PageTitle } from "../../components/PageTitle";
import { useCustomFieldDefinitions } from "../../components/org/CustomFieldInputs";
import { QueryError } from "../../components/QueryError";
import { fieldFilters } from "../../utils/filters";
import { TableFilterForm } from "../../components/TableFilterForm";
import { useTerritoryTree } from "../../components/org/TerritoryTreeSelect";
import { customerExportRow } from "./export";
import { CustomerFilterBar } from "./filter-bar";
import { useMyStaff } from "./hooks";
import {
  customerImportHeaders,
  customerListSelect,
  runImport,
  customerStatusColor,
  subtreeIds,
  territoryFilter,
  tierName,
  type CustomerListRow,
} from "./queries";

export default function CustomersList() {
  const { t, i18n } = useTranslation();
  const [territory, setTerritory] = useState<string | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const { data: canImport } = useCan({ resource: "customers", action: "create" });
  const { definitions } = useCustomFieldDefinitions("customers");
  const { rows: territories } = useTerritoryTree();
  const { staff, sells, loading: staffLoading } = useMyStaff();
  const [who, setWho] = useState<"mine" | "all" | null>(null);
  const mine = (who ?? (sells ? "mine" : "all")) === "mine" && staff ? staff.id : null;
  const permanent: CrudFilter[] = [
    ...territoryFilter(subtreeIds(territories, territory)),
    ...(mine ? [{ field: "owner_id", operator: "eq", value: mine } as CrudFilter] : []),
  ];
  const { tableProps, tableQuery, filters, setFilters, sorters, searchFormProps } = useTable<CustomerListRow>({
    resource: "customers",
    meta: { select: customerListSelect, count: "exact" },
    sorters: { initial: [{ field: "name", order: "asc" }] },
    filters: { permanent },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
    // Whose customers to list depends on the person: ask once that is known.
    queryOptions: { enabled: !staffLoading },
  });
  const { value, setFilter } = fieldFilters(filters, setFilters);
  const { triggerExport, isLoading: exporting } = useExport<CustomerListRow>({
    resource: "customers",
    filters: [...filters, ...permanent] as CrudFilter[],
    sorters,
    meta: { select: customerListSelect },
    pageSize: 1000,
    filename: "customers",
    mapData: customerExportRow,
  });
  return (
    <List
      title={<PageTitle>{t("customers.titles.list")}</PageTitle>}
      headerButtons={
        <Space wrap>
          {canImport?.can && (
            <Button icon={<ImportOutlined />} onClick={() => setImportOpen(true)}>
              {t("buttons.import")}
            </Button>
          )}
          <ExportButton onClick={() => void triggerExport()} loading={exporting} />
          <CreateButton />
        </Space>
      }
    >
      <TableFilterForm form={searchFormProps.form} />
      {sells && staff && (
        <Segmented
          aria-label={t("customers.filters.who")}
          value={mine ? "mine" : "all"}
          onChange={(v) => setWho(v as "mine" | "all")}
          options={[
            { value: "mine", label: t("customers.filters.mine") },
            { value: "all", label: t("customers.filters.all") },
          ]}
          style={{ marginBottom: 12 }}
        />
      )}
      <CustomerFilterBar value={value} setFilter={setFilter} territory={territory} setTerritory={setTerritory} />
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<CustomerListRow> {...tableProps} rowKey="id" scroll={{ x: true }}>
        <Table.Column<CustomerListRow> dataIndex="code" title={t("customers.fields.code")} sorter />
        <Table.Column<CustomerListRow> dataIndex="name" title={t("customers.fields.name")} sorter />
        <Table.Column<CustomerListRow>
          key="tier"
          title={t("customers.fields.tier_id")}
          render={(_, row) => <Tag>{tierName(row.tier, i18n.language)}</Tag>}
        />
        <Table.Column<CustomerListRow>
          dataIndex="status"
          title={t("customers.fields.status")}
          sorter
          render={(s: CustomerListRow["status"]) => (
            <Badge status={customerStatusColor[s] as "default"} text={t(`customers.status.${s}`)} />
          )}
        />
        <Table.Column<CustomerListRow>
          key="territory"
          title={t("customers.fields.territory_id")}
          render={(_, row) => (row.territory ? <Tag>{row.territory.code}</Tag> : "—")}
        />
        <Table.Column<CustomerListRow>
          key="owner"
          title={t("customers.fields.owner_id")}
          render={(_, row) => row.owner?.full_name ?? "—"}
        />
        <Table.Column<CustomerListRow>
          dataIndex="days_overdue"
          title={t("customers.fields.days_overdue")}
          sorter
          render={(d: number | null) =>
            d !== null && d > 0 ? <Tag color="error">{t("customers.overdueDays", { count: d })}</Tag> : "—"
          }
        />
        <Table.Column<CustomerListRow>
          key="actions"
          title={t("table.actions")}
          render={(_, row) => (
            <Space>
              <ShowButton hideText size="small" recordItemId={row.id} aria-label={t("buttons.show")} />
              <EditButton hideText size="small" recordItemId={row.id} aria-label={t("buttons.edit")} />
            </Space>
          )}
        />
      </Table>
      <CsvImport
        open={importOpen}
        onClose={() => setImportOpen(false)}
        title={t("customers.import.title")}
        headers={[...customerImportHeaders, ...definitions.map((d) => `cf_${d.key}`)]}
        templateName="customers-template.csv"
        run={(rows, dryRun) => runImport("import_customers", rows, dryRun)}
        onImported={(count) => {
          open?.({ type: "success", message: t("csvImport.done", { count }) });
          void invalidate({ resource: "customers", invalidates: ["list"] });
        }}
      />
    </List>
  );
}
