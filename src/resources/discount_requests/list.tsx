// Discount requests: the queue (pending first when it opens), asked by salespeople for their
// customers, decided by someone whose position's authority covers the discount and who did
// not ask for it (a larger one waits for someone above); refused with a reason. A requester
// withdraws a request while it is pending.
import { List, useTable } from "@refinedev/antd";
import { useCan, useInvalidate, useNotification } from "@refinedev/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Button, Popconfirm, Segmented, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { fieldFilters } from "../../utils/filters";
import { formatDate, formatMoney } from "../../utils/format";
import { useMyStaff } from "../customers/hooks";
import { TextStepForm } from "../evaluations/form";
import { DiscountRequestForm } from "./form";
import {
  askForDiscount,
  decideDiscountRequest,
  discountAmount,
  discountRequestSelect,
  discountRequestStatuses,
  myDiscountAuthority,
  withdrawDiscountRequest,
  withinAuthority,
  type DiscountRequestRow,
  type DiscountRequestValues,
} from "./queries";

// Palette colours (the theme keeps their text at 4.5:1 on the tint).
const statusColor = { pending: "blue", approved: "green", refused: "red" } as const;

export default function DiscountRequestsList() {
  const { t, i18n } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const { staff: myStaff } = useMyStaff();
  const { data: canAsk } = useCan({ resource: "discount_requests", action: "create" });
  const { data: canDecide } = useCan({ resource: "discount_requests", action: "approve" });
  const authority = useQuery({
    queryKey: ["my_discount_authority"],
    queryFn: myDiscountAuthority,
    enabled: Boolean(canDecide?.can),
  });
  const [asking, setAsking] = useState(false);
  const [refusing, setRefusing] = useState<DiscountRequestRow | null>(null);
  const { tableProps, tableQuery, filters, setFilters } = useTable<DiscountRequestRow>({
    resource: "discount_requests",
    meta: { select: discountRequestSelect },
    sorters: { initial: [{ field: "created_at", order: "desc" }] },
    filters: { initial: [{ field: "status", operator: "eq", value: "pending" }] },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
  });
  const { value, setFilter } = fieldFilters(filters, setFilters);
  const status = (value("status") as string | undefined) ?? "all";
  const done = (message: string) => {
    open?.({ type: "success", message });
    setAsking(false);
    setRefusing(null);
    void invalidate({ resource: "discount_requests", invalidates: ["list"] });
  };
  const failed = (e: Error) =>
    open?.({ type: "error", message: t("discount_requests.failed"), description: e.message });
  const ask = useMutation({
    mutationFn: (v: DiscountRequestValues) => askForDiscount(v),
    onSuccess: () => done(t("discount_requests.asked")),
    onError: failed,
  });
  const decide = useMutation({
    mutationFn: (a: { row: DiscountRequestRow; approve: boolean; note?: string }) =>
      decideDiscountRequest(a.row, a.approve, a.note),
    onSuccess: (_, a) => done(t(a.approve ? "discount_requests.approved" : "discount_requests.refused")),
    onError: failed,
  });
  const withdraw = useMutation({
    mutationFn: (row: DiscountRequestRow) => withdrawDiscountRequest(row),
    onSuccess: () => done(t("discount_requests.withdrawn")),
    onError: failed,
  });
  return (
    <List
      title={<PageTitle>{t("discount_requests.titles.list")}</PageTitle>}
      headerButtons={
        canAsk?.can ? (
          <Button type="primary" onClick={() => setAsking(true)}>
            {t("discount_requests.ask")}
          </Button>
        ) : null
      }
    >
      {canDecide?.can && authority.data !== undefined && (
        <Typography.Paragraph>{t("discount_requests.yourAuthority", { percent: authority.data })}</Typography.Paragraph>
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          aria-label={t("discount_requests.fields.status")}
          value={status}
          onChange={(v) => setFilter("status", "eq", v === "all" ? null : v)}
          options={[
            { value: "all", label: t("discount_requests.allStatuses") },
            ...discountRequestStatuses.map((s) => ({ value: s, label: t(`discount_requests.status.${s}`) })),
          ]}
        />
      </Space>
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<DiscountRequestRow>
        {...tableProps}
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: t("discount_requests.none") }}
      >
        <Table.Column<DiscountRequestRow>
          dataIndex="created_at"
          title={t("discount_requests.fields.created_at")}
          sorter
          render={(d: string) => formatDate(d.slice(0, 10), i18n.language)}
        />
        <Table.Column<DiscountRequestRow>
          key="customer"
          title={t("discount_requests.fields.customer_id")}
          render={(_, r) => (r.customer ? `${r.customer.code} · ${r.customer.name}` : "—")}
        />
        <Table.Column<DiscountRequestRow>
          key="requester"
          title={t("discount_requests.fields.requested_by")}
          render={(_, r) => r.requester?.full_name ?? "—"}
        />
        <Table.Column<DiscountRequestRow>
          dataIndex="discount_percent"
          title={t("discount_requests.fields.discount_percent")}
          sorter
          render={(p: number, r) => (
            <Space direction="vertical" size={0}>
              {`${Number(p)}%`}
              <Typography.Text type="secondary">
                {t("discount_requests.ofPrice", {
                  amount: formatMoney(discountAmount(Number(r.list_price), Number(p)), i18n.language),
                  price: formatMoney(r.list_price, i18n.language),
                })}
              </Typography.Text>
            </Space>
          )}
        />
        <Table.Column<DiscountRequestRow> dataIndex="reason" title={t("discount_requests.fields.reason")} />
        <Table.Column<DiscountRequestRow>
          dataIndex="status"
          title={t("discount_requests.fields.status")}
          render={(s: DiscountRequestRow["status"], r) => (
            <Space direction="vertical" size={0}>
              <Tag color={statusColor[s]}>{t(`discount_requests.status.${s}`)}</Tag>
              {r.decider && `${r.decider.full_name}${r.decision_note ? `: ${r.decision_note}` : ""}`}
            </Space>
          )}
        />
        <Table.Column<DiscountRequestRow>
          key="actions"
          title={t("table.actions")}
          render={(_, r) => {
            if (r.status !== "pending") return null;
            const mine = r.requested_by === myStaff?.id;
            if (mine)
              return (
                <Popconfirm
                  title={t("discount_requests.withdrawQuestion")}
                  okText={t("discount_requests.withdraw")}
                  cancelText={t("buttons.cancel")}
                  onConfirm={() => withdraw.mutate(r)}
                >
                  <Button size="small">{t("discount_requests.withdraw")}</Button>
                </Popconfirm>
              );
            if (!canDecide?.can) return null;
            const covered = withinAuthority(authority.data, r.discount_percent);
            return (
              <Space wrap>
                {covered ? (
                  <Popconfirm
                    title={t("discount_requests.approveQuestion", { percent: Number(r.discount_percent) })}
                    okText={t("discount_requests.approve")}
                    cancelText={t("buttons.cancel")}
                    onConfirm={() => decide.mutate({ row: r, approve: true })}
                  >
                    <Button size="small" type="primary">
                      {t("discount_requests.approve")}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Tag>{t("discount_requests.beyondAuthority")}</Tag>
                )}
                <Button size="small" onClick={() => setRefusing(r)}>
                  {t("discount_requests.refuse")}
                </Button>
              </Space>
            );
          }}
        />
      </Table>
      {asking && (
        <DiscountRequestForm
          pending={ask.isPending}
          onSubmit={(v) => ask.mutate(v)}
          onCancel={() => setAsking(false)}
        />
      )}
      {refusing && (
        <TextStepForm
          title={t("discount_requests.refuse")}
          label={t("discount_requests.fields.decision_note")}
          okText={t("discount_requests.refuse")}
          required={t("discount_requests.errors.refusal")}
          pending={decide.isPending}
          onSubmit={(note) => decide.mutate({ row: refusing, approve: false, note })}
          onCancel={() => setRefusing(null)}
        />
      )}
    </List>
  );
}
