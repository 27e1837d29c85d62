// One dashboard card: a title, its chart or the same numbers as a table (for screen readers,
// and for whoever prefers figures), the CSV of that table, and its loading, empty and error
// states. The chart module is fetched the first time a card draws one.
import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Segmented, Skeleton, Space, Table, Tooltip, Typography } from "antd";
import { lazy, Suspense, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { QueryError } from "../../components/QueryError";
import { useColorMode } from "../../providers/colorMode";
import type { ChartProps } from "./charts";
import { downloadCard, type CardColumn } from "./queries";

const Chart = lazy(() => import("./charts"));

export interface DashboardCardProps<R extends object> {
  /** The card's i18n name under dashboards.cards (also its CSV file's name). */
  name: string;
  rows: R[] | undefined;
  loading: boolean;
  error?: { message?: string } | null;
  onRetry?: () => void;
  columns: CardColumn<R>[];
  rowKey: (row: R) => string;
  chart?: Omit<ChartProps, "mode">;
  /** Shown above the chart or table (figures, a breadcrumb). */
  header?: ReactNode;
  extra?: ReactNode;
  empty?: string;
}

export function DashboardCard<R extends object>({
  name,
  rows,
  loading,
  error,
  onRetry,
  columns,
  rowKey,
  chart,
  header,
  extra,
  empty,
}: DashboardCardProps<R>) {
  const { t } = useTranslation();
  const { mode } = useColorMode();
  const [view, setView] = useState<"chart" | "table">(chart ? "chart" : "table");
  const title = t(`dashboards.cards.${name}.title`);
  const list = rows ?? [];
  const hasData = list.length > 0;
  return (
    <Card
      size="small"
      title={title}
      data-testid={`dashboard-card-${name}`}
      role="region"
      aria-label={title}
      extra={
        <Space wrap>
          {extra}
          {chart && (
            <Segmented
              size="small"
              aria-label={t("dashboards.view", { card: title })}
              value={view}
              onChange={(v) => setView(v as "chart" | "table")}
              options={[
                { value: "chart", label: t("dashboards.chart") },
                { value: "table", label: t("dashboards.table") },
              ]}
            />
          )}
          <Tooltip title={t("dashboards.csv", { card: title })}>
            <Button
              size="small"
              icon={<DownloadOutlined />}
              aria-label={t("dashboards.csv", { card: title })}
              disabled={!hasData}
              onClick={() => downloadCard(`${name}.csv`, list, columns)}
            />
          </Tooltip>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t(`dashboards.cards.${name}.description`)}
      </Typography.Paragraph>
      {error && <QueryError error={error} onRetry={onRetry} />}
      {header}
      {loading ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : !hasData && !error ? (
        <Empty description={empty ?? t("dashboards.empty")} />
      ) : view === "chart" && chart ? (
        <figure role="img" aria-label={t("dashboards.chartOf", { card: title })} style={{ margin: 0 }}>
          <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
            <Chart {...chart} mode={mode} />
          </Suspense>
        </figure>
      ) : (
        <Table<R>
          size="small"
          rowKey={rowKey}
          dataSource={list}
          pagination={list.length > 10 ? { pageSize: 10, hideOnSinglePage: true } : false}
          scroll={{ x: true }}
        >
          {columns.map((c) => (
            <Table.Column<R>
              key={c.key}
              title={c.title}
              align={c.align}
              render={(_, row) => (c.render ? c.render(row) : (c.value(row) ?? "—"))}
            />
          ))}
        </Table>
      )}
    </Card>
  );
}
