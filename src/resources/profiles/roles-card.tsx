// The roles a login holds: assign and remove, through RLS (HR's user_roles permissions)
// and the database invariants (nobody grants themself a role; the matrix keeps an editor).
import { useCan, useCreate, useDelete, useList } from "@refinedev/core";
import { Button, Card, Empty, Popconfirm, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { localizedLabel } from "../../providers/i18n";
import { permissionStore } from "../../providers/permissions";
import type { Tables } from "../../types/database";
import { roleLabelSelect } from "../app_roles/queries";

export function UserRolesCard({ userId, isSelf }: { userId: string; isSelf: boolean }) {
  const { t, i18n } = useTranslation();
  const [choice, setChoice] = useState<string | undefined>();
  const { result: roles } = useList<Tables<"app_roles">>({
    resource: "app_roles",
    pagination: { mode: "off" },
    meta: { select: roleLabelSelect },
  });
  const { result: held, query } = useList<Tables<"user_roles">>({
    resource: "user_roles",
    filters: [{ field: "user_id", operator: "eq", value: userId }],
    pagination: { mode: "off" },
  });
  const { data: canAssign } = useCan({ resource: "user_roles", action: "create" });
  const { data: canRemove } = useCan({ resource: "user_roles", action: "delete" });
  const { mutate: create, mutation: createMutation } = useCreate();
  const { mutate: remove } = useDelete();
  const label = (code: string) => {
    const role = roles?.data?.find((r) => r.code === code);
    return role ? localizedLabel(role, i18n.language) : code;
  };
  const heldCodes = new Set((held?.data ?? []).map((r) => r.role_code));
  const afterChange = () => {
    permissionStore.invalidate();
    void query.refetch();
  };
  return (
    <Card title={t("profiles.roles.title")} size="small" data-testid="user-roles-card" loading={query.isLoading}>
      {(held?.data ?? []).length === 0 ? (
        <Empty description={t("profiles.roles.none")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Space wrap>
          {(held?.data ?? []).map((row) => (
            <Tag key={row.id} data-testid={`user-role-${row.role_code}`}>
              {label(row.role_code)}
              {canRemove?.can && !isSelf && (
                <Popconfirm
                  title={t("profiles.roles.removeConfirm", { role: label(row.role_code) })}
                  okText={t("buttons.delete")}
                  cancelText={t("buttons.cancel")}
                  onConfirm={() =>
                    remove(
                      { resource: "user_roles", id: row.id, successNotification: false },
                      { onSuccess: afterChange },
                    )
                  }
                >
                  <Button
                    type="link"
                    size="small"
                    aria-label={t("profiles.roles.remove", { role: label(row.role_code) })}
                    data-testid={`remove-role-${row.role_code}`}
                  >
                    ×
                  </Button>
                </Popconfirm>
              )}
            </Tag>
          ))}
        </Space>
      )}
      {canAssign?.can &&
        (isSelf ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t("profiles.roles.selfHint")}
          </Typography.Paragraph>
        ) : (
          <Space style={{ marginTop: 12 }} wrap>
            <Select
              aria-label={t("profiles.roles.pick")}
              placeholder={t("profiles.roles.pick")}
              value={choice}
              onChange={setChoice}
              style={{ minWidth: 220 }}
              data-testid="assign-role-select"
              options={(roles?.data ?? [])
                .filter((r) => !heldCodes.has(r.code))
                .map((r) => ({ value: r.code, label: localizedLabel(r, i18n.language) }))}
            />
            <Button
              type="primary"
              disabled={!choice}
              loading={createMutation.isPending}
              data-testid="assign-role"
              onClick={() =>
                choice &&
                create(
                  {
                    resource: "user_roles",
                    values: { user_id: userId, role_code: choice },
                    successNotification: false,
                  },
                  {
                    onSuccess: () => {
                      setChoice(undefined);
                      afterChange();
                    },
                  },
                )
              }
            >
              {t("profiles.roles.assign")}
            </Button>
          </Space>
        ))}
    </Card>
  );
}
