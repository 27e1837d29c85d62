// Closed months: which month is closed for which territory subtree, by whom and when. Those
// who may close one do it here; a closed month's figures then change only by amendment.
import { List, useTable } from "@refinedev/antd";
import { useCan, useInvalidate, useNotification } from "@refinedev/core";
import { useMutation } from "@tanstack/react-query";
import { Button, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { formatDate } from "../../utils/format";
import { ClosePeriodForm } from "./form";
import { closePeriod, periodCloseSelect, type CloseValues, type PeriodCloseRow } from "./queries";

export default function PeriodClosesList() {
  const { t, i18n } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const [closing, setClosing] = useState(false);
  const { data: canClose } = useCan({ resource: "period_closes", action: "create" });
  const { tableProps, tableQuery } = useTable<PeriodCloseRow>({
    resource: "period_closes",
    meta: { select: periodCloseSelect },
    sorters: { initial: [{ field: "month", order: "desc" }] },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
  });
  const close = useMutation({
    mutationFn: (v: CloseValues) => closePeriod(v),
    onSuccess: () => {
      open?.({ type: "success", message: t("period_closes.closed") });
      setClosing(false);
      void invalidate({ resource: "period_closes", invalidates: ["list"] });
    },
    onError: (e) => open?.({ type: "error", message: t("period_closes.failed"), description: e.message }),
  });
  const monthLabel = (m: string) =>
    new Date(`${m}T00:00:00`).toLocaleDateString(i18n.language, { month: "long", year: "numeric" });
  return (
    <List
      title={<PageTitle>{t("period_closes.titles.list")}</PageTitle>}
      headerButtons={
        canClose?.can ? (
          <Button type="primary" onClick={() => setClosing(true)}>
            {t("period_closes.close")}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t("period_closes.legend")}</Typography.Paragraph>
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<PeriodCloseRow> {...tableProps} rowKey="id" size="small" locale={{ emptyText: t("period_closes.none") }}>
        <Table.Column<PeriodCloseRow>
          dataIndex="month"
          title={t("period_closes.fields.month")}
          sorter
          render={monthLabel}
        />
        <Table.Column<PeriodCloseRow>
          key="territory"
          title={t("period_closes.fields.territory_id")}
          render={(_, r) => (r.territory ? `${r.territory.code} · ${r.territory.name}` : "—")}
        />
        <Table.Column<PeriodCloseRow> dataIndex="note" title={t("period_closes.fields.note")} />
        <Table.Column<PeriodCloseRow>
          key="closed"
          title={t("period_closes.fields.closed_at")}
          render={(_, r) => `${formatDate(r.closed_at, i18n.language)} · ${r.closer?.full_name ?? "—"}`}
        />
      </Table>
      {closing && (
        <ClosePeriodForm
          pending={close.isPending}
          onSubmit={(v) => close.mutate(v)}
          onCancel={() => setClosing(false)}
        />
      )}
    </List>
  );
}
