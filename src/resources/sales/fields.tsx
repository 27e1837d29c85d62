// Fields of a sale, mirroring the database: amounts of at most two decimals and never
// negative, a discount between 0 and 100 percent that names who granted it.
import dayjs from "dayjs";
import { useWatch, type Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { DateField, NumberField, SelectField, TextField } from "../../components/fields";
import { CustomerField } from "../customers/pickers";
import { usePeople, useProductLines } from "../customers/hooks";
import type { SaleFormValues } from "./queries";

export function SaleFormFields({ control }: { control: Control<SaleFormValues> }) {
  const { t } = useTranslation();
  const { options: lines } = useProductLines();
  const { options: people } = usePeople();
  const discount = Number(useWatch({ control, name: "discount_percent" }) ?? 0);
  const field = { control, idPrefix: "sale" } as const;
  const required = (key: string) => t("sales.errors.required", { field: t(`sales.fields.${key}`) });
  return (
    <>
      <SelectField
        {...field}
        name="document"
        label={t("sales.fields.document")}
        required={required("document")}
        options={(["invoice", "order"] as const).map((d) => ({ value: d, label: t(`sales.documents.${d}`) }))}
      />
      <DateField
        {...field}
        name="sale_date"
        label={t("sales.fields.sale_date")}
        required={required("sale_date")}
        disabledDate={(d) => d.isAfter(dayjs(), "day")}
      />
      <CustomerField
        {...field}
        name="customer_id"
        label={t("sales.fields.customer_id")}
        required={required("customer_id")}
      />
      <SelectField
        {...field}
        name="product_line_id"
        label={t("sales.fields.product_line_id")}
        required={required("product_line_id")}
        options={lines}
      />
      <NumberField
        {...field}
        name="quantity"
        label={t("sales.fields.quantity")}
        min={0.001}
        max={1e11}
        precision={3}
        fallback={null}
        required={t("sales.errors.quantity")}
        width={200}
      />
      <NumberField
        {...field}
        name="amount"
        label={t("sales.fields.amount")}
        min={0}
        max={1e12}
        precision={2}
        fallback={null}
        required={t("sales.errors.amount")}
        width={200}
      />
      <NumberField
        {...field}
        name="cost"
        label={t("sales.fields.cost")}
        min={0}
        max={1e12}
        precision={2}
        fallback={null}
        required={t("sales.errors.amount")}
        width={200}
      />
      <NumberField
        {...field}
        name="discount_percent"
        label={t("sales.fields.discount_percent")}
        min={0}
        max={100}
        precision={2}
        fallback={null}
        required={t("sales.errors.discount")}
        width={200}
      />
      {discount > 0 && (
        <SelectField
          {...field}
          name="discount_granted_by"
          label={t("sales.fields.discount_granted_by")}
          required={t("sales.errors.grantor")}
          options={people}
          search
        />
      )}
      <TextField
        {...field}
        name="external_id"
        label={t("sales.fields.external_id")}
        extra={t("sales.hints.external_id")}
        max={64}
      />
    </>
  );
}
