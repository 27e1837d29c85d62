// Editing a rule's working copy. For a published rule this starts the draft of its next
// version; the published one stays in force. A save over someone else's newer save is
// refused (both versions are checked) and can be re-applied after reloading.
import { Edit } from "../../components/crud";
import { useGo, useInvalidate, useList, useShow } from "@refinedev/core";
import { Alert, Button, Form, Skeleton, Space } from "antd";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { LadderEditor } from "../../components/rulebook/LadderEditor";
import { toAppError } from "../../providers/errors";
import { supabaseClient } from "../../providers/supabaseClient";
import type { Tables } from "../../types/database";
import { RegulationFormFields } from "./form";
import { regulationSelect, type CreateRegulationInput, type DraftRow, type RegulationListRow } from "./queries";

export default function RegulationsEdit() {
  const { t } = useTranslation();
  const go = useGo();
  const invalidate = useInvalidate();
  const { query } = useShow<RegulationListRow>({
    resource: "regulations",
    meta: { select: regulationSelect },
    queryOptions: { refetchOnWindowFocus: false },
  });
  const rule = query.data?.data;
  const draft = useList<DraftRow>({
    resource: "regulation_drafts",
    filters: [{ field: "regulation_id", operator: "eq", value: rule?.id }],
    pagination: { mode: "off" },
    queryOptions: { enabled: Boolean(rule?.id) },
  });
  const positions = useList<Tables<"regulation_positions">>({
    resource: "regulation_positions",
    filters: [{ field: "regulation_id", operator: "eq", value: rule?.id }],
    pagination: { mode: "off" },
    queryOptions: { enabled: Boolean(rule?.id) },
  });
  const draftRow = draft.result?.data?.[0];
  const [versions, setVersions] = useState<{ rule: number; draft: number } | null>(null);
  const [error, setError] = useState<{ message: string; conflict: boolean } | null>(null);
  const { control, handleSubmit, reset, getValues, formState } = useForm<CreateRegulationInput>();
  const loaded = rule && draftRow && positions.result;
  useEffect(() => {
    if (!rule || !draftRow || !positions.result || versions) return;
    reset({
      code: rule.code,
      category_id: rule.category_id,
      effective_date: rule.effective_date,
      applies_to_all_positions: rule.applies_to_all_positions,
      positions: positions.result.data.map((p) => p.position_id),
      title_en: draftRow.title_en,
      title_es: draftRow.title_es,
      title_zh: draftRow.title_zh,
      body_en: draftRow.body_en,
      body_es: draftRow.body_es,
      body_zh: draftRow.body_zh,
    });
    setVersions({ rule: rule.version, draft: draftRow.version });
  }, [rule, draftRow, positions.result, versions, reset]);

  const submit = handleSubmit(async (v) => {
    if (!rule || !versions) return;
    setError(null);
    const { error: rpcError, status } = await supabaseClient.rpc("save_regulation", {
      p_regulation: rule.id,
      p_version: versions.rule,
      p_draft_version: versions.draft,
      p_category: v.category_id,
      // Generated RPC types do not mark arguments nullable; null clears the date.
      p_effective_date: (v.effective_date || null) as string,
      p_applies_to_all: v.applies_to_all_positions,
      p_positions: v.positions ?? [],
      p_title_en: v.title_en,
      p_title_es: v.title_es,
      p_title_zh: v.title_zh,
      p_body_en: v.body_en,
      p_body_es: v.body_es,
      p_body_zh: v.body_zh,
    });
    if (rpcError) {
      const appError = toAppError(rpcError, status);
      return setError({ message: appError.message, conflict: appError.kind === "conflict" });
    }
    void invalidate({ resource: "regulations", invalidates: ["detail", "list"], id: rule.id });
    void invalidate({ resource: "regulation_drafts", invalidates: ["list"] });
    go({ to: { resource: "regulations", action: "show", id: rule.id } });
  });

  // Keep what the person typed, take the newest versions, and let them save again.
  const reloadAndReapply = async () => {
    const mine = getValues();
    const [r, d] = await Promise.all([query.refetch(), draft.query.refetch()]);
    const freshRule = r.data?.data;
    const freshDraft = d.data?.data?.[0];
    if (freshRule && freshDraft) {
      setVersions({ rule: freshRule.version, draft: freshDraft.version });
      reset(mine, { keepDirty: true });
      setError(null);
    }
  };

  return (
    <Edit
      title={
        <PageTitle>
          {rule
            ? t("regulations.titles.editCode", { code: rule.code, n: rule.draft_number })
            : t("regulations.titles.edit")}
        </PageTitle>
      }
      saveButtonProps={{
        onClick: () => void submit(),
        loading: formState.isSubmitting,
        disabled: !loaded,
        ...({ "data-testid": "rule-save" } as Record<string, string>),
      }}
      canDelete={false}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {rule?.status === "published" && (
        <Alert
          type="info"
          showIcon
          message={t("regulations.revisionNote", { n: rule.draft_number, current: rule.current_version })}
          style={{ marginBottom: 16 }}
        />
      )}
      {error && (
        <Alert
          type="error"
          role="alert"
          showIcon
          message={error.message}
          data-testid="rule-save-error"
          style={{ marginBottom: 16 }}
          action={
            error.conflict ? (
              <Button onClick={() => void reloadAndReapply()} data-testid="rule-reapply">
                {t("regulations.reapply")}
              </Button>
            ) : undefined
          }
        />
      )}
      {!loaded ? (
        <Skeleton active />
      ) : (
        <Space direction="vertical" style={{ width: "100%" }} size="large">
          <Form layout="vertical" component="form" noValidate onFinish={() => void submit()}>
            <RegulationFormFields control={control} mode="edit" />
          </Form>
          <LadderEditor owner={{ regulation_id: rule.id }} title={t("regulations.ladder.own")} />
        </Space>
      )}
    </Edit>
  );
}
