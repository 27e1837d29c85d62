// A sale: what, when, for whom and where (the territory and owner of its date), its credit
// split, what is collected and outstanding, and its history.
import { useShow } from "@refinedev/core";
import { Card, Col, Descriptions, Row, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Show } from "../../components/crud";
import { HistoryTab } from "../../components/HistoryTab";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { RecordDeleteButton, RecordEditButton } from "../../components/access/RecordButtons";
import { localizedLabel } from "../../providers/i18n";
import { formatDate, formatMoney } from "../../utils/format";
import { SaleCredits } from "./credits";
import { SalePayments } from "./payments";
import { saleCollected, saleListSelect, type SaleListRow } from "./queries";

export default function SalesShow() {
  const { t, i18n } = useTranslation();
  const { query } = useShow<SaleListRow>({ resource: "sales", meta: { select: saleListSelect } });
  const sale = query.data?.data;
  const money = (v: number | null | undefined) => formatMoney(v, i18n.language);
  const collected = sale ? saleCollected(sale) : 0;
  const outstanding = sale ? Math.round((Number(sale.amount) - collected) * 100) / 100 : 0;
  return (
    <Show
      title={
        <PageTitle>
          {sale
            ? `${t(`sales.documents.${sale.document}`)} · ${formatDate(sale.sale_date, i18n.language)}`
            : t("sales.titles.show")}
        </PageTitle>
      }
      isLoading={query.isLoading}
      headerButtons={() => (
        <>
          {sale && <RecordEditButton id={sale.id} />}
          {sale && <RecordDeleteButton id={sale.id} confirmTitle={t("sales.deleteConfirm")} />}
        </>
      )}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {sale && (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t("sales.fields.customer_id")}>
                {sale.customer ? (
                  <Link
                    to={`/customers/show/${sale.customer.id}`}
                  >{`${sale.customer.code} · ${sale.customer.name}`}</Link>
                ) : (
                  "—"
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t("sales.fields.product_line_id")}>
                {sale.product_line
                  ? localizedLabel(
                      {
                        label_en: sale.product_line.name_en,
                        label_es: sale.product_line.name_es,
                        label_zh: sale.product_line.name_zh,
                      },
                      i18n.language,
                    )
                  : "—"}
              </Descriptions.Item>
              <Descriptions.Item label={t("sales.fields.quantity")}>{sale.quantity}</Descriptions.Item>
              <Descriptions.Item label={t("sales.fields.amount")}>{money(sale.amount)}</Descriptions.Item>
              <Descriptions.Item label={t("sales.fields.cost")}>{money(sale.cost)}</Descriptions.Item>
              <Descriptions.Item label={t("sales.fields.profit")}>{money(sale.profit)}</Descriptions.Item>
              <Descriptions.Item label={t("sales.fields.discount_percent")}>
                {Number(sale.discount_percent) > 0
                  ? `${Number(sale.discount_percent).toFixed(2)} % · ${sale.granted_by?.full_name ?? "—"}`
                  : "—"}
              </Descriptions.Item>
              <Descriptions.Item label={t("sales.fields.territory_id")}>
                {sale.territory ? <Tag>{sale.territory.code}</Tag> : "—"} {sale.owner?.full_name ?? ""}
              </Descriptions.Item>
              <Descriptions.Item label={t("sales.fields.collected")}>{money(collected)}</Descriptions.Item>
              <Descriptions.Item label={t("sales.fields.outstanding")}>{money(outstanding)}</Descriptions.Item>
              <Descriptions.Item label={t("sales.fields.external_id")}>{sale.external_id ?? "—"}</Descriptions.Item>
            </Descriptions>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("sale_credits.sale_credits")}</h2>}>
              <SaleCredits saleId={sale.id} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("payments.payments")}</h2>}>
              <SalePayments sale={sale} outstanding={outstanding} />
            </Card>
          </Col>
          <Col span={24}>
            <HistoryTab table="sales" recordId={sale.id} />
          </Col>
        </Row>
      )}
    </Show>
  );
}
