// Re-tiering: which customers would change tier by a year's sales (from, to, the sales that
// decide it), applied by HR in one step with a reason; earlier runs below.
import { useCan, useInvalidate, useList, useNotification } from "@refinedev/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatMoney } from "../../utils/format";
import { useTiers } from "../customers/hooks";
import { tierName } from "../customers/queries";
import { applyRetiering, proposeRetiering, retieringYears, type RetieringProposal, type RetieringRun } from "./queries";

export function Retiering() {
  const { t, i18n } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const { tiers } = useTiers();
  const years = retieringYears();
  const [year, setYear] = useState(years[0]!);
  const [reason, setReason] = useState("");
  const { data: canApply } = useCan({ resource: "customer_tiers", action: "retier" });
  const proposal = useQuery({ queryKey: ["propose_retiering", year], queryFn: () => proposeRetiering(year) });
  const { result: runs } = useList<RetieringRun>({
    resource: "retiering_runs",
    sorters: [{ field: "applied_at", order: "desc" }],
    pagination: { pageSize: 5 },
  });
  const apply = useMutation({
    mutationFn: () => applyRetiering(year, reason.trim()),
    onSuccess: (count) => {
      open?.({ type: "success", message: t("customer_tiers.retiering.applied", { count }) });
      setReason("");
      void proposal.refetch();
      void invalidate({ resource: "retiering_runs", invalidates: ["list"] });
      void invalidate({ resource: "customers", invalidates: ["list"] });
    },
  });
  const tier = (id: string) => (
    <Tag>
      {tierName(
        tiers.find((x) => x.id === id),
        i18n.language,
      )}
    </Tag>
  );
  const rows = proposal.data ?? [];
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("customer_tiers.retiering.title")}</h2>}
      style={{ marginTop: 24 }}
    >
      <Typography.Paragraph type="secondary">{t("customer_tiers.retiering.explain")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="retiering-year">{t("customer_tiers.retiering.year")}</label>
        <Select
          id="retiering-year"
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 120 }}
        />
      </Space>
      {proposal.isError && <Alert type="error" showIcon message={(proposal.error as Error).message} />}
      <Table<RetieringProposal>
        size="small"
        rowKey="customer_id"
        loading={proposal.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t("customer_tiers.retiering.nothing") }}
        scroll={{ x: true }}
      >
        <Table.Column<RetieringProposal>
          key="customer"
          title={t("visits.fields.customer_id")}
          render={(_, r) => <Link to={`/customers/show/${r.customer_id}`}>{`${r.code} · ${r.name}`}</Link>}
        />
        <Table.Column<RetieringProposal>
          dataIndex="sales_total"
          title={t("customer_tiers.retiering.sales", { year })}
          align="right"
          render={(v: number) => formatMoney(v, i18n.language)}
        />
        <Table.Column<RetieringProposal>
          key="from"
          title={t("customer_tiers.retiering.from")}
          render={(_, r) => tier(r.from_tier_id)}
        />
        <Table.Column<RetieringProposal>
          key="to"
          title={t("customer_tiers.retiering.to")}
          render={(_, r) => tier(r.to_tier_id)}
        />
      </Table>
      {canApply?.can && rows.length > 0 && (
        <Space direction="vertical" style={{ width: "100%", marginTop: 16 }}>
          <label htmlFor="retiering-reason">{t("customer_tiers.retiering.reason")}</label>
          <Input.TextArea
            id="retiering-reason"
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {apply.error && <Alert type="error" showIcon message={apply.error.message} />}
          <Popconfirm
            title={t("customer_tiers.retiering.confirm", { count: rows.length })}
            okText={t("customer_tiers.retiering.apply")}
            cancelText={t("buttons.cancel")}
            onConfirm={() => apply.mutate()}
            disabled={!reason.trim()}
          >
            <Button type="primary" disabled={!reason.trim()} loading={apply.isPending}>
              {t("customer_tiers.retiering.apply")}
            </Button>
          </Popconfirm>
        </Space>
      )}
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 24 }}>
        {t("retiering_runs.retiering_runs")}
      </Typography.Title>
      <Table<RetieringRun>
        size="small"
        rowKey="id"
        dataSource={runs?.data ?? []}
        pagination={false}
        locale={{ emptyText: t("customer_tiers.retiering.noRuns") }}
      >
        <Table.Column<RetieringRun>
          dataIndex="applied_at"
          title={t("retiering_runs.fields.applied_at")}
          render={(d: string) => formatDate(d, i18n.language)}
        />
        <Table.Column<RetieringRun> dataIndex="sales_year" title={t("retiering_runs.fields.sales_year")} />
        <Table.Column<RetieringRun> dataIndex="customers_moved" title={t("retiering_runs.fields.customers_moved")} />
        <Table.Column<RetieringRun> dataIndex="reason" title={t("retiering_runs.fields.reason")} />
      </Table>
    </Card>
  );
}
