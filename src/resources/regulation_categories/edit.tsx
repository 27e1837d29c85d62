import { Edit } from "../../components/crud";
import { useForm } from "@refinedev/react-hook-form";
import { Form, Space } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { LadderEditor } from "../../components/rulebook/LadderEditor";
import type { Tables } from "../../types/database";
import { CategoryFormFields, type CategoryFormValues } from "./form";

export default function RegulationCategoriesEdit() {
  const { t } = useTranslation();
  const { control, register, handleSubmit, refineCore, saveButtonProps } = useForm<
    Tables<"regulation_categories">,
    { message: string; statusCode: number },
    CategoryFormValues
  >({
    refineCoreProps: { resource: "regulation_categories", action: "edit", redirect: "list" },
  });
  const query = refineCore.query;
  const id = query?.data?.data?.id;
  return (
    <Edit
      title={<PageTitle>{t("regulation_categories.titles.edit")}</PageTitle>}
      saveButtonProps={saveButtonProps}
      canDelete={false}
    >
      {query?.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Space direction="vertical" style={{ width: "100%" }} size="large">
        <Form
          layout="vertical"
          component="form"
          noValidate
          onFinish={() => void handleSubmit(({ code: _c, ...v }) => refineCore.onFinish(v as CategoryFormValues))()}
        >
          <input type="hidden" {...register("version", { valueAsNumber: true })} />
          <CategoryFormFields control={control} mode="edit" />
        </Form>
        {id && <LadderEditor owner={{ category_id: id }} title={t("regulation_categories.ladder")} />}
      </Space>
    </Edit>
  );
}
