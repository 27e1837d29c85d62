// One violation: what happened and its evidence, the person's statement, the case's decisions,
// the ladder of the rule's version in force that day with the level proposed and chosen, and
// the person's earlier violations of the same rule, marking those that counted as repeats.
import { useList, useShow } from "@refinedev/core";
import { useQuery } from "@tanstack/react-query";
import { Card, Descriptions, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Show } from "../../components/crud";
import { HistoryTab } from "../../components/HistoryTab";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { LadderTable } from "../../components/rulebook/RuleBits";
import { formatDate, formatMoney } from "../../utils/format";
import {
  ladderOf,
  liveOn,
  violationDetailSelect,
  violationSelect,
  type ViolationDetailRow,
  type ViolationRow,
} from "./queries";

const statusColor = { draft: "blue", confirmed: "red", closed: "default", dismissed: "green" } as const;

export default function ViolationsShow() {
  const { t, i18n } = useTranslation();
  const { query } = useShow<ViolationDetailRow>({ resource: "violations", meta: { select: violationDetailSelect } });
  const row = query.data?.data;
  const ladder = useQuery({
    queryKey: ["violation-ladder", row?.regulation_id, row?.version_number],
    queryFn: () => ladderOf(row!),
    enabled: Boolean(row),
  });
  const earlier = useList<ViolationRow>({
    resource: "violations",
    pagination: { pageSize: 50 },
    sorters: [{ field: "occurred_on", order: "desc" }],
    filters: [
      { field: "staff_id", operator: "eq", value: row?.staff_id },
      { field: "regulation_id", operator: "eq", value: row?.regulation_id },
      { field: "id", operator: "ne", value: row?.id },
    ],
    meta: { select: violationSelect },
    queryOptions: { enabled: Boolean(row) },
  });
  const day = (d: string | null) => (d ? formatDate(d, i18n.language) : "—");
  return (
    <Show
      title={
        <PageTitle>
          {row ? `${row.rule?.code ?? ""} · ${row.person?.full_name ?? ""}` : t("violations.titles.show")}
        </PageTitle>
      }
      isLoading={query.isLoading}
      canDelete={false}
      canEdit={false}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {row && (
        <Space direction="vertical" size="large" style={{ width: "100%" }}>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t("violations.fields.staff_id")}>
              {row.person?.full_name ?? "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("violations.fields.regulation_id")}>
              <Link
                to={`/regulations/show/${row.regulation_id}`}
              >{`${row.rule?.code ?? "—"} v${row.version_number}`}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t("violations.fields.occurred_on")}>{day(row.occurred_on)}</Descriptions.Item>
            <Descriptions.Item label={t("violations.fields.status")}>
              <Tag color={statusColor[row.status]}>{t(`violations.status.${row.status}`)}</Tag>
              {row.detected_by && <Tag color="purple">{t("violations.detected")}</Tag>}
              {row.attendance_id && <Tag>{t("violations.fromAttendance")}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t("violations.fields.description")} span={2}>
              {row.description}
            </Descriptions.Item>
            <Descriptions.Item label={t("violations.fields.evidence_note")} span={2}>
              {row.evidence_note || "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("violations.fields.severity")}>
              {t(`violations.severity.${row.severity}`)}
            </Descriptions.Item>
            {row.detected_by ? (
              <Descriptions.Item label={t("violations.foundBy")}>
                {t(`detectors.codes.${row.detected_by}.name`)}
              </Descriptions.Item>
            ) : (
              <Descriptions.Item label={t("violations.recordedBy")}>{row.recorder?.full_name ?? "—"}</Descriptions.Item>
            )}
            {row.visit && (
              <Descriptions.Item label={t("violations.evidence.visit")}>
                <Link to={`/customers/show/${row.visit.customer_id}`}>
                  {t("violations.evidence.visitOf", {
                    day: day(row.visit.visited_on),
                    customer: row.visit.customer?.code ?? "",
                  })}
                </Link>
              </Descriptions.Item>
            )}
            {row.sale && (
              <Descriptions.Item label={t("violations.evidence.sale")}>
                <Link to={`/sales/show/${row.sale.id}`}>
                  {t("violations.evidence.saleOf", {
                    day: day(row.sale.sale_date),
                    amount: formatMoney(row.sale.amount, i18n.language),
                    percent: row.sale.discount_percent,
                  })}
                </Link>
              </Descriptions.Item>
            )}
            {row.request && (
              <Descriptions.Item label={t("violations.evidence.request")}>
                <Link to="/discount-requests">
                  {t("violations.evidence.requestOf", {
                    day: day(row.request.created_at.slice(0, 10)),
                    percent: row.request.discount_percent,
                    status: t(`discount_requests.status.${row.request.status}`),
                  })}
                </Link>
              </Descriptions.Item>
            )}
            {row.attendance?.meeting && (
              <Descriptions.Item label={t("violations.evidence.attendance")}>
                <Link to={`/meetings/show/${row.attendance.meeting.id}`}>
                  {`${row.attendance.meeting.title}, ${day(row.attendance.meeting.held_on)}: ${t(`meetings.mark.${row.attendance.mark ?? "present"}`)}`}
                </Link>
              </Descriptions.Item>
            )}
            {row.customer && (
              <Descriptions.Item label={t("violations.customer")}>
                <Link to={`/customers/show/${row.customer.id}`}>{`${row.customer.code} · ${row.customer.name}`}</Link>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t("violations.fields.statement")} span={2}>
              {row.statement || "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("violations.fields.sanction")}>
              {row.sanction_kind
                ? `${t(`violations.sanction.${row.sanction_kind}`)}${row.fine_amount !== null ? ` ${formatMoney(row.fine_amount, i18n.language)}` : ""}`
                : "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("violations.liveUntil")}>{day(row.live_until)}</Descriptions.Item>
            {row.decider && (
              <Descriptions.Item label={t("violations.decidedBy")} span={2}>
                {`${row.decider.full_name}${row.dismissal_reason || row.lighter_reason ? `: ${row.dismissal_reason || row.lighter_reason}` : ""}`}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Card
            size="small"
            title={
              <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                {t("violations.ladderOf", { code: row.rule?.code ?? "", version: row.version_number })}
              </Typography.Title>
            }
          >
            <Typography.Paragraph>
              {row.proposed_level !== null
                ? t("violations.proposal", { level: row.proposed_level, repeat: row.repeat_count + 1 })
                : t("violations.noLadder")}
              {row.level_order !== null && ` ${t("violations.chosenLevel", { level: row.level_order })}`}
            </Typography.Paragraph>
            {ladder.isError ? (
              <QueryError error={ladder.error} onRetry={() => void ladder.refetch()} />
            ) : (
              <LadderTable steps={ladder.data ?? []} />
            )}
          </Card>
          <Card
            size="small"
            title={
              <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                {t("violations.repeatHistory")}
              </Typography.Title>
            }
          >
            {earlier.query.isError && (
              <QueryError error={earlier.query.error} onRetry={() => void earlier.query.refetch()} />
            )}
            <Table<ViolationRow>
              size="small"
              rowKey="id"
              pagination={false}
              loading={earlier.query.isLoading}
              dataSource={earlier.result?.data ?? []}
              locale={{ emptyText: t("violations.noEarlier") }}
              scroll={{ x: true }}
              columns={[
                {
                  key: "day",
                  title: t("violations.fields.occurred_on"),
                  render: (_, r) => <Link to={`/violations/show/${r.id}`}>{day(r.occurred_on)}</Link>,
                },
                {
                  key: "status",
                  title: t("violations.fields.status"),
                  render: (_, r) => <Tag color={statusColor[r.status]}>{t(`violations.status.${r.status}`)}</Tag>,
                },
                {
                  key: "level",
                  title: t("violations.fields.level_order"),
                  render: (_, r) => (r.level_order !== null ? String(r.level_order) : "—"),
                },
                { key: "live", title: t("violations.liveUntil"), render: (_, r) => day(r.live_until) },
                {
                  key: "counted",
                  title: t("violations.counted"),
                  render: (_, r) =>
                    liveOn(r, row.occurred_on) ? (
                      <Tag color="orange">{t("violations.countedYes")}</Tag>
                    ) : (
                      t("violations.countedNo")
                    ),
                },
              ]}
            />
          </Card>
          <HistoryTab table="violations" recordId={row.id} />
        </Space>
      )}
    </Show>
  );
}
