// Acknowledgement coverage: for one rule in force and one territory subtree, who has and has
// not confirmed reading the current version, percentages per child territory, and a CSV of
// the people still missing. Everything is read through RLS (the coverage RPCs are invoker);
// the database counts, and the people list is read a page at a time (a department has
// thousands, more than one request returns).
import { DownloadOutlined } from "@ant-design/icons";
import { useList } from "@refinedev/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Form, Input, Progress, Select, Space, Statistic, Switch, Table, Tag, Typography } from "antd";
import Papa from "papaparse";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { TerritoryTreeSelect } from "../../components/org/TerritoryTreeSelect";
import { toAppError } from "../../providers/errors";
import {
  coveragePageSize,
  fetchAllMissing,
  fetchCoverageGroups,
  fetchCoveragePage,
  localized,
  type CoverageFilter,
  type CoverageRow,
  type RegulationRow,
  type VersionRow,
} from "../../resources/regulations/queries";
import { missingRows, summary, toGroups, type CoverageGroup } from "./coverage";

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

export default function CoverageList() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const ruleId = params.get("rule");
  const territoryId = params.get("territory");
  const onlyMissing = params.get("missing") === "1";
  const search = (params.get("q") ?? "").trim();
  const page = Math.max(1, Number(params.get("page")) || 1);
  /** Sets one filter; any filter change starts the people list from its first page. */
  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== "page") next.delete("page");
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

  const filter: CoverageFilter | null = ruleId ? { ruleId, territoryId, search, onlyMissing } : null;
  const counts = useQuery({
    queryKey: ["regulation_coverage_groups", ruleId, territoryId],
    queryFn: () => fetchCoverageGroups(ruleId!, territoryId),
    enabled: !!ruleId,
  });
  const people = useQuery({
    queryKey: ["regulation_coverage", filter, page],
    queryFn: () => fetchCoveragePage(filter!, page),
    enabled: !!filter,
    placeholderData: keepPreviousData,
  });
  // A page past the end (an old link, or fewer people since): show the last page instead.
  const lastPage = people.data && !people.isPlaceholderData ? Math.max(1, Math.ceil(people.data.total / coveragePageSize)) : null;
  useEffect(() => {
    if (lastPage !== null && page > lastPage) setParam("page", lastPage > 1 ? String(lastPage) : null);
  });
  const groups = useMemo(() => toGroups(counts.data ?? []), [counts.data]);
  const totals = summary(groups);

  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const exportMissing = async () => {
    if (!rule || !ruleId) return;
    setExporting(true);
    setExportError(null);
    try {
      const missing = await fetchAllMissing({ ruleId, territoryId, search: "" });
      download(`coverage-missing-${rule.code}-v${rule.current_version}.csv`, missingRows(missing, { code: rule.code, version: rule.current_version ?? 0 }));
    } catch (error) {
      setExportError(toAppError(error).message);
    } finally {
      setExporting(false);
    }
  };

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
            options={ruleRows.map((r) => ({ value: r.id, label: `${r.code} · ${ruleTitle(r)}${r.status === "retired" ? ` (${t("regulations.status.retired")})` : ""}` }))}
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
      {counts.isError && <QueryError error={{ message: toAppError(counts.error).message }} onRetry={() => void counts.refetch()} />}
      {people.isError && <QueryError error={{ message: toAppError(people.error).message }} onRetry={() => void people.refetch()} />}
      {exportError && <Alert type="error" showIcon closable onClose={() => setExportError(null)} message={t("coverage.exportFailed", { message: exportError })} data-testid="coverage-export-error" />}

      {!ruleId ? (
        <Empty description={t("coverage.noRule")} data-testid="coverage-empty" />
      ) : (
        <Space direction="vertical" size="large" style={{ width: "100%" }}>
          {rule && (
            <Space
              wrap
              size="large"
              data-testid="coverage-summary"
              {...(counts.isSuccess && !counts.isFetching ? { "data-for": territoryId ?? "all", "data-total": totals.total, "data-missing": totals.missing } : {})}
            >
              <Statistic title={t("coverage.version")} value={t("regulations.versionN", { n: rule.current_version })} />
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
                loading={exporting}
                onClick={() => void exportMissing()}
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
            loading={counts.isLoading}
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
          <Table<CoverageRow>
            size="small"
            rowKey="staff_id"
            loading={people.isFetching}
            dataSource={people.data?.rows ?? []}
            data-testid="coverage-people"
            data-total={people.isPlaceholderData ? undefined : people.data?.total}
            data-shown-page={people.isPlaceholderData ? undefined : page}
            pagination={{
              current: page,
              pageSize: coveragePageSize,
              total: people.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (total) => t("table.total", { count: total }),
              onChange: (next) => setParam("page", next > 1 ? String(next) : null),
            }}
            locale={{ emptyText: <Empty description={search ? t("coverage.noMatch") : onlyMissing ? t("coverage.allDone") : t("coverage.nobody")} /> }}
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
