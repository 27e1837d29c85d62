// Evaluations of a month for a territory subtree: each person's total, band and where the
// evaluation stands. Those who may run evaluations compute the month in one step (drafts are
// recomputed; submitted and later ones are left alone), and the result says how many.
import { List, ShowButton, useTable } from "@refinedev/antd";
import { useCan, useInvalidate, useNotification, type CrudFilter } from "@refinedev/core";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, DatePicker, Popconfirm, Segmented, Space, Table } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { TerritoryTreeSelect, useTerritoryTree } from "../../components/org/TerritoryTreeSelect";
import { localizedName } from "../../providers/i18n";
import { BandTag, StatusTag } from "./tags";
import { evaluationListSelect, evaluationStatuses, runEvaluations, type EvaluationListRow } from "./queries";

const lastMonth = () => dayjs().subtract(1, "month").startOf("month").format("YYYY-MM-DD");

export default function EvaluationsList() {
  const { t, i18n } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const { data: canRun } = useCan({ resource: "evaluations", action: "create" });
  const { rows: territories } = useTerritoryTree();
  const { tableProps, tableQuery, filters, setFilters } = useTable<EvaluationListRow>({
    resource: "evaluations",
    meta: { select: evaluationListSelect },
    filters: { initial: [{ field: "month", operator: "eq", value: lastMonth() }] },
    sorters: { initial: [{ field: "total_score", order: "desc" }] },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
  });
  const valueOf = (field: string) =>
    filters.find((f): f is CrudFilter & { field: string } => "field" in f && f.field === field)?.value as
      string | undefined;
  const month = valueOf("month") ?? lastMonth();
  const status = valueOf("status") ?? "all";
  const territory = valueOf("territory_id") ?? null;
  const setFilter = (field: string, value: string | null) =>
    setFilters(
      [
        ...filters.filter((f) => "field" in f && f.field !== field),
        ...(value ? [{ field, operator: "eq" as const, value }] : []),
      ],
      "replace",
    );
  const run = useMutation({
    mutationFn: () => runEvaluations(month, territory),
    onSuccess: (r) => {
      open?.({
        type: "success",
        message: t("evaluations.run.done", { people: r.people, computed: r.computed, left: r.left_alone }),
      });
      void invalidate({ resource: "evaluations", invalidates: ["list"] });
    },
    onError: (e) => open?.({ type: "error", message: t("evaluations.run.failed"), description: e.message }),
  });
  const monthLabel = dayjs(month).toDate().toLocaleDateString(i18n.language, { month: "long", year: "numeric" });
  const territoryName = territories.find((x) => x.id === territory)?.code;
  return (
    <List
      title={<PageTitle>{t("evaluations.titles.list")}</PageTitle>}
      headerButtons={
        canRun?.can ? (
          <Popconfirm
            title={t("evaluations.run.confirm", {
              month: monthLabel,
              territory: territoryName ?? t("evaluations.run.everyone"),
            })}
            okText={t("evaluations.run.button")}
            cancelText={t("buttons.cancel")}
            onConfirm={() => run.mutate()}
          >
            <Button type="primary" loading={run.isPending}>
              {t("evaluations.run.button")}
            </Button>
          </Popconfirm>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker
          picker="month"
          aria-label={t("evaluations.fields.month")}
          allowClear={false}
          value={dayjs(month)}
          onChange={(v) => v && setFilter("month", v.startOf("month").format("YYYY-MM-DD"))}
        />
        <TerritoryTreeSelect
          value={territory}
          onChange={(v) => setFilter("territory_id", v)}
          aria-label={t("evaluations.fields.territory_id")}
        />
        <Segmented
          aria-label={t("evaluations.fields.status")}
          value={status}
          onChange={(v) => setFilter("status", v === "all" ? null : String(v))}
          options={[
            { value: "all", label: t("evaluations.allStatuses") },
            ...evaluationStatuses.map((s) => ({ value: s, label: t(`evaluations.status.${s}`) })),
          ]}
        />
      </Space>
      {run.isPending && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t("evaluations.run.running")} />
      )}
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<EvaluationListRow>
        {...tableProps}
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: t("evaluations.none", { month: monthLabel }) }}
      >
        <Table.Column<EvaluationListRow>
          key="person"
          title={t("evaluations.fields.staff_id")}
          render={(_, r) => r.person?.full_name ?? "—"}
        />
        <Table.Column<EvaluationListRow>
          key="territory"
          title={t("evaluations.fields.territory_id")}
          render={(_, r) => (r.territory ? `${r.territory.code} · ${r.territory.name}` : "—")}
        />
        <Table.Column<EvaluationListRow>
          dataIndex="total_score"
          title={t("evaluations.fields.total_score")}
          align="right"
          sorter
          render={(v: number | null) => (v === null ? "—" : Number(v).toFixed(2))}
        />
        <Table.Column<EvaluationListRow>
          key="band"
          title={t("evaluations.fields.band_id")}
          render={(_, r) =>
            r.band ? <BandTag outcome={r.band_outcome} label={localizedName(r.band, i18n.language)} /> : "—"
          }
        />
        <Table.Column<EvaluationListRow>
          dataIndex="status"
          title={t("evaluations.fields.status")}
          render={(s: EvaluationListRow["status"]) => <StatusTag status={s} />}
        />
        <Table.Column<EvaluationListRow>
          key="actions"
          title={t("table.actions")}
          render={(_, r) => (
            <ShowButton
              hideText
              size="small"
              recordItemId={r.id}
              aria-label={t("evaluations.open", { name: r.person?.full_name ?? "" })}
            />
          )}
        />
      </Table>
    </List>
  );
}
