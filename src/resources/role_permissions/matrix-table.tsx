// The matrix as a table: a row per resource x action, a column per role, a scope per cell.
// It depends on the saved matrix only: unsaved edits reach each cell through the edit store,
// so an edit re-renders one cell rather than thousands.
import { Table, Tag, Typography } from "antd";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { localizedLabel } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import { MatrixCell, useCellLooks, type EditStore } from "./cell";
import type { MatrixRow } from "./matrix-data";
import { cellKey, type CellRow } from "./queries";

export const MatrixTable = memo(function MatrixTable({
  rows,
  loading,
  roleList,
  loaded,
  editable,
  store,
}: {
  rows: MatrixRow[];
  loading: boolean;
  roleList: Tables<"app_roles">[] | undefined;
  loaded: Map<string, CellRow["scope"]>;
  editable: boolean;
  store: EditStore;
}) {
  const { t, i18n } = useTranslation();
  const looks = useCellLooks();
  const language = i18n.language;
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
});
