// One's own goal for a KPI and year, beside the company's target: twelve months (empty: no
// goal that month) and a note. Only the person sets it; their manager reads it.
import { Form, Input, InputNumber, Modal, Select, Space } from "antd";
import { useEffect } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useTargetKpis } from "../targets/hooks";
import type { GoalRow, GoalValues } from "./queries";

export function GoalForm({
  year,
  goals,
  pending,
  onSubmit,
  onCancel,
}: {
  year: number;
  goals: GoalRow[];
  pending: boolean;
  onSubmit: (v: GoalValues, existing: GoalRow | undefined) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { options } = useTargetKpis();
  const { control, handleSubmit, setValue } = useForm<GoalValues>({
    defaultValues: { kpi_id: null, months: Array<number | null>(12).fill(null), note: "" },
  });
  const kpiId = useWatch({ control, name: "kpi_id" });
  const existing = goals.find((g) => g.kpi_id === kpiId);
  // Choosing a KPI that has a goal already opens it for editing.
  useEffect(() => {
    setValue("months", existing ? existing.months.map((m) => (m === null ? null : Number(m))) : Array(12).fill(null));
    setValue("note", existing?.note ?? "");
  }, [existing, setValue]);
  const save = handleSubmit((v) => onSubmit(v, existing));
  return (
    <Modal
      open
      title={t("my_performance.goal.title", { year })}
      okText={t("buttons.save")}
      cancelText={t("buttons.cancel")}
      onOk={() => void save()}
      onCancel={onCancel}
      confirmLoading={pending}
      width={720}
      destroyOnHidden
    >
      <Form layout="vertical" component="form" noValidate onFinish={() => void save()}>
        <Controller
          control={control}
          name="kpi_id"
          rules={{ required: t("my_performance.goal.errors.kpi") }}
          render={({ field, fieldState }) => (
            <Form.Item
              label={t("evaluations.fields.kpi_id")}
              htmlFor="goal-kpi"
              required
              validateStatus={fieldState.error ? "error" : undefined}
              help={fieldState.error?.message}
            >
              <Select
                id="goal-kpi"
                options={options}
                value={field.value ?? undefined}
                onChange={field.onChange}
                showSearch
                optionFilterProp="label"
              />
            </Form.Item>
          )}
        />
        <Space wrap size={[12, 0]}>
          {Array.from({ length: 12 }, (_, i) => (
            <Controller
              key={i}
              control={control}
              name={`months.${i}`}
              render={({ field }) => (
                <Form.Item
                  label={new Date(year, i, 1).toLocaleDateString(i18n.language, { month: "long" })}
                  htmlFor={`goal-month-${i}`}
                >
                  <InputNumber
                    id={`goal-month-${i}`}
                    min={0}
                    precision={2}
                    value={field.value}
                    onChange={(v) => field.onChange(v === null ? null : Number(v))}
                    style={{ width: 140 }}
                  />
                </Form.Item>
              )}
            />
          ))}
        </Space>
        <Controller
          control={control}
          name="note"
          render={({ field }) => (
            <Form.Item label={t("my_performance.goal.note")} htmlFor="goal-note">
              <Input.TextArea id="goal-note" rows={2} maxLength={1000} {...field} />
            </Form.Item>
          )}
        />
      </Form>
    </Modal>
  );
}
