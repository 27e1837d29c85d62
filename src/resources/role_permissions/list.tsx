// The matrix editor: roles x resources x actions with a scope per cell. Changes are kept
// locally, shown as unsaved with their impact (who gains or loses what, on how many rows),
// and saved in one transaction after a confirmation with a reason; the database's
// invariants (auditor never writes, no self-grant, no lockout) come back as sentences.
import { List } from "@refinedev/antd";
import { useCan, useList, useNotification, useWarnAboutChange } from "@refinedev/core";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Badge, Button, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { HistoryOutlined } from "@ant-design/icons";
import { useNavigate } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { ConfirmChange } from "../../components/access/ConfirmChange";
import { ImpactList } from "../../components/access/ImpactList";
import { QueryError } from "../../components/QueryError";
import { ScrollRegion } from "../../components/ScrollRegion";
import { localizedLabel } from "../../providers/i18n";
import { permissionStore } from "../../providers/permissions";
import type { Tables } from "../../types/database";
import { createEditStore, MatrixCell, useCellLooks } from "./cell";
import {
  cellKey,
  cellSelect,
  diffCells,
  saveMatrix,
  type ActionRow,
  type CellRow,
  type ResourceActionRow,
  type ResourceRow,
} from "./queries";

interface MatrixRow {
  key: string;
  resource: ResourceRow;
  action: ActionRow;
  first: boolean;
  span: number;
}

const off = { pagination: { mode: "off" as const } };

export default function RolePermissionsList() {
  const { t, i18n } = useTranslation();
  const { open } = useNotification();
  const queryClient = useQueryClient();
  const { setWarnWhen } = useWarnAboutChange();
  const navigate = useNavigate();
  const { data: canEdit } = useCan({ resource: "role_permissions", action: "edit" });
  const roles = useList<Tables<"app_roles">>({
    resource: "app_roles",
    ...off,
    sorters: [{ field: "code", order: "asc" }],
    meta: { idColumnName: "code" },
  });
  const resources = useList<ResourceRow>({
    resource: "resources",
    ...off,
    sorters: [{ field: "sort_order", order: "asc" }],
  });
  const actions = useList<ActionRow>({
    resource: "permission_actions",
    ...off,
    sorters: [{ field: "sort_order", order: "asc" }],
  });
  const pairs = useList<ResourceActionRow>({ resource: "resource_actions", ...off });
  const cells = useList<CellRow>({ resource: "role_permissions", ...off, meta: { select: cellSelect } });
  const looks = useCellLooks();
  const [store] = useState(createEditStore);
  const edited = useSyncExternalStore(store.subscribe, store.snapshot);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const loaded = useMemo(
    () => new Map((cells.result?.data ?? []).map((c) => [cellKey(c.role_code, c.resource, c.action), c.scope])),
    [cells.result?.data],
  );
  const changes = useMemo(() => diffCells(loaded, edited), [loaded, edited]);
  useEffect(() => setWarnWhen(changes.length > 0), [changes.length, setWarnWhen]);

  const rows: MatrixRow[] = useMemo(() => {
    const actionOrder = new Map((actions.result?.data ?? []).map((a, i) => [a.code, i]));
    const out: MatrixRow[] = [];
    for (const resource of resources.result?.data ?? []) {
      const list = (pairs.result?.data ?? [])
        .filter((p) => p.resource === resource.code)
        .sort((a, b) => (actionOrder.get(a.action) ?? 99) - (actionOrder.get(b.action) ?? 99));
      list.forEach((pair, index) => {
        const action = actions.result?.data?.find((a) => a.code === pair.action);
        if (action)
          out.push({ key: `${resource.code}|${action.code}`, resource, action, first: index === 0, span: list.length });
      });
    }
    return out;
  }, [resources.result?.data, pairs.result?.data, actions.result?.data]);

  const queries = [roles.query, resources.query, actions.query, pairs.query, cells.query];
  const failed = queries.find((q) => q.isError);
  const loading = queries.some((q) => q.isLoading);

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
  const roleList = roles.result?.data;
  const language = i18n.language;
  // The table depends on the saved matrix only: unsaved edits reach each cell through the
  // store, so an edit re-renders one cell rather than thousands.
  const table = useMemo(() => {
    const labels = {
      none: t("role_permissions.scopes.none"),
      own: t("role_permissions.scopes.own"),
      territory: t("role_permissions.scopes.territory"),
      all: t("role_permissions.scopes.all"),
    };
    const noAccess = t("role_permissions.noAccess");
    return (
      <Table<MatrixRow>
        dataSource={rows}
        loading={loading}
        pagination={false}
        rowKey="key"
        size="small"
        scroll={{ x: "max-content" }}
        tableLayout="fixed"
        data-testid="matrix-table"
        bordered
      >
        <Table.Column<MatrixRow>
          key="resource"
          width={170}
          title={t("role_permissions.resource")}
          onCell={(row) => ({ rowSpan: row.first ? row.span : 0 })}
          render={(_, row) => <Typography.Text strong>{localizedLabel(row.resource, language)}</Typography.Text>}
        />
        <Table.Column<MatrixRow>
          key="action"
          width={150}
          title={t("role_permissions.action")}
          render={(_, row) => localizedLabel(row.action, language)}
        />
        {(roleList ?? []).map((role) => (
          <Table.Column<MatrixRow>
            key={role.code}
            width={150}
            title={localizedLabel(role, language)}
            render={(_, row) => {
              const key = cellKey(role.code, row.resource.code, row.action.code);
              const saved = loaded.get(key) ?? null;
              const testId = `cell-${role.code}-${row.resource.code}-${row.action.code}`;
              // Auditors never write, whatever the matrix says: their write cells stay empty.
              const locked = role.code === "auditor" && row.action.is_write;
              if (!editable || locked) {
                return (
                  <Tag
                    color={saved ? "blue" : undefined}
                    data-testid={testId}
                    title={locked ? t("errors.db.auditor_never_writes") : undefined}
                  >
                    {labels[saved ?? "none"]}
                  </Tag>
                );
              }
              return (
                <MatrixCell
                  store={store}
                  cellKey={key}
                  saved={saved}
                  scopes={row.resource.scopes}
                  labels={labels}
                  ariaLabel={t("role_permissions.cellLabel", {
                    role: localizedLabel(role, language),
                    resource: localizedLabel(row.resource, language),
                    action: localizedLabel(row.action, language),
                  })}
                  noAccess={noAccess}
                  looks={looks}
                  testId={testId}
                />
              );
            }}
          />
        ))}
      </Table>
    );
  }, [rows, loading, roleList, loaded, editable, language, t, store, looks]);

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
      <ScrollRegion label={t("role_permissions.title")}>{table}</ScrollRegion>
    </List>
  );
}
