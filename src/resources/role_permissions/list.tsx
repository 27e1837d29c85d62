// The matrix editor: roles x resources x actions with a scope per cell. Changes are kept
// locally, shown as unsaved with their impact (who gains or loses what, on how many rows),
// and saved in one transaction after a confirmation with a reason; the database's
// invariants (auditor never writes, no self-grant, no lockout) come back as sentences.
import { List } from "@refinedev/antd";
import { useCan, useNotification, useWarnAboutChange } from "@refinedev/core";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Badge, Button, Popconfirm, Space, Typography } from "antd";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { HistoryOutlined } from "@ant-design/icons";
import { useNavigate } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { ConfirmChange } from "../../components/access/ConfirmChange";
import { ImpactList } from "../../components/access/ImpactList";
import { QueryError } from "../../components/QueryError";
import { ScrollRegion } from "../../components/ScrollRegion";
import { permissionStore } from "../../providers/permissions";
import { createEditStore } from "./cell";
import { useMatrixData } from "./matrix-data";
import { MatrixTable } from "./matrix-table";
import { diffCells, saveMatrix } from "./queries";

export default function RolePermissionsList() {
  const { t } = useTranslation();
  const { open } = useNotification();
  const queryClient = useQueryClient();
  const { setWarnWhen } = useWarnAboutChange();
  const navigate = useNavigate();
  const { data: canEdit } = useCan({ resource: "role_permissions", action: "edit" });
  const { roles: roleList, rows, loaded, queries, failed, loading } = useMatrixData();
  const [store] = useState(createEditStore);
  const edited = useSyncExternalStore(store.subscribe, store.snapshot);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const changes = useMemo(() => diffCells(loaded, edited), [loaded, edited]);
  useEffect(() => setWarnWhen(changes.length > 0), [changes.length, setWarnWhen]);

  const save = async (reason: string) => {
    setSaving(true);
    setSaveError(null);
    const result = await saveMatrix(changes, reason);
    setSaving(false);
    if (result.error) {
      setSaveError(result.error.message);
      return;
    }
    setConfirming(false);
    store.clear();
    setWarnWhen(false);
    permissionStore.invalidate();
    await queryClient.invalidateQueries();
    open?.({
      type: "success",
      message: t("role_permissions.savedVersion", { count: changes.length, n: result.version }),
    });
  };

  const editable = canEdit?.can === true;

  return (
    <List
      title={<PageTitle>{t("role_permissions.title")}</PageTitle>}
      canCreate={false}
      headerButtons={
        <Button
          icon={<HistoryOutlined />}
          onClick={() => navigate("/matrix-versions")}
          data-testid="matrix-history-link"
        >
          {t("matrix_versions.title")}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t("role_permissions.intro")}</Typography.Paragraph>
      {failed && <QueryError error={failed.error} onRetry={() => queries.forEach((q) => void q.refetch())} />}
      {error && (
        <Alert
          type="error"
          role="alert"
          showIcon
          message={error}
          style={{ marginBottom: 16 }}
          data-testid="matrix-error"
          closable
          onClose={() => setError(null)}
        />
      )}
      {canEdit?.can && (
        <Space style={{ marginBottom: 16 }} wrap data-testid="matrix-toolbar">
          <Badge count={changes.length} showZero={false} offset={[8, 0]}>
            <Typography.Text data-testid="matrix-pending">
              {t("role_permissions.pending", { count: changes.length })}
            </Typography.Text>
          </Badge>
          <Button
            type="primary"
            disabled={changes.length === 0}
            onClick={() => {
              setSaveError(null);
              setConfirming(true);
            }}
            data-testid="matrix-save"
          >
            {t("role_permissions.save")}
          </Button>
          <Popconfirm
            title={t("role_permissions.discardConfirm")}
            okText={t("role_permissions.discard")}
            cancelText={t("buttons.cancel")}
            onConfirm={store.clear}
            disabled={changes.length === 0}
          >
            <Button disabled={changes.length === 0} data-testid="matrix-discard">
              {t("role_permissions.discard")}
            </Button>
          </Popconfirm>
        </Space>
      )}
      {canEdit?.can && changes.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          <ImpactList changes={changes} />
        </div>
      )}
      <ConfirmChange
        open={confirming}
        title={t("role_permissions.confirmTitle")}
        changes={changes}
        saving={saving}
        error={saveError}
        onCancel={() => setConfirming(false)}
        onConfirm={(reason) => void save(reason)}
      />
      <ScrollRegion label={t("role_permissions.title")}>
        <MatrixTable
          rows={rows}
          loading={loading}
          roleList={roleList}
          loaded={loaded}
          editable={editable}
          store={store}
        />
      </ScrollRegion>
    </List>
  );
}
