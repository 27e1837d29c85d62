// The dashboard's cards, each one database function read through the caller's RLS, shown as a
// chart or as its table, with the same columns in its CSV.
import { useCan, useNotification } from "@refinedev/core";
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { Alert, Button, Col, Row, Statistic, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { localizedName } from "../../providers/i18n";
import { formatMoney } from "../../utils/format";
import { DashboardCard } from "./card";
import {
  dashboardQueries,
  fetchDashboardSettings,
  overallCoverage,
  saveShowRanking,
  toPoints,
  violationsByMonth,
  type AchievementRow,
  type CardColumn,
  type CardName,
  type DashboardScope,
  type DashboardSettings,
} from "./queries";

export type Unit = "amount" | "count" | "percent" | "score";

type CardRows = { [K in CardName]: Awaited<ReturnType<(typeof dashboardQueries)[K]>> };

function useCard<N extends CardName>(name: N, scope: DashboardScope, enabled = true): UseQueryResult<CardRows[N]> {
  const fetch = dashboardQueries[name] as (s: DashboardScope) => Promise<CardRows[N]>;
  return useQuery({ queryKey: ["dashboards", name, scope], queryFn: () => fetch(scope), enabled });
}

function useFormat() {
  const { i18n } = useTranslation();
  const number = (v: number | null | undefined) =>
    v === null || v === undefined ? "—" : v.toLocaleString(i18n.language);
  return {
    money: (v: number | null | undefined) => formatMoney(v, i18n.language),
    number,
    percent: (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${number(v)} %`),
    byUnit: (unit: Unit) => (v: number | null | undefined) =>
      unit === "amount" ? formatMoney(v, i18n.language) : unit === "percent" ? `${number(v)} %` : number(v),
    month: (year: number, m: number) => new Date(year, m - 1, 1).toLocaleDateString(i18n.language, { month: "short" }),
    monthOf: (day: string) =>
      new Date(`${day.slice(0, 7)}-01T00:00:00`).toLocaleDateString(i18n.language, { month: "short", year: "numeric" }),
  };
}

const status = (q: { isLoading: boolean; error: Error | null; refetch: () => unknown }) => ({
  loading: q.isLoading,
  error: q.error,
  onRetry: () => void q.refetch(),
});

export function AchievementCard({
  scope,
  unit,
  onDrill,
}: {
  scope: DashboardScope;
  unit: Unit;
  onDrill: (row: AchievementRow) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useCard("achievement", scope);
  const value = f.byUnit(unit);
  const columns: CardColumn<AchievementRow>[] = [
    {
      key: "territory",
      title: t("dashboards.columns.territory"),
      value: (r) => `${r.code} ${r.name}`,
      render: (r) =>
        r.has_children ? (
          <Button type="link" style={{ padding: 0 }} onClick={() => onDrill(r)}>
            {t("dashboards.drill", { name: `${r.code} ${r.name}` })}
          </Button>
        ) : (
          `${r.code} ${r.name}`
        ),
    },
    {
      key: "target",
      title: t("dashboards.columns.target"),
      value: (r) => r.target,
      render: (r) => value(r.target),
      align: "right",
    },
    {
      key: "actual",
      title: t("dashboards.columns.actual"),
      value: (r) => r.actual,
      render: (r) => value(r.actual),
      align: "right",
    },
    {
      key: "achievement",
      title: t("dashboards.columns.achievement"),
      value: (r) => r.achievement,
      render: (r) => f.percent(r.achievement),
      align: "right",
    },
  ];
  return (
    <DashboardCard
      name="achievement"
      rows={q.data}
      {...status(q)}
      columns={columns}
      rowKey={(r) => r.territory_id}
      chart={{
        kind: "bar",
        data: toPoints(q.data ?? [], (r) => r.code, [
          { label: t("dashboards.columns.achievement"), value: (r) => r.achievement },
        ]),
        format: (v) => f.percent(v),
      }}
    />
  );
}

export function MonthsCard({ scope, unit }: { scope: DashboardScope; unit: Unit }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useCard("months", scope);
  const value = f.byUnit(unit);
  type R = NonNullable<typeof q.data>[number];
  const columns: CardColumn<R>[] = [
    { key: "month", title: t("dashboards.columns.month"), value: (r) => f.month(scope.year, r.month) },
    {
      key: "target",
      title: t("dashboards.columns.target"),
      value: (r) => r.target,
      render: (r) => value(r.target),
      align: "right",
    },
    {
      key: "goal",
      title: t("dashboards.columns.goal"),
      value: (r) => r.goal,
      render: (r) => value(r.goal),
      align: "right",
    },
    {
      key: "actual",
      title: t("dashboards.columns.actual"),
      value: (r) => r.actual,
      render: (r) => value(r.actual),
      align: "right",
    },
  ];
  return (
    <DashboardCard
      name="months"
      rows={q.data}
      {...status(q)}
      columns={columns}
      rowKey={(r) => String(r.month)}
      chart={{
        kind: "line",
        data: toPoints(q.data ?? [], (r) => f.month(scope.year, r.month), [
          { label: t("dashboards.columns.target"), value: (r) => r.target },
          { label: t("dashboards.columns.goal"), value: (r) => r.goal },
          { label: t("dashboards.columns.actual"), value: (r) => r.actual },
        ]),
        format: value,
      }}
    />
  );
}

export function BandsCard({ scope }: { scope: DashboardScope }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const q = useCard("bands", scope);
  const plans = useCard("plans", scope);
  type R = NonNullable<typeof q.data>[number];
  const month = q.data?.[0]?.month;
  const columns: CardColumn<R>[] = [
    { key: "band", title: t("dashboards.columns.band"), value: (r) => localizedName(r, i18n.language) },
    { key: "lower", title: t("dashboards.columns.lowerBound"), value: (r) => r.lower_bound, align: "right" },
    { key: "outcome", title: t("dashboards.columns.outcome"), value: (r) => t(`rating_bands.outcome.${r.outcome}`) },
    { key: "evaluations", title: t("dashboards.columns.evaluations"), value: (r) => r.evaluations, align: "right" },
    { key: "drafts", title: t("dashboards.columns.drafts"), value: (r) => r.drafts, align: "right" },
  ];
  const p = plans.data?.[0];
  return (
    <DashboardCard
      name="bands"
      rows={q.data}
      {...status(q)}
      columns={columns}
      rowKey={(r) => r.band_id}
      empty={t("dashboards.cards.bands.none")}
      header={
        <>
          {month && (
            <Typography.Paragraph>
              {t("dashboards.cards.bands.month", { month: f.monthOf(String(month)) })}
            </Typography.Paragraph>
          )}
          <Row gutter={16} style={{ marginBottom: 12 }} role="group" aria-label={t("dashboards.cards.bands.plans")}>
            {(["open", "due_soon", "missed", "met"] as const).map((k) => (
              <Col key={k} xs={12} sm={6}>
                <Statistic
                  title={t(`dashboards.plans.${k}`)}
                  value={p ? Number(p[k]) : "—"}
                  loading={plans.isLoading}
                />
              </Col>
            ))}
          </Row>
        </>
      }
      chart={{
        kind: "column",
        data: toPoints(q.data ?? [], (r) => localizedName(r, i18n.language), [
          { label: t("dashboards.columns.evaluations"), value: (r) => r.evaluations },
        ]),
        format: f.number,
      }}
    />
  );
}

export function OverdueCard({ scope }: { scope: DashboardScope }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const q = useCard("overdue", scope);
  type R = NonNullable<typeof q.data>[number];
  const columns: CardColumn<R>[] = [
    { key: "tier", title: t("dashboards.columns.tier"), value: (r) => localizedName(r, i18n.language) },
    { key: "interval", title: t("dashboards.columns.interval"), value: (r) => r.visit_interval_days, align: "right" },
    { key: "customers", title: t("dashboards.columns.customers"), value: (r) => r.customers, align: "right" },
    { key: "overdue", title: t("dashboards.columns.overdue"), value: (r) => r.overdue, align: "right" },
    { key: "oldest", title: t("dashboards.columns.oldestDays"), value: (r) => r.oldest_days, align: "right" },
  ];
  return (
    <DashboardCard
      name="overdue"
      rows={q.data}
      {...status(q)}
      columns={columns}
      rowKey={(r) => r.tier_id}
      chart={{
        kind: "column",
        data: toPoints(q.data ?? [], (r) => localizedName(r, i18n.language), [
          { label: t("dashboards.columns.customers"), value: (r) => r.customers },
          { label: t("dashboards.columns.overdue"), value: (r) => r.overdue },
        ]),
        format: f.number,
      }}
    />
  );
}

export function ComplianceCard({ scope }: { scope: DashboardScope }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useCard("compliance", scope);
  type R = NonNullable<typeof q.data>[number];
  const columns: CardColumn<R>[] = [
    { key: "month", title: t("dashboards.columns.month"), value: (r) => f.monthOf(String(r.month)) },
    { key: "planned", title: t("dashboards.columns.planned"), value: (r) => r.planned, align: "right" },
    { key: "done", title: t("dashboards.columns.done"), value: (r) => r.done, align: "right" },
    {
      key: "compliance",
      title: t("dashboards.columns.compliance"),
      value: (r) => r.compliance,
      render: (r) => f.percent(r.compliance),
      align: "right",
    },
  ];
  return (
    <DashboardCard
      name="compliance"
      rows={q.data}
      {...status(q)}
      columns={columns}
      rowKey={(r) => String(r.month)}
      chart={{
        kind: "column",
        data: toPoints(q.data ?? [], (r) => f.monthOf(String(r.month)), [
          { label: t("dashboards.columns.planned"), value: (r) => r.planned },
          { label: t("dashboards.columns.done"), value: (r) => r.done },
        ]),
        format: f.number,
      }}
    />
  );
}

export function SalesCard({ scope }: { scope: DashboardScope }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useCard("sales", scope);
  type R = NonNullable<typeof q.data>[number];
  const money = (pick: (r: R) => number) => ({
    value: pick,
    render: (r: R) => f.money(pick(r)),
    align: "right" as const,
  });
  const columns: CardColumn<R>[] = [
    { key: "month", title: t("dashboards.columns.month"), value: (r) => f.month(scope.year, r.month) },
    { key: "amount", title: t("dashboards.columns.amount"), ...money((r) => r.amount) },
    { key: "profit", title: t("dashboards.columns.profit"), ...money((r) => r.profit) },
    { key: "collected", title: t("dashboards.columns.collected"), ...money((r) => r.collected) },
    { key: "new", title: t("dashboards.columns.newCustomers"), value: (r) => r.new_customers, align: "right" },
    {
      key: "goal",
      title: t("dashboards.columns.newCustomersGoal"),
      value: (r) => r.new_customers_goal,
      render: (r) => f.number(r.new_customers_goal),
      align: "right",
    },
  ];
  return (
    <DashboardCard
      name="sales"
      rows={q.data}
      {...status(q)}
      columns={columns}
      rowKey={(r) => String(r.month)}
      chart={{
        kind: "column",
        data: toPoints(q.data ?? [], (r) => f.month(scope.year, r.month), [
          { label: t("dashboards.columns.amount"), value: (r) => r.amount },
          { label: t("dashboards.columns.profit"), value: (r) => r.profit },
          { label: t("dashboards.columns.collected"), value: (r) => r.collected },
        ]),
        format: f.money,
      }}
    />
  );
}

export function OutstandingCard({ scope }: { scope: DashboardScope }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useCard("outstanding", scope);
  type R = NonNullable<typeof q.data>[number];
  const age = (r: R) => t(`dashboards.ages.${Math.min(r.months_ago, 3)}`);
  const columns: CardColumn<R>[] = [
    { key: "age", title: t("dashboards.columns.age"), value: age },
    { key: "month", title: t("dashboards.columns.month"), value: (r) => f.monthOf(String(r.sales_month)) },
    {
      key: "sold",
      title: t("dashboards.columns.sold"),
      value: (r) => r.sold,
      render: (r) => f.money(r.sold),
      align: "right",
    },
    {
      key: "outstanding",
      title: t("dashboards.columns.outstanding"),
      value: (r) => r.outstanding,
      render: (r) => f.money(r.outstanding),
      align: "right",
    },
  ];
  return (
    <DashboardCard
      name="outstanding"
      rows={q.data}
      {...status(q)}
      columns={columns}
      rowKey={(r) => String(r.months_ago)}
      chart={{
        kind: "column",
        data: toPoints(q.data ?? [], age, [
          { label: t("dashboards.columns.outstanding"), value: (r) => r.outstanding },
        ]),
        format: f.money,
      }}
    />
  );
}

export function ViolationsCard({ scope }: { scope: DashboardScope }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useCard("violations", scope);
  const byMonth = violationsByMonth(q.data ?? []);
  const codes = [...new Set((q.data ?? []).map((r) => r.code))].sort();
  type R = (typeof byMonth)[number];
  const columns: CardColumn<R>[] = [
    { key: "month", title: t("dashboards.columns.month"), value: (r) => f.monthOf(r.month) },
    ...codes.map((code) => ({ key: code, title: code, value: (r: R) => r.counts[code] ?? 0, align: "right" as const })),
  ];
  return (
    <DashboardCard
      name="violations"
      rows={q.isLoading ? undefined : byMonth}
      {...status(q)}
      columns={columns}
      rowKey={(r) => r.month}
      empty={t("dashboards.cards.violations.none")}
      chart={{
        kind: "column",
        layout: "stack",
        data: (q.data ?? []).map((r) => ({
          x: f.monthOf(String(r.month)),
          series: r.code,
          value: Number(r.violations),
        })),
        format: f.number,
      }}
    />
  );
}

export function AcknowledgementsCard({ scope }: { scope: DashboardScope }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const q = useCard("acknowledgements", scope);
  type R = NonNullable<typeof q.data>[number];
  const title = (r: R) =>
    `${r.code} ${(i18n.language === "es" ? r.title_es : i18n.language === "zh-CN" ? r.title_zh : r.title_en) || r.title_en}`;
  const columns: CardColumn<R>[] = [
    { key: "rule", title: t("dashboards.columns.rule"), value: title },
    { key: "applicable", title: t("dashboards.columns.applicable"), value: (r) => r.applicable, align: "right" },
    { key: "acknowledged", title: t("dashboards.columns.acknowledged"), value: (r) => r.acknowledged, align: "right" },
    {
      key: "coverage",
      title: t("dashboards.columns.coverage"),
      value: (r) => r.coverage,
      render: (r) => f.percent(r.coverage),
      align: "right",
    },
  ];
  const overall = overallCoverage(q.data ?? []);
  return (
    <DashboardCard
      name="acknowledgements"
      rows={q.data}
      {...status(q)}
      columns={columns}
      rowKey={(r) => r.regulation_id}
      header={
        overall !== null && (
          <Typography.Paragraph strong>
            {t("dashboards.cards.acknowledgements.overall", { percent: f.percent(overall) })}
          </Typography.Paragraph>
        )
      }
      chart={{
        kind: "bar",
        data: toPoints(q.data ?? [], (r) => r.code, [
          { label: t("dashboards.columns.coverage"), value: (r) => r.coverage },
        ]),
        format: f.percent,
      }}
    />
  );
}

export function RankingCard({ scope, unit }: { scope: DashboardScope; unit: Unit }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { open } = useNotification();
  const client = useQueryClient();
  const { data: canSwitch } = useCan({ resource: "dashboards", action: "update" });
  const settings = useQuery({ queryKey: ["dashboard_settings"], queryFn: fetchDashboardSettings });
  const on = settings.data?.show_ranking === true;
  const q = useCard("ranking", scope, on);
  const toggle = useMutation({
    mutationFn: ({ current, show }: { current: DashboardSettings; show: boolean }) => saveShowRanking(current, show),
    onSuccess: (saved) => {
      client.setQueryData(["dashboard_settings"], saved);
      open?.({
        type: "success",
        message: t(saved.show_ranking ? "dashboards.ranking.shown" : "dashboards.ranking.hidden"),
      });
    },
    onError: (e) => {
      void settings.refetch();
      open?.({
        type: "error",
        message: t("dashboards.ranking.saveFailed"),
        description: "code" in e && e.code === "PT409" ? t("dashboards.ranking.conflict") : e.message,
      });
    },
  });
  const value = f.byUnit(unit);
  type R = NonNullable<typeof q.data>[number];
  const columns: CardColumn<R>[] = [
    { key: "rank", title: t("dashboards.columns.rank"), value: (r) => r.rank, align: "right" },
    { key: "person", title: t("dashboards.columns.person"), value: (r) => r.full_name },
    {
      key: "target",
      title: t("dashboards.columns.target"),
      value: (r) => r.target,
      render: (r) => value(r.target),
      align: "right",
    },
    {
      key: "actual",
      title: t("dashboards.columns.actual"),
      value: (r) => r.actual,
      render: (r) => value(r.actual),
      align: "right",
    },
    {
      key: "achievement",
      title: t("dashboards.columns.achievement"),
      value: (r) => r.achievement,
      render: (r) => f.percent(r.achievement),
      align: "right",
    },
  ];
  const switcher = canSwitch?.can && settings.data && (
    <Switch
      size="small"
      checked={on}
      loading={toggle.isPending}
      aria-label={t("dashboards.ranking.switch")}
      checkedChildren={t("dashboards.ranking.on")}
      unCheckedChildren={t("dashboards.ranking.off")}
      onChange={(show) => toggle.mutate({ current: settings.data!, show })}
    />
  );
  if (!settings.isLoading && !on) {
    return (
      <DashboardCard
        name="ranking"
        rows={[]}
        loading={false}
        error={settings.error}
        columns={columns}
        rowKey={(r) => r.staff_id}
        extra={switcher}
        empty={t("dashboards.ranking.off_explained")}
      />
    );
  }
  return (
    <DashboardCard
      name="ranking"
      rows={q.data}
      loading={settings.isLoading || q.isLoading}
      error={q.error ?? settings.error}
      onRetry={() => void q.refetch()}
      columns={columns}
      rowKey={(r) => r.staff_id}
      extra={switcher}
      header={<Alert type="info" showIcon style={{ marginBottom: 12 }} message={t("dashboards.ranking.caution")} />}
    />
  );
}
