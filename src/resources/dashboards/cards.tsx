// The dashboard's cards, each one database function read through the caller's RLS, shown as a
// chart or as its table, with the same columns in its CSV.
import { useCan, useNotification } from "@refinedev/core";
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { Alert, Button, Col, Row, Statistic, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
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

/**
 * A right-aligned figure column titled by its `dashboards.columns` key: the table shows it
 * formatted (when `show` is given), the CSV keeps the plain number.
 */
function figure<R>(
  t: TFunction,
  key: string,
  pick: (r: R) => number | null,
  show?: (v: number | null) => string,
): CardColumn<R> {
  return {
    key,
    title: t(`dashboards.columns.${key}`),
    value: pick,
    render: show ? (r) => show(pick(r)) : undefined,
    align: "right",
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
    figure(t, "target", (r) => r.target, value),
    figure(t, "actual", (r) => r.actual, value),
    figure(t, "achievement", (r) => r.achievement, f.percent),
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
    figure(t, "target", (r) => r.target, value),
    figure(t, "goal", (r) => r.goal, value),
    figure(t, "actual", (r) => r.actual, value),
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
    figure(t, "lowerBound", (r) => r.lower_bound),
    { key: "outcome", title: t("dashboards.columns.outcome"), value: (r) => t(`rating_bands.outcome.${r.outcome}`) },
    figure(t, "evaluations", (r) => r.evaluations),
    figure(t, "drafts", (r) => r.drafts),
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
    figure(t, "interval", (r) => r.visit_interval_days),
    figure(t, "customers", (r) => r.customers),
    figure(t, "overdue", (r) => r.overdue),
    figure(t, "oldestDays", (r) => r.oldest_days),
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
    figure(t, "planned", (r) => r.planned),
    figure(t, "done", (r) => r.done),
    figure(t, "compliance", (r) => r.compliance, f.percent),
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
  const columns: CardColumn<R>[] = [
    { key: "month", title: t("dashboards.columns.month"), value: (r) => f.month(scope.year, r.month) },
    figure(t, "amount", (r) => r.amount, f.money),
    figure(t, "profit", (r) => r.profit, f.money),
    figure(t, "collected", (r) => r.collected, f.money),
    figure(t, "newCustomers", (r) => r.new_customers),
    figure(t, "newCustomersGoal", (r) => r.new_customers_goal, f.number),
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
    figure(t, "sold", (r) => r.sold, f.money),
    figure(t, "outstanding", (r) => r.outstanding, f.money),
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
    figure(t, "applicable", (r) => r.applicable),
    figure(t, "acknowledged", (r) => r.acknowledged),
    figure(t, "coverage", (r) => r.coverage, f.percent),
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
    figure(t, "rank", (r) => r.rank),
    { key: "person", title: t("dashboards.columns.person"), value: (r) => r.full_name },
    figure(t, "target", (r) => r.target, value),
    figure(t, "actual", (r) => r.actual, value),
    figure(t, "achievement", (r) => r.achievement, f.percent),
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
