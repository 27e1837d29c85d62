// Sales lines: by period, territory subtree and product line, newest first, paged on the
// server with amount, profit, collected and outstanding; exported as filtered.
import { CreateButton, ExportButton, List, ShowButton, useTable } from "@refinedev/antd";
import { useCan, useExport, useInvalidate, useNotification, type CrudFilter } from "@refinedev/core";
import { ImportOutlined } from "@ant-design/icons";
import { Button, DatePicker, Select, Space, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CsvImport } from "../../components/CsvImport";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { TableFilterForm } from "../../components/TableFilterForm";
import { TerritoryTreeSelect, useTerritoryTree } from "../../components/org/TerritoryTreeSelect";
import { localizedLabel } from "../../providers/i18n";
import { neutralizeRecord } from "../../utils/csv";
import { formatDate, formatMoney } from "../../utils/format";
import { useProductLines } from "../customers/hooks";
import { runImport, subtreeIds, territoryFilter } from "../customers/queries";
import { paymentImportHeaders, saleCollected, saleImportHeaders, saleListSelect, type SaleListRow } from "./queries";

export default function SalesList() {
  const { t, i18n } = useTranslation();
  const [range, setRange] = useState<[string, string] | null>(null);
  const [territory, setTerritory] = useState<string | null>(null);
  const [line, setLine] = useState<string | null>(null);
  const [importing, setImporting] = useState<"sales" | "payments" | null>(null);
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const { data: canImportSales } = useCan({ resource: "sales", action: "create" });
  const { data: canImportPayments } = useCan({ resource: "payments", action: "create" });
  const { rows: territories } = useTerritoryTree();
  const { options: lines } = useProductLines();
  const permanent: CrudFilter[] = [
    ...territoryFilter(subtreeIds(territories, territory)),
    ...(line ? [{ field: "product_line_id", operator: "eq", value: line } as CrudFilter] : []),
    ...(range
      ? ([
          { field: "sale_date", operator: "gte", value: range[0] },
          { field: "sale_date", operator: "lte", value: range[1] },
        ] as CrudFilter[])
      : []),
  ];
  const { tableProps, tableQuery, sorters, searchFormProps } = useTable<SaleListRow>({
    resource: "sales",
    meta: { select: saleListSelect, count: "exact" },
    sorters: { initial: [{ field: "sale_date", order: "desc" }] },
    filters: { permanent },
    pagination: { pageSize: 25 },
  });
  const { triggerExport, isLoading: exporting } = useExport<SaleListRow>({
    resource: "sales",
    filters: permanent,
    sorters,
    meta: { select: saleListSelect },
    pageSize: 1000,
    filename: "sales",
    mapData: (s) =>
      neutralizeRecord({
        external_id: s.external_id,
        document: s.document,
        sale_date: s.sale_date,
        customer: s.customer?.code,
        product_line: s.product_line?.code,
        quantity: s.quantity,
        amount: s.amount,
        cost: s.cost,
        profit: s.profit,
        discount_percent: s.discount_percent,
        collected: saleCollected(s),
        territory: s.territory?.code,
        owner: s.owner?.full_name,
      }),
  });
  const money = (v: number | null) => formatMoney(v, i18n.language);
  return (
    <List
      title={<PageTitle>{t("sales.titles.list")}</PageTitle>}
      headerButtons={
        <Space wrap>
          {canImportSales?.can && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting("sales")}>
              {t("sales.import.sales")}
            </Button>
          )}
          {canImportPayments?.can && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting("payments")}>
              {t("sales.import.payments")}
            </Button>
          )}
          <ExportButton onClick={() => void triggerExport()} loading={exporting} />
          <CreateButton />
        </Space>
      }
    >
      <TableFilterForm form={searchFormProps.form} />
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          aria-label={t("sales.filters.period")}
          value={range ? [dayjs(range[0]), dayjs(range[1])] : null}
          onChange={(v) => setRange(v && v[0] && v[1] ? [v[0].format("YYYY-MM-DD"), v[1].format("YYYY-MM-DD")] : null)}
        />
        <TerritoryTreeSelect value={territory} onChange={setTerritory} aria-label={t("customers.filters.territory")} />
        <Select
          allowClear
          aria-label={t("sales.fields.product_line_id")}
          placeholder={t("sales.fields.product_line_id")}
          value={line ?? undefined}
          onChange={(v?: string) => setLine(v ?? null)}
          options={lines}
          style={{ width: 200 }}
        />
      </Space>
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<SaleListRow> {...tableProps} rowKey="id" scroll={{ x: true }} locale={{ emptyText: t("sales.none") }}>
        <Table.Column<SaleListRow>
          dataIndex="sale_date"
          title={t("sales.fields.sale_date")}
          sorter
          render={(d: string) => formatDate(d, i18n.language)}
        />
        <Table.Column<SaleListRow>
          key="customer"
          title={t("sales.fields.customer_id")}
          render={(_, s) =>
            s.customer ? (
              <Link to={`/customers/show/${s.customer.id}`}>{`${s.customer.code} · ${s.customer.name}`}</Link>
            ) : (
              "—"
            )
          }
        />
        <Table.Column<SaleListRow>
          key="line"
          title={t("sales.fields.product_line_id")}
          render={(_, s) =>
            s.product_line
              ? localizedLabel(
                  {
                    label_en: s.product_line.name_en,
                    label_es: s.product_line.name_es,
                    label_zh: s.product_line.name_zh,
                  },
                  i18n.language,
                )
              : "—"
          }
        />
        <Table.Column<SaleListRow>
          dataIndex="amount"
          title={t("sales.fields.amount")}
          align="right"
          sorter
          render={money}
        />
        <Table.Column<SaleListRow> dataIndex="profit" title={t("sales.fields.profit")} align="right" render={money} />
        <Table.Column<SaleListRow>
          key="outstanding"
          title={t("sales.fields.outstanding")}
          align="right"
          render={(_, s) => money(Math.round((Number(s.amount) - saleCollected(s)) * 100) / 100)}
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
        <Table.Column<SaleListRow>
          key="actions"
          title={t("table.actions")}
          render={(_, s) => <ShowButton hideText size="small" recordItemId={s.id} aria-label={t("buttons.show")} />}
        />
      </Table>
      <CsvImport
        open={importing !== null}
        onClose={() => setImporting(null)}
        title={t(importing === "payments" ? "sales.import.payments" : "sales.import.sales")}
        headers={importing === "payments" ? paymentImportHeaders : saleImportHeaders}
        templateName={importing === "payments" ? "payments-template.csv" : "sales-template.csv"}
        run={(rows, dryRun) => runImport(importing === "payments" ? "import_payments" : "import_sales", rows, dryRun)}
        onImported={(count) => {
          open?.({ type: "success", message: t("csvImport.done", { count }) });
          void invalidate({ resource: "sales", invalidates: ["list"] });
        }}
      />
    </List>
  );
}
