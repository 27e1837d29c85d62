// A summary: the figures the database filled in, the written sections (the annual one's too),
// and the workflow: the person edits and submits a draft; a reviewer in scope comments, marks
// it reviewed or sends it back. An annual summary links to the suggestion it became.
import { useCan, useShow } from "@refinedev/core";
import { Descriptions, Space, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Show } from "../../components/crud";
import { HistoryTab } from "../../components/HistoryTab";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { RecordDeleteButton, RecordEditButton } from "../../components/access/RecordButtons";
import { periodLabel } from "../../components/reports/period";
import {
  ReportStatusTag,
  ReviewNote,
  ReviewReport,
  SubmitReport,
  useIsPerson,
} from "../../components/reports/Workflow";
import { SummaryFigures } from "./figures";
import { annualSections, summarySections, summarySelect, type SummaryRow } from "./queries";

export default function SummariesShow() {
  const { t, i18n } = useTranslation();
  const { query } = useShow<SummaryRow>({ resource: "summaries", meta: { select: summarySelect } });
  const summary = query.data?.data;
  const isPerson = useIsPerson(summary);
  const { data: canUpdate } = useCan({ resource: "summaries", action: "edit", params: { id: summary?.id } });
  const refresh = () => void query.refetch();
  const period = summary
    ? periodLabel(summary.period, summary.period_start, i18n.language, (d) => t("summaries.weekOf", { day: d }))
    : "";
  const sections = summary?.period === "year" ? [...summarySections, ...annualSections] : summarySections;
  return (
    <Show
      title={
        <PageTitle>
          {summary
            ? t("summaries.titles.showOf", { name: summary.person?.full_name ?? "", period })
            : t("summaries.titles.show")}
        </PageTitle>
      }
      isLoading={query.isLoading}
      headerButtons={() => (
        <Space wrap>
          {summary?.status === "draft" && <RecordEditButton id={summary.id} />}
          {summary?.status === "draft" && isPerson && <SubmitReport table="summaries" row={summary} onDone={refresh} />}
          {summary?.status === "draft" && (
            <RecordDeleteButton id={summary.id} confirmTitle={t("summaries.deleteConfirm")} />
          )}
        </Space>
      )}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {summary && (
        <Space direction="vertical" size="large" style={{ width: "100%" }}>
          <ReviewNote row={summary} reviewer={summary.reviewer_name || null} />
          <SummaryFigures row={summary} />
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t("summaries.fields.staff_id")}>
              {summary.person ? <Link to={`/staff/show/${summary.person.id}`}>{summary.person.full_name}</Link> : "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("reports.fields.status")}>
              <ReportStatusTag status={summary.status} />
            </Descriptions.Item>
            {sections.map((s) => (
              <Descriptions.Item key={s} label={t(`summaries.fields.${s}`)} span={2}>
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
                  {summary[s] || "—"}
                </Typography.Paragraph>
              </Descriptions.Item>
            ))}
            {summary.suggestion_id && (
              <Descriptions.Item label={t("summaries.fields.suggestion_id")} span={2}>
                <Link to={`/suggestions/show/${summary.suggestion_id}`}>{t("summaries.becameSuggestion")}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          {!isPerson && canUpdate?.can && summary.status !== "draft" && (
            <ReviewReport table="summaries" row={summary} onDone={refresh} />
          )}
          <Tabs
            items={[
              {
                key: "history",
                label: t("reports.history"),
                children: <HistoryTab table="summaries" recordId={summary.id} />,
              },
            ]}
          />
        </Space>
      )}
    </Show>
  );
}
