// Entering (or correcting) an actual of a KPI that is not measured from the field data: the
// person, the KPI, the month, the value (a percentage at most 100) and a note. The database
// sets the person's territory and position of that month and who recorded it.
import { DatePicker, Form, Input, InputNumber, Modal, Select } from "antd";
import dayjs from "dayjs";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { usePeople } from "../customers/hooks";
import { useEnteredKpis } from "./hooks";
import { valueProblem, type ActualValues } from "./queries";

export function ActualForm({
  initial,
  pending,
  onSubmit,
  onCancel,
}: {
  /** An actual being corrected (its person, KPI and month stay). */
  initial?: ActualValues;
  pending: boolean;
  onSubmit: (v: ActualValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { options: people } = usePeople();
  const { kpis, options: kpiOptions } = useEnteredKpis();
  const { control, handleSubmit, watch } = useForm<ActualValues>({
    defaultValues: initial ?? {
      staff_id: null,
      kpi_id: null,
      month: dayjs().subtract(1, "month").startOf("month").format("YYYY-MM-DD"),
      value: null,
      note: "",
    },
  });
  const unit = kpis.find((k) => k.id === watch("kpi_id"))?.unit;
  const save = handleSubmit(onSubmit);
  const fixed = Boolean(initial);
  const item = (
    name: keyof ActualValues,
    label: string,
    error: string | undefined,
    input: React.ReactNode,
    required = true,
  ) => (
    <Form.Item
      label={label}
      htmlFor={`actual-${name}`}
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
      title={fixed ? t("kpi_actuals.titles.edit") : t("kpi_actuals.titles.create")}
      okText={t("buttons.save")}
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
          rules={{ required: t("kpi_actuals.errors.person") }}
          render={({ field, fieldState }) =>
            item(
              "staff_id",
              t("kpi_actuals.fields.staff_id"),
              fieldState.error?.message,
              <Select
                id="actual-staff_id"
                showSearch
                optionFilterProp="label"
                disabled={fixed}
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
          rules={{ required: t("kpi_actuals.errors.kpi") }}
          render={({ field, fieldState }) =>
            item(
              "kpi_id",
              t("kpi_actuals.fields.kpi_id"),
              fieldState.error?.message,
              <Select
                id="actual-kpi_id"
                showSearch
                optionFilterProp="label"
                disabled={fixed}
                options={kpiOptions}
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
              t("kpi_actuals.fields.month"),
              undefined,
              <DatePicker
                id="actual-month"
                picker="month"
                allowClear={false}
                disabled={fixed}
                disabledDate={(d) => d.isAfter(dayjs(), "month")}
                value={dayjs(field.value)}
                onChange={(d) => d && field.onChange(d.startOf("month").format("YYYY-MM-DD"))}
              />,
            )
          }
        />
        <Controller
          control={control}
          name="value"
          rules={{
            validate: (v) => {
              const problem = valueProblem(v, unit);
              return problem === null || t(`kpi_actuals.errors.${problem}`);
            },
          }}
          render={({ field, fieldState }) =>
            item(
              "value",
              t("kpi_actuals.fields.value"),
              fieldState.error?.message,
              <InputNumber
                id="actual-value"
                min={0}
                max={unit === "percent" ? 100 : undefined}
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
          name="note"
          render={({ field }) =>
            item(
              "note",
              t("kpi_actuals.fields.note"),
              undefined,
              <Input.TextArea id="actual-note" rows={2} maxLength={1000} {...field} />,
              false,
            )
          }
        />
      </Form>
    </Modal>
  );
}
