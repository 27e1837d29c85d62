import { PlusOutlined } from "@ant-design/icons";
import { Show } from "../../components/crud";
import { useCan, useList, useShow } from "@refinedev/core";
import { Button, Col, Descriptions, List as AntList, Row, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { HistoryTab } from "../../components/HistoryTab";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { useCustomFieldDefinitions } from "../../components/org/CustomFieldInputs";
import { displayCustomValue } from "../../components/org/customFields";
import { localizedLabel } from "../../providers/i18n";
import { AssignmentHistory } from "../staff/assignments";
import { levelKey, territorySelect, type TerritoryListRow, type TerritoryRow, territoryCodeSelect } from "./queries";
import { RecordEditButton } from "../../components/access/RecordButtons";

export default function TerritoriesShow() {
  const { t, i18n } = useTranslation();
  const { query } = useShow<TerritoryListRow>({ resource: "territories", meta: { select: territorySelect } });
  const territory = query.data?.data;
  const navigate = useNavigate();
  const { data: canCreate } = useCan({ resource: "territories", action: "create" });
  const { definitions } = useCustomFieldDefinitions("territories");
  const { result: children } = useList<Pick<TerritoryRow, "id" | "code" | "name">>({
    resource: "territories",
    filters: [{ field: "parent_id", operator: "eq", value: territory?.id }],
    sorters: [{ field: "code", order: "asc" }],
    pagination: { mode: "off" },
    meta: { select: territoryCodeSelect },
    queryOptions: { enabled: Boolean(territory?.id) },
  });
  const { result: parent } = useList<Pick<TerritoryRow, "id" | "code" | "name">>({
    resource: "territories",
    filters: [{ field: "id", operator: "eq", value: territory?.parent_id }],
    pagination: { mode: "off" },
    meta: { select: territoryCodeSelect },
    queryOptions: { enabled: Boolean(territory?.parent_id) },
  });
  const custom = (territory?.custom_fields ?? {}) as Record<string, unknown>;
  const current = territory?.territory_assignments.find((a) => a.valid_to === null);
  return (
    <Show
      title={
        <PageTitle>{territory ? `${territory.code} · ${territory.name}` : t("territories.titles.show")}</PageTitle>
      }
      isLoading={query.isLoading}
      canDelete={false}
      headerButtons={() => (
        <>
          {territory && canCreate?.can && (
            <Button
              icon={<PlusOutlined />}
              onClick={() => navigate(`/territories/create?parent=${territory.id}`)}
              data-testid="territory-add-child"
            >
              {t("territories.addChild")}
            </Button>
          )}
          {territory && <RecordEditButton id={territory.id} />}
        </>
      )}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {territory && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Descriptions bordered column={1} size="small" data-testid="territory-details">
              <Descriptions.Item label={t("territories.fields.code")}>
                <Tag>{territory.code}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t("territories.fields.level")}>
                {t(`territories.levels.${levelKey(territory.path)}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t("territories.fields.parent_id")}>
                {territory.parent_id ? (
                  parent?.data?.[0] ? (
                    <Link to={`/territories/show/${territory.parent_id}`}>
                      {parent.data[0].code} · {parent.data[0].name}
                    </Link>
                  ) : (
                    t("territories.outsideScope")
                  )
                ) : (
                  "—"
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t("territories.fields.manager_id")}>
                {territory.manager ? (
                  <Link to={`/staff/show/${territory.manager.id}`}>{territory.manager.full_name}</Link>
                ) : (
                  "—"
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t("territories.fields.salesperson")}>
                {current?.staff ? <Link to={`/staff/show/${current.staff_id}`}>{current.staff.full_name}</Link> : "—"}
              </Descriptions.Item>
              <Descriptions.Item label={t("territories.fields.market_notes")}>
                {territory.market_notes || "—"}
              </Descriptions.Item>
              {definitions.map((d) => (
                <Descriptions.Item key={d.id} label={localizedLabel(d, i18n.language)}>
                  {displayCustomValue(d, custom[d.key], i18n.language, [
                    t("custom_field_definitions.yes"),
                    t("custom_field_definitions.no"),
                  ])}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Col>
          <Col xs={24} lg={10}>
            <AntList
              size="small"
              bordered
              header={<strong>{t("territories.children")}</strong>}
              dataSource={children?.data ?? []}
              locale={{ emptyText: t("territories.noChildren") }}
              renderItem={(c) => (
                <AntList.Item>
                  <Link to={`/territories/show/${c.id}`}>
                    <Tag>{c.code}</Tag> {c.name}
                  </Link>
                </AntList.Item>
              )}
            />
          </Col>
          <Col span={24}>
            <AssignmentHistory
              filter={{ field: "territory_id", value: territory.id }}
              title={t("territories.assignments")}
            />
          </Col>
          <Col span={24}>
            <HistoryTab table="territories" recordId={territory.id} />
          </Col>
        </Row>
      )}
    </Show>
  );
}
