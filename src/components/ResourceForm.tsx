// The one shape of a create or edit page. A resource's form component calls useResourceForm
// (Refine's useForm with the project's defaults and the resource's payload shaping) and
// renders <ResourceFormPage> around its fields; its create.tsx and edit.tsx only choose the
// action. Editing sends the version read with the record: a save over someone else's newer
// save is refused (409) instead of overwriting it.
import type { BaseRecord, MetaQuery, RedirectAction } from "@refinedev/core";
import { useForm } from "@refinedev/react-hook-form";
import { Form } from "antd";
import type { ReactNode } from "react";
import type { DefaultValues, FieldValues, Path } from "react-hook-form";
import { Create, Edit } from "./crud";
import { PageTitle } from "./PageTitle";
import { QueryError } from "./QueryError";

export type FormAction = "create" | "edit";

interface ResourceFormOptions<TRow, TValues> {
  resource: string;
  action: FormAction;
  meta?: MetaQuery;
  /** Where a save lands (default: the record's page). */
  redirect?: RedirectAction;
  /** A new record's starting values (create only). */
  defaultValues?: DefaultValues<TValues>;
  /** What is sent: the form's values shaped for the table (trimmed, nulls, only editable columns). */
  toPayload?: (values: TValues, stored: TRow | undefined) => TValues;
  warnWhenUnsavedChanges?: boolean;
}

export function useResourceForm<TRow extends BaseRecord, TValues extends FieldValues>(
  options: ResourceFormOptions<TRow, TValues>,
) {
  const { resource, action, meta, redirect = "show", defaultValues, toPayload = (values) => values } = options;
  const form = useForm<TRow, { message: string; statusCode: number }, TValues>({
    refineCoreProps: { resource, action, redirect, meta },
    defaultValues: action === "create" ? defaultValues : undefined,
    warnWhenUnsavedChanges: options.warnWhenUnsavedChanges,
  });
  const stored = form.refineCore.query?.data?.data;
  const submit = () => void form.handleSubmit((values) => form.refineCore.onFinish(toPayload(values, stored)))();
  return { ...form, action, stored, submit };
}

export type ResourceForm<TRow extends BaseRecord, TValues extends FieldValues> = ReturnType<
  typeof useResourceForm<TRow, TValues>
>;

export function ResourceFormPage<TRow extends BaseRecord, TValues extends FieldValues>({
  form,
  title,
  saveTestId,
  canDelete = false,
  after,
  children,
}: {
  form: ResourceForm<TRow, TValues>;
  title: ReactNode;
  /** The save button's test id (kept for the browser tests that name it). */
  saveTestId?: string;
  canDelete?: boolean;
  /** Shown below the form (e.g. an editor that saves on its own). */
  after?: ReactNode;
  children: ReactNode;
}) {
  const query = form.refineCore.query;
  // Save sends what the form's payload shaping makes of the values (Refine's own button would
  // send the raw values), as pressing Enter in the form does.
  const saveButtonProps = {
    ...form.saveButtonProps,
    onClick: () => form.submit(),
    ...(saveTestId ? { "data-testid": saveTestId } : {}),
  } as typeof form.saveButtonProps;
  const body = (
    <>
      {form.action === "edit" && query?.isError && (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      )}
      <Form layout="vertical" component="form" noValidate onFinish={form.submit}>
        {form.action === "edit" && (
          <input type="hidden" {...form.register("version" as Path<TValues>, { valueAsNumber: true })} />
        )}
        {children}
      </Form>
      {after && <div style={{ marginTop: 24 }}>{after}</div>}
    </>
  );
  return form.action === "create" ? (
    <Create title={<PageTitle>{title}</PageTitle>} saveButtonProps={saveButtonProps}>
      {body}
    </Create>
  ) : (
    <Edit
      title={<PageTitle>{title}</PageTitle>}
      saveButtonProps={saveButtonProps}
      isLoading={form.refineCore.formLoading}
      canDelete={canDelete}
    >
      {body}
    </Edit>
  );
}
