// Training topics: the catalogue a training session names (the seeds' six to begin with), with
// how many sessions each has had; HR keeps it.
import { CreateButton, EditButton, List, useTable } from "@refinedev/antd";
import { Badge, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { localizedName } from "../../providers/i18n";
import { localizedDescription, topicSelect, type TopicRow } from "./queries";

export default function TrainingTopicsList() {
  const { t, i18n } = useTranslation();
  const { tableProps, tableQuery } = useTable<TopicRow>({
    resource: "training_topics",
    meta: { select: topicSelect },
    sorters: { initial: [{ field: "sort_order", order: "asc" }] },
    pagination: { mode: "off" },
    syncWithLocation: false,
  });
  return (
    <List title={<PageTitle>{t("training_topics.titles.list")}</PageTitle>} headerButtons={<CreateButton />}>
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<TopicRow> {...tableProps} rowKey="id" size="small" locale={{ emptyText: t("training_topics.none") }}>
        <Table.Column<TopicRow>
          key="name"
          title={t("training_topics.fields.name_en")}
          render={(_, r) => (
            <>
              <div>{localizedName(r, i18n.language)}</div>
              <Typography.Text type="secondary">{localizedDescription(r, i18n.language)}</Typography.Text>
            </>
          )}
        />
        <Table.Column<TopicRow>
          key="sessions"
          title={t("training_topics.sessions")}
          align="right"
          render={(_, r) => r.meetings[0]?.count ?? 0}
        />
        <Table.Column<TopicRow>
          dataIndex="active"
          title={t("training_topics.fields.active")}
          render={(a: boolean) => (
            <Badge
              status={a ? "success" : "default"}
              text={a ? t("training_topics.inUse") : t("training_topics.retired")}
            />
          )}
        />
        <Table.Column<TopicRow>
          key="actions"
          title={t("table.actions")}
          render={(_, r) => (
            <EditButton
              hideText
              size="small"
              recordItemId={r.id}
              aria-label={t("training_topics.edit", { name: localizedName(r, i18n.language) })}
            />
          )}
        />
      </Table>
    </List>
  );
}
