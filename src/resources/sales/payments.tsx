// Payments collected against a sale, and recording one: never dated before the sale or after
// today, never more than what is outstanding (the database refuses it too).
import { DeleteOutlined } from "@ant-design/icons";
import { useCan, useCreate, useDelete, useInvalidate, useList } from "@refinedev/core";
import { Button, Form, Popconfirm, Space, Table } from "antd";
import dayjs from "dayjs";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { DateField, NumberField } from "../../components/fields";
import type { Tables } from "../../types/database";
import { formatDate, formatMoney, today } from "../../utils/format";

type Payment = Tables<"payments">;

export function SalePayments({
  sale,
  outstanding,
}: {
  sale: Pick<Tables<"sales">, "id" | "sale_date">;
  outstanding: number;
}) {
  const { t, i18n } = useTranslation();
  const { data: canCreate } = useCan({ resource: "payments", action: "create" });
  const { data: canDelete } = useCan({ resource: "payments", action: "delete" });
  const { result, query } = useList<Payment>({
    resource: "payments",
    filters: [{ field: "sale_id", operator: "eq", value: sale.id }],
    sorters: [{ field: "paid_on", order: "asc" }],
    pagination: { mode: "off" },
  });
  const { mutate: remove } = useDelete();
  const invalidate = useInvalidate();
  const refreshSale = () => void invalidate({ resource: "sales", invalidates: ["detail"], id: sale.id });
  return (
    <>
      <Table<Payment>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        dataSource={result?.data ?? []}
        pagination={false}
        locale={{ emptyText: t("payments.none") }}
      >
        <Table.Column<Payment>
          dataIndex="paid_on"
          title={t("payments.fields.paid_on")}
          render={(d: string) => formatDate(d, i18n.language)}
        />
        <Table.Column<Payment>
          dataIndex="amount"
          title={t("payments.fields.amount")}
          align="right"
          render={(a: number) => formatMoney(a, i18n.language)}
        />
        {canDelete?.can && (
          <Table.Column<Payment>
            key="actions"
            title={t("table.actions")}
            render={(_, p) => (
              <Popconfirm
                title={t("payments.removeConfirm")}
                okText={t("buttons.delete")}
                cancelText={t("buttons.cancel")}
                onConfirm={() => remove({ resource: "payments", id: p.id }, { onSuccess: refreshSale })}
              >
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={t("buttons.delete")} />
              </Popconfirm>
            )}
          />
        )}
      </Table>
      {canCreate?.can && outstanding > 0 && <PaymentForm sale={sale} outstanding={outstanding} onSaved={refreshSale} />}
    </>
  );
}

function PaymentForm({
  sale,
  outstanding,
  onSaved,
}: {
  sale: Pick<Tables<"sales">, "id" | "sale_date">;
  outstanding: number;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { control, handleSubmit, reset } = useForm<{ paid_on: string; amount: number | null }>({
    defaultValues: { paid_on: today(), amount: outstanding },
  });
  const { mutate: create, mutation } = useCreate();
  const submit = handleSubmit((v) =>
    create(
      { resource: "payments", values: { sale_id: sale.id, paid_on: v.paid_on, amount: Number(v.amount) } },
      {
        onSuccess: () => {
          reset({ paid_on: today(), amount: null });
          onSaved();
        },
      },
    ),
  );
  const field = { control, idPrefix: "payment" } as const;
  return (
    <Form
      layout="vertical"
      component="form"
      noValidate
      onFinish={() => void submit()}
      style={{ marginTop: 16, maxWidth: 420 }}
    >
      <DateField
        {...field}
        name="paid_on"
        label={t("payments.fields.paid_on")}
        required={t("payments.errors.date")}
        disabledDate={(d) => d.isBefore(dayjs(sale.sale_date), "day") || d.isAfter(dayjs(), "day")}
      />
      <NumberField
        {...field}
        name="amount"
        label={t("payments.fields.amount")}
        extra={t("payments.hints.outstanding", { amount: formatMoney(outstanding, i18n.language) })}
        min={0.01}
        max={outstanding}
        precision={2}
        fallback={null}
        required={t("payments.errors.amount", { amount: formatMoney(outstanding, i18n.language) })}
        width={220}
      />
      <Space>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t("payments.record")}
        </Button>
      </Space>
    </Form>
  );
}
