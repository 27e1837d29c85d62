// The targets grid: for a year and a KPI, the territories the reader sees with their people
// and child territories, month by month with the quarters and the year (made by the KPI's
// rule). It is read level by level: the top territories open, each other territory's child
// territories and people read when it is opened (a region holds thousands of lines). A
// territory's figures add up its children unless it is overridden (marked, with the reason).
// People and overrides are edited in place, with the parent's difference shown as you type;
// the CSV export reads and writes the whole tree.
import { EditOutlined } from "@ant-design/icons";
import { List } from "@refinedev/antd";
import { useCan, useDataProvider, useList, type CrudFilter } from "@refinedev/core";
import { useQuery } from "@tanstack/react-query";
import { Button, InputNumber, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { useTerritoryTree } from "../../components/org/TerritoryTreeSelect";
import { neutralizeRecord, saveRows } from "../../utils/csv";
import { formatMoney } from "../../utils/format";
import { noCount } from "../../providers/dataProvider";
import { TargetEditor } from "./form";
import { useTargetKpis } from "./hooks";
import {
  buildOpenedTree,
  buildTargetTree,
  findNode,
  monthIndexes,
  monthsOf,
  fetchTargetGrid,
  targetGridKey,
  targetGridSelect,
  topTerritories,
  type TargetNode,
  type TargetRow,
} from "./queries";

export default function TargetsList() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get("year")) || new Date().getFullYear();
  const { kpis, options: kpiOptions, query: kpiQuery } = useTargetKpis();
  const kpiId = params.get("kpi") ?? kpis.find((k) => k.code === "sales_amount")?.id ?? kpis[0]?.id ?? null;
  const kpi = kpis.find((k) => k.id === kpiId);
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const { data: canEdit } = useCan({ resource: "targets", action: "edit" });
  const { rows: territories, query: territoryQuery } = useTerritoryTree();
  // Territories the reader opened (the top ones always are); opening one reads its level.
  const [openedByReader, setOpenedByReader] = useState<string[]>([]);
  const [collapsed, setCollapsed] = useState<string[]>([]);
  const opened = useMemo(
    () => new Set([...topTerritories(territories), ...openedByReader]),
    [territories, openedByReader],
  );
  const yearAndKpi: CrudFilter[] = [
    { field: "year", operator: "eq", value: year },
    { field: "kpi_id", operator: "eq", value: kpiId },
  ];
  // The top territories' and the opened ones' levels (the top ones are opened by the database).
  const query = useQuery({
    queryKey: targetGridKey(year, kpiId, openedByReader),
    queryFn: () => fetchTargetGrid(year, kpiId ?? "", openedByReader),
    enabled: Boolean(kpiId),
    placeholderData: (previous) => previous,
  });
  // Whether the year holds any target of the KPI at all (a KPI kept per person has no
  // territory rows, so the lines shown cannot tell).
  const { result: anyResult, query: anyQuery } = useList<{ id: string }>({
    resource: "target_totals",
    pagination: { mode: "server", currentPage: 1, pageSize: 1 },
    filters: yearAndKpi,
    meta: { select: "id", count: noCount },
    queryOptions: { enabled: Boolean(kpiId) },
  });
  const none = anyResult?.data.length === 0;
  const rows = useMemo(() => query.data ?? [], [query.data]);
  const tree = useMemo(
    () => (none ? [] : buildOpenedTree(rows, territories, opened, t("targets.reading"))),
    [none, rows, territories, opened, t],
  );
  const openTerritory = (key: string) => {
    if (!openedByReader.includes(key)) setOpenedByReader((list) => [...list, key]);
    setCollapsed((list) => list.filter((k) => k !== key));
  };
  const expandedRowKeys = [...opened].filter((k) => !collapsed.includes(k));
  const [editing, setEditing] = useState<string | null>(null);
  const editTarget = editing ? findNode(tree, editing) : null;

  const format = (v: number | null | undefined) =>
    v === null || v === undefined
      ? "—"
      : kpi?.unit === "amount"
        ? formatMoney(v, i18n.language)
        : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(v);
  const monthTitle = (i: number) => new Date(year, i, 1).toLocaleDateString(i18n.language, { month: "short" });
  // The export is the whole tree: every row of the year and KPI the reader sees.
  const dataProvider = useDataProvider();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<{ message?: string } | null>(null);
  const exportRows = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const { data: all } = await dataProvider().getList<TargetRow>({
        resource: "target_totals",
        pagination: { mode: "off" },
        filters: yearAndKpi,
        meta: { select: targetGridSelect },
      });
      const flat: TargetNode[] = [];
      const walk = (nodes: TargetNode[]) =>
        nodes.forEach((n) => {
          flat.push(n);
          if (n.children) walk(n.children);
        });
      walk(buildTargetTree(all, territories));
      saveRows(
        `targets-${year}-${kpi?.code ?? "kpi"}.csv`,
        flat.map((n) =>
          neutralizeRecord({
            kind: n.kind,
            name: n.label,
            overridden: n.row?.overridden ? "yes" : "",
            ...Object.fromEntries(monthIndexes.map((i) => [`m${i + 1}`, monthsOf(n.row)[i] ?? ""])),
            q1: n.row?.q1 ?? "",
            q2: n.row?.q2 ?? "",
            q3: n.row?.q3 ?? "",
            q4: n.row?.q4 ?? "",
            year: n.row?.year_total ?? "",
          }),
        ),
      );
    } catch (error) {
      setExportError(error instanceof Object ? (error as { message?: string }) : { message: String(error) });
    } finally {
      setExporting(false);
    }
  };
  const loading =
    query.isLoading || query.isFetching || anyQuery.isLoading || kpiQuery.isLoading || territoryQuery.isLoading;
  return (
    <List title={<PageTitle>{t("targets.titles.list")}</PageTitle>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <InputNumber
          aria-label={t("targets.fields.year")}
          addonBefore={t("targets.fields.year")}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setParam("year", String(v))}
        />
        <Select
          aria-label={t("targets.fields.kpi_id")}
          style={{ minWidth: 240 }}
          value={kpiId ?? undefined}
          options={kpiOptions}
          onChange={(v: string) => setParam("kpi", v)}
          showSearch
          optionFilterProp="label"
        />
        <Button onClick={() => void exportRows()} loading={exporting} disabled={tree.length === 0}>
          {t("buttons.export")}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        {kpi?.year_aggregation === "sum" ? t("targets.legendSum") : t("targets.legendPerPerson")}
      </Typography.Paragraph>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {exportError && <QueryError error={exportError} onRetry={() => void exportRows()} />}
      <Table<TargetNode>
        size="small"
        rowKey="key"
        loading={loading}
        dataSource={tree}
        pagination={false}
        scroll={{ x: true }}
        expandable={{
          expandedRowKeys,
          onExpand: (expanded, n) =>
            expanded ? openTerritory(n.key) : setCollapsed((list) => (list.includes(n.key) ? list : [...list, n.key])),
        }}
        locale={{ emptyText: t("targets.none", { year }) }}
      >
        <Table.Column<TargetNode>
          key="name"
          title={t("targets.fields.name")}
          fixed="left"
          render={(_, n) => (
            <Space>
              {n.kind === "territory" ? (
                <strong>{n.label}</strong>
              ) : n.kind === "pending" ? (
                <Typography.Text type="secondary">{n.label}</Typography.Text>
              ) : (
                n.label
              )}
              {n.row?.overridden && (
                <Tooltip title={n.row.override_reason}>
                  <Tag color="gold">{t("targets.overridden")}</Tag>
                </Tooltip>
              )}
            </Space>
          )}
        />
        {monthIndexes.map((i) => (
          <Table.Column<TargetNode>
            key={`m${i}`}
            title={monthTitle(i)}
            align="right"
            render={(_, n) => (n.row ? format(monthsOf(n.row)[i]) : "")}
          />
        ))}
        {(["q1", "q2", "q3", "q4"] as const).map((q) => (
          <Table.Column<TargetNode>
            key={q}
            title={t(`targets.quarters.${q}`)}
            align="right"
            render={(_, n) => (n.row ? format(n.row[q]) : "")}
          />
        ))}
        <Table.Column<TargetNode>
          key="year"
          title={t("targets.fields.year_total")}
          align="right"
          render={(_, n) => (n.row ? <strong>{format(n.row.year_total)}</strong> : "")}
        />
        {canEdit?.can && (
          <Table.Column<TargetNode>
            key="actions"
            title={t("table.actions")}
            fixed="right"
            render={(_, n) =>
              n.row ? (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t("targets.editTitle", { name: n.label })}
                  onClick={() => {
                    // A territory's editor adds up its children: their level is read first.
                    if (n.kind === "territory") openTerritory(n.key);
                    setEditing(n.key);
                  }}
                />
              ) : null
            }
          />
        )}
      </Table>
      {editTarget && (
        <TargetEditor
          node={editTarget.node}
          parent={editTarget.parent}
          childrenRead={!query.isFetching}
          format={format}
          onClose={() => setEditing(null)}
        />
      )}
    </List>
  );
}
