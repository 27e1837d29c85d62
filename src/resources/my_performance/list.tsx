// My performance: the signed-in person's company targets against their actuals month by
// month (an actual not yet evaluated is computed now, and marked so), and their own
// evaluations, the approved ones waiting for their acknowledgement first.
import { List, ShowButton } from "@refinedev/antd";
import { useCan, useList, useNotification } from "@refinedev/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Badge, Button, Card, Empty, InputNumber, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { localizedName } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import { formatMoney } from "../../utils/format";
import { useMyStaff } from "../customers/hooks";
import { evaluationListSelect, type EvaluationListRow } from "../evaluations/queries";
import { BandTag, StatusTag } from "../evaluations/tags";
import { GoalForm } from "./form";
import { YearEnd } from "./year-end";
import {
  fetchPerformance,
  meets,
  performanceLines,
  saveGoal,
  type GoalRow,
  type GoalValues,
  type PerformanceLine,
} from "./queries";

type Kpi = Pick<Tables<"kpis">, "id" | "code" | "name_en" | "name_es" | "name_zh" | "unit" | "direction">;

export default function MyPerformance() {
  const { t, i18n } = useTranslation();
  const { staff, loading: staffLoading } = useMyStaff();
  const [year, setYear] = useState(new Date().getFullYear());
  const [settingGoal, setSettingGoal] = useState(false);
  const { open } = useNotification();
  const { data: canSetGoal } = useCan({ resource: "personal_goals", action: "create" });
  const { result: goalResult, query: goalQuery } = useList<GoalRow>({
    resource: "personal_goals",
    pagination: { mode: "off" },
    filters: [
      { field: "staff_id", operator: "eq", value: staff?.id },
      { field: "year", operator: "eq", value: year },
    ],
    meta: { select: "id, kpi_id, year, months, note, version" },
    queryOptions: { enabled: Boolean(staff?.id) },
  });
  const performance = useQuery({
    queryKey: ["performance_months", staff?.id, year],
    queryFn: () => fetchPerformance(staff!.id, year),
    enabled: Boolean(staff?.id),
  });
  const { result: kpiResult } = useList<Kpi>({
    resource: "kpis",
    pagination: { mode: "off" },
    meta: { select: "id, code, name_en, name_es, name_zh, unit, direction" },
  });
  const { result: evaluations, query: evaluationQuery } = useList<EvaluationListRow>({
    resource: "evaluations",
    filters: [{ field: "staff_id", operator: "eq", value: staff?.id }],
    sorters: [{ field: "month", order: "desc" }],
    pagination: { pageSize: 24 },
    meta: { select: evaluationListSelect },
    queryOptions: { enabled: Boolean(staff?.id) },
  });
  const goal = useMutation({
    mutationFn: ({ v, existing }: { v: GoalValues; existing: GoalRow | undefined }) =>
      saveGoal(staff!.id, year, v, existing),
    onSuccess: () => {
      open?.({ type: "success", message: t("my_performance.goal.saved") });
      setSettingGoal(false);
      void goalQuery.refetch();
      void performance.refetch();
    },
    onError: (e) => open?.({ type: "error", message: t("my_performance.goal.failed"), description: e.message }),
  });
  const kpis = kpiResult?.data ?? [];
  const kpiOf = (id: string) => kpis.find((k) => k.id === id);
  const lines = performanceLines(performance.data ?? []);
  const figure = (kpi: Kpi | undefined, v: number | null) =>
    v === null ? "—" : kpi?.unit === "amount" ? formatMoney(v, i18n.language) : v.toLocaleString(i18n.language);
  const toAcknowledge = (evaluations?.data ?? []).filter((e) => e.status === "approved");

  if (!staffLoading && !staff) {
    return (
      <List title={<PageTitle>{t("my_performance.titles.list")}</PageTitle>}>
        <Empty description={t("my_performance.noStaff")} />
      </List>
    );
  }
  return (
    <List title={<PageTitle>{t("my_performance.titles.list")}</PageTitle>}>
      {toAcknowledge.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t("my_performance.toAcknowledge", { count: toAcknowledge.length })}
        />
      )}
      <Card
        size="small"
        title={t("my_performance.targetsVsActuals")}
        extra={
          <Space>
            {canSetGoal?.can && staff && (
              <Button onClick={() => setSettingGoal(true)}>{t("my_performance.goal.set")}</Button>
            )}
            <InputNumber
              aria-label={t("targets.fields.year")}
              addonBefore={t("targets.fields.year")}
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && setYear(v)}
            />
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t("my_performance.legend")}</Typography.Paragraph>
        {performance.isError && <QueryError error={performance.error} onRetry={() => void performance.refetch()} />}
        <Table<PerformanceLine>
          size="small"
          rowKey="kpiId"
          loading={performance.isLoading || staffLoading}
          dataSource={lines}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t("my_performance.none", { year }) }}
        >
          <Table.Column<PerformanceLine>
            key="kpi"
            title={t("evaluations.fields.kpi_id")}
            fixed="left"
            render={(_, l) => {
              const kpi = kpiOf(l.kpiId);
              return kpi ? localizedName(kpi, i18n.language) : "—";
            }}
          />
          {l12.map((i) => (
            <Table.Column<PerformanceLine>
              key={i}
              title={new Date(year, i, 1).toLocaleDateString(i18n.language, { month: "short" })}
              align="right"
              render={(_, l) => {
                const kpi = kpiOf(l.kpiId);
                const cell = l.months[i]!;
                const met = kpi ? meets(cell, kpi.direction) : null;
                return (
                  <Space direction="vertical" size={0}>
                    <Typography.Text
                      type={met === false ? "danger" : met ? "success" : undefined}
                      strong={met !== null}
                    >
                      {figure(kpi, cell.actual)}
                      {cell.live && cell.actual !== null ? " *" : ""}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {t("my_performance.of", { target: figure(kpi, cell.target) })}
                    </Typography.Text>
                    {cell.goal !== null && (
                      <Typography.Text type="secondary">
                        {t("my_performance.goal.cell", { goal: figure(kpi, cell.goal) })}
                      </Typography.Text>
                    )}
                  </Space>
                );
              }}
            />
          ))}
        </Table>
      </Card>

      {settingGoal && (
        <GoalForm
          year={year}
          goals={goalResult?.data ?? []}
          pending={goal.isPending}
          onSubmit={(v, existing) => goal.mutate({ v, existing })}
          onCancel={() => setSettingGoal(false)}
        />
      )}
      {staff && (
        <YearEnd
          staffId={staff.id}
          year={year}
          kpiName={(id) => {
            const k = kpiOf(id);
            return k ? localizedName(k, i18n.language) : "—";
          }}
        />
      )}

      <Card size="small" title={t("my_performance.evaluations")} style={{ marginTop: 16 }}>
        {evaluationQuery.isError && (
          <QueryError error={evaluationQuery.error} onRetry={() => void evaluationQuery.refetch()} />
        )}
        <Table<EvaluationListRow>
          size="small"
          rowKey="id"
          loading={evaluationQuery.isLoading}
          dataSource={evaluations?.data ?? []}
          pagination={false}
          locale={{ emptyText: t("my_performance.noEvaluations") }}
        >
          <Table.Column<EvaluationListRow>
            dataIndex="month"
            title={t("evaluations.fields.month")}
            render={(m: string) =>
              new Date(`${m}T00:00:00`).toLocaleDateString(i18n.language, { month: "long", year: "numeric" })
            }
          />
          <Table.Column<EvaluationListRow>
            dataIndex="total_score"
            title={t("evaluations.fields.total_score")}
            align="right"
            render={(v: number | null) => (v === null ? "—" : Number(v).toFixed(2))}
          />
          <Table.Column<EvaluationListRow>
            key="band"
            title={t("evaluations.fields.band_id")}
            render={(_, r) =>
              r.band ? <BandTag outcome={r.band_outcome} label={localizedName(r.band, i18n.language)} /> : "—"
            }
          />
          <Table.Column<EvaluationListRow>
            key="status"
            title={t("evaluations.fields.status")}
            render={(_, r) => (
              <Space>
                <StatusTag status={r.status} />
                {r.status === "approved" && <Badge status="processing" text={t("my_performance.waitingForYou")} />}
              </Space>
            )}
          />
          <Table.Column<EvaluationListRow>
            key="open"
            title={t("table.actions")}
            render={(_, r) => (
              <ShowButton
                hideText
                size="small"
                resource="evaluations"
                recordItemId={r.id}
                aria-label={t("my_performance.open", {
                  month: new Date(`${r.month}T00:00:00`).toLocaleDateString(i18n.language, {
                    month: "long",
                    year: "numeric",
                  }),
                })}
              />
            )}
          />
        </Table>
      </Card>
    </List>
  );
}

const l12 = Array.from({ length: 12 }, (_, i) => i);
