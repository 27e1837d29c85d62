import { Create } from "../../components/crud";
import { useForm } from "@refinedev/react-hook-form";
import { Form } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import type { Tables } from "../../types/database";
import { CategoryFormFields, type CategoryFormValues } from "./form";

export default function RegulationCategoriesCreate() {
  const { t } = useTranslation();
  const { control, handleSubmit, refineCore, saveButtonProps } = useForm<
    Tables<"regulation_categories">,
    { message: string; statusCode: number },
    CategoryFormValues
  >({
    refineCoreProps: { resource: "regulation_categories", action: "create", redirect: "edit" },
    defaultValues: { code: "", label_en: "", label_es: "", label_zh: "", sort_order: 100 },
  });
  return (
    <Create title={<PageTitle>{t("regulation_categories.titles.create")}</PageTitle>} saveButtonProps={saveButtonProps}>
      <Form
        layout="vertical"
        component="form"
        noValidate
        onFinish={() => void handleSubmit((v) => refineCore.onFinish(v))()}
      >
        <CategoryFormFields control={control} mode="create" />
      </Form>
    </Create>
  );
}
