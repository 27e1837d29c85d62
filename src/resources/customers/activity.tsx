// A customer's visits, sales (with what is collected) and where it has been (territory and
// owner over time). Past rows keep the territory and owner of their date.
import { PlusOutlined } from "@ant-design/icons";
import { useCan, useList } from "@refinedev/core";
import { useQuery } from "@tanstack/react-query";
import { Button, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryError } from "../../components/QueryError";
import type { Tables } from "../../types/database";
import { formatDate, formatMoney } from "../../utils/format";
import { visitListSelect, type VisitListRow } from "../visits/queries";
import { saleListSelect, saleCollected, type SaleListRow } from "../sales/queries";
import { fetchCustomerBalance, placementSelect, type PlacementRow } from "./queries";

export function CustomerVisits({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const { data: canLog } = useCan({ resource: "visits", action: "create" });
  const { result, query } = useList<VisitListRow>({
    resource: "visits",
    filters: [{ field: "customer_id", operator: "eq", value: customerId }],
    sorters: [{ field: "visited_on", order: "desc" }],
    pagination: { pageSize: 50 },
    meta: { select: visitListSelect },
  });
  return (
    <>
      {canLog?.can && (
        <Link to={`/visits/create?customer=${customerId}`}>
          <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }}>
            {t("visits.log")}
          </Button>
        </Link>
      )}
      <Table<VisitListRow>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        dataSource={result?.data ?? []}
        pagination={false}
        locale={{ emptyText: t("visits.none") }}
        scroll={{ x: true }}
      >
        <Table.Column<VisitListRow>
          dataIndex="visited_on"
          title={t("visits.fields.visited_on")}
          render={(d: string) => formatDate(d, i18n.language)}
        />
        <Table.Column<VisitListRow>
          key="staff"
          title={t("visits.fields.staff_id")}
          render={(_, v) => v.staff?.full_name ?? "—"}
        />
        <Table.Column<VisitListRow> dataIndex="purpose" title={t("visits.fields.purpose")} />
        <Table.Column<VisitListRow> dataIndex="outcome" title={t("visits.fields.outcome")} />
        <Table.Column<VisitListRow>
          dataIndex="decision_maker_met"
          title={t("visits.fields.decision_maker_met")}
          render={(d: boolean) => (d ? t("custom_field_definitions.yes") : t("custom_field_definitions.no"))}
        />
        <Table.Column<VisitListRow>
          key="territory"
          title={t("visits.fields.territory_id")}
          render={(_, v) => (v.territory ? <Tag>{v.territory.code}</Tag> : "—")}
        />
      </Table>
    </>
  );
}

export function CustomerSales({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const { result, query } = useList<SaleListRow>({
    resource: "sales",
    filters: [{ field: "customer_id", operator: "eq", value: customerId }],
    sorters: [{ field: "sale_date", order: "desc" }],
    pagination: { pageSize: 100 },
    meta: { select: saleListSelect },
  });
  return (
    <Table<SaleListRow>
      size="small"
      rowKey="id"
      loading={query.isLoading}
      dataSource={result?.data ?? []}
      pagination={false}
      locale={{ emptyText: t("sales.none") }}
      scroll={{ x: true }}
    >
      <Table.Column<SaleListRow>
        dataIndex="sale_date"
        title={t("sales.fields.sale_date")}
        render={(d: string, s) => <Link to={`/sales/show/${s.id}`}>{formatDate(d, i18n.language)}</Link>}
      />
      <Table.Column<SaleListRow>
        dataIndex="amount"
        title={t("sales.fields.amount")}
        align="right"
        render={(a: number) => formatMoney(a, i18n.language)}
      />
      <Table.Column<SaleListRow>
        key="collected"
        title={t("sales.fields.collected")}
        align="right"
        render={(_, s) => formatMoney(saleCollected(s), i18n.language)}
      />
      <Table.Column<SaleListRow>
        key="territory"
        title={t("sales.fields.territory_id")}
        render={(_, s) => (s.territory ? <Tag>{s.territory.code}</Tag> : "—")}
      />
      <Table.Column<SaleListRow>
        key="owner"
        title={t("sales.fields.owner_id")}
        render={(_, s) => s.owner?.full_name ?? "—"}
      />
    </Table>
  );
}

export function CustomerPlacements({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const { result, query } = useList<PlacementRow>({
    resource: "customer_placements",
    filters: [{ field: "customer_id", operator: "eq", value: customerId }],
    sorters: [{ field: "valid_from", order: "desc" }],
    pagination: { mode: "off" },
    meta: { select: placementSelect },
  });
  return (
    <Table<PlacementRow>
      size="small"
      rowKey="id"
      loading={query.isLoading}
      dataSource={result?.data ?? []}
      pagination={false}
      scroll={{ x: true }}
    >
      <Table.Column<PlacementRow>
        dataIndex="valid_from"
        title={t("customer_placements.fields.valid_from")}
        render={(d: string) => formatDate(d, i18n.language)}
      />
      <Table.Column<PlacementRow>
        dataIndex="valid_to"
        title={t("customer_placements.fields.valid_to")}
        render={(d: string | null) => (d ? formatDate(d, i18n.language) : t("customer_placements.current"))}
      />
      <Table.Column<PlacementRow>
        key="territory"
        title={t("customer_placements.fields.territory_id")}
        render={(_, p) => (p.territory ? `${p.territory.code} · ${p.territory.name}` : "—")}
      />
      <Table.Column<PlacementRow>
        key="owner"
        title={t("customer_placements.fields.owner_id")}
        render={(_, p) => p.owner?.full_name ?? "—"}
      />
    </Table>
  );
}

type CustomerPayment = Pick<Tables<"payments">, "id" | "paid_on" | "amount"> & {
  sale: Pick<Tables<"sales">, "id" | "document" | "sale_date"> | null;
};

/** What the customer has paid, newest first, and what is still owed (sales you may read). */
export function CustomerPayments({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const { result, query } = useList<CustomerPayment>({
    resource: "payments",
    filters: [{ field: "sale.customer_id", operator: "eq", value: customerId }],
    sorters: [{ field: "paid_on", order: "desc" }],
    pagination: { pageSize: 100 },
    meta: { select: "id, paid_on, amount, sale:sales!inner(id, document, sale_date)" },
  });
  const balance = useQuery({
    queryKey: ["customer_balance", customerId],
    queryFn: () => fetchCustomerBalance(customerId),
  });
  const owed = balance.data;
  return (
    <>
      {balance.isError && <QueryError error={balance.error} onRetry={() => void balance.refetch()} />}
      {owed && (
        <p role="status">
          {owed.open_sales === 0
            ? t("payments.allPaid")
            : t("payments.owed", {
                count: owed.open_sales,
                amount: formatMoney(owed.outstanding, i18n.language),
                days: owed.oldest_days,
              })}
        </p>
      )}
      <Table<CustomerPayment>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        dataSource={result?.data ?? []}
        pagination={false}
        locale={{ emptyText: t("payments.none") }}
        scroll={{ x: true }}
      >
        <Table.Column<CustomerPayment>
          dataIndex="paid_on"
          title={t("payments.fields.paid_on")}
          render={(d: string) => formatDate(d, i18n.language)}
        />
        <Table.Column<CustomerPayment>
          dataIndex="amount"
          title={t("payments.fields.amount")}
          align="right"
          render={(a: number) => formatMoney(a, i18n.language)}
        />
        <Table.Column<CustomerPayment>
          key="sale"
          title={t("payments.fields.sale_id")}
          render={(_, p) =>
            p.sale ? (
              <Link to={`/sales/show/${p.sale.id}`}>
                {p.sale.document} · {formatDate(p.sale.sale_date, i18n.language)}
              </Link>
            ) : (
              "—"
            )
          }
        />
      </Table>
    </>
  );
}
