// Recording a violation (person, rule, day, severity, what happened and its evidence) and
// confirming one at a level of its rule's ladder: the proposed level by default, a lighter one
// only with a reason (the database refuses a heavier one, and a lighter one without a reason,
// as this form does).
import { useList } from "@refinedev/core";
import { DatePicker, Form, Input, Modal, Select, Typography } from "antd";
import dayjs from "dayjs";
import { useQuery } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { FieldItem } from "../../components/FieldItem";
import type { Tables } from "../../types/database";
import { formatMoney } from "../../utils/format";
import { usePeople } from "../customers/hooks";
import {
  ladderOf,
  lighterThanProposed,
  violationSeverities,
  type LadderLevel,
  type ViolationRow,
  type ViolationValues,
} from "./queries";

/** Rules to choose from, by code. */
export function useRules() {
  const { result } = useList<Pick<Tables<"regulations">, "id" | "code">>({
    resource: "regulations",
    pagination: { mode: "off" },
    sorters: [{ field: "code", order: "asc" }],
    filters: [{ field: "current_version", operator: "nnull", value: null }],
    meta: { select: "id, code" },
  });
  return (result?.data ?? []).map((r) => ({ value: r.id, label: r.code }));
}

export function ViolationForm({
  pending,
  onSubmit,
  onCancel,
}: {
  pending: boolean;
  onSubmit: (v: ViolationValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { options: people } = usePeople();
  const rules = useRules();
  const { control, handleSubmit } = useForm<ViolationValues>({
    defaultValues: {
      staff_id: null,
      regulation_id: null,
      occurred_on: dayjs().format("YYYY-MM-DD"),
      severity: "minor",
      description: "",
      evidence_note: "",
    },
  });
  const save = handleSubmit(onSubmit);
  return (
    <Modal
      open
      title={t("violations.record")}
      okText={t("violations.record")}
      cancelText={t("buttons.cancel")}
      onOk={() => void save()}
      onCancel={onCancel}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form layout="vertical" component="form" noValidate onFinish={() => void save()}>
        <Controller
          control={control}
          name="staff_id"
          rules={{ required: t("violations.errors.person") }}
          render={({ field, fieldState }) => (
            <FieldItem
              id="violation-staff_id"
              label={t("violations.fields.staff_id")}
              error={fieldState.error?.message}
            >
              <Select
                id="violation-staff_id"
                showSearch
                optionFilterProp="label"
                options={people}
                value={field.value ?? undefined}
                onChange={field.onChange}
              />
            </FieldItem>
          )}
        />
        <Controller
          control={control}
          name="regulation_id"
          rules={{ required: t("violations.errors.rule") }}
          render={({ field, fieldState }) => (
            <FieldItem
              id="violation-regulation_id"
              label={t("violations.fields.regulation_id")}
              error={fieldState.error?.message}
            >
              <Select
                id="violation-regulation_id"
                showSearch
                optionFilterProp="label"
                options={rules}
                value={field.value ?? undefined}
                onChange={field.onChange}
              />
            </FieldItem>
          )}
        />
        <Controller
          control={control}
          name="occurred_on"
          rules={{ validate: (v) => !dayjs(v).isAfter(dayjs(), "day") || t("violations.errors.future") }}
          render={({ field, fieldState }) => (
            <FieldItem
              id="violation-occurred_on"
              label={t("violations.fields.occurred_on")}
              error={fieldState.error?.message}
            >
              <DatePicker
                id="violation-occurred_on"
                allowClear={false}
                value={dayjs(field.value)}
                onChange={(d) => d && field.onChange(d.format("YYYY-MM-DD"))}
              />
            </FieldItem>
          )}
        />
        <Controller
          control={control}
          name="severity"
          render={({ field }) => (
            <FieldItem id="violation-severity" label={t("violations.fields.severity")}>
              <Select
                id="violation-severity"
                value={field.value}
                onChange={field.onChange}
                options={violationSeverities.map((s) => ({ value: s, label: t(`violations.severity.${s}`) }))}
              />
            </FieldItem>
          )}
        />
        <Controller
          control={control}
          name="description"
          rules={{ validate: (v) => v.trim().length >= 3 || t("violations.errors.description") }}
          render={({ field, fieldState }) => (
            <FieldItem
              id="violation-description"
              label={t("violations.fields.description")}
              error={fieldState.error?.message}
            >
              <Input.TextArea id="violation-description" rows={3} maxLength={2000} {...field} />
            </FieldItem>
          )}
        />
        <Controller
          control={control}
          name="evidence_note"
          render={({ field }) => (
            <FieldItem id="violation-evidence_note" label={t("violations.fields.evidence_note")} required={false}>
              <Input.TextArea id="violation-evidence_note" rows={2} maxLength={2000} {...field} />
            </FieldItem>
          )}
        />
      </Form>
    </Modal>
  );
}

/** A ladder level in words: "2 · Fine 50.00 · 12 months". */
export function levelLabel(
  level: LadderLevel,
  t: (key: string, values?: Record<string, unknown>) => string,
  language: string,
) {
  const fine = level.fine_amount !== null ? ` ${formatMoney(level.fine_amount, language)}` : "";
  return `${level.level_order} · ${t(`violations.sanction.${level.kind}`)}${fine} · ${t("violations.liveMonths", { count: level.live_months })}`;
}

export interface ConfirmValues {
  level: number | null;
  reason: string;
}

export function ConfirmViolationForm({
  row,
  pending,
  onSubmit,
  onCancel,
}: {
  row: ViolationRow;
  pending: boolean;
  onSubmit: (v: ConfirmValues) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const ladder = useQuery({
    queryKey: ["violation-ladder", row.regulation_id, row.version_number],
    queryFn: () => ladderOf(row),
  });
  const { control, handleSubmit, watch } = useForm<ConfirmValues>({
    defaultValues: { level: row.proposed_level, reason: "" },
  });
  const level = watch("level");
  const save = handleSubmit(onSubmit);
  const levels = (ladder.data ?? []).filter((l) => row.proposed_level === null || l.level_order <= row.proposed_level);
  return (
    <Modal
      open
      title={t("violations.confirm")}
      okText={t("violations.confirm")}
      cancelText={t("buttons.cancel")}
      onOk={() => void save()}
      onCancel={onCancel}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {row.proposed_level === null
          ? t("violations.noLadder")
          : t("violations.proposal", { level: row.proposed_level, repeat: row.repeat_count + 1 })}
      </Typography.Paragraph>
      <Form layout="vertical" component="form" noValidate onFinish={() => void save()}>
        {row.proposed_level !== null && (
          <Controller
            control={control}
            name="level"
            render={({ field }) => (
              <FieldItem id="confirm-level" label={t("violations.fields.level_order")}>
                <Select
                  id="confirm-level"
                  loading={ladder.isLoading}
                  value={field.value ?? undefined}
                  onChange={field.onChange}
                  options={levels.map((l) => ({ value: l.level_order, label: levelLabel(l, t, i18n.language) }))}
                />
              </FieldItem>
            )}
          />
        )}
        <Controller
          control={control}
          name="reason"
          rules={{
            validate: (v) =>
              !lighterThanProposed(level, row.proposed_level) || v.trim().length >= 3 || t("violations.errors.lighter"),
          }}
          render={({ field, fieldState }) => (
            <FieldItem
              id="confirm-reason"
              label={t("violations.fields.lighter_reason")}
              required={lighterThanProposed(level, row.proposed_level)}
              error={fieldState.error?.message}
            >
              <Input.TextArea id="confirm-reason" rows={2} maxLength={1000} {...field} />
            </FieldItem>
          )}
        />
      </Form>
    </Modal>
  );
}
