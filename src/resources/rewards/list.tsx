// Rewards and recognition: proposed by a manager (or by an approved evaluation whose band
// proposes one), confirmed or declined by HR. A person sees their own.
import { List, useTable } from "@refinedev/antd";
import { useCan, useInvalidate, useNotification } from "@refinedev/core";
import { useMutation } from "@tanstack/react-query";
import { Button, Segmented, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { formatDate, formatMoney } from "../../utils/format";
import { fieldFilters } from "../../utils/filters";
import { useMyStaff, usePeople } from "../customers/hooks";
import { TextStepForm } from "../evaluations/form";
import { ConfirmRewardForm, RewardForm, type ConfirmValues } from "./form";
import {
  decideReward,
  proposeReward,
  rewardSelect,
  rewardStatuses,
  type RewardRow,
  type RewardValues,
} from "./queries";

// Palette colours (the theme keeps their text at 4.5:1 on the tint).
const statusColor = { proposed: "blue", confirmed: "green", declined: "red" } as const;

export default function RewardsList() {
  const { t, i18n } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const { staff: myStaff } = useMyStaff();
  const { options: people } = usePeople();
  const { data: canPropose } = useCan({ resource: "rewards", action: "create" });
  const { data: canDecide } = useCan({ resource: "rewards", action: "approve" });
  const [proposing, setProposing] = useState(false);
  const [confirming, setConfirming] = useState<RewardRow | null>(null);
  const [declining, setDeclining] = useState<RewardRow | null>(null);
  const { tableProps, tableQuery, filters, setFilters } = useTable<RewardRow>({
    resource: "rewards",
    meta: { select: rewardSelect },
    sorters: { initial: [{ field: "awarded_on", order: "desc" }] },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
  });
  const { value, setFilter } = fieldFilters(filters, setFilters);
  const status = (value("status") as string | undefined) ?? "all";
  const done = (message: string) => {
    open?.({ type: "success", message });
    setProposing(false);
    setConfirming(null);
    setDeclining(null);
    void invalidate({ resource: "rewards", invalidates: ["list"] });
  };
  const failed = (e: Error) => open?.({ type: "error", message: t("rewards.failed"), description: e.message });
  const propose = useMutation({
    mutationFn: (v: RewardValues) => proposeReward(v),
    onSuccess: () => done(t("rewards.proposed")),
    onError: failed,
  });
  const decide = useMutation({
    mutationFn: ({ row, decision }: { row: RewardRow; decision: ConfirmValues & { confirm: boolean } }) =>
      decideReward(row, decision),
    onSuccess: (_, v) => done(v.decision.confirm ? t("rewards.confirmedDone") : t("rewards.declinedDone")),
    onError: failed,
  });
  return (
    <List
      title={<PageTitle>{t("rewards.titles.list")}</PageTitle>}
      headerButtons={
        canPropose?.can ? (
          <Button type="primary" onClick={() => setProposing(true)}>
            {t("rewards.propose")}
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          aria-label={t("rewards.fields.status")}
          value={status}
          onChange={(v) => setFilter("status", "eq", v === "all" ? null : v)}
          options={[
            { value: "all", label: t("rewards.allStatuses") },
            ...rewardStatuses.map((s) => ({ value: s, label: t(`rewards.status.${s}`) })),
          ]}
        />
        <Select
          aria-label={t("rewards.fields.staff_id")}
          placeholder={t("rewards.allPeople")}
          allowClear
          showSearch
          optionFilterProp="label"
          options={people}
          value={(value("staff_id") as string | undefined) ?? undefined}
          onChange={(v?: string) => setFilter("staff_id", "eq", v)}
          style={{ width: 240 }}
        />
      </Space>
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<RewardRow>
        {...tableProps}
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: t("rewards.none") }}
      >
        <Table.Column<RewardRow>
          key="person"
          title={t("rewards.fields.staff_id")}
          render={(_, r) => r.person?.full_name ?? "—"}
        />
        <Table.Column<RewardRow>
          dataIndex="kind"
          title={t("rewards.fields.kind")}
          render={(_, r) =>
            `${t(`rewards.kind.${r.kind}`)}${r.amount !== null ? ` · ${formatMoney(r.amount, i18n.language)}` : ""}`
          }
        />
        <Table.Column<RewardRow>
          dataIndex="reason"
          title={t("rewards.fields.reason")}
          render={(_, r) => (
            <Space direction="vertical" size={0}>
              {r.reason}
              {r.evaluation && (
                <Link to={`/evaluations/show/${r.evaluation.id}`}>
                  {t("rewards.fromEvaluation", { month: r.evaluation.month.slice(0, 7) })}
                </Link>
              )}
            </Space>
          )}
        />
        <Table.Column<RewardRow>
          dataIndex="awarded_on"
          title={t("rewards.fields.awarded_on")}
          sorter
          render={(d: string) => formatDate(d, i18n.language)}
        />
        <Table.Column<RewardRow>
          key="proposed"
          title={t("rewards.fields.proposed_by")}
          render={(_, r) => r.proposer?.full_name ?? "—"}
        />
        <Table.Column<RewardRow>
          dataIndex="status"
          title={t("rewards.fields.status")}
          render={(s: RewardRow["status"], r) => (
            <Space direction="vertical" size={0}>
              <Tag color={statusColor[s]}>{t(`rewards.status.${s}`)}</Tag>
              {r.decider && `${r.decider.full_name}${r.decision_note ? `: ${r.decision_note}` : ""}`}
            </Space>
          )}
        />
        {canDecide?.can && (
          <Table.Column<RewardRow>
            key="actions"
            title={t("table.actions")}
            render={(_, r) =>
              r.status === "proposed" && r.staff_id !== myStaff?.id ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => setConfirming(r)}>
                    {t("rewards.confirm")}
                  </Button>
                  <Button size="small" danger onClick={() => setDeclining(r)}>
                    {t("rewards.decline")}
                  </Button>
                </Space>
              ) : null
            }
          />
        )}
      </Table>
      {proposing && (
        <RewardForm
          pending={propose.isPending}
          onSubmit={(v) => propose.mutate(v)}
          onCancel={() => setProposing(false)}
        />
      )}
      {confirming && (
        <ConfirmRewardForm
          initial={{ kind: confirming.kind, amount: confirming.amount, note: "" }}
          pending={decide.isPending}
          onSubmit={(v) => decide.mutate({ row: confirming, decision: { ...v, confirm: true } })}
          onCancel={() => setConfirming(null)}
        />
      )}
      {declining && (
        <TextStepForm
          title={t("rewards.decline")}
          label={t("rewards.fields.decision_note")}
          okText={t("rewards.decline")}
          required={t("rewards.errors.note")}
          pending={decide.isPending}
          onSubmit={(note) =>
            decide.mutate({ row: declining, decision: { confirm: false, kind: declining.kind, amount: null, note } })
          }
          onCancel={() => setDeclining(null)}
        />
      )}
    </List>
  );
}
