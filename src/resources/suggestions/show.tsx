// A suggestion: its text, area, author (or "hidden": HR alone reads who), status and answer;
// whoever may answer it in scope moves it on with an answer, and HR opens a draft rule from an
// adopted one, which links back here.
import { useCan, useInvalidate, useNotification, useShow } from "@refinedev/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Button, Card, Descriptions, Form, Space, Tabs, Typography } from "antd";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { Show } from "../../components/crud";
import { SelectField, TextField } from "../../components/fields";
import { HistoryTab } from "../../components/HistoryTab";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { formatDate } from "../../utils/format";
import { AuthorName, StatusTag } from "./parts";
import {
  answerProblem,
  answerStatuses,
  answerSuggestion,
  fetchHiddenAuthor,
  suggestionSelect,
  type AnswerValues,
  type SuggestionRow,
} from "./queries";
import { RuleFromSuggestion } from "./rule";

function AnswerForm({ row, onDone }: { row: SuggestionRow; onDone: () => void }) {
  const { t } = useTranslation();
  const { open } = useNotification();
  const { control, handleSubmit, setError } = useForm<AnswerValues>({
    defaultValues: { status: row.status === "received" ? "under_review" : row.status, answer: row.answer },
  });
  const save = useMutation({
    mutationFn: (v: AnswerValues) => answerSuggestion(row, v),
    onSuccess: () => {
      open?.({ type: "success", message: t("suggestions.answered") });
      onDone();
    },
    onError: (e: Error) =>
      open?.({
        type: "error",
        message: t("suggestions.failed"),
        description: e.message === "stale" ? t("suggestions.stale") : e.message,
      }),
  });
  const field = { control, idPrefix: "answer" } as const;
  // A decision needs an answer (the database's check, said here before it is sent).
  const onFinish = () =>
    void handleSubmit((v) =>
      answerProblem(v) ? setError("answer", { message: t("suggestions.errors.answer") }) : save.mutate(v),
    )();
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t("suggestions.answerTitle")}
        </Typography.Title>
      }
    >
      <Form layout="vertical" component="form" noValidate onFinish={onFinish}>
        <SelectField
          {...field}
          name="status"
          label={t("suggestions.fields.status")}
          required={t("suggestions.errors.status")}
          options={answerStatuses.map((s) => ({ value: s, label: t(`suggestions.status.${s}`) }))}
        />
        <TextField
          {...field}
          name="answer"
          label={t("suggestions.fields.answer")}
          max={10000}
          rows={4}
          extra={t("suggestions.hints.answer")}
        />
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("suggestions.saveAnswer")}
        </Button>
      </Form>
    </Card>
  );
}

export default function SuggestionsShow() {
  const { t, i18n } = useTranslation();
  const invalidate = useInvalidate();
  const navigate = useNavigate();
  const { query } = useShow<SuggestionRow>({ resource: "suggestions", meta: { select: suggestionSelect } });
  const row = query.data?.data;
  const { data: canAnswer } = useCan({ resource: "suggestions", action: "edit", params: { id: row?.id } });
  const { data: canReadAuthors } = useCan({ resource: "suggestion_authors", action: "list" });
  const { data: canWriteRules } = useCan({ resource: "regulations", action: "create" });
  const hidden = useQuery({
    queryKey: ["suggestion-author", row?.id],
    queryFn: () => fetchHiddenAuthor(row!.id),
    enabled: Boolean(row?.author_hidden && canReadAuthors?.can),
  });
  const [answering, setAnswering] = useState(false);
  const refresh = () => {
    setAnswering(false);
    void query.refetch();
    void invalidate({ resource: "suggestions", invalidates: ["list"] });
  };
  return (
    <Show
      title={<PageTitle>{row ? row.title : t("suggestions.titles.show")}</PageTitle>}
      isLoading={query.isLoading}
      canEdit={false}
      canDelete={false}
      headerButtons={() => (
        <Space>
          {row && canAnswer?.can && !answering && (
            <Button onClick={() => setAnswering(true)}>{t("suggestions.answer")}</Button>
          )}
          {row && row.status === "adopted" && !row.regulation_id && canWriteRules?.can && (
            <RuleFromSuggestion row={row} onOpened={(rule) => void navigate(`/regulations/show/${rule}`)} />
          )}
        </Space>
      )}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {row && (
        <Space direction="vertical" size="large" style={{ width: "100%" }}>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t("suggestions.fields.status")}>
              <StatusTag status={row.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t("suggestions.fields.area")}>
              {t(`suggestions.area.${row.area}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t("suggestions.fields.author")}>
              <AuthorName row={row} />
              {hidden.data && <span> · {t("suggestions.hiddenAuthorIs", { name: hidden.data })}</span>}
            </Descriptions.Item>
            <Descriptions.Item label={t("suggestions.fields.submitted_at")}>
              {formatDate(row.submitted_at.slice(0, 10), i18n.language)}
            </Descriptions.Item>
            <Descriptions.Item label={t("suggestions.fields.body")} span={2}>
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
                {row.body}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t("suggestions.fields.answer")} span={2}>
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
                {row.answer || t("suggestions.noAnswer")}
              </Typography.Paragraph>
              {row.answerer && row.answered_at && (
                <Typography.Text type="secondary">
                  {t("suggestions.answeredBy", {
                    name: row.answerer.full_name,
                    date: formatDate(row.answered_at.slice(0, 10), i18n.language),
                  })}
                </Typography.Text>
              )}
            </Descriptions.Item>
            {row.rule && (
              <Descriptions.Item label={t("suggestions.fields.regulation_id")} span={2}>
                <Link to={`/regulations/show/${row.rule.id}`}>{row.rule.code}</Link>
              </Descriptions.Item>
            )}
            {row.summary_id && (
              <Descriptions.Item label={t("suggestions.fields.summary_id")} span={2}>
                <Link to={`/summaries/show/${row.summary_id}`}>{t("suggestions.fromSummary")}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          {answering && <AnswerForm row={row} onDone={refresh} />}
          <Tabs
            items={[
              {
                key: "history",
                label: t("suggestions.history"),
                children: <HistoryTab table="suggestions" recordId={row.id} />,
              },
            ]}
          />
        </Space>
      )}
    </Show>
  );
}
