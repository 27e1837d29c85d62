import { Show } from "../../components/crud";
import { useList, useShow } from "@refinedev/core";
import { Col, Descriptions, List as AntList, Row, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { HistoryTab } from "../../components/HistoryTab";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import type { Tables } from "../../types/database";
import { positionTitle } from "./queries";
import { positionSelect, responsibilityText, type PositionRow, type Responsibility } from "./queries";
import { RecordDeleteButton, RecordEditButton } from "../../components/access/RecordButtons";
import { staffStatusSelect } from "../staff/queries";

export default function PositionsShow() {
  const { t, i18n } = useTranslation();
  const { query } = useShow<PositionRow>({ resource: "positions", meta: { select: positionSelect } });
  const position = query.data?.data;
  const { result: parent } = useList<PositionRow>({
    resource: "positions",
    filters: [{ field: "id", operator: "eq", value: position?.parent_id }],
    queryOptions: { enabled: Boolean(position?.parent_id) },
  });
  const { result: people } = useList<Pick<Tables<"staff">, "id" | "full_name" | "status">>({
    resource: "staff",
    filters: [
      { field: "position_id", operator: "eq", value: position?.id },
      { field: "status", operator: "ne", value: "left" },
    ],
    pagination: { mode: "off" },
    meta: { select: staffStatusSelect },
    queryOptions: { enabled: Boolean(position?.id) },
  });
  const list = (position?.responsibilities ?? []) as unknown as Responsibility[];
  return (
    <Show
      title={<PageTitle>{position ? positionTitle(position, i18n.language) : t("positions.titles.show")}</PageTitle>}
      isLoading={query.isLoading}
      headerButtons={() => (
        <>
          {position && <RecordEditButton id={position.id} />}
          {position && <RecordDeleteButton id={position.id} confirmTitle={t("positions.deleteConfirm")} />}
        </>
      )}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {position && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Descriptions bordered column={1} size="small">
              <Descriptions.Item label={t("positions.fields.code")}>
                <code>{position.code}</code>
              </Descriptions.Item>
              <Descriptions.Item label={t("positions.fields.parent_id")}>
                {position.parent_id ? (
                  <Link to={`/positions/show/${position.parent_id}`}>
                    {positionTitle(parent?.data?.[0], i18n.language)}
                  </Link>
                ) : (
                  "—"
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t("positions.fields.default_role_code")}>
                {position.default_role_code ?? "—"}
              </Descriptions.Item>
              <Descriptions.Item label={t("positions.fields.headcount")}>
                {t("positions.filled", { filled: people?.data?.length ?? 0, headcount: position.headcount })}
              </Descriptions.Item>
              <Descriptions.Item label={t("positions.fields.max_discount_percent")}>
                {`${Number(position.max_discount_percent)}%`}
              </Descriptions.Item>
            </Descriptions>
          </Col>
          <Col xs={24} lg={12}>
            <AntList
              size="small"
              bordered
              header={<strong>{t("positions.people")}</strong>}
              dataSource={people?.data ?? []}
              locale={{ emptyText: t("positions.nobody") }}
              renderItem={(p) => (
                <AntList.Item>
                  <Link to={`/staff/show/${p.id}`}>{p.full_name}</Link>
                  {p.status !== "active" && <Tag style={{ marginLeft: 8 }}>{t(`staff.status.${p.status}`)}</Tag>}
                </AntList.Item>
              )}
            />
          </Col>
          <Col span={24}>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t("positions.fields.responsibilities")}
            </Typography.Title>
            {list.length === 0 ? (
              <Typography.Text type="secondary">{t("positions.noResponsibilities")}</Typography.Text>
            ) : (
              <ol data-testid="position-responsibilities">
                {list.map((r, i) => {
                  const { text, fallback } = responsibilityText(r, i18n.language);
                  return (
                    <li key={i}>
                      {text} {fallback && <Tag title={t("positions.untranslated")}>EN</Tag>}
                    </li>
                  );
                })}
              </ol>
            )}
          </Col>
          <Col span={24}>
            <HistoryTab table="positions" recordId={position.id} />
          </Col>
        </Row>
      )}
    </Show>
  );
}
