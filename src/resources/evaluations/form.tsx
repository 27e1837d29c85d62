// The dialogs of the workflow, each owning its form: the improvement plan an approval needs
// when the band requires one, and the one-text steps (sending back with a reason,
// acknowledging with a comment).
import { Alert, DatePicker, Form, Input, Modal, Select } from "antd";
import dayjs from "dayjs";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { usePeople } from "../customers/hooks";
import type { PlanValues } from "./queries";

export function ImprovementPlanForm({
  defaultOwner,
  pending,
  onSubmit,
  onCancel,
}: {
  defaultOwner: string | null;
  pending: boolean;
  onSubmit: (plan: PlanValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { options: people } = usePeople();
  const { control, handleSubmit } = useForm<PlanValues>({
    defaultValues: {
      areas: "",
      actions: "",
      deadline: dayjs().add(3, "month").format("YYYY-MM-DD"),
      follow_up_owner_id: defaultOwner ?? "",
    },
  });
  const save = handleSubmit((v) => onSubmit({ ...v, areas: v.areas.trim(), actions: v.actions.trim() }));
  const text = (name: "areas" | "actions", rows: number) => (
    <Controller
      control={control}
      name={name}
      rules={{ validate: (v) => v.trim().length >= 3 || t(`evaluations.plan.errors.${name}`) }}
      render={({ field, fieldState }) => (
        <Form.Item
          label={t(`evaluations.plan.${name}`)}
          htmlFor={`plan-${name}`}
          required
          validateStatus={fieldState.error ? "error" : undefined}
          help={fieldState.error?.message}
        >
          <Input.TextArea id={`plan-${name}`} rows={rows} maxLength={name === "areas" ? 2000 : 4000} {...field} />
        </Form.Item>
      )}
    />
  );
  return (
    <Modal
      open
      title={t("evaluations.plan.title")}
      okText={t("evaluations.actions.approve")}
      cancelText={t("buttons.cancel")}
      onOk={() => void save()}
      onCancel={onCancel}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t("evaluations.plan.required")} />
      <Form layout="vertical" component="form" noValidate onFinish={() => void save()}>
        {text("areas", 2)}
        {text("actions", 4)}
        <Controller
          control={control}
          name="deadline"
          rules={{ validate: (v) => dayjs(v).isAfter(dayjs(), "day") || t("evaluations.plan.errors.deadline") }}
          render={({ field, fieldState }) => (
            <Form.Item
              label={t("evaluations.plan.deadline")}
              htmlFor="plan-deadline"
              required
              validateStatus={fieldState.error ? "error" : undefined}
              help={fieldState.error?.message}
            >
              <DatePicker
                id="plan-deadline"
                value={field.value ? dayjs(field.value) : null}
                onChange={(d) => field.onChange(d ? d.format("YYYY-MM-DD") : "")}
                disabledDate={(d) => !d.isAfter(dayjs(), "day")}
                allowClear={false}
              />
            </Form.Item>
          )}
        />
        <Controller
          control={control}
          name="follow_up_owner_id"
          rules={{ required: t("evaluations.plan.errors.owner") }}
          render={({ field, fieldState }) => (
            <Form.Item
              label={t("evaluations.plan.follow_up_owner_id")}
              htmlFor="plan-owner"
              required
              validateStatus={fieldState.error ? "error" : undefined}
              help={fieldState.error?.message}
            >
              <Select
                id="plan-owner"
                showSearch
                optionFilterProp="label"
                options={people}
                value={field.value || undefined}
                onChange={(v: string) => field.onChange(v)}
              />
            </Form.Item>
          )}
        />
      </Form>
    </Modal>
  );
}

/** One text, required or not: the reason for sending back, the person's comment. */
export function TextStepForm({
  title,
  label,
  okText,
  required,
  pending,
  onSubmit,
  onCancel,
}: {
  title: string;
  label: string;
  okText: string;
  required?: string;
  pending: boolean;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { control, handleSubmit } = useForm<{ text: string }>({ defaultValues: { text: "" } });
  const save = handleSubmit((v) => onSubmit(v.text.trim()));
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t("buttons.cancel")}
      onOk={() => void save()}
      onCancel={onCancel}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form layout="vertical" component="form" noValidate onFinish={() => void save()}>
        <Controller
          control={control}
          name="text"
          rules={required ? { validate: (v) => v.trim().length >= 3 || required } : undefined}
          render={({ field, fieldState }) => (
            <Form.Item
              label={label}
              htmlFor="step-text"
              required={Boolean(required)}
              validateStatus={fieldState.error ? "error" : undefined}
              help={fieldState.error?.message}
            >
              <Input.TextArea id="step-text" rows={3} maxLength={required ? 1000 : 4000} {...field} />
            </Form.Item>
          )}
        />
      </Form>
    </Modal>
  );
}
