// Positions as a tree table (reports-to), with headcount and usual role.
import { CreateButton, EditButton, ShowButton, List } from "@refinedev/antd";
import { useList } from "@refinedev/core";
import { Space, Table } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { positionTitle } from "./queries";
import { positionTree, type PositionNode, type PositionRow } from "./queries";

export default function PositionsList() {
  const { t, i18n } = useTranslation();
  const { result, query } = useList<PositionRow>({ resource: "positions", pagination: { mode: "off" } });
  const tree = useMemo(() => positionTree(result?.data ?? []), [result?.data]);
  const clean = (nodes: PositionNode[]): PositionNode[] =>
    nodes.map((n) => ({
      ...n,
      children: n.children.length ? clean(n.children) : (undefined as unknown as PositionNode[]),
    }));
  return (
    <List
      title={<PageTitle>{t("positions.titles.list")}</PageTitle>}
      headerButtons={
        <Space>
          <Link to="/org-chart">{t("org_chart.title")}</Link>
          <CreateButton />
        </Space>
      }
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<PositionNode>
        dataSource={clean(tree)}
        rowKey="id"
        loading={query.isLoading}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        data-testid="positions-table"
        size="small"
      >
        <Table.Column<PositionNode>
          key="title"
          title={t("positions.fields.title_en")}
          render={(_, p) => positionTitle(p, i18n.language)}
        />
        <Table.Column<PositionNode>
          dataIndex="code"
          title={t("positions.fields.code")}
          render={(c: string) => <code>{c}</code>}
        />
        <Table.Column<PositionNode>
          dataIndex="default_role_code"
          title={t("positions.fields.default_role_code")}
          render={(c: string | null) => c ?? "—"}
        />
        <Table.Column<PositionNode> dataIndex="headcount" title={t("positions.fields.headcount")} />
        <Table.Column<PositionNode>
          dataIndex="max_discount_percent"
          title={t("positions.fields.max_discount_percent")}
          render={(p: number) => `${Number(p)}%`}
        />
        <Table.Column<PositionNode>
          key="actions"
          title={t("table.actions")}
          render={(_, p) => (
            <Space>
              <ShowButton hideText size="small" recordItemId={p.id} aria-label={t("buttons.show")} />
              <EditButton hideText size="small" recordItemId={p.id} aria-label={t("buttons.edit")} />
            </Space>
          )}
        />
      </Table>
    </List>
  );
}
