// A person's rewards on their file, newest first (RLS decides which rows show).
import { useList } from "@refinedev/core";
import { Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { QueryError } from "../../components/QueryError";
import { formatDate, formatMoney } from "../../utils/format";
import { rewardSelect, type RewardRow } from "./queries";

export function RewardsOf({ staffId }: { staffId: string }) {
  const { t, i18n } = useTranslation();
  const { result, query } = useList<RewardRow>({
    resource: "rewards",
    pagination: { pageSize: 20 },
    sorters: [{ field: "awarded_on", order: "desc" }],
    filters: [{ field: "staff_id", operator: "eq", value: staffId }],
    meta: { select: rewardSelect },
  });
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<RewardRow>
      size="small"
      rowKey="id"
      pagination={false}
      loading={query.isLoading}
      dataSource={result?.data ?? []}
      locale={{ emptyText: t("rewards.none") }}
      scroll={{ x: true }}
      columns={[
        {
          key: "day",
          title: t("rewards.fields.awarded_on"),
          render: (_, r) => formatDate(r.awarded_on, i18n.language),
        },
        {
          key: "kind",
          title: t("rewards.fields.kind"),
          render: (_, r) =>
            `${t(`rewards.kind.${r.kind}`)}${r.amount !== null ? ` ${formatMoney(r.amount, i18n.language)}` : ""}`,
        },
        { key: "reason", title: t("rewards.fields.reason"), dataIndex: "reason" },
        {
          key: "status",
          title: t("rewards.fields.status"),
          render: (_, r) => <Tag>{t(`rewards.status.${r.status}`)}</Tag>,
        },
      ]}
    />
  );
}
