// The year-end evaluation of a person: their approved months made into one by each KPI's rule
// (computed by the database), with the total and band; empty until a month is approved.
import { useList } from "@refinedev/core";
import { useQuery } from "@tanstack/react-query";
import { Card, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { QueryError } from "../../components/QueryError";
import { localizedName } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import { BandTag } from "../evaluations/tags";
import { fetchYearEnd, type YearEndLine } from "./queries";

export function YearEnd({
  staffId,
  year,
  kpiName,
}: {
  staffId: string;
  year: number;
  kpiName: (id: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: ["year_end_evaluation", staffId, year],
    queryFn: () => fetchYearEnd(staffId, year),
  });
  const rows = query.data ?? [];
  const first = rows[0];
  const { result: bands } = useList<
    Pick<Tables<"rating_bands">, "id" | "code" | "name_en" | "name_es" | "name_zh" | "outcome">
  >({
    resource: "rating_bands",
    pagination: { mode: "off" },
    meta: { select: "id, code, name_en, name_es, name_zh, outcome" },
  });
  const band = bands?.data.find((b) => b.id === first?.band_id);
  const number = (v: number | null) => (v === null ? "—" : Number(v).toLocaleString(i18n.language));
  return (
    <Card
      size="small"
      title={t("my_performance.yearEnd.title", { year })}
      style={{ marginTop: 16 }}
      extra={
        first && (
          <Space>
            <Typography.Text strong>
              {t("my_performance.yearEnd.total", { total: Number(first.total_score).toFixed(2) })}
            </Typography.Text>
            {band && <BandTag outcome={band.outcome} label={localizedName(band, i18n.language)} />}
          </Space>
        )
      }
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<YearEndLine>
        size="small"
        rowKey="kpi_id"
        loading={query.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t("my_performance.yearEnd.none", { year }) }}
      >
        <Table.Column<YearEndLine>
          key="kpi"
          title={t("evaluations.fields.kpi_id")}
          render={(_, r) => kpiName(r.kpi_id)}
        />
        <Table.Column<YearEndLine>
          dataIndex="rule"
          title={t("kpis.fields.year_aggregation")}
          render={(a: string) => t(`kpis.yearAggregation.${a}`)}
        />
        <Table.Column<YearEndLine> dataIndex="months" title={t("my_performance.yearEnd.months")} align="right" />
        <Table.Column<YearEndLine>
          dataIndex="weight"
          title={t("evaluations.fields.weight")}
          align="right"
          render={(w: number) => Number(w).toFixed(2)}
        />
        <Table.Column<YearEndLine>
          dataIndex="target"
          title={t("evaluations.fields.target")}
          align="right"
          render={number}
        />
        <Table.Column<YearEndLine>
          key="actual"
          title={t("evaluations.fields.actual")}
          align="right"
          render={(_, r) => (r.manual_score !== null ? number(r.manual_score) : number(r.actual))}
        />
        <Table.Column<YearEndLine>
          dataIndex="achievement"
          title={t("evaluations.fields.achievement")}
          align="right"
          render={(a: number | null) => (a === null ? "—" : `${Number(a).toFixed(2)} %`)}
        />
      </Table>
    </Card>
  );
}
