// Meetings: the calendar of the department's meetings the signed-in person may read (a
// salesperson: the ones they are invited to), newest first, by kind and upcoming or past.
import { CreateButton, List, ShowButton, useTable } from "@refinedev/antd";
import type { CrudFilter } from "@refinedev/core";
import { Segmented, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { fieldFilters } from "../../utils/filters";
import { formatDate, today } from "../../utils/format";
import { meetingKinds, meetingSelect, type MeetingRow } from "./queries";

type When = "all" | "upcoming" | "past";

export default function MeetingsList() {
  const { t, i18n } = useTranslation();
  const [when, setWhen] = useState<When>("all");
  const permanent: CrudFilter[] =
    when === "all" ? [] : [{ field: "held_on", operator: when === "upcoming" ? "gte" : "lt", value: today() }];
  const { tableProps, tableQuery, filters, setFilters } = useTable<MeetingRow>({
    resource: "meetings",
    meta: { select: meetingSelect },
    sorters: { initial: [{ field: "held_on", order: "desc" }] },
    filters: { permanent },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
  });
  const { value, setFilter } = fieldFilters(filters, setFilters);
  const kind = (value("kind") as string | undefined) ?? "all";
  return (
    <List title={<PageTitle>{t("meetings.titles.list")}</PageTitle>} headerButtons={<CreateButton />}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          aria-label={t("meetings.fields.kind")}
          value={kind}
          onChange={(v) => setFilter("kind", "eq", v === "all" ? null : v)}
          options={[
            { value: "all", label: t("meetings.allKinds") },
            ...meetingKinds.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) })),
          ]}
        />
        <Segmented
          aria-label={t("meetings.when.label")}
          value={when}
          onChange={(v) => setWhen(v as When)}
          options={(["all", "upcoming", "past"] as const).map((w) => ({ value: w, label: t(`meetings.when.${w}`) }))}
        />
      </Space>
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<MeetingRow>
        {...tableProps}
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: t("meetings.none") }}
      >
        <Table.Column<MeetingRow>
          dataIndex="held_on"
          title={t("meetings.fields.held_on")}
          sorter
          render={(d: string, r) => `${formatDate(d, i18n.language)} ${r.starts_at.slice(0, 5)}`}
        />
        <Table.Column<MeetingRow>
          dataIndex="kind"
          title={t("meetings.fields.kind")}
          render={(k: MeetingRow["kind"]) => <Tag>{t(`meetings.kind.${k}`)}</Tag>}
        />
        <Table.Column<MeetingRow> dataIndex="title" title={t("meetings.fields.title")} sorter />
        <Table.Column<MeetingRow>
          key="territory"
          title={t("meetings.fields.territory_id")}
          render={(_, r) => (r.territory ? <Tag>{r.territory.code}</Tag> : "—")}
        />
        <Table.Column<MeetingRow>
          key="organiser"
          title={t("meetings.fields.organiser_id")}
          render={(_, r) => r.organiser?.full_name ?? "—"}
        />
        <Table.Column<MeetingRow>
          key="actions"
          title={t("table.actions")}
          render={(_, r) => (
            <ShowButton hideText size="small" recordItemId={r.id} aria-label={t("meetings.open", { title: r.title })} />
          )}
        />
      </Table>
    </List>
  );
}
