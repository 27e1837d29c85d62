// The coverage page's parts: the filter bar, the summary with its export, the per-territory
// table and the people table. Each filter lives in the URL (setParam).
import { DownloadOutlined } from "@ant-design/icons";
import { Button, Empty, Form, Input, Progress, Select, Space, Statistic, Switch, Table, Tag, Typography } from "antd";
import type { HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { TerritoryTreeSelect } from "../../components/org/TerritoryTreeSelect";
import { coveragePageSize, type CoverageRow } from "../regulations/queries";
import type { CoverageGroup } from "./coverage";
import type { RuleOption } from "./queries";

export type SetParam = (key: string, value: string | null) => void;

export function CoverageFilters({
  rules,
  loading,
  ruleId,
  territoryId,
  onlyMissing,
  query,
  ruleTitle,
  setParam,
}: {
  rules: RuleOption[];
  loading: boolean;
  ruleId: string | null;
  territoryId: string | null;
  onlyMissing: boolean;
  query: string;
  ruleTitle: (rule: RuleOption) => string;
  setParam: SetParam;
}) {
  const { t } = useTranslation();
  return (
    <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item label={t("coverage.rule")} htmlFor="coverage-rule">
        <Select
          id="coverage-rule"
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 320 }}
          loading={loading}
          value={ruleId ?? undefined}
          placeholder={t("coverage.pickRule")}
          onChange={(v: string) => setParam("rule", v)}
          data-testid="coverage-rule"
          options={rules.map((r) => ({
            value: r.id,
            label: `${r.code} · ${ruleTitle(r)}${r.status === "retired" ? ` (${t("regulations.status.retired")})` : ""}`,
          }))}
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
          defaultValue={query}
          onSearch={(v) => setParam("q", v.trim() || null)}
          placeholder={t("coverage.searchPlaceholder")}
          data-testid="coverage-search"
          style={{ width: 240 }}
        />
      </Form.Item>
      <Form.Item label={t("coverage.onlyMissing")} htmlFor="coverage-missing">
        <Switch
          id="coverage-missing"
          checked={onlyMissing}
          onChange={(v) => setParam("missing", v ? "1" : null)}
          data-testid="coverage-only-missing"
        />
      </Form.Item>
    </Form>
  );
}

export function CoverageSummary({
  rule,
  totals,
  ready,
  territoryId,
  exporting,
  onExport,
}: {
  rule: RuleOption;
  totals: { total: number; acknowledged: number; missing: number; percent: number };
  ready: boolean;
  territoryId: string | null;
  exporting: boolean;
  onExport: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Space
      wrap
      size="large"
      data-testid="coverage-summary"
      {...(ready
        ? { "data-for": territoryId ?? "all", "data-total": totals.total, "data-missing": totals.missing }
        : {})}
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
        onClick={onExport}
        data-testid="coverage-export"
      >
        {t("coverage.exportMissing")}
      </Button>
    </Space>
  );
}

export function CoverageGroups({
  groups,
  loading,
  setParam,
}: {
  groups: CoverageGroup[];
  loading: boolean;
  setParam: SetParam;
}) {
  const { t } = useTranslation();
  return (
    <Table<CoverageGroup>
      size="small"
      rowKey="key"
      pagination={false}
      loading={loading}
      dataSource={groups}
      data-testid="coverage-groups"
      locale={{ emptyText: <Empty description={t("coverage.nobody")} /> }}
      columns={[
        {
          title: t("coverage.territory"),
          key: "territory",
          render: (_, g) =>
            g.territory ? (
              <Button
                type="link"
                style={{ padding: 0 }}
                onClick={() => setParam("territory", g.territory!.id)}
                data-testid={`coverage-group-${g.territory.code}`}
              >
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
          render: (_, g) => (
            <Progress percent={g.percent} size="small" format={(v) => `${v}%`} style={{ minWidth: 160 }} />
          ),
        },
      ]}
    />
  );
}

export function CoveragePeople({
  rows,
  total,
  page,
  loading,
  stale,
  emptyText,
  setParam,
}: {
  rows: CoverageRow[];
  total: number | undefined;
  page: number;
  loading: boolean;
  /** The rows shown are the previous page's while the next one loads. */
  stale: boolean;
  emptyText: string;
  setParam: SetParam;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-label={t("coverage.peopleList")}>
      <Table<CoverageRow>
        size="small"
        rowKey="staff_id"
        loading={loading}
        dataSource={rows}
        data-testid="coverage-people"
        data-total={stale ? undefined : total}
        data-shown-page={stale ? undefined : page}
        pagination={{
          current: page,
          pageSize: coveragePageSize,
          total: total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => t("table.total", { count: total }),
          onChange: (next) => setParam("page", next > 1 ? String(next) : null),
        }}
        locale={{
          emptyText: <Empty description={emptyText} />,
        }}
        onRow={(p) => ({ "data-testid": `coverage-person-${p.email}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t("staff.fields.full_name"),
            dataIndex: "full_name",
            render: (v: string, p) => <Link to={`/staff/show/${p.staff_id}`}>{v}</Link>,
          },
          { title: t("staff.fields.email"), dataIndex: "email" },
          { title: t("coverage.territory"), dataIndex: "territory_code", render: (v: string | null) => v ?? "—" },
          {
            title: t("coverage.status"),
            key: "status",
            render: (_, p) =>
              p.acknowledged ? (
                <Tag color="green" data-testid="coverage-status">
                  {t("coverage.ackedOn", {
                    date: p.acknowledged_at ? new Date(p.acknowledged_at).toLocaleDateString(i18n.language) : "",
                  })}
                </Tag>
              ) : (
                <Tag color="orange" data-testid="coverage-status">
                  {t("coverage.notYet")}
                </Tag>
              ),
          },
        ]}
      />
    </section>
  );
}
