// The org chart: the position tree with the people in each position (those the viewer may
// read), drawn as nested lists so it reads well with a screen reader too.
import { useList } from "@refinedev/core";
import { Card, Empty, Space, Spin, Tag, Typography, theme } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import type { Tables } from "../../types/database";
import { positionTitle } from "./queries";
import { positionTree, type PositionNode, type PositionRow } from "./queries";

type Person = Pick<Tables<"staff">, "id" | "full_name" | "position_id" | "status"> & { territories: { code: string } | null };

export default function OrgChart() {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const positions = useList<PositionRow>({ resource: "positions", pagination: { mode: "off" } });
  const people = useList<Person>({
    resource: "staff",
    pagination: { mode: "off" },
    filters: [{ field: "status", operator: "ne", value: "left" }],
    sorters: [{ field: "full_name", order: "asc" }],
    meta: { select: "id, full_name, position_id, status, territories:territory_id(code)" },
  });
  const tree = useMemo(() => positionTree(positions.result?.data ?? []), [positions.result?.data]);
  const byPosition = useMemo(() => {
    const map = new Map<string, Person[]>();
    for (const p of people.result?.data ?? []) map.set(p.position_id, [...(map.get(p.position_id) ?? []), p]);
    return map;
  }, [people.result?.data]);
  const render = (nodes: PositionNode[], depth: number) => (
    <ul style={{ listStyle: "none", paddingLeft: depth === 0 ? 0 : 24, borderLeft: depth === 0 ? undefined : `2px solid ${token.colorBorderSecondary}`, margin: 0 }}>
      {nodes.map((node) => {
        const members = byPosition.get(node.id) ?? [];
        return (
          <li key={node.id} style={{ margin: "8px 0" }}>
            <Card size="small" style={{ maxWidth: 640 }} data-testid={`org-position-${node.code}`}
              title={<Link to={`/positions/show/${node.id}`}>{positionTitle(node, i18n.language)}</Link>}
              extra={<Typography.Text type="secondary">{t("positions.filled", { filled: members.length, headcount: node.headcount })}</Typography.Text>}>
              {members.length === 0 ? (
                <Typography.Text type="secondary">{t("positions.nobody")}</Typography.Text>
              ) : (
                <Space wrap>
                  {members.map((m) => (
                    <Link key={m.id} to={`/staff/show/${m.id}`}>
                      <Tag color={m.status === "active" ? "blue" : "default"}>{m.full_name}{m.territories ? ` · ${m.territories.code}` : ""}</Tag>
                    </Link>
                  ))}
                </Space>
              )}
            </Card>
            {node.children.length > 0 && render(node.children, depth + 1)}
          </li>
        );
      })}
    </ul>
  );
  const failed = positions.query.isError ? positions.query : people.query.isError ? people.query : undefined;
  return (
    <Card title={<PageTitle>{t("orgChart.title")}</PageTitle>} data-testid="org-chart">
      <Typography.Paragraph type="secondary">{t("orgChart.intro")}</Typography.Paragraph>
      {failed && <QueryError error={failed.error} onRetry={() => void failed.refetch()} />}
      {positions.query.isLoading || people.query.isLoading ? <Spin /> : tree.length === 0 ? <Empty /> : render(tree, 0)}
    </Card>
  );
}
