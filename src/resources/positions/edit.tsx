import { Edit } from "../../components/crud";
import { useForm } from "@refinedev/react-hook-form";
import { Form } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { PositionFormFields, toPositionPayload } from "./form";
import { positionSelect, type PositionFormValues, type PositionRow } from "./queries";

export default function PositionsEdit() {
  const { t } = useTranslation();
  const { control, register, handleSubmit, refineCore, saveButtonProps } = useForm<
    PositionRow,
    { message: string; statusCode: number },
    PositionFormValues
  >({
    refineCoreProps: { resource: "positions", action: "edit", redirect: "show", meta: { select: positionSelect } },
    warnWhenUnsavedChanges: true,
  });
  const query = refineCore.query;
  return (
    <Edit
      title={<PageTitle>{t("positions.titles.edit")}</PageTitle>}
      saveButtonProps={{ ...saveButtonProps, "data-testid": "position-save" } as typeof saveButtonProps}
      isLoading={refineCore.formLoading}
    >
      {query?.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Form
        layout="vertical"
        component="form"
        noValidate
        onFinish={() =>
          void handleSubmit((v) => {
            const { code: _code, ...payload } = toPositionPayload(v);
            return refineCore.onFinish(payload as PositionFormValues);
          })()
        }
      >
        <input type="hidden" {...register("version", { valueAsNumber: true })} />
        <PositionFormFields control={control} mode="edit" selfId={query?.data?.data?.id} />
      </Form>
    </Edit>
  );
}
