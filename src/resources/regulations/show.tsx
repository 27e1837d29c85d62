// One rule: the version in force (sanitised Markdown, sanction ladder, who approved it),
// every earlier version with a word-level diff between any two, the working draft for
// those who may see it, the workflow actions the matrix allows, and its history.
import { Show } from "../../components/crud";
import { useCan, useInvalidate, useList, useShow } from "@refinedev/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Empty, Popconfirm, Select, Space, Tabs, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { workflowSteps } from "./workflow";
import { RuleTraining } from "./training";
import { HistoryTab } from "../../components/HistoryTab";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { DiffView } from "../../components/rulebook/DiffView";
import { Markdown } from "../../components/rulebook/Markdown";
import { FallbackMark, LadderTable, StatusTag, type LadderStep } from "../../components/rulebook/RuleBits";
import { localizedLabel } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import { positionTitle } from "../positions/queries";
import { ViolationsOf } from "../violations/records";
import {
  acknowledge,
  fetchMyRules,
  localized,
  regulationSelect,
  transition,
  versionSelect,
  type DraftRow,
  type RegulationListRow,
  type RegulationStatus,
  type VersionRow,
} from "./queries";
import { RecordEditButton } from "../../components/access/RecordButtons";

type Positions = { id: string; code: string; title_en: string; title_es: string; title_zh: string }[] | null;

function VersionView({ version }: { version: VersionRow }) {
  const { t, i18n } = useTranslation();
  const title = localized(version, "title", i18n.language);
  const body = localized(version, "body", i18n.language);
  const positions = version.positions as unknown as Positions;
  return (
    <Space direction="vertical" style={{ width: "100%" }} size="middle">
      <Space wrap>
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }} data-testid="rule-version-title">
          {title.text}
        </Typography.Title>
        {(title.fallback || body.fallback) && <FallbackMark />}
        <Tag>{t("regulations.versionN", { n: version.version_number })}</Tag>
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t("regulations.fields.effective_date")}>
          {new Date(`${version.effective_date}T00:00:00`).toLocaleDateString(i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t("regulations.publishedAt")}>
          {new Date(version.published_at).toLocaleString(i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t("regulations.appliesTo")}>
          {positions
            ? positions.map((p) => <Tag key={p.id}>{positionTitle(p, i18n.language)}</Tag>)
            : t("regulations.allPositions")}
        </Descriptions.Item>
      </Descriptions>
      <Markdown source={body.text} testId="rule-body" />
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t("regulations.ladder.title")}
      </Typography.Title>
      <LadderTable steps={(version.sanctions as unknown as LadderStep[]) ?? []} testId="rule-ladder" />
      {((version.sanctions as unknown as LadderStep[]) ?? []).some((s) => s.inherited) && (
        <Typography.Text type="secondary">{t("regulations.ladder.inherited")}</Typography.Text>
      )}
    </Space>
  );
}

function VersionsTab({ versions }: { versions: VersionRow[] }) {
  const { t, i18n } = useTranslation();
  const sorted = [...versions].sort((a, b) => b.version_number - a.version_number);
  const [from, setFrom] = useState<number | undefined>(sorted[1]?.version_number);
  const [to, setTo] = useState<number | undefined>(sorted[0]?.version_number);
  const [open, setOpen] = useState<number | undefined>();
  const a = versions.find((v) => v.version_number === from);
  const b = versions.find((v) => v.version_number === to);
  const text = (v: VersionRow) =>
    `${localized(v, "title", i18n.language).text}\n\n${localized(v, "body", i18n.language).text}`;
  const options = sorted.map((v) => ({
    value: v.version_number,
    label: t("regulations.versionN", { n: v.version_number }),
  }));
  const shown = versions.find((v) => v.version_number === open);
  return (
    <Space direction="vertical" style={{ width: "100%" }} size="large">
      <Card size="small" title={t("regulations.versions.all")}>
        <Space wrap data-testid="rule-versions">
          {sorted.map((v) => (
            <Button
              key={v.id}
              onClick={() => setOpen(v.version_number)}
              type={open === v.version_number ? "primary" : "default"}
              data-testid={`rule-version-${v.version_number}`}
            >
              {t("regulations.versionN", { n: v.version_number })} ·{" "}
              {new Date(v.published_at).toLocaleDateString(i18n.language)}
            </Button>
          ))}
        </Space>
        {shown && (
          <div style={{ marginTop: 16 }}>
            <VersionView version={shown} />
          </div>
        )}
      </Card>
      {versions.length > 1 && (
        <Card size="small" title={t("regulations.diff.title")}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Select
              aria-label={t("regulations.diff.from")}
              value={from}
              onChange={setFrom}
              options={options}
              style={{ width: 140 }}
              data-testid="diff-from"
            />
            <span aria-hidden>→</span>
            <Select
              aria-label={t("regulations.diff.to")}
              value={to}
              onChange={setTo}
              options={options}
              style={{ width: 140 }}
              data-testid="diff-to"
            />
          </Space>
          {a && b && (
            <DiffView
              before={text(a)}
              after={text(b)}
              beforeLabel={t("regulations.versionN", { n: a.version_number })}
              afterLabel={t("regulations.versionN", { n: b.version_number })}
            />
          )}
        </Card>
      )}
    </Space>
  );
}

function WorkflowActions({ rule, onDone }: { rule: RegulationListRow; onDone: () => void }) {
  const { t } = useTranslation();
  const can = {
    submit: useCan({ resource: "regulations", action: "submit" }).data?.can,
    publish: useCan({ resource: "regulations", action: "publish" }).data?.can,
    retire: useCan({ resource: "regulations", action: "retire" }).data?.can,
    update: useCan({ resource: "regulations", action: "edit" }).data?.can,
  };
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const move = async (to: RegulationStatus) => {
    setBusy(true);
    setError(null);
    const result = await transition(rule.id, to, rule.version);
    setBusy(false);
    if (result.error) setError(result.error.message);
    else onDone();
  };
  const visible = workflowSteps(rule.status, can).map((s) => ({
    ...s,
    label: t(s.label, { n: rule.draft_number }),
    confirm: s.confirm && t(s.confirm, { n: rule.draft_number }),
  }));
  if (visible.length === 0 && !error) return null;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {error && (
        <Alert
          type="error"
          role="alert"
          showIcon
          message={error}
          closable
          onClose={() => setError(null)}
          data-testid="rule-workflow-error"
        />
      )}
      <Space wrap>
        {visible.map((s) =>
          s.confirm ? (
            <Popconfirm
              key={s.to}
              title={s.confirm}
              okText={s.label}
              cancelText={t("buttons.cancel")}
              onConfirm={() => void move(s.to)}
            >
              <Button type={s.danger ? "default" : "primary"} danger={s.danger} loading={busy} data-testid={s.testId}>
                {s.label}
              </Button>
            </Popconfirm>
          ) : (
            <Button key={s.to} type="primary" loading={busy} onClick={() => void move(s.to)} data-testid={s.testId}>
              {s.label}
            </Button>
          ),
        )}
      </Space>
    </Space>
  );
}

function AcknowledgeBox({ ruleId }: { ruleId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: ["my_rules"], queryFn: fetchMyRules });
  const entry = mine.data?.find((r) => r.regulation_id === ruleId);
  const [error, setError] = useState<string | null>(null);
  if (!entry || !entry.pending || !entry.current_version) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="ack-box"
      message={
        entry.acknowledged_version
          ? t("regulations.ack.newVersion", { n: entry.current_version, old: entry.acknowledged_version })
          : t("regulations.ack.pending", { n: entry.current_version })
      }
      description={error}
      action={
        <Button
          type="primary"
          data-testid="ack-button"
          onClick={async () => {
            const result = await acknowledge(ruleId, entry.current_version!);
            if (result.error) setError(result.error.message);
            else await queryClient.invalidateQueries({ queryKey: ["my_rules"] });
          }}
        >
          {t("regulations.ack.button", { n: entry.current_version })}
        </Button>
      }
    />
  );
}

export default function RegulationsShow() {
  const { t, i18n } = useTranslation();
  const invalidate = useInvalidate();
  const queryClient = useQueryClient();
  const { query } = useShow<RegulationListRow>({ resource: "regulations", meta: { select: regulationSelect } });
  const rule = query.data?.data;
  const { data: canReadViolations } = useCan({ resource: "violations", action: "list" });
  const versions = useList<VersionRow>({
    resource: "regulation_versions",
    filters: [{ field: "regulation_id", operator: "eq", value: rule?.id }],
    sorters: [{ field: "version_number", order: "desc" }],
    pagination: { mode: "off" },
    meta: { select: versionSelect },
    queryOptions: { enabled: Boolean(rule?.id) },
  });
  const draft = useList<DraftRow>({
    resource: "regulation_drafts",
    filters: [{ field: "regulation_id", operator: "eq", value: rule?.id }],
    pagination: { mode: "off" },
    queryOptions: { enabled: Boolean(rule?.id) },
  });
  const { result: categories } = useList<Tables<"regulation_categories">>({
    resource: "regulation_categories",
    pagination: { mode: "off" },
  });
  const current = useMemo(
    () => versions.result?.data?.find((v) => v.version_number === rule?.current_version),
    [versions.result?.data, rule?.current_version],
  );
  const draftRow = draft.result?.data?.[0];
  const refresh = () => {
    void invalidate({ resource: "regulations", invalidates: ["detail", "list"], id: rule?.id });
    void invalidate({ resource: "regulation_versions", invalidates: ["list"] });
    void invalidate({ resource: "regulation_drafts", invalidates: ["list"] });
    void queryClient.invalidateQueries({ queryKey: ["my_rules"] });
  };
  const title = current
    ? localized(current, "title", i18n.language)
    : draftRow
      ? localized(draftRow, "title", i18n.language)
      : undefined;
  const category = categories?.data?.find((c) => c.id === rule?.category_id);
  const canEdit = rule && (rule.status === "draft" || rule.status === "published");
  return (
    <Show
      title={<PageTitle>{rule ? `${rule.code} · ${title?.text ?? ""}` : t("regulations.titles.show")}</PageTitle>}
      isLoading={query.isLoading}
      canDelete={false}
      headerButtons={() =>
        rule && canEdit ? (
          <RecordEditButton id={rule.id} testId="rule-edit">
            {rule.status === "published" ? t("regulations.actions.revise") : t("buttons.edit")}
          </RecordEditButton>
        ) : null
      }
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {rule && (
        <Space direction="vertical" style={{ width: "100%" }} size="large">
          <Space wrap>
            <StatusTag status={rule.status} inForce={rule.current_version} />
            {category && <Tag>{localizedLabel(category, i18n.language)}</Tag>}
            {rule.status === "retired" && (
              <Typography.Text type="danger">{t("regulations.retiredNote")}</Typography.Text>
            )}
          </Space>
          <AcknowledgeBox ruleId={rule.id} />
          <WorkflowActions rule={rule} onDone={refresh} />
          <Tabs
            items={[
              {
                key: "current",
                label: t("regulations.tabs.current"),
                children: current ? (
                  <VersionView version={current} />
                ) : (
                  <Empty description={t("regulations.notPublished")} />
                ),
              },
              {
                key: "versions",
                label: t("regulations.tabs.versions", { count: versions.result?.data?.length ?? 0 }),
                children: versions.query.isError ? (
                  <QueryError error={versions.query.error} />
                ) : (
                  <VersionsTab versions={versions.result?.data ?? []} />
                ),
              },
              // The working draft is only readable by people who read every rule (RLS decides).
              ...(draftRow
                ? [
                    {
                      key: "draft",
                      label:
                        rule.status === "published" || rule.status === "retired"
                          ? t("regulations.tabs.workingCopy")
                          : t("regulations.tabs.draft", { n: rule.draft_number }),
                      children: (
                        <Space direction="vertical" style={{ width: "100%" }}>
                          <Typography.Title level={2} style={{ fontSize: 18 }}>
                            {localized(draftRow, "title", i18n.language).text}
                          </Typography.Title>
                          <Markdown source={localized(draftRow, "body", i18n.language).text} testId="rule-draft-body" />
                        </Space>
                      ),
                    },
                  ]
                : []),
              {
                key: "training",
                label: t("regulation_trainings.regulation_trainings"),
                children: (
                  <RuleTraining ruleId={rule.id} inForce={rule.current_version !== null && rule.status !== "retired"} />
                ),
              },
              ...(canReadViolations?.can
                ? [
                    {
                      key: "violations",
                      label: t("regulations.tabs.violations"),
                      children: <ViolationsOf field="regulation_id" value={rule.id} />,
                    },
                  ]
                : []),
              {
                key: "history",
                label: t("audit_log.history"),
                children: <HistoryTab table="regulations" recordId={rule.id} />,
              },
            ]}
          />
        </Space>
      )}
    </Show>
  );
}
