// Edit and Delete on a record's page. Where the person may do it to this record, Refine's
// own button; where they may read the record but not change it (the matrix refuses the
// action, or this record lies outside the scope it grants), a disabled button beside a
// "Why?" that explains the refusal for this very record. The database decides regardless.
import { DeleteOutlined, EditOutlined } from "@ant-design/icons";
import { DeleteButton, EditButton, type DeleteButtonProps, type EditButtonProps } from "@refinedev/antd";
import { useCan, useGetIdentity, useResourceParams } from "@refinedev/core";
import { useQuery } from "@tanstack/react-query";
import { Button, Space } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { toMatrixKey } from "../../providers/accessControlProvider";
import type { Identity } from "../../providers/authProvider";
import { permissionStore } from "../../providers/permissions";
import { explanationKey, fetchExplanation } from "./queries";
import { WhyButton } from "./WhyButton";

type Decision = "loading" | "allowed" | "refused";

/** May the signed-in person edit / delete this record of the page's resource? */
export function useRecordDecision(
  action: "edit" | "delete",
  id: string,
): { decision: Decision; resource: string; action: string } {
  const { resource } = useResourceParams();
  const name = resource?.name ?? "";
  const meta = (resource?.meta ?? {}) as { permissionResource?: string };
  const key = toMatrixKey(name, action, meta.permissionResource);
  const { data: me } = useGetIdentity<Identity>();
  const can = useCan({ resource: name, action, params: { id, resource } });
  const scope = useQuery({
    queryKey: ["my-scope", key.resource, key.action],
    queryFn: async () => (await permissionStore.scopeFor(key.resource, key.action)) ?? null,
  });
  // A territory or "own" grant may not reach this record: ask the explainer, which uses the
  // same helper as the policies.
  const perRecord = can.data?.can === true && !!scope.data && scope.data !== "all" && !!me;
  const explained = useQuery({
    queryKey: explanationKey(me?.id ?? "", key.resource, key.action, id),
    queryFn: () => fetchExplanation(me!.id, key.resource, key.action, id),
    enabled: perRecord,
  });
  let decision: Decision;
  if (can.isLoading || scope.isLoading || (perRecord && explained.isLoading)) decision = "loading";
  // An explainer failure leaves the button on: the database still refuses a forbidden write.
  else decision = can.data?.can === true && (!perRecord || explained.data?.allowed !== false) ? "allowed" : "refused";
  return { decision, ...key };
}

function Refused({
  icon,
  label,
  testId,
  resource,
  action,
  id,
}: {
  icon: ReactNode;
  label: ReactNode;
  testId: string;
  resource: string;
  action: string;
  id: string;
}) {
  return (
    <Space size={4} data-testid={`${testId}-refused`}>
      <Button icon={icon} disabled data-testid={testId}>
        {label}
      </Button>
      <WhyButton resource={resource} action={action} record={id} link testId={`${testId}-why`} />
    </Space>
  );
}

export function RecordEditButton({
  id,
  children,
  testId = "record-edit",
  ...rest
}: { id: string; testId?: string } & Omit<EditButtonProps, "recordItemId">) {
  const { t } = useTranslation();
  const { decision, resource, action } = useRecordDecision("edit", id);
  if (decision === "loading") return <Button icon={<EditOutlined />} loading disabled aria-label={t("buttons.edit")} />;
  if (decision === "refused")
    return (
      <Refused
        icon={<EditOutlined />}
        label={children ?? t("buttons.edit")}
        testId={testId}
        resource={resource}
        action={action}
        id={id}
      />
    );
  return (
    <EditButton recordItemId={id} data-testid={testId} {...rest}>
      {children}
    </EditButton>
  );
}

export function RecordDeleteButton({
  id,
  testId = "record-delete",
  ...rest
}: { id: string; testId?: string } & Omit<DeleteButtonProps, "recordItemId">) {
  const { t } = useTranslation();
  const { decision, resource, action } = useRecordDecision("delete", id);
  if (decision === "loading")
    return <Button icon={<DeleteOutlined />} loading disabled aria-label={t("buttons.delete")} />;
  if (decision === "refused")
    return (
      <Refused
        icon={<DeleteOutlined />}
        label={t("buttons.delete")}
        testId={testId}
        resource={resource}
        action={action}
        id={id}
      />
    );
  return <DeleteButton recordItemId={id} data-testid={testId} {...rest} />;
}
