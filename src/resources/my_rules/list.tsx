// "My rules": the published rules that apply to the signed-in person; confirm having read
// the version in force; asked again when a new version is published.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Badge, Button, Card, Empty, List as AntList, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { FallbackMark, StatusTag } from "../../components/rulebook/RuleBits";
import { toAppError } from "../../providers/errors";
import { acknowledge, fetchMyRules, localized } from "../../resources/regulations/queries";

export default function MyRulesList() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ["my_rules"], queryFn: fetchMyRules });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const pending = (query.data ?? []).filter((r) => r.pending).length;
  return (
    <Card
      title={
        <Space>
          <PageTitle>{t("my_rules.title")}</PageTitle>
          <span data-testid="my-rules-pending" data-count={pending}>
            <Badge count={pending} />
          </span>
        </Space>
      }
      data-testid="my-rules"
    >
      <Typography.Paragraph type="secondary">{t("my_rules.intro")}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          role="alert"
          showIcon
          message={error}
          closable
          onClose={() => setError(null)}
          style={{ marginBottom: 12 }}
        />
      )}
      {query.isError && (
        <QueryError error={{ message: toAppError(query.error).message }} onRetry={() => void query.refetch()} />
      )}
      <AntList
        loading={query.isLoading}
        dataSource={query.data ?? []}
        locale={{ emptyText: <Empty description={t("my_rules.none")} /> }}
        renderItem={(rule) => {
          const title = localized(rule as unknown as Record<string, unknown>, "title", i18n.language);
          return (
            <AntList.Item
              data-testid={`my-rule-${rule.code}`}
              actions={[
                rule.pending ? (
                  <Button
                    key="ack"
                    type="primary"
                    loading={busy === rule.regulation_id}
                    data-testid={`ack-${rule.code}`}
                    onClick={async () => {
                      setBusy(rule.regulation_id);
                      const result = await acknowledge(rule.regulation_id, rule.current_version!);
                      setBusy(null);
                      if (result.error) setError(result.error.message);
                      else await queryClient.invalidateQueries({ queryKey: ["my_rules"] });
                    }}
                  >
                    {t("regulations.ack.button", { n: rule.current_version })}
                  </Button>
                ) : rule.acknowledged_at ? (
                  <Tag key="done" color="green" data-testid={`acked-${rule.code}`}>
                    {t("my_rules.acknowledged", {
                      n: rule.acknowledged_version,
                      date: new Date(rule.acknowledged_at).toLocaleDateString(i18n.language),
                    })}
                  </Tag>
                ) : null,
              ]}
            >
              <AntList.Item.Meta
                title={
                  <Space wrap>
                    <Link to={`/regulations/show/${rule.regulation_id}`}>
                      <Tag>{rule.code}</Tag> {title.text}
                    </Link>
                    {title.fallback && <FallbackMark />}
                    {rule.status === "retired" && <StatusTag status="retired" />}
                    {rule.pending && rule.acknowledged_version && (
                      <Tag color="orange">{t("my_rules.newVersion", { n: rule.current_version })}</Tag>
                    )}
                  </Space>
                }
                description={t("my_rules.inForce", {
                  n: rule.current_version,
                  date: rule.effective_date
                    ? new Date(`${rule.effective_date}T00:00:00`).toLocaleDateString(i18n.language)
                    : "—",
                })}
              />
            </AntList.Item>
          );
        }}
      />
    </Card>
  );
}
