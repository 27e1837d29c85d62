// Suggestions: the ones the signed-in person may read (their own; a manager's subtree; HR and
// the auditor every one), newest first, by status and area. Anyone on the staff submits one.
import { CreateButton, List, ShowButton, useTable } from "@refinedev/antd";
import { Segmented, Select, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { fieldFilters } from "../../utils/filters";
import { formatDate } from "../../utils/format";
import { AuthorName, StatusTag } from "./parts";
import { suggestionAreas, suggestionSelect, suggestionStatuses, type SuggestionRow } from "./queries";

export default function SuggestionsList() {
  const { t, i18n } = useTranslation();
  const { tableProps, tableQuery, filters, setFilters } = useTable<SuggestionRow>({
    resource: "suggestions",
    meta: { select: suggestionSelect },
    sorters: { initial: [{ field: "submitted_at", order: "desc" }] },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
  });
  const { value, setFilter } = fieldFilters(filters, setFilters);
  const status = (value("status") as string | undefined) ?? "all";
  return (
    <List title={<PageTitle>{t("suggestions.titles.list")}</PageTitle>} headerButtons={<CreateButton />}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          aria-label={t("suggestions.fields.status")}
          value={status}
          onChange={(v) => setFilter("status", "eq", v === "all" ? null : v)}
          options={[
            { value: "all", label: t("suggestions.allStatuses") },
            ...suggestionStatuses.map((s) => ({ value: s, label: t(`suggestions.status.${s}`) })),
          ]}
        />
        <Select
          aria-label={t("suggestions.fields.area")}
          placeholder={t("suggestions.allAreas")}
          allowClear
          options={suggestionAreas.map((a) => ({ value: a, label: t(`suggestions.area.${a}`) }))}
          value={(value("area") as string | undefined) ?? undefined}
          onChange={(v?: string) => setFilter("area", "eq", v)}
          style={{ width: 200 }}
        />
      </Space>
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<SuggestionRow>
        {...tableProps}
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: t("suggestions.none") }}
      >
        <Table.Column<SuggestionRow>
          dataIndex="submitted_at"
          title={t("suggestions.fields.submitted_at")}
          sorter
          render={(d: string) => formatDate(d.slice(0, 10), i18n.language)}
        />
        <Table.Column<SuggestionRow> dataIndex="title" title={t("suggestions.fields.title")} />
        <Table.Column<SuggestionRow>
          dataIndex="area"
          title={t("suggestions.fields.area")}
          render={(a: SuggestionRow["area"]) => t(`suggestions.area.${a}`)}
        />
        <Table.Column<SuggestionRow>
          key="author"
          title={t("suggestions.fields.author")}
          render={(_, r) => <AuthorName row={r} />}
        />
        <Table.Column<SuggestionRow>
          dataIndex="status"
          title={t("suggestions.fields.status")}
          render={(s: SuggestionRow["status"]) => <StatusTag status={s} />}
        />
        <Table.Column<SuggestionRow>
          key="territory"
          title={t("suggestions.fields.territory_id")}
          render={(_, r) => (r.territory ? <Tag>{r.territory.code}</Tag> : "—")}
        />
        <Table.Column<SuggestionRow>
          key="actions"
          title={t("table.actions")}
          render={(_, r) => (
            <ShowButton
              hideText
              size="small"
              recordItemId={r.id}
              aria-label={t("suggestions.open", { title: r.title })}
            />
          )}
        />
      </Table>
    </List>
  );
}
