// Proposing a reward (person, kind, a bonus's amount, reason, date) and HR's confirmation of
// one (the kind and a bonus's amount may be settled then, with a note). The database refuses
// a bonus without an amount and an amount on anything else, as these forms do.
import { DatePicker, Form, Input, InputNumber, Modal, Select } from "antd";
import dayjs from "dayjs";
import { Controller, useForm, type Control, type FieldValues, type Path } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { FieldItem } from "../../components/FieldItem";
import { usePeople } from "../customers/hooks";
import { amountProblem, rewardKinds, type RewardKind, type RewardValues } from "./queries";

/** The kind and, for a bonus, its amount: shared by proposing and confirming. */
function KindAndAmount<T extends FieldValues & { kind: RewardKind; amount: number | null }>({
  control,
  kind,
  prefix,
}: {
  control: Control<T>;
  kind: RewardKind;
  prefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Controller
        control={control}
        name={"kind" as Path<T>}
        render={({ field }) => (
          <FieldItem id={`${prefix}-kind`} label={t("rewards.fields.kind")}>
            <Select
              id={`${prefix}-kind`}
              value={field.value}
              onChange={field.onChange}
              options={rewardKinds.map((k) => ({ value: k, label: t(`rewards.kind.${k}`) }))}
            />
          </FieldItem>
        )}
      />
      {kind === "bonus" && (
        <Controller
          control={control}
          name={"amount" as Path<T>}
          rules={{ validate: (v) => !amountProblem("bonus", v as number | null) || t("rewards.errors.amount") }}
          render={({ field, fieldState }) => (
            <FieldItem id={`${prefix}-amount`} label={t("rewards.fields.amount")} error={fieldState.error?.message}>
              <InputNumber
                id={`${prefix}-amount`}
                min={0.01}
                precision={2}
                value={field.value as number | null}
                onChange={(v) => field.onChange(v === null ? null : Number(v))}
                style={{ width: 200 }}
              />
            </FieldItem>
          )}
        />
      )}
    </>
  );
}

export function RewardForm({
  pending,
  onSubmit,
  onCancel,
}: {
  pending: boolean;
  onSubmit: (v: RewardValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { options: people } = usePeople();
  const { control, handleSubmit, watch } = useForm<RewardValues>({
    defaultValues: {
      staff_id: null,
      kind: "praise",
      amount: null,
      reason: "",
      awarded_on: dayjs().format("YYYY-MM-DD"),
    },
  });
  const save = handleSubmit(onSubmit);
  return (
    <Modal
      open
      title={t("rewards.propose")}
      okText={t("rewards.propose")}
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
          rules={{ required: t("rewards.errors.person") }}
          render={({ field, fieldState }) => (
            <FieldItem id="reward-staff_id" label={t("rewards.fields.staff_id")} error={fieldState.error?.message}>
              <Select
                id="reward-staff_id"
                showSearch
                optionFilterProp="label"
                options={people}
                value={field.value ?? undefined}
                onChange={field.onChange}
              />
            </FieldItem>
          )}
        />
        <KindAndAmount control={control} kind={watch("kind")} prefix="reward" />
        <Controller
          control={control}
          name="reason"
          rules={{ validate: (v) => v.trim().length >= 3 || t("rewards.errors.reason") }}
          render={({ field, fieldState }) => (
            <FieldItem id="reward-reason" label={t("rewards.fields.reason")} error={fieldState.error?.message}>
              <Input.TextArea id="reward-reason" rows={3} maxLength={1000} {...field} />
            </FieldItem>
          )}
        />
        <Controller
          control={control}
          name="awarded_on"
          render={({ field }) => (
            <FieldItem id="reward-awarded_on" label={t("rewards.fields.awarded_on")}>
              <DatePicker
                id="reward-awarded_on"
                allowClear={false}
                value={dayjs(field.value)}
                onChange={(d) => d && field.onChange(d.format("YYYY-MM-DD"))}
              />
            </FieldItem>
          )}
        />
      </Form>
    </Modal>
  );
}

export interface ConfirmValues {
  kind: RewardKind;
  amount: number | null;
  note: string;
}

export function ConfirmRewardForm({
  initial,
  pending,
  onSubmit,
  onCancel,
}: {
  initial: ConfirmValues;
  pending: boolean;
  onSubmit: (v: ConfirmValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { control, handleSubmit, watch } = useForm<ConfirmValues>({ defaultValues: initial });
  const save = handleSubmit(onSubmit);
  return (
    <Modal
      open
      title={t("rewards.confirm")}
      okText={t("rewards.confirm")}
      cancelText={t("buttons.cancel")}
      onOk={() => void save()}
      onCancel={onCancel}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form layout="vertical" component="form" noValidate onFinish={() => void save()}>
        <KindAndAmount control={control} kind={watch("kind")} prefix="confirm" />
        <Controller
          control={control}
          name="note"
          render={({ field }) => (
            <FieldItem id="confirm-note" label={t("rewards.fields.decision_note")} required={false}>
              <Input.TextArea id="confirm-note" rows={2} maxLength={1000} {...field} />
            </FieldItem>
          )}
        />
      </Form>
    </Modal>
  );
}
