// The audit log's filter bar: table, person, operation and date range (dates in UTC).
import { useSelect } from "@refinedev/antd";
import { useQuery } from "@tanstack/react-query";
import { DatePicker, Select, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { Tables } from "../../types/database";
import { auditOperations, fetchAuditedTables, type AuditQuery } from "./queries";
import { profileNameSelect } from "../profiles/queries";

export function AuditFilterBar({
  query,
  setFilter,
}: {
  query: AuditQuery;
  setFilter: (change: Partial<AuditQuery>) => void;
}) {
  const { t, i18n } = useTranslation();
  const tables = useQuery({ queryKey: ["audited_table_names"], queryFn: fetchAuditedTables, staleTime: 600_000 });

  const { selectProps: peopleProps } = useSelect<Tables<"profiles">>({
    resource: "profiles",
    optionLabel: "full_name",
    optionValue: "id",
    searchField: "full_name",
    meta: { select: profileNameSelect },
  });

  const setRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    setFilter({ from: range?.[0]?.format("YYYY-MM-DD"), to: range?.[1]?.format("YYYY-MM-DD") });

  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select
        allowClear
        showSearch
        aria-label={t("audit_log.filters.table")}
        placeholder={t("audit_log.filters.table")}
        value={query.table}
        onChange={(v?: string) => setFilter({ table: v })}
        options={(tables.data ?? []).map((name) => ({
          value: name,
          label: i18n.exists(`${name}.${name}`) ? t(`${name}.${name}`) : name,
        }))}
        style={{ width: 220 }}
        data-testid="audit-filter-table"
      />
      <Select<string>
        options={peopleProps.options as { label: string; value: string }[] | undefined}
        onSearch={peopleProps.onSearch}
        filterOption={false}
        showSearch
        loading={peopleProps.loading}
        allowClear
        aria-label={t("audit_log.filters.person")}
        placeholder={t("audit_log.filters.person")}
        value={query.actor}
        onChange={(v?: string) => setFilter({ actor: v })}
        style={{ width: 220 }}
        data-testid="audit-filter-person"
      />
      <Select
        allowClear
        aria-label={t("audit_log.filters.operation")}
        placeholder={t("audit_log.filters.operation")}
        value={query.operation}
        onChange={(v?: AuditQuery["operation"]) => setFilter({ operation: v })}
        options={auditOperations.map((op) => ({ value: op, label: t(`audit_log.operations.${op}`) }))}
        style={{ width: 160 }}
        data-testid="audit-filter-operation"
      />
      <DatePicker.RangePicker
        aria-label={t("audit_log.filters.dates")}
        allowEmpty={[true, true]}
        value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
        onChange={(r) => setRange(r as [Dayjs | null, Dayjs | null] | null)}
        placeholder={[t("audit_log.filters.from"), t("audit_log.filters.to")]}
        data-testid="audit-filter-dates"
      />
      {Boolean(query.from || query.to) && <Typography.Text type="secondary">{t("audit_log.utcNote")}</Typography.Text>}
    </Space>
  );
}
