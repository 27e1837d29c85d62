// The dashboard: one page of cards for whoever signs in. Every card reads through the
// database's rules, so the same page is a salesperson's own figures, a manager's subtree and
// the whole department for HR and the auditor. Choosing a territory in the achievement card
// narrows every card to its subtree; the trail above leads back up.
import { List } from "@refinedev/antd";
import { useCan, useList } from "@refinedev/core";
import { Breadcrumb, Button, Col, InputNumber, Row, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { localizedName } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import {
  AchievementCard,
  AcknowledgementsCard,
  BandsCard,
  ComplianceCard,
  MonthsCard,
  OutstandingCard,
  OverdueCard,
  RankingCard,
  SalesCard,
  ViolationsCard,
  type Unit,
} from "./cards";
import type { DashboardScope } from "./queries";

type Kpi = Pick<Tables<"kpis">, "id" | "code" | "name_en" | "name_es" | "name_zh" | "unit">;
interface Crumb {
  id: string;
  label: string;
}

const months = Array.from({ length: 12 }, (_, i) => i + 1);

export default function Dashboards() {
  const { t, i18n } = useTranslation();
  const now = new Date();
  const [year, setYear] = useState(now.getFullYear());
  const [fromMonth, setFromMonth] = useState(1);
  const [toMonth, setToMonth] = useState(now.getMonth() + 1);
  const [kpiChoice, setKpiChoice] = useState<string>();
  const [trail, setTrail] = useState<Crumb[]>([]);
  const { data: canRank } = useCan({ resource: "dashboards", action: "rank" });
  const { result: kpiResult, query: kpiQuery } = useList<Kpi>({
    resource: "kpis",
    pagination: { mode: "off" },
    filters: [
      { field: "kind", operator: "eq", value: "quantitative" },
      { field: "active", operator: "eq", value: true },
    ],
    sorters: [{ field: "sort_order", order: "asc" }],
    meta: { select: "id, code, name_en, name_es, name_zh, unit" },
  });
  const kpis = kpiResult?.data ?? [];
  const kpi = kpis.find((k) => k.id === kpiChoice) ?? kpis.find((k) => k.code === "sales_amount") ?? kpis[0];
  const unit: Unit = kpi?.unit ?? "amount";
  const monthName = (m: number) => new Date(2000, m - 1, 1).toLocaleDateString(i18n.language, { month: "long" });
  const monthOptions = months.map((m) => ({ value: m, label: monthName(m) }));
  const scope: DashboardScope | null = kpi
    ? { year, fromMonth, toMonth, kpiId: kpi.id, territoryId: trail.at(-1)?.id ?? null }
    : null;

  return (
    <List title={<PageTitle>{t("dashboards.titles.list")}</PageTitle>}>
      <Space wrap style={{ marginBottom: 16 }} role="group" aria-label={t("dashboards.filters")}>
        <InputNumber
          aria-label={t("dashboards.year")}
          addonBefore={t("dashboards.year")}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
        />
        <Select
          aria-label={t("dashboards.fromMonth")}
          style={{ minWidth: 140 }}
          value={fromMonth}
          options={monthOptions}
          onChange={(m: number) => {
            setFromMonth(m);
            if (m > toMonth) setToMonth(m);
          }}
        />
        <Select
          aria-label={t("dashboards.toMonth")}
          style={{ minWidth: 140 }}
          value={toMonth}
          options={monthOptions}
          onChange={(m: number) => {
            setToMonth(m);
            if (m < fromMonth) setFromMonth(m);
          }}
        />
        <Select
          aria-label={t("dashboards.kpi")}
          style={{ minWidth: 220 }}
          loading={kpiQuery.isLoading}
          value={kpi?.id}
          options={kpis.map((k) => ({ value: k.id, label: localizedName(k, i18n.language) }))}
          onChange={(id: string) => setKpiChoice(id)}
        />
      </Space>
      <nav aria-label={t("dashboards.trail")} style={{ marginBottom: 16 }}>
        <Breadcrumb
          items={[
            {
              title:
                trail.length === 0 ? (
                  t("dashboards.everything")
                ) : (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setTrail([])}>
                    {t("dashboards.everything")}
                  </Button>
                ),
            },
            ...trail.map((c, i) => ({
              title:
                i === trail.length - 1 ? (
                  <span aria-current="location">{c.label}</span>
                ) : (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => setTrail(trail.slice(0, i + 1))}
                  >
                    {c.label}
                  </Button>
                ),
            })),
          ]}
        />
      </nav>
      {scope && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <AchievementCard
              scope={scope}
              unit={unit}
              onDrill={(r) => setTrail([...trail, { id: r.territory_id, label: `${r.code} ${r.name}` }])}
            />
          </Col>
          <Col xs={24} xl={12}>
            <MonthsCard scope={scope} unit={unit} />
          </Col>
          <Col xs={24} xl={12}>
            <SalesCard scope={scope} />
          </Col>
          <Col xs={24} xl={12}>
            <OutstandingCard scope={scope} />
          </Col>
          <Col xs={24} xl={12}>
            <BandsCard scope={scope} />
          </Col>
          <Col xs={24} xl={12}>
            <OverdueCard scope={scope} />
          </Col>
          <Col xs={24} xl={12}>
            <ComplianceCard scope={scope} />
          </Col>
          <Col xs={24} xl={12}>
            <ViolationsCard scope={scope} />
          </Col>
          <Col xs={24} xl={12}>
            <AcknowledgementsCard scope={scope} />
          </Col>
          {canRank?.can && (
            <Col xs={24} xl={12}>
              <RankingCard scope={scope} unit={unit} />
            </Col>
          )}
        </Row>
      )}
    </List>
  );
}
