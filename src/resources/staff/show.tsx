import { Show } from "../../components/crud";
import { useShow } from "@refinedev/core";
import { Badge, Col, Descriptions, Row, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { HistoryTab } from "../../components/HistoryTab";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { useCustomFieldDefinitions } from "../../components/org/CustomFieldInputs";
import { displayCustomValue } from "../../components/org/customFields";
import { localizedLabel } from "../../providers/i18n";
import { AssignmentHistory, AssignTerritoryButton } from "./assignments";
import { positionTitle } from "../positions/queries";
import { staffSelect, type StaffDetailRow } from "./queries";
import { RecordEditButton } from "../../components/access/RecordButtons";
import { PersonFileTabs } from "./file";
import { PersonRecord } from "./record";

const statusColor = { active: "success", on_leave: "warning", left: "default" } as const;

export default function StaffShow() {
  const { t, i18n } = useTranslation();
  const { query } = useShow<StaffDetailRow>({ resource: "staff", meta: { select: staffSelect } });
  const { definitions } = useCustomFieldDefinitions("staff");
  const person = query.data?.data;
  const isSales = person?.positions?.default_role_code === "salesperson";
  const custom = (person?.custom_fields ?? {}) as Record<string, unknown>;
  const day = (v: string | null | undefined) => (v ? new Date(`${v}T00:00:00`).toLocaleDateString(i18n.language) : "—");
  return (
    <Show
      title={<PageTitle>{person?.full_name ?? t("staff.titles.show")}</PageTitle>}
      isLoading={query.isLoading}
      canDelete={false}
      headerButtons={() => (
        <>
          {person && isSales && person.status !== "left" && (
            <AssignTerritoryButton staffId={person.id} currentTerritory={person.territory_id} />
          )}
          {person && <RecordEditButton id={person.id} />}
        </>
      )}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {person && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Descriptions bordered column={1} size="small" data-testid="staff-details">
              <Descriptions.Item label={t("staff.fields.email")}>{person.email}</Descriptions.Item>
              <Descriptions.Item label={t("staff.fields.phone")}>{person.phone || "—"}</Descriptions.Item>
              <Descriptions.Item label={t("staff.fields.position_id")}>
                {positionTitle(person.positions, i18n.language)}
              </Descriptions.Item>
              <Descriptions.Item label={t("staff.fields.territory_id")}>
                {person.territories ? (
                  <Link to={`/territories/show/${person.territory_id}`}>
                    <Tag>{person.territories.code}</Tag> {person.territories.name}
                  </Link>
                ) : (
                  "—"
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t("staff.fields.manager_id")}>
                {person.manager ? <Link to={`/staff/show/${person.manager.id}`}>{person.manager.full_name}</Link> : "—"}
              </Descriptions.Item>
              <Descriptions.Item label={t("staff.fields.hire_date")}>{day(person.hire_date)}</Descriptions.Item>
              <Descriptions.Item label={t("staff.fields.status")}>
                <Badge
                  status={statusColor[person.status]}
                  text={`${t(`staff.status.${person.status}`)} · ${t("staff.since", { date: day(person.status_changed_on) })}`}
                />
              </Descriptions.Item>
              <Descriptions.Item label={t("staff.fields.user_id")}>
                {person.user_id ? <Link to={`/profiles/show/${person.user_id}`}>{t("staff.hasLogin")}</Link> : "—"}
              </Descriptions.Item>
              <Descriptions.Item label={t("staff.fields.notes")}>{person.notes || "—"}</Descriptions.Item>
              {definitions.map((d) => (
                <Descriptions.Item key={d.id} label={localizedLabel(d, i18n.language)}>
                  <span data-testid={`staff-cf-${d.key}`}>
                    {displayCustomValue(d, custom[d.key], i18n.language, [
                      t("custom_field_definitions.yes"),
                      t("custom_field_definitions.no"),
                    ])}
                  </span>
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Col>
          <Col xs={24} lg={10}>
            {isSales && (
              <AssignmentHistory
                filter={{ field: "staff_id", value: person.id }}
                title={t("staff.assignments.title")}
              />
            )}
          </Col>
          <Col span={24}>
            <PersonFileTabs staffId={person.id} />
          </Col>
          <Col span={24}>
            <PersonRecord staffId={person.id} />
          </Col>
          <Col span={24}>
            <HistoryTab table="staff" recordId={person.id} />
          </Col>
        </Row>
      )}
    </Show>
  );
}
