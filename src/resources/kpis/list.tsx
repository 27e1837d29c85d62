// The KPI catalogue: each KPI's kind, how it is measured (a measure with its filters, or
// entered by the manager), unit, direction and year-end rule. Filtered by kind and searched by
// code; everyone reads it, HR writes it.
import { CreateButton, DeleteButton, EditButton, List, useTable } from "@refinedev/antd";
import { useCan, type CrudFilter } from "@refinedev/core";
import { Badge, Segmented, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { localizedName } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import { SanctionPointsCard } from "../sanction_points/points";
import { kpiKinds, type KpiKind } from "./queries";

type Row = Tables<"kpis"> & { measure: Pick<Tables<"kpi_measures">, "name_en" | "name_es" | "name_zh"> | null };

export default function KpisList() {
  const { t, i18n } = useTranslation();
  const { data: canCreate } = useCan({ resource: "kpis", action: "create" });
  const { data: canEdit } = useCan({ resource: "kpis", action: "edit" });
  const { data: canDelete } = useCan({ resource: "kpis", action: "delete" });
  const { tableProps, tableQuery, filters, setFilters } = useTable<Row>({
    resource: "kpis",
    meta: { select: "*, measure:measure_code(name_en, name_es, name_zh)" },
    sorters: { initial: [{ field: "sort_order", order: "asc" }] },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
  });
  const kindFilter = filters.find((f): f is CrudFilter & { field: string } => "field" in f && f.field === "kind");
  const kind = (kindFilter?.value as KpiKind | undefined) ?? "all";
  return (
    <List
      title={<PageTitle>{t("kpis.titles.list")}</PageTitle>}
      headerButtons={canCreate?.can ? <CreateButton /> : null}
    >
      <Segmented
        aria-label={t("kpis.fields.kind")}
        style={{ marginBottom: 16 }}
        value={kind}
        onChange={(v) => setFilters(v === "all" ? [] : [{ field: "kind", operator: "eq", value: v }], "replace")}
        options={[
          { value: "all", label: t("kpis.allKinds") },
          ...kpiKinds.map((k) => ({ value: k, label: t(`kpis.kind.${k}`) })),
        ]}
      />
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<Row> {...tableProps} rowKey="id" size="small" scroll={{ x: true }} locale={{ emptyText: t("kpis.none") }}>
        <Table.Column<Row>
          dataIndex="code"
          title={t("kpis.fields.code")}
          sorter
          render={(c: string) => <code>{c}</code>}
        />
        <Table.Column<Row>
          key="name"
          title={t("kpis.fields.name_en")}
          render={(_, r) => (
            <Space>
              {localizedName(r, i18n.language)}
              {!r.active && <Badge status="default" text={t("kpis.inactive")} />}
            </Space>
          )}
        />
        <Table.Column<Row>
          dataIndex="kind"
          title={t("kpis.fields.kind")}
          render={(k: KpiKind) => <Tag>{t(`kpis.kind.${k}`)}</Tag>}
        />
        <Table.Column<Row>
          key="measure"
          title={t("kpis.fields.measure_code")}
          render={(_, r) =>
            r.measure
              ? localizedName(r.measure, i18n.language)
              : r.kind === "qualitative"
                ? t("kpis.onScale", { max: r.scale_max })
                : t("kpis.entered")
          }
        />
        <Table.Column<Row> dataIndex="unit" title={t("kpis.fields.unit")} render={(u: string) => t(`kpis.unit.${u}`)} />
        <Table.Column<Row>
          dataIndex="direction"
          title={t("kpis.fields.direction")}
          render={(d: string) => t(`kpis.direction.${d}`)}
        />
        <Table.Column<Row>
          dataIndex="year_aggregation"
          title={t("kpis.fields.year_aggregation")}
          render={(a: string) => t(`kpis.yearAggregation.${a}`)}
        />
        <Table.Column<Row>
          dataIndex="default_weight"
          title={t("kpis.fields.default_weight")}
          align="right"
          render={(w: number | null) => (w === null ? "—" : Number(w).toFixed(2))}
        />
        {(canEdit?.can || canDelete?.can) && (
          <Table.Column<Row>
            key="actions"
            title={t("table.actions")}
            render={(_, r) => (
              <Space>
                {canEdit?.can && (
                  <EditButton hideText size="small" recordItemId={r.id} aria-label={t("buttons.edit")} />
                )}
                {canDelete?.can && (
                  <DeleteButton
                    hideText
                    size="small"
                    recordItemId={r.id}
                    confirmTitle={t("kpis.deleteConfirm")}
                    aria-label={t("buttons.delete")}
                  />
                )}
              </Space>
            )}
          />
        )}
      </Table>
      <SanctionPointsCard />
    </List>
  );
}
