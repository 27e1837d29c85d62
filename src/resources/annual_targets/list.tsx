// Annual targets: each person's company target for a KPI and year, with the profile that
// splits it. HR (everyone) and managers (their subtree) set them and split a year into
// months in one step; running the split again changes nothing unless a target changed.
import { CreateButton, DeleteButton, EditButton, List, useTable } from "@refinedev/antd";
import { useCan, useInvalidate, useNotification } from "@refinedev/core";
import { useMutation } from "@tanstack/react-query";
import { Button, InputNumber, Popconfirm, Select, Space, Table } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { localizedName } from "../../providers/i18n";
import { formatMoney } from "../../utils/format";
import { useTargetKpis } from "../targets/hooks";
import { annualTargetSelect, splitTargets, type AnnualTargetRow } from "./queries";

export default function AnnualTargetsList() {
  const { t, i18n } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const { data: canCreate } = useCan({ resource: "annual_targets", action: "create" });
  const { data: canEdit } = useCan({ resource: "annual_targets", action: "edit" });
  const { data: canDelete } = useCan({ resource: "annual_targets", action: "delete" });
  const { options: kpiOptions } = useTargetKpis();
  const { tableProps, tableQuery, filters, setFilters } = useTable<AnnualTargetRow>({
    resource: "annual_targets",
    meta: { select: annualTargetSelect },
    sorters: { initial: [{ field: "year", order: "desc" }] },
    filters: { initial: [{ field: "year", operator: "eq", value: new Date().getFullYear() }] },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
  });
  const valueOf = (field: string) => filters.find((f) => "field" in f && f.field === field)?.value as unknown;
  const year = Number(valueOf("year")) || new Date().getFullYear();
  const kpiId = (valueOf("kpi_id") as string | undefined) ?? null;
  const setFilter = (field: string, value: unknown) =>
    setFilters(
      [
        ...filters.filter((f) => "field" in f && f.field !== field),
        ...(value ? [{ field, operator: "eq" as const, value }] : []),
      ],
      "replace",
    );
  const split = useMutation({
    mutationFn: () => splitTargets(year, kpiId),
    onSuccess: (r) => {
      open?.({
        type: "success",
        message: t("annual_targets.split.done", { people: r.people, written: r.rows_written, removed: r.rows_removed }),
      });
      void invalidate({ resource: "target_totals", invalidates: ["list"] });
    },
    onError: (e) => open?.({ type: "error", message: t("annual_targets.split.failed"), description: e.message }),
  });
  return (
    <List
      title={<PageTitle>{t("annual_targets.titles.list")}</PageTitle>}
      headerButtons={
        <Space>
          {canCreate?.can && (
            <Popconfirm
              title={t("annual_targets.split.confirm", { year })}
              okText={t("annual_targets.split.button", { year })}
              cancelText={t("buttons.cancel")}
              onConfirm={() => split.mutate()}
            >
              <Button loading={split.isPending}>{t("annual_targets.split.button", { year })}</Button>
            </Popconfirm>
          )}
          {canCreate?.can && <CreateButton />}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <InputNumber
          aria-label={t("annual_targets.fields.year")}
          addonBefore={t("annual_targets.fields.year")}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setFilter("year", v)}
        />
        <Select
          aria-label={t("annual_targets.fields.kpi_id")}
          placeholder={t("annual_targets.allKpis")}
          allowClear
          style={{ minWidth: 240 }}
          value={kpiId ?? undefined}
          options={kpiOptions}
          onChange={(v?: string) => setFilter("kpi_id", v)}
        />
      </Space>
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<AnnualTargetRow>
        {...tableProps}
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: t("annual_targets.none", { year }) }}
      >
        <Table.Column<AnnualTargetRow>
          key="person"
          title={t("annual_targets.fields.staff_id")}
          render={(_, r) => r.person?.full_name ?? "—"}
        />
        <Table.Column<AnnualTargetRow>
          key="territory"
          title={t("annual_targets.fields.territory_id")}
          render={(_, r) => r.territory?.code ?? "—"}
        />
        <Table.Column<AnnualTargetRow>
          key="kpi"
          title={t("annual_targets.fields.kpi_id")}
          render={(_, r) => (r.kpi ? localizedName(r.kpi, i18n.language) : "—")}
        />
        <Table.Column<AnnualTargetRow> dataIndex="year" title={t("annual_targets.fields.year")} sorter />
        <Table.Column<AnnualTargetRow>
          dataIndex="amount"
          title={t("annual_targets.fields.amount")}
          align="right"
          sorter
          render={(a: number, r) =>
            r.kpi?.unit === "amount" ? formatMoney(a, i18n.language) : new Intl.NumberFormat(i18n.language).format(a)
          }
        />
        <Table.Column<AnnualTargetRow>
          key="profile"
          title={t("annual_targets.fields.distribution_id")}
          render={(_, r) => (r.profile ? localizedName(r.profile, i18n.language) : "—")}
        />
        {(canEdit?.can || canDelete?.can) && (
          <Table.Column<AnnualTargetRow>
            key="actions"
            title={t("table.actions")}
            render={(_, r) => (
              <Space>
                {canEdit?.can && (
                  <EditButton hideText size="small" recordItemId={r.id} aria-label={t("buttons.edit")} />
                )}
                {canDelete?.can && (
                  <DeleteButton
                    hideText
                    size="small"
                    recordItemId={r.id}
                    confirmTitle={t("annual_targets.deleteConfirm")}
                    aria-label={t("buttons.delete")}
                  />
                )}
              </Space>
            )}
          />
        )}
      </Table>
    </List>
  );
}
