import { Create } from "../../components/crud";
import { useGo, useInvalidate } from "@refinedev/core";
import { Alert, Form } from "antd";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { RegulationFormFields } from "./form";
import { createRegulation, type CreateRegulationInput } from "./queries";

export default function RegulationsCreate() {
  const { t } = useTranslation();
  const go = useGo();
  const invalidate = useInvalidate();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState } = useForm<CreateRegulationInput>({
    defaultValues: {
      code: "",
      category_id: "",
      title_en: "",
      title_es: "",
      title_zh: "",
      body_en: "",
      body_es: "",
      body_zh: "",
      effective_date: null,
      applies_to_all_positions: true,
      positions: [],
    },
  });
  const submit = handleSubmit(async (values) => {
    setError(null);
    const result = await createRegulation({ ...values, code: values.code.trim(), title_en: values.title_en.trim() });
    if (result.error) return setError(result.error.message);
    void invalidate({ resource: "regulations", invalidates: ["list"] });
    go({ to: { resource: "regulations", action: "show", id: result.id! } });
  });
  return (
    <Create
      title={<PageTitle>{t("regulations.titles.create")}</PageTitle>}
      saveButtonProps={{
        onClick: () => void submit(),
        loading: formState.isSubmitting,
        ...({ "data-testid": "rule-save" } as Record<string, string>),
      }}
    >
      {error && (
        <Alert
          type="error"
          role="alert"
          showIcon
          message={error}
          style={{ marginBottom: 16 }}
          data-testid="rule-save-error"
        />
      )}
      <Form layout="vertical" component="form" noValidate onFinish={() => void submit()}>
        <RegulationFormFields control={control} mode="create" />
      </Form>
    </Create>
  );
}
