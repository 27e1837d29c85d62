// One salesperson's visit plan for one month: planned visits per customer beside the visits
// done so far, a line added or removed (this month or later; past months are kept as they were).
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useCan, useCreate, useDelete, useList } from "@refinedev/core";
import { Button, Form, Popconfirm, Table } from "antd";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { NumberField } from "../../components/fields";
import type { Tables } from "../../types/database";
import { today, monthOf } from "../../utils/format";
import { CustomerField } from "../customers/pickers";
import { planLineSelect, type PlanLine } from "./queries";

function monthEnd(month: string): string {
  const d = new Date(`${month}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return d.toISOString().slice(0, 10);
}

export function MonthPlan({ staffId, month }: { staffId: string; month: string }) {
  const { t } = useTranslation();
  const editable = month >= monthOf(today());
  const { data: canCreate } = useCan({ resource: "visit_plans", action: "create" });
  const { data: canDelete } = useCan({ resource: "visit_plans", action: "delete" });
  const { result, query } = useList<PlanLine>({
    resource: "visit_plans",
    filters: [
      { field: "staff_id", operator: "eq", value: staffId },
      { field: "month", operator: "eq", value: month },
    ],
    pagination: { mode: "off" },
    meta: { select: planLineSelect },
  });
  const { result: visits } = useList<Pick<Tables<"visits">, "id" | "customer_id">>({
    resource: "visits",
    filters: [
      { field: "staff_id", operator: "eq", value: staffId },
      { field: "visited_on", operator: "gte", value: month },
      { field: "visited_on", operator: "lte", value: monthEnd(month) },
    ],
    pagination: { mode: "off" },
    meta: { select: "id, customer_id" },
  });
  const done = (customer: string) => (visits?.data ?? []).filter((v) => v.customer_id === customer).length;
  const { mutate: remove } = useDelete();
  const lines = [...(result?.data ?? [])].sort((a, b) =>
    (a.customer?.name ?? "").localeCompare(b.customer?.name ?? ""),
  );
  return (
    <>
      <Table<PlanLine>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        dataSource={lines}
        pagination={false}
        locale={{ emptyText: t("visit_plans.empty") }}
        scroll={{ x: true }}
      >
        <Table.Column<PlanLine>
          key="customer"
          title={t("visit_plans.fields.customer_id")}
          render={(_, l) => (l.customer ? `${l.customer.code} · ${l.customer.name}` : "—")}
        />
        <Table.Column<PlanLine>
          dataIndex="planned_visits"
          title={t("visit_plans.fields.planned_visits")}
          align="right"
        />
        <Table.Column<PlanLine>
          key="done"
          title={t("visit_plans.done")}
          align="right"
          render={(_, l) => done(l.customer_id)}
        />
        {editable && canDelete?.can && (
          <Table.Column<PlanLine>
            key="actions"
            title={t("table.actions")}
            render={(_, l) => (
              <Popconfirm
                title={t("visit_plans.removeConfirm")}
                okText={t("buttons.delete")}
                cancelText={t("buttons.cancel")}
                onConfirm={() => remove({ resource: "visit_plans", id: l.id })}
              >
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={t("buttons.delete")} />
              </Popconfirm>
            )}
          />
        )}
      </Table>
      {editable && canCreate?.can && <AddLine staffId={staffId} month={month} />}
    </>
  );
}

function AddLine({ staffId, month }: { staffId: string; month: string }) {
  const { t } = useTranslation();
  const { control, handleSubmit, reset } = useForm<{ customer_id: string | null; planned_visits: number }>({
    defaultValues: { customer_id: null, planned_visits: 1 },
  });
  const { mutate: create, mutation } = useCreate();
  const submit = handleSubmit((v) =>
    create(
      {
        resource: "visit_plans",
        values: { staff_id: staffId, month, customer_id: v.customer_id, planned_visits: v.planned_visits },
      },
      { onSuccess: () => reset({ customer_id: null, planned_visits: 1 }) },
    ),
  );
  const field = { control, idPrefix: "plan" } as const;
  return (
    <Form
      layout="vertical"
      component="form"
      noValidate
      onFinish={() => void submit()}
      style={{ marginTop: 16, maxWidth: 480 }}
    >
      <CustomerField
        {...field}
        name="customer_id"
        label={t("visit_plans.fields.customer_id")}
        required={t("visit_plans.errors.customer")}
      />
      <NumberField
        {...field}
        name="planned_visits"
        label={t("visit_plans.fields.planned_visits")}
        min={1}
        max={31}
        fallback={1}
        required={t("visit_plans.errors.planned")}
        width={160}
      />
      <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={mutation.isPending}>
        {t("visit_plans.add")}
      </Button>
    </Form>
  );
}
