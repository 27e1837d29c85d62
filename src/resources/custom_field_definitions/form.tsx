// The custom field form: owns the form state and shapes what is saved (trimmed labels, options
// only for select fields); resource, key and type are fixed once created.
import { useTranslation } from "react-i18next";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import { DefinitionFormFields } from "./fields";
import { isSelectType, type DefinitionFormValues, type DefinitionRow } from "./queries";

export function toDefinitionPayload(v: DefinitionFormValues): DefinitionFormValues {
  return {
    ...v,
    key: v.key.trim(),
    label_en: v.label_en.trim(),
    label_es: (v.label_es ?? "").trim(),
    label_zh: (v.label_zh ?? "").trim(),
    options: isSelectType(v.field_type)
      ? v.options.map((o) => ({
          value: o.value.trim(),
          label_en: o.label_en.trim(),
          label_es: (o.label_es ?? "").trim(),
          label_zh: (o.label_zh ?? "").trim(),
          active: o.active !== false,
        }))
      : [],
  };
}

export function DefinitionForm({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const form = useResourceForm<DefinitionRow, DefinitionFormValues>({
    resource: "custom_field_definitions",
    action,
    redirect: "list",
    defaultValues: {
      resource: "staff",
      key: "",
      label_en: "",
      label_es: "",
      label_zh: "",
      field_type: "text",
      options: [],
      required: false,
      active: true,
      sort_order: 100,
    },
    toPayload: (values) => {
      const payload = toDefinitionPayload(values);
      if (action === "create") return payload;
      const { resource: _r, key: _k, field_type: _f, ...rest } = payload;
      return rest as DefinitionFormValues;
    },
  });
  return (
    <ResourceFormPage
      form={form}
      title={t(`custom_field_definitions.titles.${action}`)}
      saveTestId="cfd-save"
      canDelete
    >
      <DefinitionFormFields control={form.control} mode={action} />
    </ResourceFormPage>
  );
}
