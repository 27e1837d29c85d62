// The org chart: the position tree with the people in each position (those the viewer may
// read: a count and the first few by name, with a link to the full list), drawn as nested
// lists so it reads well with a screen reader too.
import { useList } from "@refinedev/core";
import { useQuery } from "@tanstack/react-query";
import { Card, Empty, Space, Spin, Tag, Typography, theme } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import {
  fetchOrgChartMembers,
  positionTitle,
  positionTree,
  type PositionNode,
  type PositionRow,
} from "../positions/queries";

/** The staff list filtered to one position (Refine keeps list filters in the URL). */
const staffByPosition = (positionId: string) =>
  new URLSearchParams({
    "filters[0][field]": "position_id",
    "filters[0][operator]": "eq",
    "filters[0][value]": positionId,
  }).toString();

export default function OrgChartList() {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const positions = useList<PositionRow>({ resource: "positions", pagination: { mode: "off" } });
  const people = useQuery({ queryKey: ["org_chart_members"], queryFn: fetchOrgChartMembers });
  const tree = useMemo(() => positionTree(positions.result?.data ?? []), [positions.result?.data]);
  const render = (nodes: PositionNode[], depth: number) => (
    <ul
      style={{
        listStyle: "none",
        paddingLeft: depth === 0 ? 0 : 24,
        borderLeft: depth === 0 ? undefined : `2px solid ${token.colorBorderSecondary}`,
        margin: 0,
      }}
    >
      {nodes.map((node) => {
        const group = people.data?.get(node.id);
        const members = group?.members ?? [];
        const more = (group?.filled ?? 0) - members.length;
        return (
          <li key={node.id} style={{ margin: "8px 0" }}>
            <Card
              size="small"
              style={{ maxWidth: 640 }}
              data-testid={`org-position-${node.code}`}
              title={<Link to={`/positions/show/${node.id}`}>{positionTitle(node, i18n.language)}</Link>}
              extra={
                <Typography.Text type="secondary">
                  {t("positions.filled", { filled: group?.filled ?? 0, headcount: node.headcount })}
                </Typography.Text>
              }
            >
              {members.length === 0 ? (
                <Typography.Text type="secondary">{t("positions.nobody")}</Typography.Text>
              ) : (
                <Space wrap>
                  {members.map((m) => (
                    <Link key={m.id} to={`/staff/show/${m.id}`}>
                      <Tag color={m.status === "active" ? "blue" : "default"}>
                        {m.full_name}
                        {m.territory_code ? ` · ${m.territory_code}` : ""}
                      </Tag>
                    </Link>
                  ))}
                  {more > 0 && (
                    <Link to={`/staff?${staffByPosition(node.id)}`} data-testid={`org-more-${node.code}`}>
                      {t("org_chart.more", { count: more })}
                    </Link>
                  )}
                </Space>
              )}
            </Card>
            {node.children.length > 0 && render(node.children, depth + 1)}
          </li>
        );
      })}
    </ul>
  );
  const failed = positions.query.isError ? positions.query : people.isError ? people : undefined;
  return (
    <Card title={<PageTitle>{t("org_chart.title")}</PageTitle>} data-testid="org-chart">
      <Typography.Paragraph type="secondary">{t("org_chart.intro")}</Typography.Paragraph>
      {failed && <QueryError error={failed.error} onRetry={() => void failed.refetch()} />}
      {positions.query.isLoading || people.isLoading ? <Spin /> : tree.length === 0 ? <Empty /> : render(tree, 0)}
    </Card>
  );
}
