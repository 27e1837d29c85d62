// A territory picker showing the tree the person may read.
import { useList } from "@refinedev/core";
import { TreeSelect } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { buildTerritoryTree, type TerritoryNodeRow } from "./territoryTree";
import { territoryPickerSelect } from "../../resources/territories/queries";

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabledIds?: string[];
  "data-testid"?: string;
  "aria-label"?: string;
  style?: React.CSSProperties;
}

export function useTerritoryTree() {
  // The path comes along for callers that filter by subtree (staff list, coverage).
  const { result, query } = useList<TerritoryNodeRow & { path: string }>({
    resource: "territories",
    pagination: { mode: "off" },
    meta: { select: territoryPickerSelect },
  });
  const rows = result?.data;
  const tree = useMemo(() => buildTerritoryTree(rows ?? []), [rows]);
  return { tree, rows: rows ?? [], query };
}

export function TerritoryTreeSelect({
  id,
  value,
  onChange,
  placeholder,
  allowClear = true,
  disabledIds,
  style,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const { tree, query } = useTerritoryTree();
  const disabled = new Set(disabledIds ?? []);
  const mark = (nodes: typeof tree): typeof tree =>
    nodes.map((n) => ({ ...n, disabled: disabled.has(n.key), children: mark(n.children) }) as (typeof tree)[number]);
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | undefined) ?? null)}
      treeData={mark(tree)}
      loading={query.isLoading}
      placeholder={placeholder ?? t("staff.filters.territory")}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      style={{ minWidth: 240, ...style }}
      data-testid={rest["data-testid"]}
      aria-label={rest["aria-label"]}
    />
  );
}
