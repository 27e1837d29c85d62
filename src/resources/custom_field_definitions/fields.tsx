// Custom field definition form: key, labels, type, options (for selects), required, order.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Checkbox, Form, Space, Table } from "antd";
import { useFieldArray, useWatch, type Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ControlledField } from "../../components/ControlledField";
import { LocalizedTextFields, NumberField, SelectField, SwitchField, TextField } from "../../components/fields";
import { fieldKeyPattern, fieldResources, fieldTypes, isSelectType, type DefinitionFormValues } from "./queries";

export function DefinitionFormFields({
  control,
  mode,
}: {
  control: Control<DefinitionFormValues>;
  mode: "create" | "edit";
}) {
  const { t } = useTranslation();
  const type = useWatch({ control, name: "field_type" });
  const { fields, append, remove } = useFieldArray({ control, name: "options" });
  const field = { control, idPrefix: "cfd" } as const;
  const optionTexts = [
    {
      key: "value",
      title: t("custom_field_definitions.options.value"),
      required: t("custom_field_definitions.errors.optionValue"),
    },
    ...(["en", "es", "zh"] as const).map((lang) => ({
      key: `label_${lang}`,
      title: t(`custom_field_definitions.fields.label_${lang}`),
      required: lang === "en" ? t("app_roles.errors.labelRequired") : undefined,
    })),
  ];
  return (
    <>
      <SelectField
        {...field}
        name="resource"
        label={t("custom_field_definitions.fields.resource")}
        required={t("custom_field_definitions.errors.required", {
          field: t("custom_field_definitions.fields.resource"),
        })}
        disabled={mode === "edit"}
        options={fieldResources.map((r) => ({ value: r, label: t(`${r}.${r}`) }))}
      />
      <TextField
        {...field}
        name="key"
        label={t("custom_field_definitions.fields.key")}
        extra={t("custom_field_definitions.hints.key")}
        required={t("app_roles.errors.codeRequired")}
        pattern={{ value: fieldKeyPattern, message: t("custom_field_definitions.errors.key") }}
        disabled={mode === "edit"}
      />
      <LocalizedTextFields
        {...field}
        base="label"
        labelOf={(lang) => t(`custom_field_definitions.fields.label_${lang}`)}
        required={t("app_roles.errors.labelRequired")}
        max={80}
      />
      <SelectField
        {...field}
        name="field_type"
        label={t("custom_field_definitions.fields.field_type")}
        extra={mode === "edit" ? t("custom_field_definitions.hints.typeFixed") : undefined}
        required={t("custom_field_definitions.errors.required", {
          field: t("custom_field_definitions.fields.field_type"),
        })}
        disabled={mode === "edit"}
        options={fieldTypes.map((ft) => ({ value: ft, label: t(`custom_field_definitions.types.${ft}`) }))}
      />
      {isSelectType(type) && (
        <Form.Item label={t("custom_field_definitions.fields.options")} required>
          <Table
            size="small"
            pagination={false}
            dataSource={fields}
            rowKey="id"
            data-testid="cfd-options"
            columns={[
              ...optionTexts.map(({ key, title, required }) => ({
                key,
                title,
                render: (_: unknown, __: unknown, i: number) => (
                  <TextField
                    control={control}
                    name={`options.${i}.${key}` as `options.${number}.value`}
                    idPrefix={`opt-${i}`}
                    label={null}
                    ariaLabel={title}
                    required={required}
                  />
                ),
              })),
              {
                key: "active",
                title: t("custom_field_definitions.options.active"),
                render: (_, __, i) => (
                  <ControlledField
                    name={`options.${i}.active`}
                    control={control}
                    idPrefix={`opt-${i}`}
                    label={null}
                    render={(f) => (
                      <Checkbox
                        checked={f.value !== false}
                        onChange={(e) => f.onChange(e.target.checked)}
                        aria-label={t("custom_field_definitions.options.active")}
                      />
                    )}
                  />
                ),
              },
              {
                key: "remove",
                title: "",
                render: (_, __, i) => (
                  <Button
                    icon={<DeleteOutlined />}
                    danger
                    size="small"
                    onClick={() => remove(i)}
                    aria-label={t("buttons.delete")}
                    disabled={mode === "edit"}
                  />
                ),
              },
            ]}
          />
          <Button
            icon={<PlusOutlined />}
            onClick={() => append({ value: "", label_en: "", label_es: "", label_zh: "", active: true })}
            style={{ marginTop: 8 }}
            data-testid="cfd-add-option"
          >
            {t("custom_field_definitions.options.add")}
          </Button>
          {mode === "edit" && <div style={{ marginTop: 8 }}>{t("custom_field_definitions.hints.retireOption")}</div>}
        </Form.Item>
      )}
      <Space size="large">
        <SwitchField {...field} name="required" label={t("custom_field_definitions.fields.required")} />
        <SwitchField {...field} name="active" label={t("custom_field_definitions.fields.active")} defaultOn />
        <NumberField
          {...field}
          name="sort_order"
          label={t("custom_field_definitions.fields.sort_order")}
          min={0}
          max={10000}
          fallback={100}
        />
      </Space>
    </>
  );
}
