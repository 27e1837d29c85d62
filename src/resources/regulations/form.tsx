// The rule forms. Creating writes the rule and its first draft in one call. Editing changes
// the working copy: for a published rule this is the draft of its next version (the
// published one stays in force). A save over someone else's newer save is refused (both
// versions are checked) and can be re-applied after reloading, keeping what was typed.
import { useGo, useInvalidate } from "@refinedev/core";
import { Alert, Button, Form, Skeleton } from "antd";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Create, Edit } from "../../components/crud";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import type { FormAction } from "../../components/ResourceForm";
import { LadderEditor } from "../../components/rulebook/LadderEditor";
import { RegulationFormFields } from "./fields";
import { createRegulation, saveRegulation, type CreateRegulationInput } from "./queries";
import { useWorkingCopy, workingCopyValues } from "./working-copy";

export const newRegulation: CreateRegulationInput = {
  code: "",
  category_id: "",
  title_en: "",
  title_es: "",
  title_zh: "",
  body_en: "",
  body_es: "",
  body_zh: "",
  effective_date: null,
  applies_to_all_positions: true,
  positions: [],
};

export function RegulationForm({ action }: { action: FormAction }) {
  return action === "create" ? <RegulationCreateForm /> : <RegulationEditForm />;
}

function SaveError({ message, onReapply }: { message: string; onReapply?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      role="alert"
      showIcon
      message={message}
      style={{ marginBottom: 16 }}
      data-testid="rule-save-error"
      action={
        onReapply ? (
          <Button onClick={onReapply} data-testid="rule-reapply">
            {t("regulations.reapply")}
          </Button>
        ) : undefined
      }
    />
  );
}

function RegulationCreateForm() {
  const { t } = useTranslation();
  const go = useGo();
  const invalidate = useInvalidate();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState } = useForm<CreateRegulationInput>({ defaultValues: newRegulation });
  const submit = handleSubmit(async (values) => {
    setError(null);
    const result = await createRegulation({ ...values, code: values.code.trim(), title_en: values.title_en.trim() });
    if (result.error) return setError(result.error.message);
    void invalidate({ resource: "regulations", invalidates: ["list"] });
    go({ to: { resource: "regulations", action: "show", id: result.id! } });
  });
  return (
    <Create
      title={<PageTitle>{t("regulations.titles.create")}</PageTitle>}
      saveButtonProps={{
        onClick: () => void submit(),
        loading: formState.isSubmitting,
        ...({ "data-testid": "rule-save" } as Record<string, string>),
      }}
    >
      {error && <SaveError message={error} />}
      <Form layout="vertical" component="form" noValidate onFinish={() => void submit()}>
        <RegulationFormFields control={control} mode="create" />
      </Form>
    </Create>
  );
}

function RegulationEditForm() {
  const { t } = useTranslation();
  const go = useGo();
  const invalidate = useInvalidate();
  const { query, rule, loaded, refetchVersions } = useWorkingCopy();
  const [versions, setVersions] = useState<{ rule: number; draft: number } | null>(null);
  const [error, setError] = useState<{ message: string; conflict: boolean } | null>(null);
  const { control, handleSubmit, reset, getValues, formState } = useForm<CreateRegulationInput>();
  useEffect(() => {
    if (!loaded || versions) return;
    reset(workingCopyValues(loaded.rule, loaded.draftRow, loaded.positions));
    setVersions({ rule: loaded.rule.version, draft: loaded.draftRow.version });
  }, [loaded, versions, reset]);

  const submit = handleSubmit(async (values) => {
    if (!rule || !versions) return;
    setError(null);
    const result = await saveRegulation(rule.id, versions, values);
    if (result.error) return setError({ message: result.error.message, conflict: result.error.kind === "conflict" });
    void invalidate({ resource: "regulations", invalidates: ["detail", "list"], id: rule.id });
    void invalidate({ resource: "regulation_drafts", invalidates: ["list"] });
    go({ to: { resource: "regulations", action: "show", id: rule.id } });
  });
  const reloadAndReapply = async () => {
    const mine = getValues();
    const fresh = await refetchVersions();
    if (!fresh) return;
    setVersions(fresh);
    reset(mine, { keepDirty: true });
    setError(null);
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
        <SaveError message={error.message} onReapply={error.conflict ? () => void reloadAndReapply() : undefined} />
      )}
      {!loaded ? (
        <Skeleton active />
      ) : (
        <>
          <Form layout="vertical" component="form" noValidate onFinish={() => void submit()}>
            <RegulationFormFields control={control} mode="edit" />
          </Form>
          <div style={{ marginTop: 24 }}>
            <LadderEditor owner={{ regulation_id: loaded.rule.id }} title={t("regulations.ladder.own")} />
          </div>
        </>
      )}
    </Edit>
  );
}
