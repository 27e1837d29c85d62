// "Why can / can't they": the sentence, then the facts it rests on (roles held, matrix rows
// for this cell, the scope, the territories, where the record lies, any invariant).
import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Descriptions, Skeleton, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { toAppError } from "../../providers/errors";
import { explainSentence, labelOf } from "./explain";
import { explanationKey, fetchExplanation, useAccessLabels } from "./queries";

interface Props {
  userId: string;
  resource: string;
  action: string;
  record?: string;
}

export function ExplanationView({ userId, resource, action, record }: Props) {
  const { t, i18n } = useTranslation();
  const labels = useAccessLabels();
  const query = useQuery({
    queryKey: explanationKey(userId, resource, action, record),
    queryFn: () => fetchExplanation(userId, resource, action, record),
  });
  if (query.isLoading || labels.loading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (query.isError)
    return (
      <Alert type="error" showIcon role="alert" message={toAppError(query.error).message} data-testid="why-error" />
    );
  const e = query.data!;
  const sentence = explainSentence(e, { t, language: i18n.language, ...labels });
  return (
    <Space
      direction="vertical"
      style={{ width: "100%" }}
      data-testid="why"
      data-allowed={String(e.allowed)}
      data-decision={e.decision}
    >
      <Alert
        type={e.allowed ? "success" : "warning"}
        showIcon
        icon={e.allowed ? <CheckCircleFilled /> : <CloseCircleFilled />}
        message={<Typography.Text strong>{e.allowed ? t("why.allowed") : t("why.refused")}</Typography.Text>}
        description={<span data-testid="why-sentence">{sentence}</span>}
      />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t("why.rolesHeld")}>
          {e.person.roles.length
            ? e.person.roles.map((r) => <Tag key={r.code}>{labelOf(r, i18n.language, r.code)}</Tag>)
            : t("why.none")}
        </Descriptions.Item>
        <Descriptions.Item label={t("why.matrixRows")}>
          {e.matrix_rows.length
            ? e.matrix_rows.map((r) => (
                <Tag key={`${r.role_code}-${r.scope}`} color="blue">
                  {labelOf(
                    labels.roles.find((x) => x.code === r.role_code),
                    i18n.language,
                    r.role_code,
                  )}
                  : {t(`role_permissions.scopes.${r.scope}`)}
                </Tag>
              ))
            : t("why.none")}
        </Descriptions.Item>
        <Descriptions.Item label={t("effective_permissions.scope")}>
          {e.scope ? t(`role_permissions.scopes.${e.scope}`) : t("role_permissions.scopes.none")}
        </Descriptions.Item>
        {e.territories.length > 0 && (
          <Descriptions.Item label={t("why.territories")}>
            {e.territories.map((x) => (
              <Tag key={x.id}>{`${x.code} · ${x.name}`}</Tag>
            ))}
          </Descriptions.Item>
        )}
        {e.record && (
          <Descriptions.Item label={t("why.record")}>
            {e.record.exists
              ? `${e.record.label ?? e.record.id}${e.record.territory ? ` — ${e.record.territory.code} · ${e.record.territory.name}` : ""}`
              : t("why.noSuchRecord")}
          </Descriptions.Item>
        )}
        {e.invariant && (
          <Descriptions.Item label={t("why.invariant")}>{t(`why.invariants.${e.invariant}`)}</Descriptions.Item>
        )}
      </Descriptions>
    </Space>
  );
}
