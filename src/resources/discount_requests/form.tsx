// Asking for a discount: the customer (one's own territory's), the list price, the discount
// asked and why. It mirrors the database's checks (a price above 0, a discount above 0 and at
// most 100%, a reason of 3 to 1,000 characters).
import { Form, Input, InputNumber, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { FieldItem } from "../../components/FieldItem";
import { formatMoney } from "../../utils/format";
import { useCustomerOptions } from "../customers/hooks";
import { discountAmount, type DiscountRequestValues } from "./queries";

export function DiscountRequestForm({
  pending,
  onSubmit,
  onCancel,
}: {
  pending: boolean;
  onSubmit: (v: DiscountRequestValues) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState("");
  const { control, handleSubmit, watch } = useForm<DiscountRequestValues>({
    defaultValues: { customer_id: null, list_price: null, discount_percent: null, reason: "" },
  });
  const { options: customers } = useCustomerOptions(search, watch("customer_id"));
  const price = watch("list_price");
  const percent = watch("discount_percent");
  const save = handleSubmit(onSubmit);
  return (
    <Modal
      open
      title={t("discount_requests.ask")}
      okText={t("discount_requests.ask")}
      cancelText={t("buttons.cancel")}
      onOk={() => void save()}
      onCancel={onCancel}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form layout="vertical" component="form" noValidate onFinish={() => void save()}>
        <Controller
          control={control}
          name="customer_id"
          rules={{ required: t("discount_requests.errors.customer") }}
          render={({ field, fieldState }) => (
            <FieldItem
              id="discount-customer_id"
              label={t("discount_requests.fields.customer_id")}
              error={fieldState.error?.message}
            >
              <Select
                id="discount-customer_id"
                showSearch
                filterOption={false}
                onSearch={setSearch}
                options={customers}
                value={field.value ?? undefined}
                onChange={field.onChange}
              />
            </FieldItem>
          )}
        />
        <Controller
          control={control}
          name="list_price"
          rules={{ validate: (v) => (v !== null && v > 0) || t("discount_requests.errors.price") }}
          render={({ field, fieldState }) => (
            <FieldItem
              id="discount-list_price"
              label={t("discount_requests.fields.list_price")}
              error={fieldState.error?.message}
            >
              <InputNumber
                id="discount-list_price"
                min={0.01}
                max={999999999999}
                precision={2}
                value={field.value}
                onChange={(v) => field.onChange(v ?? null)}
                style={{ width: 200 }}
              />
            </FieldItem>
          )}
        />
        <Controller
          control={control}
          name="discount_percent"
          rules={{
            validate: (v) => (v !== null && v > 0 && v <= 100) || t("discount_requests.errors.percent"),
          }}
          render={({ field, fieldState }) => (
            <FieldItem
              id="discount-discount_percent"
              label={t("discount_requests.fields.discount_percent")}
              error={fieldState.error?.message}
            >
              <InputNumber
                id="discount-discount_percent"
                min={0.01}
                max={100}
                precision={2}
                addonAfter="%"
                value={field.value}
                onChange={(v) => field.onChange(v ?? null)}
                style={{ width: 200 }}
              />
            </FieldItem>
          )}
        />
        {price !== null && price > 0 && percent !== null && percent > 0 && percent <= 100 && (
          <Typography.Paragraph type="secondary">
            {t("discount_requests.amountOff", { amount: formatMoney(discountAmount(price, percent), i18n.language) })}
          </Typography.Paragraph>
        )}
        <Controller
          control={control}
          name="reason"
          rules={{
            validate: (v) => (v.trim().length >= 3 && v.length <= 1000) || t("discount_requests.errors.reason"),
          }}
          render={({ field, fieldState }) => (
            <FieldItem
              id="discount-reason"
              label={t("discount_requests.fields.reason")}
              error={fieldState.error?.message}
            >
              <Input.TextArea id="discount-reason" rows={3} maxLength={1000} {...field} />
            </FieldItem>
          )}
        />
      </Form>
    </Modal>
  );
}
