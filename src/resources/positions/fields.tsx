// Fields of the position form: titles in three languages, reports-to, usual app role,
// headcount, and the ordered list of written responsibilities.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useList } from "@refinedev/core";
import { Button, Card, Form, Space, Typography } from "antd";
import { useFieldArray, type Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { LocalizedTextFields, NumberField, SelectField, TextField } from "../../components/fields";
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
      <TextField
        control={control}
        name="code"
        idPrefix="position"
        label={t("positions.fields.code")}
        extra={t("app_roles.hints.code")}
        required={t("app_roles.errors.codeRequired")}
        pattern={{ value: positionCodePattern, message: t("app_roles.errors.codeFormat") }}
        disabled={mode === "edit"}
      />
      <LocalizedTextFields
        control={control}
        base="title"
        idPrefix="position"
        labelOf={(lang) => t(`positions.fields.title_${lang}`)}
        required={t("positions.errors.titleRequired")}
        extra={t("positions.hints.fallback")}
        max={120}
      />
      <SelectField
        control={control}
        name="parent_id"
        idPrefix="position"
        label={t("positions.fields.parent_id")}
        search
        options={(positions?.data ?? [])
          .filter((p) => p.id !== selfId)
          .map((p) => ({ value: p.id, label: positionTitle(p, i18n.language) }))}
      />
      <SelectField
        control={control}
        name="default_role_code"
        idPrefix="position"
        label={t("positions.fields.default_role_code")}
        options={(roles?.data ?? []).map((r) => ({ value: r.code, label: localizedLabel(r, i18n.language) }))}
      />
      <NumberField
        control={control}
        name="headcount"
        idPrefix="position"
        label={t("positions.fields.headcount")}
        required={t("positions.errors.headcount")}
        min={0}
        max={10000}
        fallback={1}
        width={160}
      />
      <NumberField
        control={control}
        name="max_discount_percent"
        idPrefix="position"
        label={t("positions.fields.max_discount_percent")}
        extra={t("positions.hints.max_discount_percent")}
        required={t("positions.errors.max_discount_percent")}
        min={0}
        max={100}
        precision={2}
        fallback={0}
        width={160}
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
              <LocalizedTextFields
                control={control}
                base={`responsibilities.${index}`}
                separator="."
                idPrefix={`resp-${index}`}
                labelOf={(lang) => t(`positions.languages.${lang}`)}
                required={t("positions.errors.responsibilityRequired")}
                max={1000}
                rows={2}
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
