// Detectors: the checks the database runs by itself. HR names the rule each one enforces and
// switches it on; from then on every breach it finds becomes one draft violation of that rule
// for the person's manager to confirm or dismiss.
import { List } from "@refinedev/antd";
import { useCan, useInvalidate, useList, useNotification } from "@refinedev/core";
import { useMutation } from "@tanstack/react-query";
import { Button, Card, Empty, InputNumber, Popconfirm, Select, Space, Spin, Switch, Typography } from "antd";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { useRules } from "../violations/form";
import {
  detectorProblem,
  detectorSelect,
  detectorsWithGrace,
  runDetectors,
  saveDetector,
  type DetectorRow,
  type DetectorValues,
} from "./queries";

export default function DetectorsList() {
  const { t } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const { data: canEdit } = useCan({ resource: "detectors", action: "edit" });
  const run = useMutation({
    mutationFn: runDetectors,
    onSuccess: (found) => {
      open?.({
        type: "success",
        message: t("detectors.ran", { count: found.reduce((n, f) => n + f.found, 0) }),
      });
      void invalidate({ resource: "detectors", invalidates: ["list"] });
      void invalidate({ resource: "violations", invalidates: ["list"] });
    },
    onError: (e: Error) => open?.({ type: "error", message: t("detectors.runFailed"), description: e.message }),
  });
  const { result, query } = useList<DetectorRow>({
    resource: "detectors",
    pagination: { mode: "off" },
    sorters: [{ field: "code", order: "asc" }],
    meta: { select: detectorSelect },
  });
  const rows = result?.data ?? [];
  return (
    <List
      title={<PageTitle>{t("detectors.titles.list")}</PageTitle>}
      headerButtons={
        canEdit?.can ? (
          <Popconfirm
            title={t("detectors.runQuestion")}
            okText={t("detectors.run")}
            cancelText={t("buttons.cancel")}
            onConfirm={() => run.mutate()}
          >
            <Button loading={run.isPending}>{t("detectors.run")}</Button>
          </Popconfirm>
        ) : null
      }
    >
      <Typography.Paragraph>{t("detectors.intro")}</Typography.Paragraph>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isLoading ? (
        <Spin />
      ) : rows.length === 0 ? (
        <Empty description={t("detectors.none")} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          {rows.map((row) => (
            <DetectorForm key={row.code} row={row} />
          ))}
        </Space>
      )}
    </List>
  );
}

function DetectorForm({ row }: { row: DetectorRow }) {
  const { t, i18n } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const rules = useRules();
  const { data: canEdit } = useCan({ resource: "detectors", action: "edit" });
  const { control, handleSubmit, formState } = useForm<DetectorValues>({
    values: { regulation_id: row.regulation_id, enabled: row.enabled, grace_days: row.grace_days },
  });
  const [problem, setProblem] = useState<"unbound" | "grace" | null>(null);
  const save = useMutation({
    mutationFn: (v: DetectorValues) => saveDetector(row, v),
    onSuccess: () => {
      open?.({ type: "success", message: t("detectors.saved") });
      void invalidate({ resource: "detectors", invalidates: ["list"] });
    },
    onError: (e: Error) => open?.({ type: "error", message: t("detectors.failed"), description: e.message }),
  });
  const submit = handleSubmit((v) => {
    const wrong = detectorProblem(v);
    setProblem(wrong);
    if (!wrong) save.mutate(v);
  });
  const name = t(`detectors.codes.${row.code}.name`);
  const id = `detector-${row.code}`;
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {name}
        </Typography.Title>
      }
    >
      <Typography.Paragraph>{t(`detectors.codes.${row.code}.description`)}</Typography.Paragraph>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Space wrap align="center">
          <label htmlFor={`${id}-rule`}>{t("detectors.fields.regulation_id")}</label>
          <Controller
            control={control}
            name="regulation_id"
            render={({ field }) => (
              <Select
                id={`${id}-rule`}
                aria-invalid={problem === "unbound"}
                aria-describedby={problem ? `${id}-error` : undefined}
                value={field.value ?? undefined}
                onChange={(v?: string) => field.onChange(v ?? null)}
                options={rules}
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder={t("detectors.noRule")}
                disabled={!canEdit?.can}
                style={{ minWidth: 200 }}
              />
            )}
          />
          <label htmlFor={`${id}-enabled`}>{t("detectors.fields.enabled")}</label>
          <Controller
            control={control}
            name="enabled"
            render={({ field }) => (
              <Switch id={`${id}-enabled`} checked={field.value} onChange={field.onChange} disabled={!canEdit?.can} />
            )}
          />
          {detectorsWithGrace.includes(row.code) && (
            <>
              <label htmlFor={`${id}-grace`}>{t("detectors.fields.grace_days")}</label>
              <Controller
                control={control}
                name="grace_days"
                render={({ field }) => (
                  <InputNumber
                    id={`${id}-grace`}
                    min={0}
                    max={365}
                    precision={0}
                    value={field.value}
                    onChange={(v) => field.onChange(v)}
                    aria-invalid={problem === "grace"}
                    aria-describedby={problem ? `${id}-error` : undefined}
                    disabled={!canEdit?.can}
                  />
                )}
              />
            </>
          )}
          {canEdit?.can && (
            <Button
              type="primary"
              htmlType="submit"
              loading={save.isPending}
              disabled={!formState.isDirty}
              aria-label={t("detectors.saveFor", { name })}
            >
              {t("buttons.save")}
            </Button>
          )}
        </Space>
        {problem && (
          <Typography.Text type="danger" id={`${id}-error`} role="alert" style={{ display: "block" }}>
            {t(`detectors.errors.${problem}`)}
          </Typography.Text>
        )}
        {row.last_run_at && (
          <Typography.Text type="secondary" style={{ display: "block", marginTop: 8 }}>
            {t("detectors.lastRun", {
              when: new Date(row.last_run_at).toLocaleString(i18n.language),
              count: row.last_run_found ?? 0,
            })}
          </Typography.Text>
        )}
        {row.changer && (
          <Typography.Text type="secondary" style={{ display: "block", marginTop: 8 }}>
            {t("detectors.changedBy", { name: row.changer.full_name })}
          </Typography.Text>
        )}
      </form>
    </Card>
  );
}
