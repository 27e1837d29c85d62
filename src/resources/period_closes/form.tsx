// Closing a month for a territory subtree: the month (one that is over), the territory and a
// note. The database refuses while evaluations there are not all approved, and says how many.
import { DatePicker, Form, Input, Modal } from "antd";
import dayjs from "dayjs";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { TerritoryTreeSelect } from "../../components/org/TerritoryTreeSelect";
import type { CloseValues } from "./queries";

export function ClosePeriodForm({
  pending,
  onSubmit,
  onCancel,
}: {
  pending: boolean;
  onSubmit: (v: CloseValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { control, handleSubmit } = useForm<CloseValues>({
    defaultValues: {
      month: dayjs().subtract(1, "month").startOf("month").format("YYYY-MM-DD"),
      territory_id: null,
      note: "",
    },
  });
  const save = handleSubmit(onSubmit);
  return (
    <Modal
      open
      title={t("period_closes.close")}
      okText={t("period_closes.close")}
      cancelText={t("buttons.cancel")}
      onOk={() => void save()}
      onCancel={onCancel}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form layout="vertical" component="form" noValidate onFinish={() => void save()}>
        <Controller
          control={control}
          name="month"
          rules={{ validate: (v) => dayjs(v).isBefore(dayjs().startOf("month")) || t("period_closes.errors.month") }}
          render={({ field, fieldState }) => (
            <Form.Item
              label={t("period_closes.fields.month")}
              htmlFor="close-month"
              required
              validateStatus={fieldState.error ? "error" : undefined}
              help={fieldState.error?.message}
            >
              <DatePicker
                id="close-month"
                picker="month"
                allowClear={false}
                value={dayjs(field.value)}
                disabledDate={(d) => !d.isBefore(dayjs().startOf("month"))}
                onChange={(d) => d && field.onChange(d.startOf("month").format("YYYY-MM-DD"))}
              />
            </Form.Item>
          )}
        />
        <Controller
          control={control}
          name="territory_id"
          rules={{ required: t("period_closes.errors.territory") }}
          render={({ field, fieldState }) => (
            <Form.Item
              label={t("period_closes.fields.territory_id")}
              htmlFor="close-territory"
              required
              validateStatus={fieldState.error ? "error" : undefined}
              help={fieldState.error?.message}
            >
              <TerritoryTreeSelect
                id="close-territory"
                value={field.value}
                onChange={field.onChange}
                allowClear={false}
              />
            </Form.Item>
          )}
        />
        <Controller
          control={control}
          name="note"
          render={({ field }) => (
            <Form.Item label={t("period_closes.fields.note")} htmlFor="close-note">
              <Input.TextArea id="close-note" rows={2} maxLength={1000} {...field} />
            </Form.Item>
          )}
        />
      </Form>
    </Modal>
  );
}
