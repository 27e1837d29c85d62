// Violations of the rules: recorded by a manager in their subtree, decided there (confirmed at
// the level the rule's ladder proposes for the person's live repeats, or a lighter one with a
// reason; dismissed with a reason; closed once carried out). A person sees their own and adds
// a statement while the case is a draft.
import { List, useTable } from "@refinedev/antd";
import { useCan, useInvalidate, useNotification, type CrudFilter } from "@refinedev/core";
import { useMutation } from "@tanstack/react-query";
import { Button, DatePicker, Popconfirm, Segmented, Select, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { TerritoryTreeSelect, useTerritoryTree } from "../../components/org/TerritoryTreeSelect";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { formatDate, formatMoney } from "../../utils/format";
import { fieldFilters } from "../../utils/filters";
import { useMyStaff, usePeople } from "../customers/hooks";
import { subtreeIds, territoryFilter } from "../customers/queries";
import { TextStepForm } from "../evaluations/form";
import { ConfirmViolationForm, useRules, ViolationForm, type ConfirmValues } from "./form";
import {
  addStatement,
  decideViolation,
  recordViolation,
  violationSelect,
  violationStatuses,
  type ViolationRow,
  type ViolationValues,
} from "./queries";

// Palette colours (the theme keeps their text at 4.5:1 on the tint).
const statusColor = { draft: "blue", confirmed: "red", closed: "default", dismissed: "green" } as const;

export default function ViolationsList() {
  const { t, i18n } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const { staff: myStaff } = useMyStaff();
  const { options: people } = usePeople();
  const { data: canRecord } = useCan({ resource: "violations", action: "create" });
  const { data: canDecide } = useCan({ resource: "violations", action: "approve" });
  const [recording, setRecording] = useState(false);
  const [confirming, setConfirming] = useState<ViolationRow | null>(null);
  const [dismissing, setDismissing] = useState<ViolationRow | null>(null);
  const [stating, setStating] = useState<ViolationRow | null>(null);
  const [territory, setTerritory] = useState<string | null>(null);
  const [range, setRange] = useState<[string, string] | null>(null);
  const { rows: territories } = useTerritoryTree();
  const rules = useRules();
  const permanent: CrudFilter[] = [
    ...territoryFilter(subtreeIds(territories, territory)),
    ...(range
      ? ([
          { field: "occurred_on", operator: "gte", value: range[0] },
          { field: "occurred_on", operator: "lte", value: range[1] },
        ] as CrudFilter[])
      : []),
  ];
  const { tableProps, tableQuery, filters, setFilters } = useTable<ViolationRow>({
    resource: "violations",
    meta: { select: violationSelect },
    sorters: { initial: [{ field: "occurred_on", order: "desc" }] },
    filters: { permanent },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
  });
  const { value, setFilter } = fieldFilters(filters, setFilters);
  const status = (value("status") as string | undefined) ?? "all";
  const origin = value("detected_by") === undefined ? "all" : foundBy(filters);
  const done = (message: string) => {
    open?.({ type: "success", message });
    setRecording(false);
    setConfirming(null);
    setDismissing(null);
    setStating(null);
    void invalidate({ resource: "violations", invalidates: ["list"] });
  };
  const failed = (e: Error) => open?.({ type: "error", message: t("violations.failed"), description: e.message });
  const record = useMutation({
    mutationFn: (v: ViolationValues) => recordViolation(v),
    onSuccess: () => done(t("violations.recorded")),
    onError: failed,
  });
  const decide = useMutation({
    mutationFn: (a: { row: ViolationRow; decision: "confirm" | "dismiss" | "close"; values?: ConfirmValues }) =>
      decideViolation(a.row, a.decision, { level: a.values?.level, reason: a.values?.reason }),
    onSuccess: (_, a) => done(t(`violations.done.${a.decision}`)),
    onError: failed,
  });
  const state = useMutation({
    mutationFn: (a: { row: ViolationRow; text: string }) => addStatement(a.row, a.text),
    onSuccess: () => done(t("violations.done.statement")),
    onError: failed,
  });
  const sanction = (r: ViolationRow) =>
    r.sanction_kind
      ? `${t(`violations.sanction.${r.sanction_kind}`)}${r.fine_amount !== null ? ` ${formatMoney(r.fine_amount, i18n.language)}` : ""}`
      : r.proposed_level !== null
        ? t("violations.proposedLevel", { level: r.proposed_level, repeat: r.repeat_count + 1 })
        : "—";
  return (
    <List
      title={<PageTitle>{t("violations.titles.list")}</PageTitle>}
      headerButtons={
        canRecord?.can ? (
          <Button type="primary" onClick={() => setRecording(true)}>
            {t("violations.record")}
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          aria-label={t("violations.fields.status")}
          value={status}
          onChange={(v) => setFilter("status", "eq", v === "all" ? null : v)}
          options={[
            { value: "all", label: t("violations.allStatuses") },
            ...violationStatuses.map((s) => ({ value: s, label: t(`violations.status.${s}`) })),
          ]}
        />
        <Select
          aria-label={t("violations.fields.staff_id")}
          placeholder={t("violations.allPeople")}
          allowClear
          showSearch
          optionFilterProp="label"
          options={people}
          value={(value("staff_id") as string | undefined) ?? undefined}
          onChange={(v?: string) => setFilter("staff_id", "eq", v)}
          style={{ width: 240 }}
        />
        <Select
          aria-label={t("violations.fields.regulation_id")}
          placeholder={t("violations.allRules")}
          allowClear
          showSearch
          optionFilterProp="label"
          options={rules}
          value={(value("regulation_id") as string | undefined) ?? undefined}
          onChange={(v?: string) => setFilter("regulation_id", "eq", v)}
          style={{ width: 240 }}
        />
        <TerritoryTreeSelect value={territory} onChange={setTerritory} aria-label={t("customers.filters.territory")} />
        <DatePicker.RangePicker
          aria-label={t("violations.filters.period")}
          value={range ? [dayjs(range[0]), dayjs(range[1])] : null}
          onChange={(v) => setRange(v && v[0] && v[1] ? [v[0].format("YYYY-MM-DD"), v[1].format("YYYY-MM-DD")] : null)}
        />
        <Segmented
          aria-label={t("violations.filters.origin")}
          value={origin}
          onChange={(v) => setFilter("detected_by", v === "detected" ? "nnull" : "null", v === "all" ? null : true)}
          options={[
            { value: "all", label: t("violations.origin.all") },
            { value: "detected", label: t("violations.origin.detected") },
            { value: "recorded", label: t("violations.origin.recorded") },
          ]}
        />
      </Space>
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<ViolationRow>
        {...tableProps}
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: t("violations.none") }}
      >
        <Table.Column<ViolationRow>
          key="person"
          title={t("violations.fields.staff_id")}
          render={(_, r) => r.person?.full_name ?? "—"}
        />
        <Table.Column<ViolationRow>
          key="rule"
          title={t("violations.fields.regulation_id")}
          render={(_, r) => `${r.rule?.code ?? "—"} v${r.version_number}`}
        />
        <Table.Column<ViolationRow>
          dataIndex="occurred_on"
          title={t("violations.fields.occurred_on")}
          sorter
          render={(d: string, r) => (
            <Link
              to={`/violations/show/${r.id}`}
              aria-label={t("violations.open", { day: formatDate(d, i18n.language) })}
            >
              {formatDate(d, i18n.language)}
            </Link>
          )}
        />
        <Table.Column<ViolationRow>
          dataIndex="description"
          title={t("violations.fields.description")}
          render={(_, r) => (
            <Space direction="vertical" size={0}>
              {r.description}
              <Typography.Text type="secondary">{t(`violations.severity.${r.severity}`)}</Typography.Text>
              {(r.detected_by || r.attendance_id) && (
                <Space size={4} wrap>
                  {r.detected_by && <Tag color="purple">{t("violations.detected")}</Tag>}
                  {r.attendance_id && <Tag>{t("violations.fromAttendance")}</Tag>}
                </Space>
              )}
              {r.statement && (
                <Typography.Text italic>{t("violations.statementSays", { text: r.statement })}</Typography.Text>
              )}
            </Space>
          )}
        />
        <Table.Column<ViolationRow>
          key="sanction"
          title={t("violations.fields.sanction")}
          render={(_, r) => sanction(r)}
        />
        <Table.Column<ViolationRow>
          dataIndex="status"
          title={t("violations.fields.status")}
          render={(s: ViolationRow["status"], r) => (
            <Space direction="vertical" size={0}>
              <Tag color={statusColor[s]}>{t(`violations.status.${s}`)}</Tag>
              {r.decider &&
                `${r.decider.full_name}${r.dismissal_reason || r.lighter_reason ? `: ${r.dismissal_reason || r.lighter_reason}` : ""}`}
            </Space>
          )}
        />
        <Table.Column<ViolationRow>
          key="actions"
          title={t("table.actions")}
          render={(_, r) => {
            const mine = r.staff_id === myStaff?.id;
            if (mine && r.status === "draft")
              return (
                <Button size="small" onClick={() => setStating(r)}>
                  {t("violations.addStatement")}
                </Button>
              );
            if (!canDecide?.can || mine) return null;
            if (r.status === "draft")
              return (
                <Space>
                  <Button size="small" type="primary" onClick={() => setConfirming(r)}>
                    {t("violations.confirm")}
                  </Button>
                  <Button size="small" onClick={() => setDismissing(r)}>
                    {t("violations.dismiss")}
                  </Button>
                </Space>
              );
            if (r.status === "confirmed")
              return (
                <Popconfirm
                  title={t("violations.closeQuestion")}
                  okText={t("violations.close")}
                  cancelText={t("buttons.cancel")}
                  onConfirm={() => decide.mutate({ row: r, decision: "close" })}
                >
                  <Button size="small">{t("violations.close")}</Button>
                </Popconfirm>
              );
            return null;
          }}
        />
      </Table>
      {recording && (
        <ViolationForm
          pending={record.isPending}
          onSubmit={(v) => record.mutate(v)}
          onCancel={() => setRecording(false)}
        />
      )}
      {confirming && (
        <ConfirmViolationForm
          row={confirming}
          pending={decide.isPending}
          onSubmit={(values) => decide.mutate({ row: confirming, decision: "confirm", values })}
          onCancel={() => setConfirming(null)}
        />
      )}
      {dismissing && (
        <TextStepForm
          title={t("violations.dismiss")}
          label={t("violations.fields.dismissal_reason")}
          okText={t("violations.dismiss")}
          required={t("violations.errors.dismissal")}
          pending={decide.isPending}
          onSubmit={(reason) =>
            decide.mutate({ row: dismissing, decision: "dismiss", values: { level: null, reason } })
          }
          onCancel={() => setDismissing(null)}
        />
      )}
      {stating && (
        <TextStepForm
          title={t("violations.addStatement")}
          label={t("violations.fields.statement")}
          okText={t("violations.addStatement")}
          required={t("violations.errors.statement")}
          pending={state.isPending}
          onSubmit={(text) => state.mutate({ row: stating, text })}
          onCancel={() => setStating(null)}
        />
      )}
    </List>
  );
}

/** Whether the list shows the violations a detector found or the ones people recorded. */
function foundBy(filters: CrudFilter[]): "detected" | "recorded" {
  const f = filters.find((x) => "field" in x && x.field === "detected_by");
  return f?.operator === "nnull" ? "detected" : "recorded";
}
