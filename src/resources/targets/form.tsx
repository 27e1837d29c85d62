// Editing one line of the targets grid: a person's twelve months, or a territory's override.
// While typing it shows the year's total and what the territory above then adds up to (or,
// for an overridden territory, how far it is from what its people and territories add up to).
// The database keeps the roll-up and refuses what does not add up; this only shows it early.
import { useInvalidate, useUpdate } from "@refinedev/core";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Checkbox, Form, Input, InputNumber, Modal, Space, Typography } from "antd";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import {
  childrenMonths,
  monthIndexes,
  monthsOf,
  parentAfterEdit,
  yearOf,
  type Months,
  type TargetNode,
} from "./queries";

interface Values {
  months: Months;
  overridden: boolean;
  override_reason: string;
}

export function TargetEditor({
  node,
  parent,
  childrenRead,
  format,
  onClose,
}: {
  node: TargetNode;
  parent: TargetNode | null;
  /** Whether the line's children are read (a territory opened for editing reads its level first). */
  childrenRead: boolean;
  format: (v: number | null) => string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const invalidate = useInvalidate();
  const queryClient = useQueryClient();
  const { mutate, mutation } = useUpdate();
  const row = node.row!;
  const isTerritory = node.kind === "territory";
  const { control, handleSubmit, formState } = useForm<Values>({
    defaultValues: {
      months: monthsOf(row),
      overridden: Boolean(row.overridden),
      override_reason: row.override_reason ?? "",
    },
  });
  const [months, overridden] = useWatch({ control, name: ["months", "overridden"] });
  const editable = !isTerritory || overridden;
  const monthName = (i: number) => new Date(2000, i, 1).toLocaleDateString(i18n.language, { month: "long" });
  const save = handleSubmit((v) =>
    mutate(
      {
        resource: "targets",
        id: row.id,
        values: isTerritory
          ? {
              version: row.version,
              overridden: v.overridden,
              override_reason: v.overridden ? v.override_reason.trim() : "",
              months: v.overridden ? v.months : undefined,
            }
          : { version: row.version, months: v.months },
        successNotification: () => ({ type: "success", message: t("targets.saved") }),
      },
      {
        onSuccess: () => {
          void invalidate({ resource: "target_totals", invalidates: ["list"] });
          void queryClient.invalidateQueries({ queryKey: ["target_grid"] });
          onClose();
        },
      },
    ),
  );
  const total = yearOf(months);
  const parentInfo = !isTerritory && parent?.row ? parentAfterEdit(parent, node.key, months) : null;
  const children = isTerritory ? yearOf(childrenMonths(node)) : 0;
  return (
    <Modal
      open
      title={t("targets.editTitle", { name: node.label })}
      okText={t("buttons.save")}
      cancelText={t("buttons.cancel")}
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      width={720}
      destroyOnHidden
    >
      <Form layout="vertical" component="form" noValidate onFinish={() => void save()}>
        {isTerritory && (
          <>
            <Controller
              control={control}
              name="overridden"
              render={({ field }) => (
                <Form.Item>
                  <Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)}>
                    {t("targets.override")}
                  </Checkbox>
                </Form.Item>
              )}
            />
            {overridden ? (
              <Controller
                control={control}
                name="override_reason"
                rules={{
                  validate: (v) => v.trim().length >= 3 || t("targets.errors.reason"),
                }}
                render={({ field, fieldState }) => (
                  <Form.Item
                    label={t("targets.fields.override_reason")}
                    htmlFor="target-override-reason"
                    required
                    validateStatus={fieldState.error ? "error" : undefined}
                    help={fieldState.error?.message}
                  >
                    <Input.TextArea id="target-override-reason" rows={2} maxLength={500} {...field} />
                  </Form.Item>
                )}
              />
            ) : (
              <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t("targets.followsChildren")} />
            )}
          </>
        )}
        <Space wrap size={[12, 0]}>
          {monthIndexes.map((i) => (
            <Controller
              key={i}
              control={control}
              name={`months.${i}`}
              rules={{ validate: (v) => v === null || v >= 0 || t("targets.errors.month") }}
              render={({ field, fieldState }) => (
                <Form.Item
                  label={monthName(i)}
                  htmlFor={`target-month-${i}`}
                  validateStatus={fieldState.error ? "error" : undefined}
                  help={fieldState.error?.message}
                >
                  <InputNumber
                    id={`target-month-${i}`}
                    value={field.value}
                    onChange={(v) => field.onChange(v === null ? (isTerritory ? 0 : null) : Number(v))}
                    onBlur={field.onBlur}
                    min={0}
                    precision={2}
                    disabled={!editable}
                    style={{ width: 140 }}
                  />
                </Form.Item>
              )}
            />
          ))}
        </Space>
        <Typography.Paragraph strong aria-live="polite">
          {t("targets.yearTotal", { total: format(total) })}
        </Typography.Paragraph>
        {parentInfo && parent && (
          <Alert
            type={parentInfo.overridden && parentInfo.after !== parentInfo.now ? "warning" : "info"}
            showIcon
            aria-live="polite"
            message={
              parentInfo.overridden
                ? t("targets.parentOverridden", {
                    territory: parent.label,
                    now: format(parentInfo.now),
                    after: format(parentInfo.after),
                    difference: format(parentInfo.after - parentInfo.now),
                  })
                : t("targets.parentFollows", {
                    territory: parent.label,
                    now: format(parentInfo.now),
                    after: format(parentInfo.after),
                    difference: format(parentInfo.after - parentInfo.now),
                  })
            }
          />
        )}
        {isTerritory && overridden && childrenRead && node.opened && (
          <Alert
            type={total === children ? "info" : "warning"}
            showIcon
            aria-live="polite"
            message={t("targets.overrideDifference", {
              children: format(children),
              difference: format(total - children),
            })}
          />
        )}
        {formState.isSubmitted && !formState.isValid && (
          <Alert type="error" showIcon style={{ marginTop: 12 }} message={t("targets.errors.fix")} />
        )}
      </Form>
    </Modal>
  );
}
