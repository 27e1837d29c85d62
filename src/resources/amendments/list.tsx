// Amendments to closed months: each with the figure before and after and the reason. Those
// who may change the figures ask; someone else with the right approves (the change is made
// then, and the audit log shows it) or rejects with a note.
import { List, useTable } from "@refinedev/antd";
import { useCan, useGetIdentity, useInvalidate, useNotification, type CrudFilter } from "@refinedev/core";
import { useMutation } from "@tanstack/react-query";
import { Button, Popconfirm, Segmented, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import type { Identity } from "../../providers/authProvider";
import { localizedName } from "../../providers/i18n";
import { formatDate, formatMoney } from "../../utils/format";
import { TextStepForm } from "../evaluations/form";
import { AmendmentForm } from "./form";
import {
  amendmentSelect,
  amendmentStatuses,
  decideAmendment,
  requestAmendment,
  type AmendmentRow,
  type RequestValues,
} from "./queries";

// Palette colours (the theme keeps their text at 4.5:1 on the tint; status colours it does not).
const statusColor = { pending: "blue", approved: "green", rejected: "red" } as const;

export default function AmendmentsList() {
  const { t, i18n } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const { data: me } = useGetIdentity<Identity>();
  const { data: canDecide } = useCan({ resource: "amendments", action: "approve" });
  const { data: canAsk } = useCan({ resource: "kpi_actuals", action: "edit" });
  const [asking, setAsking] = useState(false);
  const [rejecting, setRejecting] = useState<AmendmentRow | null>(null);
  const { tableProps, tableQuery, filters, setFilters } = useTable<AmendmentRow>({
    resource: "amendments",
    meta: { select: amendmentSelect },
    sorters: { initial: [{ field: "requested_at", order: "desc" }] },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
  });
  const status =
    (filters.find((f): f is CrudFilter & { field: string } => "field" in f && f.field === "status")?.value as
      string | undefined) ?? "all";
  const refresh = (message: string) => {
    open?.({ type: "success", message });
    setAsking(false);
    setRejecting(null);
    void invalidate({ resource: "amendments", invalidates: ["list"] });
  };
  const failed = (e: Error) => open?.({ type: "error", message: t("amendments.failed"), description: e.message });
  const ask = useMutation({
    mutationFn: (v: RequestValues) => requestAmendment(v),
    onSuccess: () => refresh(t("amendments.requested")),
    onError: failed,
  });
  const decide = useMutation({
    mutationFn: ({ row, approve, note }: { row: AmendmentRow; approve: boolean; note: string }) =>
      decideAmendment(row, approve, note),
    onSuccess: (_, v) => refresh(v.approve ? t("amendments.approvedDone") : t("amendments.rejectedDone")),
    onError: failed,
  });
  const figure = (r: AmendmentRow, v: number | null) =>
    v === null
      ? "—"
      : r.kpi?.unit === "amount"
        ? formatMoney(v, i18n.language)
        : Number(v).toLocaleString(i18n.language);
  return (
    <List
      title={<PageTitle>{t("amendments.titles.list")}</PageTitle>}
      headerButtons={canAsk?.can ? <Button onClick={() => setAsking(true)}>{t("amendments.request")}</Button> : null}
    >
      <Segmented
        aria-label={t("amendments.fields.status")}
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(v) => setFilters(v === "all" ? [] : [{ field: "status", operator: "eq", value: v }], "replace")}
        options={[
          { value: "all", label: t("amendments.allStatuses") },
          ...amendmentStatuses.map((s) => ({ value: s, label: t(`amendments.status.${s}`) })),
        ]}
      />
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<AmendmentRow>
        {...tableProps}
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: t("amendments.none") }}
      >
        <Table.Column<AmendmentRow>
          key="what"
          title={t("amendments.fields.what")}
          render={(_, r) =>
            `${t(`amendments.kind.${r.kind}`)} · ${r.person?.full_name ?? "—"} · ${r.kpi ? localizedName(r.kpi, i18n.language) : "—"} · ${r.month.slice(0, 7)}`
          }
        />
        <Table.Column<AmendmentRow>
          key="change"
          title={t("amendments.fields.change")}
          align="right"
          render={(_, r) => `${figure(r, r.old_value)} → ${figure(r, r.new_value)}`}
        />
        <Table.Column<AmendmentRow> dataIndex="reason" title={t("amendments.fields.reason")} />
        <Table.Column<AmendmentRow>
          key="requested"
          title={t("amendments.fields.requested_by")}
          render={(_, r) => `${r.requester?.full_name ?? "—"} · ${formatDate(r.requested_at, i18n.language)}`}
        />
        <Table.Column<AmendmentRow>
          dataIndex="status"
          title={t("amendments.fields.status")}
          render={(s: AmendmentRow["status"], r) => (
            <Space direction="vertical" size={0}>
              <Tag color={statusColor[s]}>{t(`amendments.status.${s}`)}</Tag>
              {r.decider && `${r.decider.full_name}${r.decision_note ? `: ${r.decision_note}` : ""}`}
            </Space>
          )}
        />
        {canDecide?.can && (
          <Table.Column<AmendmentRow>
            key="actions"
            title={t("table.actions")}
            render={(_, r) =>
              r.status === "pending" && r.requested_by !== me?.id ? (
                <Space>
                  <Popconfirm
                    title={t("amendments.approveConfirm")}
                    okText={t("amendments.approve")}
                    cancelText={t("buttons.cancel")}
                    onConfirm={() => decide.mutate({ row: r, approve: true, note: "" })}
                  >
                    <Button size="small" type="primary">
                      {t("amendments.approve")}
                    </Button>
                  </Popconfirm>
                  <Button size="small" danger onClick={() => setRejecting(r)}>
                    {t("amendments.reject")}
                  </Button>
                </Space>
              ) : null
            }
          />
        )}
      </Table>
      {asking && (
        <AmendmentForm pending={ask.isPending} onSubmit={(v) => ask.mutate(v)} onCancel={() => setAsking(false)} />
      )}
      {rejecting && (
        <TextStepForm
          title={t("amendments.reject")}
          label={t("amendments.fields.decision_note")}
          okText={t("amendments.reject")}
          required={t("amendments.errors.note")}
          pending={decide.isPending}
          onSubmit={(note) => decide.mutate({ row: rejecting, approve: false, note })}
          onCancel={() => setRejecting(null)}
        />
      )}
    </List>
  );
}
