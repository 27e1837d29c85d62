// A meeting: when, where, who called it and the minutes, with its attendance sheet and its
// history from the audit trail.
import { useShow } from "@refinedev/core";
import { Descriptions, Tabs, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Show } from "../../components/crud";
import { HistoryTab } from "../../components/HistoryTab";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { RecordDeleteButton, RecordEditButton } from "../../components/access/RecordButtons";
import { localizedName } from "../../providers/i18n";
import { formatDate } from "../../utils/format";
import { AttendanceSheet } from "./attendance";
import { meetingSelect, type MeetingRow } from "./queries";

export default function MeetingsShow() {
  const { t, i18n } = useTranslation();
  const { query } = useShow<MeetingRow>({ resource: "meetings", meta: { select: meetingSelect } });
  const meeting = query.data?.data;
  return (
    <Show
      title={<PageTitle>{meeting ? meeting.title : t("meetings.titles.show")}</PageTitle>}
      isLoading={query.isLoading}
      headerButtons={() => (
        <>
          {meeting && <RecordEditButton id={meeting.id} />}
          {meeting && <RecordDeleteButton id={meeting.id} confirmTitle={t("meetings.deleteConfirm")} />}
        </>
      )}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {meeting && (
        <>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t("meetings.fields.kind")}>
              <Tag>{t(`meetings.kind.${meeting.kind}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t("meetings.fields.held_on")}>
              {t("meetings.when.at", {
                day: formatDate(meeting.held_on, i18n.language),
                time: meeting.starts_at.slice(0, 5),
                count: meeting.duration_minutes,
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t("meetings.fields.location")}>{meeting.location || "—"}</Descriptions.Item>
            <Descriptions.Item label={t("meetings.fields.territory_id")}>
              {meeting.territory ? `${meeting.territory.code} · ${meeting.territory.name}` : "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("meetings.fields.organiser_id")}>
              {meeting.organiser?.full_name ?? "—"}
            </Descriptions.Item>
            {meeting.kind === "training" && (
              <>
                <Descriptions.Item label={t("meetings.fields.topic_id")}>
                  {meeting.topic ? localizedName(meeting.topic, i18n.language) : "—"}
                </Descriptions.Item>
                <Descriptions.Item label={t("meetings.fields.trainer")}>{meeting.trainer || "—"}</Descriptions.Item>
                <Descriptions.Item label={t("meetings.fields.material")}>{meeting.material || "—"}</Descriptions.Item>
                <Descriptions.Item label={t("meetings.fields.pass_score")}>
                  {meeting.pass_score ?? t("meetings.noPassScore")}
                </Descriptions.Item>
              </>
            )}
            <Descriptions.Item label={t("meetings.fields.minutes")} span={2}>
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
                {meeting.minutes || "—"}
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          <Tabs
            items={[
              {
                key: "attendance",
                label: t("meetings.tabs.attendance"),
                children: <AttendanceSheet meetingId={meeting.id} training={meeting.kind === "training"} />,
              },
              {
                key: "history",
                label: t("meetings.tabs.history"),
                children: <HistoryTab table="meetings" recordId={meeting.id} />,
              },
            ]}
          />
        </>
      )}
    </Show>
  );
}
