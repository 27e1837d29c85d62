// A summary's figures, as the database filled them in from the records: sales and collection
// credited to the person, visits done against planned, new customers, and the sales planned.
import { Card, Col, Row, Statistic, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatMoney } from "../../utils/format";
import type { SummaryRow } from "./queries";

export function SummaryFigures({ row }: { row: SummaryRow }) {
  const { t, i18n } = useTranslation();
  const money = (v: number | null) => formatMoney(v, i18n.language);
  const figures = [
    {
      key: "sales_amount",
      value: money(row.sales_amount),
      of: row.sales_planned === null ? null : money(row.sales_planned),
    },
    { key: "payments_collected", value: money(row.payments_collected), of: null },
    {
      key: "visits_done",
      value: String(row.visits_done),
      of: row.visits_planned === null ? null : String(row.visits_planned),
    },
    { key: "new_customers", value: String(row.new_customers), of: null },
  ];
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t("summaries.figures")}
        </Typography.Title>
      }
      extra={
        <Typography.Text type="secondary">
          {t(row.status === "draft" ? "summaries.figuresLive" : "summaries.figuresFrozen", {
            when: new Date(row.figures_at).toLocaleString(i18n.language),
          })}
        </Typography.Text>
      }
    >
      <Row gutter={[16, 16]}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} md={6} role="group" aria-label={t(`summaries.fields.${f.key}`)}>
            <Statistic
              title={t(`summaries.fields.${f.key}`)}
              value={f.value}
              suffix={f.of === null ? undefined : <small>{t("summaries.ofPlanned", { planned: f.of })}</small>}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
