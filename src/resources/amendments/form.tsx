// Asking for an amendment: which figure (an actual or a target of a person, KPI and closed
// month), the new value and why. Someone else decides it.
import { DatePicker, Form, Input, InputNumber, Modal, Segmented, Select } from "antd";
import dayjs from "dayjs";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { usePeople } from "../customers/hooks";
import { useTargetKpis } from "../targets/hooks";
import { amendmentKinds, type RequestValues } from "./queries";

export function AmendmentForm({
  pending,
  onSubmit,
  onCancel,
}: {
  pending: boolean;
  onSubmit: (v: RequestValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { options: people } = usePeople();
  const { options: kpis } = useTargetKpis();
  const { control, handleSubmit } = useForm<RequestValues>({
    defaultValues: {
      kind: "actual",
      staff_id: null,
      kpi_id: null,
      month: dayjs().subtract(1, "month").startOf("month").format("YYYY-MM-DD"),
      value: null,
      reason: "",
    },
  });
  const save = handleSubmit(onSubmit);
  const item = (
    name: keyof RequestValues,
    label: string,
    error: string | undefined,
    input: React.ReactNode,
    required = true,
  ) => (
    <Form.Item
      label={label}
      htmlFor={`amendment-${name}`}
      required={required}
      validateStatus={error ? "error" : undefined}
      help={error}
    >
      {input}
    </Form.Item>
  );
  return (
    <Modal
      open
      title={t("amendments.request")}
      okText={t("amendments.request")}
      cancelText={t("buttons.cancel")}
      onOk={() => void save()}
      onCancel={onCancel}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form layout="vertical" component="form" noValidate onFinish={() => void save()}>
        <Controller
          control={control}
          name="kind"
          render={({ field }) =>
            item(
              "kind",
              t("amendments.fields.kind"),
              undefined,
              <Segmented
                id="amendment-kind"
                value={field.value}
                onChange={field.onChange}
                options={amendmentKinds.map((k) => ({ value: k, label: t(`amendments.kind.${k}`) }))}
              />,
            )
          }
        />
        <Controller
          control={control}
          name="staff_id"
          rules={{ required: t("amendments.errors.person") }}
          render={({ field, fieldState }) =>
            item(
              "staff_id",
              t("amendments.fields.staff_id"),
              fieldState.error?.message,
              <Select
                id="amendment-staff_id"
                showSearch
                optionFilterProp="label"
                options={people}
                value={field.value ?? undefined}
                onChange={field.onChange}
              />,
            )
          }
        />
        <Controller
          control={control}
          name="kpi_id"
          rules={{ required: t("amendments.errors.kpi") }}
          render={({ field, fieldState }) =>
            item(
              "kpi_id",
              t("amendments.fields.kpi_id"),
              fieldState.error?.message,
              <Select
                id="amendment-kpi_id"
                showSearch
                optionFilterProp="label"
                options={kpis}
                value={field.value ?? undefined}
                onChange={field.onChange}
              />,
            )
          }
        />
        <Controller
          control={control}
          name="month"
          render={({ field }) =>
            item(
              "month",
              t("amendments.fields.month"),
              undefined,
              <DatePicker
                id="amendment-month"
                picker="month"
                allowClear={false}
                value={dayjs(field.value)}
                onChange={(d) => d && field.onChange(d.startOf("month").format("YYYY-MM-DD"))}
              />,
            )
          }
        />
        <Controller
          control={control}
          name="value"
          rules={{ validate: (v) => (v !== null && v >= 0) || t("amendments.errors.value") }}
          render={({ field, fieldState }) =>
            item(
              "value",
              t("amendments.fields.new_value"),
              fieldState.error?.message,
              <InputNumber
                id="amendment-value"
                min={0}
                precision={2}
                value={field.value}
                onChange={(v) => field.onChange(v === null ? null : Number(v))}
                style={{ width: 200 }}
              />,
            )
          }
        />
        <Controller
          control={control}
          name="reason"
          rules={{ validate: (v) => v.trim().length >= 3 || t("amendments.errors.reason") }}
          render={({ field, fieldState }) =>
            item(
              "reason",
              t("amendments.fields.reason"),
              fieldState.error?.message,
              <Input.TextArea id="amendment-reason" rows={3} maxLength={1000} {...field} />,
            )
          }
        />
      </Form>
    </Modal>
  );
}
