// Custom field definition form: key, labels, type, options (for selects), required, order.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Checkbox, Form, Input, InputNumber, Select, Space, Switch, Table } from "antd";
import { useFieldArray, useWatch, type Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ControlledField } from "../../components/ControlledField";
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
  const labelRules = { maxLength: { value: 80, message: t("staff.errors.tooLong", { count: 80 }) } };
  return (
    <>
      <ControlledField
        name="resource"
        control={control}
        idPrefix="cfd"
        required
        label={t("custom_field_definitions.fields.resource")}
        render={(field) => (
          <Select
            {...field}
            disabled={mode === "edit"}
            options={fieldResources.map((r) => ({ value: r, label: t(`${r}.${r}`) }))}
          />
        )}
      />
      <ControlledField
        name="key"
        control={control}
        idPrefix="cfd"
        required
        label={t("custom_field_definitions.fields.key")}
        extra={t("custom_field_definitions.hints.key")}
        rules={{
          required: t("app_roles.errors.codeRequired"),
          pattern: { value: fieldKeyPattern, message: t("custom_field_definitions.errors.key") },
        }}
        render={(field) => <Input {...field} value={field.value ?? ""} disabled={mode === "edit"} autoComplete="off" />}
      />
      <ControlledField
        name="label_en"
        control={control}
        idPrefix="cfd"
        required
        label={t("custom_field_definitions.fields.label_en")}
        rules={{ ...labelRules, validate: (v) => (v ?? "").trim().length > 0 || t("app_roles.errors.labelRequired") }}
        render={(field) => <Input {...field} value={field.value ?? ""} lang="en" />}
      />
      <ControlledField
        name="label_es"
        control={control}
        idPrefix="cfd"
        label={t("custom_field_definitions.fields.label_es")}
        rules={labelRules}
        render={(field) => <Input {...field} value={field.value ?? ""} lang="es" />}
      />
      <ControlledField
        name="label_zh"
        control={control}
        idPrefix="cfd"
        label={t("custom_field_definitions.fields.label_zh")}
        rules={labelRules}
        render={(field) => <Input {...field} value={field.value ?? ""} lang="zh-CN" />}
      />
      <ControlledField
        name="field_type"
        control={control}
        idPrefix="cfd"
        required
        label={t("custom_field_definitions.fields.field_type")}
        extra={mode === "edit" ? t("custom_field_definitions.hints.typeFixed") : undefined}
        render={(field) => (
          <Select
            {...field}
            disabled={mode === "edit"}
            options={fieldTypes.map((ft) => ({ value: ft, label: t(`custom_field_definitions.types.${ft}`) }))}
          />
        )}
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
              {
                key: "value",
                title: t("custom_field_definitions.options.value"),
                render: (_, __, i) => (
                  <ControlledField
                    name={`options.${i}.value`}
                    control={control}
                    idPrefix={`opt-${i}`}
                    label={null}
                    rules={{
                      validate: (v) => (v ?? "").trim().length > 0 || t("custom_field_definitions.errors.optionValue"),
                    }}
                    render={(f) => (
                      <Input {...f} value={f.value ?? ""} aria-label={t("custom_field_definitions.options.value")} />
                    )}
                  />
                ),
              },
              {
                key: "label_en",
                title: t("custom_field_definitions.fields.label_en"),
                render: (_, __, i) => (
                  <ControlledField
                    name={`options.${i}.label_en`}
                    control={control}
                    idPrefix={`opt-${i}`}
                    label={null}
                    rules={{ validate: (v) => (v ?? "").trim().length > 0 || t("app_roles.errors.labelRequired") }}
                    render={(f) => (
                      <Input {...f} value={f.value ?? ""} aria-label={t("custom_field_definitions.fields.label_en")} />
                    )}
                  />
                ),
              },
              {
                key: "label_es",
                title: t("custom_field_definitions.fields.label_es"),
                render: (_, __, i) => (
                  <ControlledField
                    name={`options.${i}.label_es`}
                    control={control}
                    idPrefix={`opt-${i}`}
                    label={null}
                    render={(f) => (
                      <Input {...f} value={f.value ?? ""} aria-label={t("custom_field_definitions.fields.label_es")} />
                    )}
                  />
                ),
              },
              {
                key: "label_zh",
                title: t("custom_field_definitions.fields.label_zh"),
                render: (_, __, i) => (
                  <ControlledField
                    name={`options.${i}.label_zh`}
                    control={control}
                    idPrefix={`opt-${i}`}
                    label={null}
                    render={(f) => (
                      <Input {...f} value={f.value ?? ""} aria-label={t("custom_field_definitions.fields.label_zh")} />
                    )}
                  />
                ),
              },
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
        <ControlledField
          name="required"
          control={control}
          idPrefix="cfd"
          label={t("custom_field_definitions.fields.required")}
          render={(field) => (
            <Switch
              checked={Boolean(field.value)}
              onChange={field.onChange}
              id={field.id}
              data-testid={field["data-testid"]}
            />
          )}
        />
        <ControlledField
          name="active"
          control={control}
          idPrefix="cfd"
          label={t("custom_field_definitions.fields.active")}
          render={(field) => (
            <Switch
              checked={field.value !== false}
              onChange={field.onChange}
              id={field.id}
              data-testid={field["data-testid"]}
            />
          )}
        />
        <ControlledField
          name="sort_order"
          control={control}
          idPrefix="cfd"
          label={t("custom_field_definitions.fields.sort_order")}
          render={(field) => <InputNumber {...field} value={field.value ?? 100} min={0} max={10000} precision={0} />}
        />
      </Space>
    </>
  );
}
