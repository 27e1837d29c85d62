// Matrix history: every saved matrix as a numbered version (author, reason, when), its diff
// against the previous version and against the seeded defaults, and a revert that is itself
// a new version, previewed and confirmed like any change.
import { RollbackOutlined } from "@ant-design/icons";
import { useTable, List } from "@refinedev/antd";
import { useCan, useNotification } from "@refinedev/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Empty, Segmented, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { ConfirmChange } from "../../components/access/ConfirmChange";
import { labelOf } from "../../components/access/explain";
import { useAccessLabels } from "../../components/access/queries";
import { toAppError } from "../../providers/errors";
import { permissionStore } from "../../providers/permissions";
import {
  fetchRevertChanges,
  fetchVersionDiff,
  revertMatrix,
  versionSelect,
  type DiffRow,
  type MatrixVersionRow,
} from "../role_permissions/queries";
import { TableFilterForm } from "../../components/TableFilterForm";

function VersionDiff({ version, defaultId }: { version: MatrixVersionRow; defaultId: number | undefined }) {
  const { t, i18n } = useTranslation();
  const labels = useAccessLabels();
  const [against, setAgainst] = useState<"previous" | "defaults">("previous");
  const from = against === "previous" ? version.id - 1 : (defaultId ?? 1);
  const query = useQuery({
    queryKey: ["matrix_version_diff", from, version.id],
    queryFn: () => fetchVersionDiff(from, version.id),
    enabled: from >= 1,
  });
  const scope = (s: DiffRow["from_scope"]) =>
    s ? t(`role_permissions.scopes.${s}`) : t("role_permissions.scopes.none");
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Segmented
        size="small"
        value={against}
        onChange={(v) => setAgainst(v as "previous" | "defaults")}
        options={[
          { value: "previous", label: t("matrix_versions.vsPrevious") },
          { value: "defaults", label: t("matrix_versions.vsDefaults") },
        ]}
      />
      {query.isError ? (
        <QueryError error={{ message: toAppError(query.error).message }} />
      ) : (
        <Table<DiffRow>
          size="small"
          pagination={false}
          loading={query.isLoading}
          dataSource={from >= 1 ? (query.data ?? []) : []}
          rowKey={(r) => `${r.role_code}|${r.resource}|${r.action}`}
          locale={{ emptyText: <Empty description={t("matrix_versions.noDifference")} /> }}
          data-testid={`matrix-diff-${version.id}`}
          columns={[
            {
              title: t("matrix_versions.role"),
              key: "role",
              render: (_, r) =>
                labelOf(
                  labels.roles.find((x) => x.code === r.role_code),
                  i18n.language,
                  r.role_code,
                ),
            },
            {
              title: t("role_permissions.resource"),
              key: "resource",
              render: (_, r) =>
                labelOf(
                  labels.resources.find((x) => x.code === r.resource),
                  i18n.language,
                  r.resource,
                ),
            },
            {
              title: t("role_permissions.action"),
              key: "action",
              render: (_, r) =>
                labelOf(
                  labels.actions.find((x) => x.code === r.action),
                  i18n.language,
                  r.action,
                ),
            },
            {
              title: t("matrix_versions.change"),
              key: "change",
              render: (_, r) => (
                <span>
                  {scope(r.from_scope)} → <Typography.Text strong>{scope(r.to_scope)}</Typography.Text>
                </span>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}

export default function MatrixVersionsList() {
  const { t, i18n } = useTranslation();
  const { open } = useNotification();
  const queryClient = useQueryClient();
  const { data: canEdit } = useCan({ resource: "role_permissions", action: "edit" });
  const { tableProps, tableQuery, searchFormProps } = useTable<MatrixVersionRow>({
    resource: "matrix_versions",
    meta: { select: versionSelect },
    sorters: { initial: [{ field: "id", order: "desc" }] },
    pagination: { pageSize: 20 },
    syncWithLocation: false,
  });
  const defaultId = tableQuery.data?.data.find((v) => v.is_default)?.id ?? 1;
  const [reverting, setReverting] = useState<MatrixVersionRow | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revertChanges = useQuery({
    queryKey: ["matrix_revert_changes", reverting?.id],
    queryFn: () => fetchRevertChanges(reverting!.id),
    enabled: Boolean(reverting),
  });

  const confirmRevert = async (reason: string) => {
    if (!reverting) return;
    setSaving(true);
    setError(null);
    const result = await revertMatrix(reverting.id, reason);
    setSaving(false);
    if (result.error) return setError(result.error.message);
    setReverting(null);
    permissionStore.invalidate();
    await queryClient.invalidateQueries();
    open?.({ type: "success", message: t("matrix_versions.reverted", { n: result.version }) });
  };

  return (
    <List title={<PageTitle>{t("matrix_versions.title")}</PageTitle>} canCreate={false}>
      <TableFilterForm form={searchFormProps.form} />
      <Typography.Paragraph type="secondary">{t("matrix_versions.intro")}</Typography.Paragraph>
      {tableQuery.isError && (
        <QueryError
          error={{ message: toAppError(tableQuery.error).message }}
          onRetry={() => void tableQuery.refetch()}
        />
      )}
      <Table<MatrixVersionRow>
        {...tableProps}
        rowKey="id"
        size="small"
        data-testid="matrix-versions"
        expandable={{ expandedRowRender: (v) => <VersionDiff version={v} defaultId={defaultId} /> }}
        onRow={(v) => ({ "data-testid": `matrix-version-${v.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t("matrix_versions.number"),
            dataIndex: "id",
            render: (n: number, v) => (
              <Space>
                {`#${n}`}
                {v.is_default && <Tag color="green">{t("matrix_versions.defaults")}</Tag>}
              </Space>
            ),
          },
          {
            title: t("matrix_versions.when"),
            dataIndex: "created_at",
            render: (d: string) => new Date(d).toLocaleString(i18n.language),
          },
          {
            title: t("matrix_versions.author"),
            dataIndex: "author_name",
            render: (a: string | null) => a ?? t("matrix_versions.system"),
          },
          { title: t("role_permissions.reason"), dataIndex: "reason" },
          ...(canEdit?.can
            ? [
                {
                  title: t("table.actions"),
                  key: "revert",
                  render: (_: unknown, v: MatrixVersionRow) => (
                    <Button
                      size="small"
                      icon={<RollbackOutlined />}
                      onClick={() => {
                        setError(null);
                        setReverting(v);
                      }}
                      data-testid={`matrix-revert-${v.id}`}
                    >
                      {t("matrix_versions.revert")}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ConfirmChange
        open={Boolean(reverting) && !revertChanges.isLoading}
        title={reverting ? t("matrix_versions.revertTitle", { n: reverting.id }) : ""}
        changes={revertChanges.data ?? []}
        saving={saving}
        error={error}
        onCancel={() => setReverting(null)}
        onConfirm={(reason) => void confirmRevert(reason)}
      />
    </List>
  );
}
