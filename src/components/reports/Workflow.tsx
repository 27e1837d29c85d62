// The workflow plans and summaries share: a status tag; "Submit" for the person while it is a
// draft; for a reviewer (someone else who may update it in scope) the review comment with
// "Mark reviewed" and "Send back" once it is submitted. The database checks every step.
import { useGetIdentity, useNotification } from "@refinedev/core";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Popconfirm, Space, Tag, Typography } from "antd";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { Identity } from "../../providers/authProvider";
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database } from "../../types/database";
import { TextField } from "../fields";

export type ReportStatus = Database["public"]["Enums"]["report_status"];
type ReportTable = "monthly_plans" | "summaries";
export interface ReportRow {
  id: string;
  version: number;
  status: ReportStatus;
  review_comment: string;
  reviewed_at: string | null;
  person: { user_id: string | null } | null;
}

export const reportStatuses: ReportStatus[] = ["draft", "submitted", "reviewed"];

// Palette colours (the theme keeps their text at 4.5:1 on the tint).
const statusColor: Record<ReportStatus, string> = { draft: "default", submitted: "blue", reviewed: "green" };

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`reports.status.${status}`)}</Tag>;
}

async function move(table: ReportTable, row: ReportRow, fields: { status: ReportStatus; review_comment?: string }) {
  const { data, error } = await supabaseClient
    .from(table)
    .update({ ...fields, version: row.version })
    .eq("id", row.id)
    .select("id")
    .maybeSingle();
  if (error) throw error;
  if (!data) throw new Error("stale");
}

/** Is the signed-in person the one the plan or summary is about? */
export function useIsPerson(row: ReportRow | undefined): boolean {
  const { data: me } = useGetIdentity<Identity>();
  return Boolean(row && me && row.person?.user_id === me.id);
}

export function SubmitReport({ table, row, onDone }: { table: ReportTable; row: ReportRow; onDone: () => void }) {
  const { t } = useTranslation();
  const { open } = useNotification();
  const submit = useMutation({
    mutationFn: () => move(table, row, { status: "submitted" }),
    onSuccess: () => {
      open?.({ type: "success", message: t("reports.submitted") });
      onDone();
    },
    onError: (e: Error) =>
      open?.({
        type: "error",
        message: t("reports.failed"),
        description: e.message === "stale" ? t("reports.stale") : e.message,
      }),
  });
  return (
    <Popconfirm
      title={t("reports.submitQuestion")}
      okText={t("reports.submitYes")}
      cancelText={t("buttons.cancel")}
      onConfirm={() => submit.mutate()}
    >
      <Button type="primary" loading={submit.isPending}>
        {t("reports.submit")}
      </Button>
    </Popconfirm>
  );
}

export function ReviewReport({ table, row, onDone }: { table: ReportTable; row: ReportRow; onDone: () => void }) {
  const { t } = useTranslation();
  const { open } = useNotification();
  const { control, handleSubmit } = useForm<{ review_comment: string }>({
    defaultValues: { review_comment: row.review_comment },
  });
  const review = useMutation({
    mutationFn: (v: { status: ReportStatus; review_comment: string }) =>
      move(table, row, { status: v.status, review_comment: v.review_comment.trim() }),
    onSuccess: (_, v) => {
      open?.({ type: "success", message: t(v.status === "draft" ? "reports.sentBack" : "reports.reviewed") });
      onDone();
    },
    onError: (e: Error) =>
      open?.({
        type: "error",
        message: t("reports.failed"),
        description: e.message === "stale" ? t("reports.stale") : e.message,
      }),
  });
  const act = (status: ReportStatus) => void handleSubmit((v) => review.mutate({ status, ...v }))();
  // At least three characters once trimmed, as the database checks.
  const commentRule = { value: /^\s*\S[\s\S]+\S\s*$/, message: t("reports.errors.comment") };
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t("reports.reviewTitle")}
        </Typography.Title>
      }
    >
      <Form layout="vertical" component="form" noValidate onFinish={() => act("reviewed")}>
        <TextField
          control={control}
          name="review_comment"
          idPrefix={`${table}-review`}
          label={t("reports.fields.review_comment")}
          required={t("reports.errors.comment")}
          pattern={commentRule}
          max={4000}
          rows={4}
          extra={t("reports.hints.review")}
        />
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={review.isPending}>
            {row.status === "reviewed" ? t("reports.saveComment") : t("reports.markReviewed")}
          </Button>
          {row.status === "submitted" && (
            <Button onClick={() => act("draft")} disabled={review.isPending}>
              {t("reports.sendBack")}
            </Button>
          )}
        </Space>
      </Form>
    </Card>
  );
}

/** The review as the person reads it, or where it stands. */
export function ReviewNote({ row, reviewer }: { row: ReportRow; reviewer: string | null }) {
  const { t } = useTranslation();
  if (!row.review_comment) return null;
  return (
    <Alert
      type={row.status === "draft" ? "warning" : "info"}
      showIcon
      message={
        row.status === "draft"
          ? t("reports.sentBackBy", { name: reviewer ?? "—" })
          : t("reports.reviewedBy", { name: reviewer ?? "—" })
      }
      description={<span style={{ whiteSpace: "pre-wrap" }}>{row.review_comment}</span>}
    />
  );
}
