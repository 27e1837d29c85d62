// The targets grid: for a year and a KPI, every territory that holds targets with its people
// and child territories, month by month with the quarters and the year (made by the KPI's
// rule). A territory's figures add up its children unless it is overridden (marked, with the
// reason). People and overrides are edited in place, with the parent's difference shown as
// you type; the CSV export has the same figures.
import { EditOutlined } from "@ant-design/icons";
import { List } from "@refinedev/antd";
import { useCan, useList } from "@refinedev/core";
import { Button, InputNumber, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { useTerritoryTree } from "../../components/org/TerritoryTreeSelect";
import { neutralizeRecord, saveRows } from "../../utils/csv";
import { formatMoney } from "../../utils/format";
import { TargetEditor } from "./form";
import { useTargetKpis } from "./hooks";
import {
  buildTargetTree,
  findNode,
  monthIndexes,
  monthsOf,
  targetGridSelect,
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
  const { result, query } = useList<TargetRow>({
    resource: "target_totals",
    pagination: { mode: "off" },
    filters: [
      { field: "year", operator: "eq", value: year },
      { field: "kpi_id", operator: "eq", value: kpiId },
    ],
    meta: { select: targetGridSelect },
    queryOptions: { enabled: Boolean(kpiId) },
  });
  const rows = useMemo(() => result?.data ?? [], [result?.data]);
  const tree = useMemo(() => buildTargetTree(rows, territories), [rows, territories]);
  const [editing, setEditing] = useState<string | null>(null);
  const editTarget = editing ? findNode(tree, editing) : null;

  const format = (v: number | null | undefined) =>
    v === null || v === undefined
      ? "—"
      : kpi?.unit === "amount"
        ? formatMoney(v, i18n.language)
        : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(v);
  const monthTitle = (i: number) => new Date(year, i, 1).toLocaleDateString(i18n.language, { month: "short" });
  const exportRows = () => {
    const flat: TargetNode[] = [];
    const walk = (nodes: TargetNode[]) =>
      nodes.forEach((n) => {
        flat.push(n);
        if (n.children) walk(n.children);
      });
    walk(tree);
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
  };
  const loading = query.isLoading || kpiQuery.isLoading || territoryQuery.isLoading;
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
        <Button onClick={exportRows} disabled={tree.length === 0}>
          {t("buttons.export")}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        {kpi?.year_aggregation === "sum" ? t("targets.legendSum") : t("targets.legendPerPerson")}
      </Typography.Paragraph>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<TargetNode>
        size="small"
        rowKey="key"
        loading={loading}
        dataSource={tree}
        pagination={false}
        scroll={{ x: true }}
        // Opened whole once the rows are in (a tree starts collapsed when it starts empty).
        key={`${year}-${kpiId}-${tree.length > 0}`}
        expandable={{ defaultExpandAllRows: true }}
        locale={{ emptyText: t("targets.none", { year }) }}
      >
        <Table.Column<TargetNode>
          key="name"
          title={t("targets.fields.name")}
          fixed="left"
          render={(_, n) => (
            <Space>
              {n.kind === "territory" ? <strong>{n.label}</strong> : n.label}
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
                  onClick={() => setEditing(n.key)}
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
          format={format}
          onClose={() => setEditing(null)}
        />
      )}
    </List>
  );
}
