// Staff list: server-side paging, sorting and filters (name, territory subtree, position,
// status, custom fields), optional custom-field columns, CSV export as filtered, CSV import.
import { CreateButton, ExportButton, ShowButton, EditButton, useTable, List } from "@refinedev/antd";
import { useCan, useExport, useInvalidate, useList, useNotification, type CrudFilter } from "@refinedev/core";
import { Badge, Button, Space, Table, Tag } from "antd";
import { useMemo, useState } from "react";
import { ImportOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { CsvImport } from "../../components/CsvImport";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { fieldFilters } from "../../utils/filters";
import { useCustomFieldDefinitions } from "../../components/org/CustomFieldInputs";
import { displayCustomValue } from "../../components/org/customFields";
import { useTerritoryTree } from "../../components/org/TerritoryTreeSelect";
import { localizedLabel } from "../../providers/i18n";
import { positionTitle } from "../positions/queries";
import type { Tables } from "../../types/database";
import {
  importStaff,
  staffImportHeaders,
  staffListCount,
  staffExportSelect,
  staffListSelect,
  subtreeFilter,
  type StaffExportRow,
  type StaffListRow,
} from "./queries";
import { TableFilterForm } from "../../components/TableFilterForm";
import { staffExportRow } from "./export";
import { StaffFilterBar } from "./filter-bar";

const statusColor = { active: "success", on_leave: "warning", left: "default" } as const;

export default function StaffList() {
  const { t, i18n } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const [importOpen, setImportOpen] = useState(false);
  const [extraColumns, setExtraColumns] = useState<string[]>([]);
  const [territory, setTerritory] = useState<string | null>(null);
  const { rows: territories } = useTerritoryTree();
  const { definitions } = useCustomFieldDefinitions("staff");
  const { result: positions } = useList<Tables<"positions">>({
    resource: "positions",
    pagination: { mode: "off" },
    sorters: [{ field: "sort_order", order: "asc" }],
  });
  const { data: canImport } = useCan({ resource: "staff", action: "create" });
  const territoryPath = territories.find((row) => row.id === territory)?.path;
  const positionById = useMemo(() => new Map((positions?.data ?? []).map((p) => [p.id, p])), [positions]);
  const territoryById = useMemo(() => new Map(territories.map((row) => [row.id, row])), [territories]);
  const { tableProps, tableQuery, filters, setFilters, sorters, searchFormProps } = useTable<StaffListRow>({
    resource: "staff",
    meta: { select: staffListSelect, count: staffListCount },
    sorters: { initial: [{ field: "full_name", order: "asc" }] },
    filters: { permanent: territoryPath ? [subtreeFilter(territoryPath)] : [] },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
  });
  const { value, setFilter } = fieldFilters(filters, setFilters);
  const shown = useMemo(() => definitions.filter((d) => extraColumns.includes(d.key)), [definitions, extraColumns]);

  const { triggerExport, isLoading: exporting } = useExport<StaffExportRow>({
    resource: "staff",
    filters: [...filters, ...(territoryPath ? [subtreeFilter(territoryPath)] : [])] as CrudFilter[],
    sorters,
    meta: { select: staffExportSelect, count: staffListCount },
    pageSize: 1000,
    filename: "staff",
    mapData: (row) => staffExportRow(row, definitions),
  });

  return (
    <List
      title={<PageTitle>{t("staff.titles.list")}</PageTitle>}
      headerButtons={
        <Space wrap>
          {canImport?.can && (
            <Button icon={<ImportOutlined />} onClick={() => setImportOpen(true)} data-testid="staff-import">
              {t("buttons.import")}
            </Button>
          )}
          <ExportButton onClick={() => void triggerExport()} loading={exporting} data-testid="staff-export" />
          <CreateButton data-testid="staff-create" />
        </Space>
      }
    >
      <TableFilterForm form={searchFormProps.form} />
      <StaffFilterBar
        value={value}
        setFilter={setFilter}
        territory={territory}
        setTerritory={setTerritory}
        positions={positions?.data ?? []}
        definitions={definitions}
        extraColumns={extraColumns}
        setExtraColumns={setExtraColumns}
      />
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<StaffListRow>
        {...tableProps}
        rowKey="id"
        data-testid="staff-table"
        onRow={(row) => ({ "data-testid": `staff-row-${row.email}` }) as React.HTMLAttributes<HTMLElement>}
        scroll={{ x: true }}
      >
        <Table.Column<StaffListRow> dataIndex="full_name" title={t("staff.fields.full_name")} sorter />
        <Table.Column<StaffListRow> dataIndex="email" title={t("staff.fields.email")} sorter />
        <Table.Column<StaffListRow>
          key="position"
          title={t("staff.fields.position_id")}
          render={(_, row) => positionTitle(positionById.get(row.position_id) ?? null, i18n.language)}
        />
        <Table.Column<StaffListRow>
          key="territory"
          title={t("staff.fields.territory_id")}
          render={(_, row) => {
            const code = row.territory_id ? territoryById.get(row.territory_id)?.code : undefined;
            return code ? <Tag>{code}</Tag> : "—";
          }}
        />
        <Table.Column<StaffListRow>
          dataIndex="status"
          title={t("staff.fields.status")}
          sorter
          render={(s: keyof typeof statusColor) => <Badge status={statusColor[s]} text={t(`staff.status.${s}`)} />}
        />
        <Table.Column<StaffListRow>
          dataIndex="hire_date"
          title={t("staff.fields.hire_date")}
          sorter
          render={(d: string) => new Date(`${d}T00:00:00`).toLocaleDateString(i18n.language)}
        />
        {shown.map((d) => (
          <Table.Column<StaffListRow>
            key={`cf-${d.key}`}
            title={localizedLabel(d, i18n.language)}
            render={(_, row) =>
              displayCustomValue(d, (row.custom_fields as Record<string, unknown>)?.[d.key], i18n.language, [
                t("custom_field_definitions.yes"),
                t("custom_field_definitions.no"),
              ])
            }
          />
        ))}
        <Table.Column<StaffListRow>
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
        title={t("staff.import.title")}
        headers={[...staffImportHeaders, ...definitions.map((d) => `cf_${d.key}`)]}
        templateName="staff-template.csv"
        run={importStaff}
        onImported={(count) => {
          open?.({ type: "success", message: t("csvImport.done", { count }) });
          void invalidate({ resource: "staff", invalidates: ["list"] });
        }}
      />
    </List>
  );
}
