import { Create } from "../../components/crud";
import { useForm } from "@refinedev/react-hook-form";
import { Form } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { PositionFormFields, toPositionPayload } from "./form";
import { positionSelect, type PositionFormValues, type PositionRow } from "./queries";

export default function PositionsCreate() {
  const { t } = useTranslation();
  const { control, handleSubmit, refineCore, saveButtonProps } = useForm<
    PositionRow,
    { message: string; statusCode: number },
    PositionFormValues
  >({
    refineCoreProps: { resource: "positions", action: "create", redirect: "show", meta: { select: positionSelect } },
    defaultValues: {
      code: "",
      title_en: "",
      title_es: "",
      title_zh: "",
      headcount: 1,
      sort_order: 100,
      responsibilities: [],
    },
    warnWhenUnsavedChanges: true,
  });
  return (
    <Create
      title={<PageTitle>{t("positions.titles.create")}</PageTitle>}
      saveButtonProps={{ ...saveButtonProps, "data-testid": "position-save" } as typeof saveButtonProps}
    >
      <Form
        layout="vertical"
        component="form"
        noValidate
        onFinish={() => void handleSubmit((v) => refineCore.onFinish(toPositionPayload(v)))()}
      >
        <PositionFormFields control={control} mode="create" />
      </Form>
    </Create>
  );
}
