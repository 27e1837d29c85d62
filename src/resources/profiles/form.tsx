// The login forms. Creating: the admin-users Edge Function creates the Auth user (the service
// key stays on the server), then assigns the roles as the signed-in HR person; a field the
// function names in its error is marked on that field. Editing: the profile (name, language).
import { useInvalidate } from "@refinedev/core";
import { Alert, Form } from "antd";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Create } from "../../components/crud";
import { PageTitle } from "../../components/PageTitle";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import type { ProfileFormValues } from "../me/queries";
import { ProfileFields } from "./fields";
import { NewLoginCreated, NewLoginFields, type NewLoginValues } from "./new-login";
import { callAdminUsers, userSelect, type AdminUsersResult, type ProfileRow } from "./queries";

export function ProfileForm({ action }: { action: FormAction }) {
  return action === "create" ? <NewLoginForm /> : <ProfileEditForm />;
}

function ProfileEditForm() {
  const { t } = useTranslation();
  const form = useResourceForm<ProfileRow, ProfileFormValues>({
    resource: "profiles",
    action: "edit",
    meta: { select: userSelect },
  });
  return (
    <ResourceFormPage form={form} title={t("profiles.titles.edit")} saveTestId="user-save">
      <ProfileFields control={form.control} errors={form.formState.errors} />
    </ResourceFormPage>
  );
}

function NewLoginForm() {
  const { t } = useTranslation();
  const invalidate = useInvalidate();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<AdminUsersResult | null>(null);
  const {
    control,
    handleSubmit,
    watch,
    setError: setFieldError,
    formState,
  } = useForm<NewLoginValues>({
    defaultValues: { email: "", full_name: "", roles: [], mode: "invite", password: "" },
  });
  const submit = handleSubmit(async (values) => {
    setError(null);
    const result = await callAdminUsers({
      action: "create",
      email: values.email.trim(),
      full_name: values.full_name.trim(),
      roles: values.roles,
      ...(values.mode === "password" ? { password: values.password } : {}),
    });
    if (result.error) {
      const field = result.error.field as keyof NewLoginValues | undefined;
      if (field && field in values) setFieldError(field, { message: result.error.serverMessage });
      else setError(result.error.message);
      return;
    }
    void invalidate({ resource: "profiles", invalidates: ["list"] });
    setCreated(result.data ?? null);
  });
  const title = <PageTitle>{t("profiles.titles.create")}</PageTitle>;
  if (created) {
    return (
      <Create title={title} footerButtons={() => null}>
        <NewLoginCreated created={created} />
      </Create>
    );
  }
  return (
    <Create
      title={title}
      saveButtonProps={{
        onClick: () => void submit(),
        loading: formState.isSubmitting,
        ...({ "data-testid": "user-create-save" } as Record<string, string>),
      }}
    >
      {error && (
        <Alert
          type="error"
          role="alert"
          showIcon
          message={error}
          style={{ marginBottom: 16 }}
          data-testid="user-create-error"
        />
      )}
      <Form layout="vertical" component="form" noValidate onFinish={() => void submit()}>
        <NewLoginFields control={control} mode={watch("mode")} />
      </Form>
    </Create>
  );
}
