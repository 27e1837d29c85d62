// Acknowledgement coverage: for one rule in force and one territory subtree, who has and has
// not confirmed reading the current version, percentages per child territory, and a CSV of
// the people still missing. Everything is read through RLS (the coverage RPCs are invoker);
// the database counts, and the people list is read a page at a time (a department has
// thousands, more than one request returns).
import { useList } from "@refinedev/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Card, Empty, Space, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { toAppError } from "../../providers/errors";
import {
  coveragePageSize,
  fetchAllMissing,
  fetchCoverageGroups,
  fetchCoveragePage,
  type CoverageFilter,
} from "../../resources/regulations/queries";
import { missingRows, summary, toGroups } from "./coverage";
import { CoverageFilters, CoverageGroups, CoveragePeople, CoverageSummary } from "./parts";
import { download, ruleOptionSelect, ruleOptionTitle, type RuleOption } from "./queries";

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
    meta: { select: ruleOptionSelect },
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
  const lastPage =
    people.data && !people.isPlaceholderData ? Math.max(1, Math.ceil(people.data.total / coveragePageSize)) : null;
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
      download(
        `coverage-missing-${rule.code}-v${rule.current_version}.csv`,
        missingRows(missing, { code: rule.code, version: rule.current_version ?? 0 }),
      );
    } catch (error) {
      setExportError(toAppError(error).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card title={<PageTitle>{t("coverage.title")}</PageTitle>} data-testid="coverage-page">
      <Typography.Paragraph type="secondary">{t("coverage.intro")}</Typography.Paragraph>
      <CoverageFilters
        rules={ruleRows}
        loading={rules.query.isLoading}
        ruleId={ruleId}
        territoryId={territoryId}
        onlyMissing={onlyMissing}
        query={params.get("q") ?? ""}
        ruleTitle={(r) => ruleOptionTitle(r, i18n.language)}
        setParam={setParam}
      />

      {rules.query.isError && (
        <QueryError
          error={{ message: toAppError(rules.query.error).message }}
          onRetry={() => void rules.query.refetch()}
        />
      )}
      {counts.isError && (
        <QueryError error={{ message: toAppError(counts.error).message }} onRetry={() => void counts.refetch()} />
      )}
      {people.isError && (
        <QueryError error={{ message: toAppError(people.error).message }} onRetry={() => void people.refetch()} />
      )}
      {exportError && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setExportError(null)}
          message={t("coverage.exportFailed", { message: exportError })}
          data-testid="coverage-export-error"
        />
      )}

      {!ruleId ? (
        <Empty description={t("coverage.noRule")} data-testid="coverage-empty" />
      ) : (
        <Space direction="vertical" size="large" style={{ width: "100%" }}>
          {rule && (
            <CoverageSummary
              rule={rule}
              totals={totals}
              ready={counts.isSuccess && !counts.isFetching}
              territoryId={territoryId}
              exporting={exporting}
              onExport={() => void exportMissing()}
            />
          )}
          {rule?.status === "retired" && <Alert type="warning" showIcon message={t("coverage.retired")} />}

          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t("coverage.byTerritory")}
          </Typography.Title>
          <CoverageGroups groups={groups} loading={counts.isLoading} setParam={setParam} />

          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t("coverage.peopleList")}
          </Typography.Title>
          <CoveragePeople
            rows={people.data?.rows ?? []}
            total={people.data?.total}
            page={page}
            loading={people.isFetching}
            stale={people.isPlaceholderData}
            emptyText={search ? t("coverage.noMatch") : onlyMissing ? t("coverage.allDone") : t("coverage.nobody")}
            setParam={setParam}
          />
        </Space>
      )}
    </Card>
  );
}
