import { Edit } from "../../components/crud";
import { useForm } from "@refinedev/react-hook-form";
import { Form } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import type { ProfileFormValues } from "../me/queries";
import { ProfileFields } from "./form";
import { userSelect, type ProfileRow } from "./queries";

export default function ProfilesEdit() {
  const { t } = useTranslation();
  const {
    control,
    register,
    handleSubmit,
    formState: { errors },
    refineCore,
    saveButtonProps,
  } = useForm<ProfileRow, { message: string; statusCode: number }, ProfileFormValues>({
    refineCoreProps: { resource: "profiles", action: "edit", meta: { select: userSelect }, redirect: "show" },
    warnWhenUnsavedChanges: true,
  });
  const query = refineCore.query;
  return (
    <Edit
      title={<PageTitle>{t("profiles.titles.edit")}</PageTitle>}
      saveButtonProps={{ ...saveButtonProps, "data-testid": "user-save" } as typeof saveButtonProps}
      isLoading={refineCore.formLoading}
      canDelete={false}
    >
      {query?.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Form
        layout="vertical"
        component="form"
        noValidate
        onFinish={() => void handleSubmit((v) => refineCore.onFinish(v))()}
      >
        <input type="hidden" {...register("version", { valueAsNumber: true })} />
        <ProfileFields control={control} errors={errors} />
      </Form>
    </Edit>
  );
}
