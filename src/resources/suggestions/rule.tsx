// Opening a draft rule from an adopted suggestion (HR): the rule's code and category; its
// title and text are the suggestion's, and the suggestion links to it.
import type { Tables } from "../../types/database";
import { useList, useNotification } from "@refinedev/core";
import { useMutation } from "@tanstack/react-query";
import { Button, Form, Modal } from "antd";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "../../components/fields";
import { localizedLabel } from "../../providers/i18n";
import { ruleCodePattern } from "../regulations/fields";
import { openRuleFromSuggestion, type SuggestionRow } from "./queries";

export function RuleFromSuggestion({ row, onOpened }: { row: SuggestionRow; onOpened: (rule: string) => void }) {
  const { t, i18n } = useTranslation();
  const { open } = useNotification();
  const [opening, setOpening] = useState(false);
  const { control, handleSubmit } = useForm<{ code: string; category_id: string | null }>({
    defaultValues: { code: "", category_id: null },
  });
  const { result: categories } = useList<Tables<"regulation_categories">>({
    resource: "regulation_categories",
    pagination: { mode: "off" },
    sorters: [{ field: "sort_order", order: "asc" }],
    queryOptions: { enabled: opening },
  });
  const create = useMutation({
    mutationFn: (v: { code: string; category_id: string | null }) =>
      openRuleFromSuggestion(row.id, v.code, v.category_id ?? ""),
    onSuccess: (rule) => {
      open?.({ type: "success", message: t("suggestions.ruleOpened") });
      setOpening(false);
      onOpened(rule);
    },
    onError: (e: Error) => open?.({ type: "error", message: t("suggestions.failed"), description: e.message }),
  });
  const onFinish = () => void handleSubmit((v) => create.mutate(v))();
  return (
    <>
      <Button type="primary" onClick={() => setOpening(true)}>
        {t("suggestions.openRule")}
      </Button>
      <Modal
        open={opening}
        title={t("suggestions.openRuleTitle")}
        okText={t("suggestions.openRule")}
        onOk={onFinish}
        confirmLoading={create.isPending}
        onCancel={() => setOpening(false)}
        destroyOnHidden
      >
        <Form layout="vertical" component="form" noValidate onFinish={onFinish}>
          <TextField
            control={control}
            name="code"
            idPrefix="suggestion-rule"
            label={t("regulations.fields.code")}
            extra={t("regulations.hints.code")}
            required={t("regulations.errors.codeRequired")}
            pattern={{ value: ruleCodePattern, message: t("regulations.errors.codeFormat") }}
            upperCase
          />
          <SelectField
            control={control}
            name="category_id"
            idPrefix="suggestion-rule"
            label={t("regulations.fields.category_id")}
            required={t("regulations.errors.categoryRequired")}
            search
            options={(categories?.data ?? []).map((c) => ({ value: c.id, label: localizedLabel(c, i18n.language) }))}
          />
        </Form>
      </Modal>
    </>
  );
}
