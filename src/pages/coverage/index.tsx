// Acknowledgement coverage: for one rule in force and one territory subtree, who has and has
// not confirmed reading the current version, percentages per child territory, and a CSV of
// the people still missing. Everything is read through RLS (regulation_coverage is invoker).
import { DownloadOutlined } from "@ant-design/icons";
import { useList } from "@refinedev/core";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Form, Input, Progress, Select, Space, Statistic, Switch, Table, Tag, Typography } from "antd";
import Papa from "papaparse";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { TerritoryTreeSelect, useTerritoryTree } from "../../components/org/TerritoryTreeSelect";
import { toAppError } from "../../providers/errors";
import { fetchCoverage, localized, type CoverageRow, type RegulationRow, type VersionRow } from "../../resources/regulations/queries";
import { groupByChild, missingRows, summary, type CoverageGroup, type CoveragePerson } from "./coverage";

type RuleOption = Pick<RegulationRow, "id" | "code" | "status" | "current_version"> & {
  regulation_versions: Pick<VersionRow, "version_number" | "title_en" | "title_es" | "title_zh">[];
};

function download(filename: string, rows: Record<string, unknown>[]) {
  const blob = new Blob([`\uFEFF${Papa.unparse(rows)}`], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

export default function CoveragePage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const ruleId = params.get("rule");
  const territoryId = params.get("territory");
  const onlyMissing = params.get("missing") === "1";
  const who = (params.get("q") ?? "").trim().toLowerCase();
  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const rules = useList<RuleOption>({
    resource: "regulations",
    pagination: { mode: "off" },
    filters: [{ field: "current_version", operator: "nnull", value: null }],
    sorters: [{ field: "code", order: "asc" }],
    meta: { select: "id, code, status, current_version, regulation_versions(version_number, title_en, title_es, title_zh)" },
  });
  const ruleRows = rules.result?.data ?? [];
  const rule = ruleRows.find((r) => r.id === ruleId);
  const { rows: territories } = useTerritoryTree();

  const coverage = useQuery({
    queryKey: ["regulation_coverage", ruleId, territoryId],
    queryFn: () => fetchCoverage(ruleId!, territoryId),
    enabled: !!ruleId,
  });
  const people: CoveragePerson[] = useMemo(
    () => (coverage.data ?? []).map((r: CoverageRow) => ({ ...r, territory_code: r.territory_code ?? null, territory_path: r.territory_path ?? null })),
    [coverage.data],
  );
  const totals = summary(people);
  const groups = useMemo(() => groupByChild(people, territories, territoryId), [people, territories, territoryId]);
  const shown = people.filter(
    (p) => (!onlyMissing || !p.acknowledged) && (!who || p.full_name.toLowerCase().includes(who) || p.email.toLowerCase().includes(who)),
  );

  const ruleTitle = (r: RuleOption) => {
    const v = r.regulation_versions.find((x) => x.version_number === r.current_version);
    return v ? localized(v as unknown as Record<string, unknown>, "title", i18n.language).text : "";
  };

  return (
    <Card title={<PageTitle>{t("coverage.title")}</PageTitle>} data-testid="coverage-page">
      <Typography.Paragraph type="secondary">{t("coverage.intro")}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t("coverage.rule")} htmlFor="coverage-rule">
          <Select
            id="coverage-rule"
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 320 }}
            loading={rules.query.isLoading}
            value={ruleId ?? undefined}
            placeholder={t("coverage.pickRule")}
            onChange={(v: string) => setParam("rule", v)}
            data-testid="coverage-rule"
            options={ruleRows.map((r) => ({ value: r.id, label: `${r.code} · ${ruleTitle(r)}${r.status === "retired" ? ` (${t("rules.status.retired")})` : ""}` }))}
          />
        </Form.Item>
        <Form.Item label={t("coverage.territory")} htmlFor="coverage-territory">
          <TerritoryTreeSelect
            id="coverage-territory"
            value={territoryId}
            onChange={(v) => setParam("territory", v)}
            placeholder={t("coverage.allTerritories")}
            data-testid="coverage-territory"
          />
        </Form.Item>
        <Form.Item label={t("coverage.search")} htmlFor="coverage-search">
          <Input.Search
            id="coverage-search"
            allowClear
            defaultValue={params.get("q") ?? ""}
            onSearch={(v) => setParam("q", v.trim() || null)}
            placeholder={t("coverage.searchPlaceholder")}
            data-testid="coverage-search"
            style={{ width: 240 }}
          />
        </Form.Item>
        <Form.Item label={t("coverage.onlyMissing")} htmlFor="coverage-missing">
          <Switch id="coverage-missing" checked={onlyMissing} onChange={(v) => setParam("missing", v ? "1" : null)} data-testid="coverage-only-missing" />
        </Form.Item>
      </Form>

      {rules.query.isError && <QueryError error={{ message: toAppError(rules.query.error).message }} onRetry={() => void rules.query.refetch()} />}
      {coverage.isError && <QueryError error={{ message: toAppError(coverage.error).message }} onRetry={() => void coverage.refetch()} />}

      {!ruleId ? (
        <Empty description={t("coverage.noRule")} data-testid="coverage-empty" />
      ) : (
        <Space direction="vertical" size="large" style={{ width: "100%" }}>
          {rule && (
            <Space wrap size="large" data-testid="coverage-summary">
              <Statistic title={t("coverage.version")} value={t("rules.versionN", { n: rule.current_version })} />
              <Statistic title={t("coverage.people")} value={totals.total} />
              <Statistic title={t("coverage.acknowledged")} value={totals.acknowledged} />
              <Statistic title={t("coverage.missing")} value={totals.missing} />
              <div>
                <Typography.Text type="secondary">{t("coverage.percent")}</Typography.Text>
                <div data-testid="coverage-percent" data-value={totals.percent}>
                  <Progress type="circle" size={72} percent={totals.percent} format={(v) => `${v}%`} />
                </div>
              </div>
              <Button
                icon={<DownloadOutlined />}
                disabled={totals.missing === 0}
                onClick={() => download(`coverage-missing-${rule.code}-v${rule.current_version}.csv`, missingRows(people, { code: rule.code, version: rule.current_version ?? 0 }))}
                data-testid="coverage-export"
              >
                {t("coverage.exportMissing")}
              </Button>
            </Space>
          )}
          {rule?.status === "retired" && <Alert type="warning" showIcon message={t("coverage.retired")} />}

          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t("coverage.byTerritory")}
          </Typography.Title>
          <Table<CoverageGroup>
            size="small"
            rowKey="key"
            pagination={false}
            loading={coverage.isLoading}
            dataSource={groups}
            data-testid="coverage-groups"
            locale={{ emptyText: <Empty description={t("coverage.nobody")} /> }}
            columns={[
              {
                title: t("coverage.territory"),
                key: "territory",
                render: (_, g) =>
                  g.territory ? (
                    <Button type="link" style={{ padding: 0 }} onClick={() => setParam("territory", g.territory!.id)} data-testid={`coverage-group-${g.territory.code}`}>
                      {g.territory.code} · {g.territory.name}
                    </Button>
                  ) : (
                    <Typography.Text data-testid="coverage-group-direct">{t("coverage.direct")}</Typography.Text>
                  ),
              },
              { title: t("coverage.acknowledged"), key: "ack", render: (_, g) => `${g.acknowledged} / ${g.total}` },
              {
                title: t("coverage.percent"),
                key: "percent",
                render: (_, g) => <Progress percent={g.percent} size="small" format={(v) => `${v}%`} style={{ minWidth: 160 }} />,
              },
            ]}
          />

          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t("coverage.peopleList")}
          </Typography.Title>
          <Table<CoveragePerson>
            size="small"
            rowKey="staff_id"
            loading={coverage.isLoading}
            dataSource={shown}
            data-testid="coverage-people"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description={onlyMissing ? t("coverage.allDone") : t("coverage.nobody")} /> }}
            onRow={(p) => ({ "data-testid": `coverage-person-${p.email}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t("staff.fields.full_name"), dataIndex: "full_name", render: (v: string, p) => <Link to={`/staff/show/${p.staff_id}`}>{v}</Link> },
              { title: t("staff.fields.email"), dataIndex: "email" },
              { title: t("coverage.territory"), dataIndex: "territory_code", render: (v: string | null) => v ?? "—" },
              {
                title: t("coverage.status"),
                key: "status",
                render: (_, p) =>
                  p.acknowledged ? (
                    <Tag color="green" data-testid="coverage-status">
                      {t("coverage.ackedOn", { date: p.acknowledged_at ? new Date(p.acknowledged_at).toLocaleDateString(i18n.language) : "" })}
                    </Tag>
                  ) : (
                    <Tag color="orange" data-testid="coverage-status">
                      {t("coverage.notYet")}
                    </Tag>
                  ),
              },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
