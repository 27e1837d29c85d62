// Submitting a suggestion: title, text and area, and whether only HR may see who wrote it. It
// mirrors the database's checks (title 3-200 characters, text 10-10,000); the database sets the
// author, their territory and the status.
import { useNotification } from "@refinedev/core";
import { useMutation } from "@tanstack/react-query";
import { Alert, Form } from "antd";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Create } from "../../components/crud";
import { SelectField, SwitchField, TextField } from "../../components/fields";
import { PageTitle } from "../../components/PageTitle";
import { suggestionAreas, suggestionDefaults, submitSuggestion, type SuggestionValues } from "./queries";

export function SuggestionForm() {
  const { t } = useTranslation();
  const { open } = useNotification();
  const navigate = useNavigate();
  const { control, handleSubmit, watch } = useForm<SuggestionValues>({ defaultValues: suggestionDefaults });
  const submit = useMutation({
    mutationFn: submitSuggestion,
    onSuccess: (id) => {
      open?.({ type: "success", message: t("suggestions.submitted") });
      void navigate(`/suggestions/show/${id}`);
    },
    onError: (e: Error) => open?.({ type: "error", message: t("suggestions.failed"), description: e.message }),
  });
  const field = { control, idPrefix: "suggestion" } as const;
  const onFinish = () => void handleSubmit((v) => submit.mutate(v))();
  return (
    <Create
      title={<PageTitle>{t("suggestions.titles.create")}</PageTitle>}
      saveButtonProps={{ onClick: onFinish, loading: submit.isPending, children: t("suggestions.submit") }}
    >
      <Form layout="vertical" component="form" noValidate onFinish={onFinish}>
        <TextField
          {...field}
          name="title"
          label={t("suggestions.fields.title")}
          required={t("suggestions.errors.title")}
          pattern={{ value: /^\s*\S.{1,198}\S\s*$/s, message: t("suggestions.errors.title") }}
          max={200}
        />
        <TextField
          {...field}
          name="body"
          label={t("suggestions.fields.body")}
          required={t("suggestions.errors.body")}
          pattern={{ value: /^\s*\S[\s\S]{8,}\S\s*$/, message: t("suggestions.errors.body") }}
          max={10000}
          rows={8}
        />
        <SelectField
          {...field}
          name="area"
          label={t("suggestions.fields.area")}
          required={t("suggestions.errors.area")}
          options={suggestionAreas.map((a) => ({ value: a, label: t(`suggestions.area.${a}`) }))}
        />
        <SwitchField {...field} name="hide_author" label={t("suggestions.fields.hide_author")} />
        {watch("hide_author") && (
          <Alert type="info" showIcon message={t("suggestions.hiddenExplained")} style={{ marginBottom: 16 }} />
        )}
      </Form>
    </Create>
  );
}
