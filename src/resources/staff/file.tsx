// The person's file on their page (001): career (positions and territories over time), this
// year's targets and the last evaluations, training record, suggestions, plans and summaries,
// and a year of attendance at a glance. One call (person_file) answers every section through
// the reader's own policies: a colleague sees less than the manager; the person all of theirs.
import { useQuery } from "@tanstack/react-query";
import { Card, Empty, Space, Table, Tabs, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryError } from "../../components/QueryError";
import { periodLabel } from "../../components/reports/period";
import { ReportStatusTag } from "../../components/reports/Workflow";
import { localized } from "../regulations/queries";
import { formatDate, formatMoney } from "../../utils/format";
import { StatusTag } from "../suggestions/parts";
import { fetchPersonFile, type PersonFile } from "./file-queries";

const local = (row: object, base: string, lang: string) => localized(row as Record<string, unknown>, base, lang).text;

function Section<T extends object>({
  rows,
  empty,
  children,
}: {
  rows: T[];
  empty: string;
  children: (rows: T[]) => ReactNode;
}) {
  return rows.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> : <>{children(rows)}</>;
}

export function PersonFileTabs({ staffId }: { staffId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const query = useQuery({ queryKey: ["person_file", staffId], queryFn: () => fetchPersonFile(staffId) });
  const file = query.data;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!file) return query.isLoading ? <Card loading size="small" /> : null;
  const day = (d: string | null) => formatDate(d, lang);
  const tabs = [
    {
      key: "career",
      label: t("staff.file.career"),
      children: (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Section rows={file.positions} empty={t("staff.file.none")}>
            {(rows) => (
              <Table<PersonFile["positions"][number]>
                dataSource={rows}
                rowKey="valid_from"
                size="small"
                pagination={false}
                scroll={{ x: true }}
              >
                <Table.Column<PersonFile["positions"][number]>
                  key="from"
                  title={t("staff.file.from")}
                  render={(_, r) => day(r.valid_from)}
                />
                <Table.Column<PersonFile["positions"][number]>
                  key="to"
                  title={t("staff.file.to")}
                  render={(_, r) => (r.valid_to ? day(r.valid_to) : t("staff.file.now"))}
                />
                <Table.Column<PersonFile["positions"][number]>
                  key="position"
                  title={t("staff.fields.position_id")}
                  render={(_, r) => local(r, "position", lang)}
                />
                <Table.Column<PersonFile["positions"][number]>
                  key="territory"
                  title={t("staff.fields.territory_id")}
                  render={(_, r) => r.territory_code ?? "—"}
                />
                <Table.Column<PersonFile["positions"][number]>
                  key="manager"
                  title={t("staff.fields.manager_id")}
                  render={(_, r) => r.manager_name ?? "—"}
                />
              </Table>
            )}
          </Section>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t("staff.file.territoryHistory")}
          </Typography.Title>
          <Section rows={file.territories} empty={t("staff.file.none")}>
            {(rows) => (
              <Table<PersonFile["territories"][number]>
                dataSource={rows}
                rowKey="valid_from"
                size="small"
                pagination={false}
                scroll={{ x: true }}
              >
                <Table.Column<PersonFile["territories"][number]>
                  key="from"
                  title={t("staff.file.from")}
                  render={(_, r) => day(r.valid_from)}
                />
                <Table.Column<PersonFile["territories"][number]>
                  key="to"
                  title={t("staff.file.to")}
                  render={(_, r) => (r.valid_to ? day(r.valid_to) : t("staff.file.now"))}
                />
                <Table.Column<PersonFile["territories"][number]>
                  key="territory"
                  title={t("staff.fields.territory_id")}
                  render={(_, r) => `${r.territory_code} · ${r.territory_name}`}
                />
                <Table.Column<PersonFile["territories"][number]>
                  dataIndex="reason"
                  title={t("staff.file.reason")}
                  render={(v: string) => v || "—"}
                />
              </Table>
            )}
          </Section>
        </Space>
      ),
    },
    {
      key: "performance",
      label: t("staff.file.performance"),
      children: (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Section rows={file.targets} empty={t("staff.file.noTargets")}>
            {(rows) => (
              <Table<PersonFile["targets"][number]> dataSource={rows} rowKey="kpi_code" size="small" pagination={false}>
                <Table.Column<PersonFile["targets"][number]>
                  key="kpi"
                  title={t("staff.file.kpi")}
                  render={(_, r) => local(r, "kpi", lang)}
                />
                <Table.Column<PersonFile["targets"][number]>
                  key="total"
                  title={t("staff.file.yearTarget", { year: rows[0]?.year })}
                  align="right"
                  render={(_, r) => (r.unit === "amount" ? formatMoney(r.total, lang) : r.total)}
                />
              </Table>
            )}
          </Section>
          <Section rows={file.evaluations} empty={t("staff.file.noEvaluations")}>
            {(rows) => (
              <Table<PersonFile["evaluations"][number]> dataSource={rows} rowKey="id" size="small" pagination={false}>
                <Table.Column<PersonFile["evaluations"][number]>
                  key="month"
                  title={t("staff.file.month")}
                  render={(_, r) => (
                    <Link to={`/evaluations/show/${r.id}`}>{periodLabel("month", r.month, lang, (d) => d)}</Link>
                  )}
                />
                <Table.Column<PersonFile["evaluations"][number]>
                  key="score"
                  title={t("staff.file.score")}
                  align="right"
                  render={(_, r) => r.total_score ?? "—"}
                />
                <Table.Column<PersonFile["evaluations"][number]>
                  key="band"
                  title={t("staff.file.band")}
                  render={(_, r) => r.band_code ?? "—"}
                />
                <Table.Column<PersonFile["evaluations"][number]>
                  key="status"
                  title={t("staff.file.status")}
                  render={(_, r) => <Tag>{t(`evaluations.status.${r.status}`)}</Tag>}
                />
              </Table>
            )}
          </Section>
        </Space>
      ),
    },
    {
      key: "training",
      label: t("staff.file.training"),
      children: (
        <Section rows={file.training} empty={t("staff.file.noTraining")}>
          {(rows) => (
            <Table<PersonFile["training"][number]>
              dataSource={rows}
              rowKey="meeting_id"
              size="small"
              pagination={false}
              scroll={{ x: true }}
            >
              <Table.Column<PersonFile["training"][number]>
                key="day"
                title={t("staff.file.day")}
                render={(_, r) => day(r.held_on)}
              />
              <Table.Column<PersonFile["training"][number]>
                key="topic"
                title={t("meetings.fields.topic_id")}
                render={(_, r) => local(r, "topic", lang)}
              />
              <Table.Column<PersonFile["training"][number]>
                key="title"
                title={t("meetings.fields.title")}
                render={(_, r) => <Link to={`/meetings/show/${r.meeting_id}`}>{r.title}</Link>}
              />
              <Table.Column<PersonFile["training"][number]> dataIndex="trainer" title={t("meetings.fields.trainer")} />
              <Table.Column<PersonFile["training"][number]>
                key="mark"
                title={t("staff.file.mark")}
                render={(_, r) => (r.mark ? t(`meetings.mark.${r.mark}`) : t("meetings.unmarked"))}
              />
              <Table.Column<PersonFile["training"][number]>
                key="score"
                title={t("staff.file.score")}
                align="right"
                render={(_, r) => r.assessment_score ?? "—"}
              />
              <Table.Column<PersonFile["training"][number]>
                key="completed"
                title={t("staff.file.completed")}
                render={(_, r) =>
                  r.completed ? <Tag color="green">{t("staff.file.yes")}</Tag> : <Tag>{t("staff.file.no")}</Tag>
                }
              />
            </Table>
          )}
        </Section>
      ),
    },
    {
      key: "suggestions",
      label: t("staff.file.suggestions"),
      children: (
        <Section rows={file.suggestions} empty={t("staff.file.noSuggestions")}>
          {(rows) => (
            <Table<PersonFile["suggestions"][number]> dataSource={rows} rowKey="id" size="small" pagination={false}>
              <Table.Column<PersonFile["suggestions"][number]>
                key="day"
                title={t("staff.file.day")}
                render={(_, r) => day(r.submitted_at.slice(0, 10))}
              />
              <Table.Column<PersonFile["suggestions"][number]>
                key="title"
                title={t("suggestions.fields.title")}
                render={(_, r) => (
                  <Link to={`/suggestions/show/${r.id}`}>
                    {r.title}
                    {r.author_hidden ? ` (${t("suggestions.hiddenAuthor")})` : ""}
                  </Link>
                )}
              />
              <Table.Column<PersonFile["suggestions"][number]>
                key="status"
                title={t("suggestions.fields.status")}
                render={(_, r) => <StatusTag status={r.status} />}
              />
            </Table>
          )}
        </Section>
      ),
    },
    {
      key: "plans",
      label: t("staff.file.plans"),
      children: (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Section rows={file.plans} empty={t("staff.file.noPlans")}>
            {(rows) => (
              <Table<PersonFile["plans"][number]> dataSource={rows} rowKey="id" size="small" pagination={false}>
                <Table.Column<PersonFile["plans"][number]>
                  key="month"
                  title={t("monthly_plans.fields.month")}
                  render={(_, r) => (
                    <Link to={`/monthly-plans/show/${r.id}`}>{periodLabel("month", r.month, lang, (d) => d)}</Link>
                  )}
                />
                <Table.Column<PersonFile["plans"][number]>
                  key="target"
                  title={t("monthly_plans.fields.sales_target")}
                  align="right"
                  render={(_, r) => formatMoney(r.sales_target, lang)}
                />
                <Table.Column<PersonFile["plans"][number]>
                  dataIndex="visits_planned"
                  title={t("monthly_plans.fields.visits_planned")}
                  align="right"
                />
                <Table.Column<PersonFile["plans"][number]>
                  key="status"
                  title={t("reports.fields.status")}
                  render={(_, r) => <ReportStatusTag status={r.status} />}
                />
              </Table>
            )}
          </Section>
          <Section rows={file.summaries} empty={t("staff.file.noSummaries")}>
            {(rows) => (
              <Table<PersonFile["summaries"][number]> dataSource={rows} rowKey="id" size="small" pagination={false}>
                <Table.Column<PersonFile["summaries"][number]>
                  key="period"
                  title={t("summaries.fields.period_start")}
                  render={(_, r) => (
                    <Link to={`/summaries/show/${r.id}`}>
                      {periodLabel(r.period, r.period_start, lang, (d) => t("summaries.weekOf", { day: d }))}
                    </Link>
                  )}
                />
                <Table.Column<PersonFile["summaries"][number]>
                  key="sales"
                  title={t("summaries.fields.sales_amount")}
                  align="right"
                  render={(_, r) => formatMoney(r.sales_amount, lang)}
                />
                <Table.Column<PersonFile["summaries"][number]>
                  key="visits"
                  title={t("summaries.fields.visits_done")}
                  align="right"
                  render={(_, r) =>
                    r.visits_planned === null ? r.visits_done : `${r.visits_done} / ${r.visits_planned}`
                  }
                />
                <Table.Column<PersonFile["summaries"][number]>
                  key="status"
                  title={t("reports.fields.status")}
                  render={(_, r) => <ReportStatusTag status={r.status} />}
                />
              </Table>
            )}
          </Section>
        </Space>
      ),
    },
  ];
  const marks = Object.entries(file.attendance);
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t("staff.file.title")}
        </Typography.Title>
      }
      extra={
        marks.length > 0 && (
          <span aria-label={t("staff.file.attendanceYear")}>
            {marks.map(([mark, n]) => (
              <Tag key={mark}>{t("staff.file.markCount", { mark: t(`meetings.mark.${mark}`), count: n })}</Tag>
            ))}
          </span>
        )
      }
    >
      <Tabs items={tabs} />
    </Card>
  );
}
