// Territories: a tree view (drag a territory onto another to re-parent it, after a
// confirmation) and a map-free list view with paging, both through RLS.
import { CreateButton, ExportButton, ShowButton, useTable, List } from "@refinedev/antd";
import { useCan, useExport, useInvalidate, useList, useNotification, useUpdate } from "@refinedev/core";
import {
  Alert,
  Button,
  Empty,
  Modal,
  Segmented,
  Space,
  Spin,
  Table,
  Tag,
  Tree,
  Typography,
  type TreeProps,
} from "antd";
import { useMemo, useState } from "react";
import { ImportOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { CsvImport } from "../../components/CsvImport";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { useCustomFieldDefinitions } from "../../components/org/CustomFieldInputs";
import { buildTerritoryTree, type TerritoryTreeNode } from "../../components/org/territoryTree";
import { neutralizeRecord } from "../../utils/csv";
import {
  currentAssignmentFilter,
  importTerritories,
  levelKey,
  levelOfDepth,
  territoryImportHeaders,
  territoryListSelect,
  territoryTreeResource,
  territoryTreeSelect,
  type TerritoryListRow,
  type TerritoryTreeRow,
  territoryKeySelect,
} from "./queries";

function salespersonOf(row: Pick<TerritoryListRow, "territory_assignments">): string | undefined {
  return row.territory_assignments.find((a) => a.valid_to === null)?.staff?.full_name ?? undefined;
}

function TerritoryTree() {
  const { t } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const { data: canMove } = useCan({ resource: "territories", action: "edit" });
  const { result, query } = useList<TerritoryTreeRow>({
    resource: territoryTreeResource,
    pagination: { mode: "off" },
    meta: { select: territoryTreeSelect },
  });
  const rows = useMemo(() => result?.data ?? [], [result?.data]);
  const tree = useMemo(() => buildTerritoryTree(rows), [rows]);
  const { mutate: update } = useUpdate();
  const [error, setError] = useState<string | null>(null);
  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);
  const decorate = (nodes: TerritoryTreeNode[]): TreeProps["treeData"] =>
    nodes.map((n) => {
      const row = byId.get(n.key)!;
      const who = row.salesperson_name;
      return {
        key: n.key,
        title: (
          <span data-testid={`territory-node-${n.code}`}>
            <Tag>{n.code}</Tag>
            {row.name}
            <Typography.Text type="secondary"> · {t(`territories.levels.${levelOfDepth(row.depth)}`)}</Typography.Text>
            {row.manager_name && (
              <Typography.Text type="secondary">
                {" "}
                · {t("territories.fields.manager_id")}: {row.manager_name}
              </Typography.Text>
            )}
            {who && <Typography.Text type="secondary"> · {who}</Typography.Text>}
          </span>
        ),
        children: decorate(n.children),
      };
    });
  const onDrop: TreeProps["onDrop"] = (info) => {
    const moving = byId.get(String(info.dragNode.key));
    const target = byId.get(String(info.node.key));
    if (!moving || !target) return;
    const newParent = info.dropToGap ? target.parent_id : target.id;
    if (newParent === moving.parent_id) return;
    const parentRow = newParent ? byId.get(newParent) : undefined;
    Modal.confirm({
      title: t("territories.move.title"),
      content: parentRow
        ? t("territories.move.under", { code: moving.code, parent: parentRow.code })
        : t("territories.move.root", { code: moving.code }),
      okText: t("territories.move.confirm"),
      cancelText: t("buttons.cancel"),
      onOk: () =>
        new Promise<void>((resolve) =>
          update(
            {
              resource: "territories",
              id: moving.id,
              values: { parent_id: newParent, version: moving.version },
              meta: { select: territoryKeySelect },
              successNotification: false,
              errorNotification: false,
            },
            {
              onSuccess: () => {
                setError(null);
                open?.({ type: "success", message: t("territories.move.done", { code: moving.code }) });
                void invalidate({ resource: territoryTreeResource, invalidates: ["list"] });
                void invalidate({ resource: "territories", invalidates: ["list"] });
                resolve();
              },
              onError: (e) => {
                setError(e.message);
                resolve();
              },
            },
          ),
        ),
    });
  };
  if (query.isLoading) return <Spin />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (rows.length === 0) return <Empty description={t("territories.empty")} />;
  return (
    <>
      {error && (
        <Alert
          type="error"
          role="alert"
          showIcon
          message={error}
          closable
          onClose={() => setError(null)}
          style={{ marginBottom: 12 }}
          data-testid="territory-move-error"
        />
      )}
      {canMove?.can && <Typography.Paragraph type="secondary">{t("territories.move.hint")}</Typography.Paragraph>}
      <Tree
        data-testid="territory-tree"
        treeData={decorate(tree)}
        defaultExpandAll
        draggable={Boolean(canMove?.can)}
        onDrop={onDrop}
        blockNode
        showLine
      />
    </>
  );
}

function TerritoryTable() {
  const { t } = useTranslation();
  const { tableProps, tableQuery } = useTable<TerritoryListRow>({
    resource: "territories",
    meta: { select: territoryListSelect },
    filters: { permanent: [currentAssignmentFilter] },
    sorters: { initial: [{ field: "code", order: "asc" }] },
    pagination: { pageSize: 50 },
    syncWithLocation: false,
  });
  return (
    <>
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<TerritoryListRow> {...tableProps} rowKey="id" data-testid="territory-table" size="small">
        <Table.Column<TerritoryListRow>
          dataIndex="code"
          title={t("territories.fields.code")}
          sorter
          render={(c: string) => <Tag>{c}</Tag>}
        />
        <Table.Column<TerritoryListRow> dataIndex="name" title={t("territories.fields.name")} sorter />
        <Table.Column<TerritoryListRow>
          key="level"
          title={t("territories.fields.level")}
          render={(_, r) => t(`territories.levels.${levelKey(r.path)}`)}
        />
        <Table.Column<TerritoryListRow>
          key="manager"
          title={t("territories.fields.manager_id")}
          render={(_, r) => r.manager?.full_name ?? "—"}
        />
        <Table.Column<TerritoryListRow>
          key="salesperson"
          title={t("territories.fields.salesperson")}
          render={(_, r) => salespersonOf(r) ?? "—"}
        />
        <Table.Column<TerritoryListRow>
          key="actions"
          title={t("table.actions")}
          render={(_, r) => <ShowButton hideText size="small" recordItemId={r.id} aria-label={t("buttons.show")} />}
        />
      </Table>
    </>
  );
}

export default function TerritoriesList() {
  const { t } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const [view, setView] = useState<"tree" | "list">("tree");
  const [importOpen, setImportOpen] = useState(false);
  const { definitions } = useCustomFieldDefinitions("territories");
  const { data: canImport } = useCan({ resource: "territories", action: "create" });
  const { triggerExport, isLoading: exporting } = useExport<TerritoryListRow>({
    resource: "territories",
    sorters: [{ field: "code", order: "asc" }],
    filters: [currentAssignmentFilter],
    meta: {
      select:
        "id, code, name, parent_id, market_notes, custom_fields, territory_assignments(staff_id, valid_to, staff(full_name))",
    },
    pageSize: 1000,
    filename: "territories",
    mapData: (row) =>
      neutralizeRecord({
        code: row.code,
        name: row.name,
        market_notes: row.market_notes,
        salesperson: salespersonOf(row) ?? "",
      }),
  });
  return (
    <List
      title={<PageTitle>{t("territories.titles.list")}</PageTitle>}
      headerButtons={
        <Space wrap>
          <Segmented
            value={view}
            onChange={(v) => setView(v as "tree" | "list")}
            options={[
              { value: "tree", label: t("territories.views.tree") },
              { value: "list", label: t("territories.views.list") },
            ]}
            data-testid="territory-view"
          />
          {canImport?.can && (
            <Button icon={<ImportOutlined />} onClick={() => setImportOpen(true)} data-testid="territory-import">
              {t("buttons.import")}
            </Button>
          )}
          <ExportButton onClick={() => void triggerExport()} loading={exporting} />
          <CreateButton data-testid="territory-create" />
        </Space>
      }
    >
      {view === "tree" ? <TerritoryTree /> : <TerritoryTable />}
      <CsvImport
        open={importOpen}
        onClose={() => setImportOpen(false)}
        title={t("territories.import.title")}
        headers={[...territoryImportHeaders, ...definitions.map((d) => `cf_${d.key}`)]}
        templateName="territories-template.csv"
        run={importTerritories}
        onImported={(count) => {
          open?.({ type: "success", message: t("csvImport.done", { count }) });
          void invalidate({ resource: "territories", invalidates: ["list"] });
        }}
        batchSize={1000}
      />
    </List>
  );
}
