// A person's attendance on their file: the meetings they were invited to and their marks,
// newest first (RLS decides which rows show).
import { useList } from "@refinedev/core";
import { Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryError } from "../../components/QueryError";
import type { Tables } from "../../types/database";
import { formatDate } from "../../utils/format";

type MarkRow = Tables<"meeting_attendance"> & {
  meeting: Pick<Tables<"meetings">, "id" | "title" | "held_on" | "kind"> | null;
};

export function AttendanceOf({ staffId }: { staffId: string }) {
  const { t, i18n } = useTranslation();
  const { result, query } = useList<MarkRow>({
    resource: "meeting_attendance",
    pagination: { pageSize: 20 },
    sorters: [{ field: "created_at", order: "desc" }],
    filters: [{ field: "staff_id", operator: "eq", value: staffId }],
    meta: { select: "*, meeting:meeting_id(id, title, held_on, kind)" },
  });
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<MarkRow>
      size="small"
      rowKey="id"
      pagination={false}
      loading={query.isLoading}
      dataSource={result?.data ?? []}
      locale={{ emptyText: t("meetings.noAttendance") }}
      scroll={{ x: true }}
      columns={[
        {
          key: "day",
          title: t("meetings.fields.held_on"),
          render: (_, r) => (r.meeting ? formatDate(r.meeting.held_on, i18n.language) : "—"),
        },
        {
          key: "meeting",
          title: t("meetings.fields.title"),
          render: (_, r) => (r.meeting ? <Link to={`/meetings/show/${r.meeting.id}`}>{r.meeting.title}</Link> : "—"),
        },
        {
          key: "mark",
          title: t("meetings.tabs.attendance"),
          render: (_, r) => (
            <Tag>
              {r.mark ? t(`meetings.mark.${r.mark}`) : t("meetings.unmarked")}
              {r.minutes_late ? ` · ${t("meetings.minutes", { count: r.minutes_late })}` : ""}
              {r.minutes_early ? ` · ${t("meetings.minutes", { count: r.minutes_early })}` : ""}
            </Tag>
          ),
        },
      ]}
    />
  );
}
