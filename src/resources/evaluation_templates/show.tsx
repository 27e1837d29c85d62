// One template as everyone may read it: the position, the month it applies from, whether it is
// published, and its KPIs with weights, caps and floors.
import { useShow } from "@refinedev/core";
import { Badge, Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import { Show } from "../../components/crud";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { formatDate } from "../../utils/format";
import { positionTitle } from "../positions/queries";
import { TemplateKpis } from "./lines";
import { templateSelect, type TemplateWithLines } from "./queries";

export default function EvaluationTemplatesShow() {
  const { t, i18n } = useTranslation();
  const { query } = useShow<TemplateWithLines>({ resource: "evaluation_templates", meta: { select: templateSelect } });
  const template = query.data?.data;
  return (
    <Show
      isLoading={query.isLoading}
      title={<PageTitle>{template?.name ?? t("evaluation_templates.titles.show")}</PageTitle>}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {template && (
        <>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t("evaluation_templates.fields.position_id")}>
              {positionTitle(template.position, i18n.language)}
            </Descriptions.Item>
            <Descriptions.Item label={t("evaluation_templates.fields.valid_from")}>
              {template.valid_from.slice(0, 7)}
            </Descriptions.Item>
            <Descriptions.Item label={t("evaluation_templates.fields.published_at")}>
              {template.published_at ? (
                <Badge status="success" text={formatDate(template.published_at, i18n.language)} />
              ) : (
                <Badge status="default" text={t("evaluation_templates.draft")} />
              )}
            </Descriptions.Item>
          </Descriptions>
          <TemplateKpis templateId={template.id} readOnly />
        </>
      )}
    </Show>
  );
}
