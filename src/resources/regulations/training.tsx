// A rule's required training (the product training for new salespeople): which topic, within
// how many days of joining; whoever edits rules sets, changes or removes it. Its coverage shows
// like acknowledgements: completed out of concerned per territory (open one to go down a level)
// and the people still missing it, first due first.
import { useCan, useNotification } from "@refinedev/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Breadcrumb, Button, Empty, Form, Popconfirm, Progress, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { NumberField, SelectField } from "../../components/fields";
import { QueryError } from "../../components/QueryError";
import { localizedName } from "../../providers/i18n";
import { formatDate, today } from "../../utils/format";
import { useTopicOptions } from "../training_topics/hooks";
import {
  completedPercent,
  fetchRuleTraining,
  fetchTrainingCoverage,
  removeRuleTraining,
  saveRuleTraining,
  type RuleTrainingRow,
  type RuleTrainingValues,
  type TrainingCoverageGroup,
  type TrainingCoveragePerson,
} from "./training-queries";

function RequirementForm({
  ruleId,
  stored,
  onSaved,
}: {
  ruleId: string;
  stored: RuleTrainingRow | null;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { open } = useNotification();
  const topics = useTopicOptions();
  const { control, handleSubmit } = useForm<RuleTrainingValues>({
    values: { topic_id: stored?.topic_id ?? null, due_within_days: stored?.due_within_days ?? 30 },
  });
  const failed = (e: Error) =>
    open?.({ type: "error", message: t("regulation_trainings.failed"), description: e.message });
  const save = useMutation({
    mutationFn: (v: RuleTrainingValues) => saveRuleTraining(ruleId, stored, v),
    onSuccess: () => {
      open?.({ type: "success", message: t("regulation_trainings.saved") });
      onSaved();
    },
    onError: failed,
  });
  const remove = useMutation({ mutationFn: () => removeRuleTraining(ruleId), onSuccess: onSaved, onError: failed });
  const onFinish = () => void handleSubmit((v) => save.mutate(v))();
  return (
    <Form layout="inline" component="form" noValidate onFinish={onFinish} style={{ rowGap: 8 }}>
      <SelectField
        control={control}
        name="topic_id"
        idPrefix="rule-training"
        label={t("regulation_trainings.fields.topic_id")}
        required={t("regulation_trainings.errors.topic")}
        options={topics}
      />
      <NumberField
        control={control}
        name="due_within_days"
        idPrefix="rule-training"
        label={t("regulation_trainings.fields.due_within_days")}
        required={t("regulation_trainings.errors.days")}
        min={1}
        max={365}
        fallback={30}
        width={120}
      />
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {stored ? t("regulation_trainings.change") : t("regulation_trainings.require")}
        </Button>
        {stored && (
          <Popconfirm
            title={t("regulation_trainings.removeQuestion")}
            okText={t("regulation_trainings.remove")}
            cancelText={t("buttons.cancel")}
            onConfirm={() => remove.mutate()}
          >
            <Button danger loading={remove.isPending}>
              {t("regulation_trainings.remove")}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Form>
  );
}

function Coverage({ ruleId }: { ruleId: string }) {
  const { t, i18n } = useTranslation();
  const [path, setPath] = useState<{ id: string; code: string }[]>([]);
  const territory = path.at(-1)?.id ?? null;
  const coverage = useQuery({
    queryKey: ["regulation_training_coverage", ruleId, territory],
    queryFn: () => fetchTrainingCoverage(ruleId, territory),
  });
  if (coverage.isError) return <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />;
  const now = today();
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Breadcrumb
        items={[
          {
            title: (
              <Button type="link" size="small" onClick={() => setPath([])}>
                {t("regulation_trainings.everywhere")}
              </Button>
            ),
          },
          ...path.map((p, i) => ({
            title: (
              <Button type="link" size="small" onClick={() => setPath(path.slice(0, i + 1))}>
                {p.code}
              </Button>
            ),
          })),
        ]}
      />
      <Table<TrainingCoverageGroup>
        dataSource={coverage.data?.groups ?? []}
        loading={coverage.isLoading}
        rowKey={(g) => g.territory_id ?? "none"}
        size="small"
        pagination={false}
        locale={{ emptyText: t("regulation_trainings.nobody") }}
      >
        <Table.Column<TrainingCoverageGroup>
          key="territory"
          title={t("regulation_trainings.territory")}
          render={(_, g) =>
            g.territory_id ? (
              <Button type="link" onClick={() => setPath([...path, { id: g.territory_id, code: g.territory_code }])}>
                {g.territory_code} · {g.territory_name}
              </Button>
            ) : (
              t("regulation_trainings.placedHere")
            )
          }
        />
        <Table.Column<TrainingCoverageGroup>
          key="done"
          title={t("regulation_trainings.completed")}
          render={(_, g) => (
            <Space>
              <Progress percent={completedPercent(g) ?? 0} size="small" style={{ width: 120 }} aria-hidden />
              <span>{t("regulation_trainings.completedOf", { completed: g.completed, total: g.total })}</span>
            </Space>
          )}
        />
      </Table>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t("regulation_trainings.missing")}
      </Typography.Title>
      <Table<TrainingCoveragePerson>
        dataSource={coverage.data?.missing ?? []}
        loading={coverage.isLoading}
        rowKey="staff_id"
        size="small"
        pagination={false}
        locale={{ emptyText: t("regulation_trainings.allDone") }}
      >
        <Table.Column<TrainingCoveragePerson>
          key="person"
          title={t("regulation_trainings.person")}
          render={(_, p) => <Link to={`/staff/show/${p.staff_id}`}>{p.full_name}</Link>}
        />
        <Table.Column<TrainingCoveragePerson> dataIndex="territory_code" title={t("regulation_trainings.territory")} />
        <Table.Column<TrainingCoveragePerson>
          key="due"
          title={t("regulation_trainings.dueOn")}
          render={(_, p) => (
            <Space>
              {formatDate(p.due_on, i18n.language)}
              {p.due_on < now && <Tag color="red">{t("regulation_trainings.overdue")}</Tag>}
            </Space>
          )}
        />
      </Table>
    </Space>
  );
}

export function RuleTraining({ ruleId, inForce }: { ruleId: string; inForce: boolean }) {
  const { t, i18n } = useTranslation();
  const { data: canEdit } = useCan({ resource: "regulations", action: "edit", params: { id: ruleId } });
  const requirement = useQuery({
    queryKey: ["regulation_trainings", ruleId],
    queryFn: () => fetchRuleTraining(ruleId),
  });
  if (requirement.isError) return <QueryError error={requirement.error} onRetry={() => void requirement.refetch()} />;
  const stored = requirement.data ?? null;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Paragraph>
        {stored
          ? t("regulation_trainings.requires", {
              topic: stored.topic ? localizedName(stored.topic, i18n.language) : "—",
              count: stored.due_within_days,
            })
          : t("regulation_trainings.none")}
      </Typography.Paragraph>
      {canEdit?.can && <RequirementForm ruleId={ruleId} stored={stored} onSaved={() => void requirement.refetch()} />}
      {stored && inForce ? (
        <Coverage ruleId={ruleId} />
      ) : (
        stored && <Empty description={t("regulation_trainings.notInForce")} />
      )}
    </Space>
  );
}
