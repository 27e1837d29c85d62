// A short list of violations on another page: a person's (their file) or a rule's (the rule's
// page), newest first, each linking to its own page. RLS decides which rows show.
import { useList } from "@refinedev/core";
import { Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryError } from "../../components/QueryError";
import { formatDate } from "../../utils/format";
import { violationSelect, type ViolationRow } from "./queries";

const statusColor = { draft: "blue", confirmed: "red", closed: "default", dismissed: "green" } as const;

export function ViolationsOf({ field, value }: { field: "staff_id" | "regulation_id"; value: string }) {
  const { t, i18n } = useTranslation();
  const { result, query } = useList<ViolationRow>({
    resource: "violations",
    pagination: { pageSize: 20 },
    sorters: [{ field: "occurred_on", order: "desc" }],
    filters: [{ field, operator: "eq", value }],
    meta: { select: violationSelect },
  });
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<ViolationRow>
      size="small"
      rowKey="id"
      pagination={false}
      loading={query.isLoading}
      dataSource={result?.data ?? []}
      locale={{ emptyText: t("violations.none") }}
      scroll={{ x: true }}
      columns={[
        {
          key: "day",
          title: t("violations.fields.occurred_on"),
          render: (_, r) => <Link to={`/violations/show/${r.id}`}>{formatDate(r.occurred_on, i18n.language)}</Link>,
        },
        field === "staff_id"
          ? {
              key: "rule",
              title: t("violations.fields.regulation_id"),
              render: (_, r) => `${r.rule?.code ?? "—"} v${r.version_number}`,
            }
          : { key: "person", title: t("violations.fields.staff_id"), render: (_, r) => r.person?.full_name ?? "—" },
        { key: "description", title: t("violations.fields.description"), dataIndex: "description" },
        {
          key: "status",
          title: t("violations.fields.status"),
          render: (_, r) => <Tag color={statusColor[r.status]}>{t(`violations.status.${r.status}`)}</Tag>,
        },
      ]}
    />
  );
}
