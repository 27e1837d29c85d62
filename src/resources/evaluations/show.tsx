// One evaluation: who, which month and the assignment it was computed under; the per-KPI
// table (target, actual or the manager's score, achievement); the total and band; the
// improvement plan; and the workflow step the signed-in person may take (save the manual
// scores, submit, approve or send back, acknowledge). Every step is a database function that
// checks the matrix; the buttons only show what it will allow. History below.
import { useCan, useInvalidate, useList, useNotification, useShow } from "@refinedev/core";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Input, InputNumber, Popconfirm, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Show } from "../../components/crud";
import { HistoryTab } from "../../components/HistoryTab";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { localizedName } from "../../providers/i18n";
import { formatDate, formatMoney } from "../../utils/format";
import { useMyStaff } from "../customers/hooks";
import { positionTitle } from "../positions/queries";
import { ImprovementPlanForm, TextStepForm } from "./form";
import {
  acknowledgeEvaluation,
  approveEvaluation,
  evaluationSelect,
  isManual,
  manualField,
  missingManual,
  returnEvaluation,
  saveScores,
  submitEvaluation,
  type EvaluationDetail,
  type EvaluationLine,
  type ManualEdits,
  type PlanValues,
} from "./queries";
import { BandTag, StatusTag } from "./tags";

type Dialog = "plan" | "return" | "acknowledge" | null;

export default function EvaluationsShow() {
  const { t, i18n } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const { query } = useShow<EvaluationDetail>({ resource: "evaluations", meta: { select: evaluationSelect } });
  const evaluation = query.data?.data;
  const { staff: me } = useMyStaff();
  const { data: canUpdate } = useCan({ resource: "evaluations", action: "edit" });
  const { data: canSubmit } = useCan({ resource: "evaluations", action: "submit" });
  const { data: canApprove } = useCan({ resource: "evaluations", action: "approve" });
  const { result: planStatus } = useList<{ id: string; status: string }>({
    resource: "improvement_plan_status",
    filters: [{ field: "evaluation_id", operator: "eq", value: evaluation?.id }],
    queryOptions: { enabled: Boolean(evaluation?.plan) },
  });
  const [edits, setEdits] = useState<ManualEdits>({});
  const [comment, setComment] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);

  const done = (message: string) => {
    open?.({ type: "success", message });
    setEdits({});
    setComment(null);
    setDialog(null);
    void invalidate({ resource: "evaluations", invalidates: ["list"] });
    void query.refetch();
    void invalidate({ resource: "audit_log", invalidates: ["list"] });
  };
  const failed = (e: Error) => open?.({ type: "error", message: t("evaluations.failed"), description: e.message });
  const step = useMutation({
    mutationFn: async (action: () => Promise<unknown>) => action(),
    onError: failed,
  });

  if (!evaluation) {
    return (
      <Show isLoading={query.isLoading} title={<PageTitle>{t("evaluations.titles.show")}</PageTitle>}>
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      </Show>
    );
  }
  const draft = evaluation.status === "draft";
  const editable = draft && Boolean(canUpdate?.can);
  const isMine = me?.id === evaluation.staff_id;
  // Each row carries the value shown, so a row re-renders when its value is edited (table
  // cells re-render with their record).
  const lines = [...evaluation.lines]
    .sort((a, b) => a.sort_order - b.sort_order)
    .map((l) => (l.kpi_id in edits ? { ...l, [manualField(l)]: edits[l.kpi_id] ?? null } : l));
  const missing = missingManual(lines, edits);
  const shownComment = comment ?? evaluation.manager_comment;
  const month = new Date(`${evaluation.month}T00:00:00`).toLocaleDateString(i18n.language, {
    month: "long",
    year: "numeric",
  });
  const figure = (l: EvaluationLine, v: number | null) =>
    v === null
      ? "—"
      : l.kpi?.unit === "amount"
        ? formatMoney(v, i18n.language)
        : Number(v).toLocaleString(i18n.language);

  const save = () =>
    step.mutate(() =>
      saveScores(evaluation.id, evaluation.version, lines, edits, shownComment).then(() =>
        done(t("evaluations.saved")),
      ),
    );
  const submit = () =>
    step.mutate(async () => {
      const saved = await saveScores(evaluation.id, evaluation.version, lines, edits, shownComment);
      await submitEvaluation(saved.id, saved.version, shownComment);
      done(t("evaluations.submitted"));
    });
  const approve = (plan: PlanValues | null) =>
    step.mutate(() =>
      approveEvaluation(evaluation.id, evaluation.version, plan).then(() => done(t("evaluations.approved"))),
    );

  return (
    <Show
      isLoading={query.isLoading}
      title={
        <PageTitle>{t("evaluations.titles.showOf", { name: evaluation.person?.full_name ?? "", month })}</PageTitle>
      }
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {evaluation.return_reason && draft && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t("evaluations.returned", { reason: evaluation.return_reason })}
        />
      )}
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("evaluations.fields.status")}>
          <StatusTag status={evaluation.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t("evaluations.fields.staff_id")}>{evaluation.person?.full_name}</Descriptions.Item>
        <Descriptions.Item label={t("evaluations.fields.month")}>{month}</Descriptions.Item>
        <Descriptions.Item label={t("evaluations.fields.position_id")}>
          {positionTitle(evaluation.position, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t("evaluations.fields.territory_id")}>
          {evaluation.territory ? `${evaluation.territory.code} · ${evaluation.territory.name}` : "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("evaluations.fields.total_score")}>
          <strong>{evaluation.total_score === null ? "—" : Number(evaluation.total_score).toFixed(2)}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t("evaluations.fields.band_id")}>
          {evaluation.band ? (
            <Space>
              <BandTag outcome={evaluation.band_outcome} label={localizedName(evaluation.band, i18n.language)} />
              {evaluation.band_outcome && t(`rating_bands.outcome.${evaluation.band_outcome}`)}
            </Space>
          ) : (
            "—"
          )}
        </Descriptions.Item>
        {evaluation.reward && (
          <Descriptions.Item label={t("rewards.rewards")}>
            <Link to="/rewards">
              {`${t(`rewards.kind.${evaluation.reward.kind}`)}${evaluation.reward.amount !== null ? ` · ${formatMoney(evaluation.reward.amount, i18n.language)}` : ""} · ${t(`rewards.status.${evaluation.reward.status}`)}`}
            </Link>
          </Descriptions.Item>
        )}
        {evaluation.submitted_at && (
          <Descriptions.Item label={t("evaluations.fields.submitted_at")}>
            {formatDate(evaluation.submitted_at, i18n.language)}
          </Descriptions.Item>
        )}
        {evaluation.approved_at && (
          <Descriptions.Item label={t("evaluations.fields.approved_at")}>
            {formatDate(evaluation.approved_at, i18n.language)}
          </Descriptions.Item>
        )}
      </Descriptions>

      <Table<EvaluationLine> dataSource={lines} rowKey="id" size="small" pagination={false} scroll={{ x: true }}>
        <Table.Column<EvaluationLine>
          key="kpi"
          title={t("evaluations.fields.kpi_id")}
          render={(_, l) => (l.kpi ? localizedName(l.kpi, i18n.language) : "—")}
        />
        <Table.Column<EvaluationLine>
          dataIndex="weight"
          title={t("evaluations.fields.weight")}
          align="right"
          render={(w: number) => Number(w).toFixed(2)}
        />
        <Table.Column<EvaluationLine>
          key="target"
          title={t("evaluations.fields.target")}
          align="right"
          render={(_, l) =>
            l.kpi?.kind === "qualitative" ? t("evaluations.onScale", { max: l.kpi.scale_max }) : figure(l, l.target)
          }
        />
        <Table.Column<EvaluationLine>
          key="actual"
          title={t("evaluations.fields.actual")}
          align="right"
          render={(_, l) => {
            const field = manualField(l);
            const value = l[field];
            if (editable && isManual(l)) {
              return (
                <InputNumber
                  aria-label={t("evaluations.manualOf", { kpi: l.kpi ? localizedName(l.kpi, i18n.language) : "" })}
                  value={value}
                  min={field === "manual_score" ? 1 : 0}
                  max={field === "manual_score" ? (l.kpi?.scale_max ?? 5) : undefined}
                  precision={field === "manual_score" ? 1 : 2}
                  status={value === null ? "warning" : undefined}
                  onChange={(v) => setEdits((e) => ({ ...e, [l.kpi_id]: v === null ? null : Number(v) }))}
                />
              );
            }
            return figure(l, value);
          }}
        />
        <Table.Column<EvaluationLine>
          dataIndex="achievement"
          title={t("evaluations.fields.achievement")}
          align="right"
          render={(a: number | null) => (a === null ? "—" : `${Number(a).toFixed(2)} %`)}
        />
      </Table>

      <Card size="small" title={t("evaluations.fields.manager_comment")} style={{ marginTop: 16 }}>
        {editable ? (
          <Input.TextArea
            aria-label={t("evaluations.fields.manager_comment")}
            rows={3}
            maxLength={4000}
            value={shownComment}
            onChange={(e) => setComment(e.target.value)}
          />
        ) : (
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
            {evaluation.manager_comment || "—"}
          </Typography.Paragraph>
        )}
        {evaluation.person_comment && (
          <>
            <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>
              {t("evaluations.fields.person_comment")}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{evaluation.person_comment}</Typography.Paragraph>
          </>
        )}
      </Card>

      {evaluation.plan && (
        <Card size="small" title={t("evaluations.plan.title")} style={{ marginTop: 16 }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t("evaluations.plan.areas")}>{evaluation.plan.areas}</Descriptions.Item>
            <Descriptions.Item label={t("evaluations.plan.actions")}>{evaluation.plan.actions}</Descriptions.Item>
            <Descriptions.Item label={t("evaluations.plan.deadline")}>
              {formatDate(evaluation.plan.deadline, i18n.language)}{" "}
              {planStatus?.data[0] && <strong>({t(`evaluations.plan.status.${planStatus.data[0].status}`)})</strong>}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}

      <Space wrap style={{ marginTop: 16 }}>
        {editable && (
          <Button onClick={save} loading={step.isPending}>
            {t("evaluations.actions.save")}
          </Button>
        )}
        {draft && canSubmit?.can && (
          <Popconfirm
            title={t("evaluations.actions.submitConfirm")}
            okText={t("evaluations.actions.submit")}
            cancelText={t("buttons.cancel")}
            onConfirm={submit}
            disabled={missing.length > 0}
          >
            <Button type="primary" disabled={missing.length > 0} loading={step.isPending}>
              {t("evaluations.actions.submit")}
            </Button>
          </Popconfirm>
        )}
        {evaluation.status === "submitted" && canApprove?.can && (
          <>
            {evaluation.band_outcome === "improvement_plan" ? (
              <Button type="primary" onClick={() => setDialog("plan")}>
                {t("evaluations.actions.approve")}
              </Button>
            ) : (
              <Popconfirm
                title={t("evaluations.actions.approveConfirm")}
                okText={t("evaluations.actions.approve")}
                cancelText={t("buttons.cancel")}
                onConfirm={() => approve(null)}
              >
                <Button type="primary" loading={step.isPending}>
                  {t("evaluations.actions.approve")}
                </Button>
              </Popconfirm>
            )}
            <Button onClick={() => setDialog("return")}>{t("evaluations.actions.return")}</Button>
          </>
        )}
        {evaluation.status === "approved" && isMine && (
          <Button type="primary" onClick={() => setDialog("acknowledge")}>
            {t("evaluations.actions.acknowledge")}
          </Button>
        )}
      </Space>
      {draft && canSubmit?.can && missing.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} role="status">
          {t("evaluations.missing", {
            kpis: missing.map((l) => (l.kpi ? localizedName(l.kpi, i18n.language) : "")).join(", "),
          })}
        </Typography.Paragraph>
      )}

      {dialog === "plan" && (
        <ImprovementPlanForm
          defaultOwner={null}
          pending={step.isPending}
          onSubmit={approve}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog === "return" && (
        <TextStepForm
          title={t("evaluations.actions.return")}
          label={t("evaluations.fields.return_reason")}
          okText={t("evaluations.actions.return")}
          required={t("evaluations.errors.reason")}
          pending={step.isPending}
          onSubmit={(reason) =>
            step.mutate(() =>
              returnEvaluation(evaluation.id, evaluation.version, reason).then(() =>
                done(t("evaluations.returnedDone")),
              ),
            )
          }
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog === "acknowledge" && (
        <TextStepForm
          title={t("evaluations.actions.acknowledge")}
          label={t("evaluations.fields.person_comment")}
          okText={t("evaluations.actions.acknowledge")}
          pending={step.isPending}
          onSubmit={(text) =>
            step.mutate(() =>
              acknowledgeEvaluation(evaluation.id, evaluation.version, text).then(() =>
                done(t("evaluations.acknowledged")),
              ),
            )
          }
          onCancel={() => setDialog(null)}
        />
      )}

      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
        {t("evaluations.history")}
      </Typography.Title>
      <HistoryTab table="evaluations" recordId={evaluation.id} />
    </Show>
  );
}
