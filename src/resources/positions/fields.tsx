// Fields of the position form: titles in three languages, reports-to, usual app role,
// headcount, and the ordered list of written responsibilities.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useList } from "@refinedev/core";
import { Button, Card, Form, Input, InputNumber, Select, Space, Typography } from "antd";
import { useFieldArray, type Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ControlledField } from "../../components/ControlledField";
import { localizedLabel } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import { positionCodePattern, type PositionFormValues, type PositionRow } from "./queries";
import { positionTitle } from "./queries";

export function PositionFormFields({
  control,
  mode,
  selfId,
}: {
  control: Control<PositionFormValues>;
  mode: "create" | "edit";
  selfId?: string;
}) {
  const { t, i18n } = useTranslation();
  const { result: positions } = useList<PositionRow>({
    resource: "positions",
    pagination: { mode: "off" },
    sorters: [{ field: "sort_order", order: "asc" }],
  });
  const { result: roles } = useList<Tables<"app_roles">>({
    resource: "app_roles",
    pagination: { mode: "off" },
    meta: { idColumnName: "code" },
  });
  const { fields, append, remove, move } = useFieldArray({ control, name: "responsibilities" });
  return (
    <>
      <ControlledField
        name="code"
        control={control}
        idPrefix="position"
        required
        label={t("positions.fields.code")}
        extra={t("app_roles.hints.code")}
        rules={{
          required: t("app_roles.errors.codeRequired"),
          pattern: { value: positionCodePattern, message: t("app_roles.errors.codeFormat") },
        }}
        render={(field) => <Input {...field} value={field.value ?? ""} disabled={mode === "edit"} autoComplete="off" />}
      />
      <ControlledField
        name="title_en"
        control={control}
        idPrefix="position"
        required
        label={t("positions.fields.title_en")}
        rules={{
          validate: (v) => (v ?? "").trim().length > 0 || t("positions.errors.titleRequired"),
          maxLength: { value: 120, message: t("staff.errors.tooLong", { count: 120 }) },
        }}
        render={(field) => <Input {...field} value={field.value ?? ""} lang="en" />}
      />
      <ControlledField
        name="title_es"
        control={control}
        idPrefix="position"
        label={t("positions.fields.title_es")}
        extra={t("positions.hints.fallback")}
        rules={{ maxLength: { value: 120, message: t("staff.errors.tooLong", { count: 120 }) } }}
        render={(field) => <Input {...field} value={field.value ?? ""} lang="es" />}
      />
      <ControlledField
        name="title_zh"
        control={control}
        idPrefix="position"
        label={t("positions.fields.title_zh")}
        extra={t("positions.hints.fallback")}
        rules={{ maxLength: { value: 120, message: t("staff.errors.tooLong", { count: 120 }) } }}
        render={(field) => <Input {...field} value={field.value ?? ""} lang="zh-CN" />}
      />
      <ControlledField
        name="parent_id"
        control={control}
        idPrefix="position"
        label={t("positions.fields.parent_id")}
        render={(field) => (
          <Select
            {...field}
            value={field.value ?? undefined}
            allowClear
            showSearch
            optionFilterProp="label"
            options={(positions?.data ?? [])
              .filter((p) => p.id !== selfId)
              .map((p) => ({ value: p.id, label: positionTitle(p, i18n.language) }))}
          />
        )}
      />
      <ControlledField
        name="default_role_code"
        control={control}
        idPrefix="position"
        label={t("positions.fields.default_role_code")}
        render={(field) => (
          <Select
            {...field}
            value={field.value ?? undefined}
            allowClear
            options={(roles?.data ?? []).map((r) => ({ value: r.code, label: localizedLabel(r, i18n.language) }))}
          />
        )}
      />
      <ControlledField
        name="headcount"
        control={control}
        idPrefix="position"
        required
        label={t("positions.fields.headcount")}
        rules={{
          required: t("positions.errors.headcount"),
          min: { value: 0, message: t("positions.errors.headcount") },
          max: { value: 10000, message: t("positions.errors.headcount") },
        }}
        render={(field) => (
          <InputNumber {...field} value={field.value ?? 1} min={0} max={10000} precision={0} style={{ width: 160 }} />
        )}
      />
      <Form.Item label={t("positions.fields.responsibilities")}>
        <Space direction="vertical" style={{ width: "100%" }} data-testid="responsibilities">
          {fields.length === 0 && (
            <Typography.Text type="secondary">{t("positions.noResponsibilities")}</Typography.Text>
          )}
          {fields.map((item, index) => (
            <Card
              key={item.id}
              size="small"
              title={`${index + 1}.`}
              extra={
                <Space>
                  <Button
                    size="small"
                    icon={<ArrowUpOutlined />}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                    aria-label={t("positions.moveUp")}
                  />
                  <Button
                    size="small"
                    icon={<ArrowDownOutlined />}
                    disabled={index === fields.length - 1}
                    onClick={() => move(index, index + 1)}
                    aria-label={t("positions.moveDown")}
                  />
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(index)}
                    aria-label={t("positions.removeResponsibility")}
                  />
                </Space>
              }
            >
              <ControlledField
                name={`responsibilities.${index}.en`}
                control={control}
                idPrefix={`resp-${index}`}
                required
                label={t("positions.languages.en")}
                rules={{
                  validate: (v) => (v ?? "").trim().length > 0 || t("positions.errors.responsibilityRequired"),
                  maxLength: { value: 1000, message: t("staff.errors.tooLong", { count: 1000 }) },
                }}
                render={(field) => <Input.TextArea {...field} value={field.value ?? ""} rows={2} lang="en" />}
              />
              <ControlledField
                name={`responsibilities.${index}.es`}
                control={control}
                idPrefix={`resp-${index}`}
                label={t("positions.languages.es")}
                rules={{ maxLength: { value: 1000, message: t("staff.errors.tooLong", { count: 1000 }) } }}
                render={(field) => <Input.TextArea {...field} value={field.value ?? ""} rows={2} lang="es" />}
              />
              <ControlledField
                name={`responsibilities.${index}.zh`}
                control={control}
                idPrefix={`resp-${index}`}
                label={t("positions.languages.zh")}
                rules={{ maxLength: { value: 1000, message: t("staff.errors.tooLong", { count: 1000 }) } }}
                render={(field) => <Input.TextArea {...field} value={field.value ?? ""} rows={2} lang="zh-CN" />}
              />
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => append({ en: "", es: "", zh: "" })}
            data-testid="add-responsibility"
          >
            {t("positions.addResponsibility")}
          </Button>
        </Space>
      </Form.Item>
    </>
  );
}

/** Trims responsibilities and drops empty translations before saving. */
