// A training topic (001 §6.2): code (fixed once created), names and descriptions in three
// languages, whether new sessions may use it, order. A topic a session names stays.
import { useTranslation } from "react-i18next";
import { LocalizedTextFields, NumberField, SwitchField, TextField } from "../../components/fields";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import type { Tables, TablesInsert } from "../../types/database";

type TopicValues = Pick<
  TablesInsert<"training_topics">,
  | "code"
  | "name_en"
  | "name_es"
  | "name_zh"
  | "description_en"
  | "description_es"
  | "description_zh"
  | "active"
  | "sort_order"
> & { version?: number };

const trimmed = (v: string | undefined) => (v ?? "").trim();

export function TrainingTopicForm({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const form = useResourceForm<Tables<"training_topics">, TopicValues>({
    resource: "training_topics",
    action,
    redirect: "list",
    defaultValues: {
      code: "",
      name_en: "",
      name_es: "",
      name_zh: "",
      description_en: "",
      description_es: "",
      description_zh: "",
      active: true,
      sort_order: 100,
    },
    toPayload: ({ code, ...v }) => {
      const texts = {
        ...v,
        name_en: v.name_en.trim(),
        name_es: trimmed(v.name_es),
        name_zh: trimmed(v.name_zh),
        description_en: trimmed(v.description_en),
        description_es: trimmed(v.description_es),
        description_zh: trimmed(v.description_zh),
      };
      return (action === "create" ? { code, ...texts } : texts) as TopicValues;
    },
  });
  const field = { control: form.control, idPrefix: "training-topic" } as const;
  return (
    <ResourceFormPage form={form} title={t(`training_topics.titles.${action}`)}>
      <TextField
        {...field}
        name="code"
        label={t("training_topics.fields.code")}
        extra={t("app_roles.hints.code")}
        required={t("app_roles.errors.codeRequired")}
        pattern={{ value: /^[a-z][a-z0-9_]{1,39}$/, message: t("app_roles.errors.codeFormat") }}
        disabled={action === "edit"}
      />
      <LocalizedTextFields
        {...field}
        base="name"
        labelOf={(lang) => t(`training_topics.fields.name_${lang}`)}
        required={t("training_topics.errors.name")}
        max={120}
      />
      <LocalizedTextFields
        {...field}
        base="description"
        labelOf={(lang) => t(`training_topics.fields.description_${lang}`)}
        max={2000}
        rows={3}
      />
      <SwitchField {...field} name="active" label={t("training_topics.fields.active")} defaultOn />
      <NumberField
        {...field}
        name="sort_order"
        label={t("training_topics.fields.sort_order")}
        min={0}
        max={10000}
        fallback={100}
        width={160}
      />
    </ResourceFormPage>
  );
}
