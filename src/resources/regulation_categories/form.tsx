// The rule category form: owns the form state; the code is fixed once created. Editing also
// shows the category's sanction ladder, which saves on its own.
import { useTranslation } from "react-i18next";
import { LadderEditor } from "../../components/rulebook/LadderEditor";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import type { Tables } from "../../types/database";
import { CategoryFormFields, type CategoryFormValues } from "./fields";

export function CategoryForm({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const form = useResourceForm<Tables<"regulation_categories">, CategoryFormValues>({
    resource: "regulation_categories",
    action,
    redirect: action === "create" ? "edit" : "list",
    defaultValues: { code: "", label_en: "", label_es: "", label_zh: "", sort_order: 100 },
    toPayload: (values) => {
      if (action === "create") return values;
      const { code: _code, ...rest } = values;
      return rest as CategoryFormValues;
    },
  });
  const id = form.stored?.id;
  return (
    <ResourceFormPage
      form={form}
      title={t(`regulation_categories.titles.${action}`)}
      after={id && <LadderEditor owner={{ category_id: id }} title={t("regulation_categories.ladder")} />}
    >
      <CategoryFormFields control={form.control} mode={action} />
    </ResourceFormPage>
  );
}
