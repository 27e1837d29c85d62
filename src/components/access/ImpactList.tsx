// The impact of unsaved matrix changes, per cell: "+3 people can update 2,300 more Staff
// records". Computed by the database from current data (matrix_change_impact).
import { useQuery } from "@tanstack/react-query";
import { Alert, Collapse, List, Skeleton, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { toAppError } from "../../providers/errors";
import { fetchImpact, type CellChange, type CellImpact } from "../../resources/role_permissions/queries";
import { labelOf } from "./explain";
import { useAccessLabels } from "./queries";

export function useImpact(changes: CellChange[]) {
  return useQuery({
    queryKey: ["matrix_change_impact", changes],
    queryFn: () => fetchImpact(changes),
    enabled: changes.length > 0,
    staleTime: 0,
  });
}

export function impactLine(
  cell: CellImpact,
  t: (key: string, values?: Record<string, unknown>) => string,
  names: { resource: string; action: string; role: string },
  language: string,
): string[] {
  const fmt = (n: number) => n.toLocaleString(language);
  const delta = cell.rows_after - cell.rows_before;
  const capability = cell.people.every((p) => p.rows_before === null && p.rows_after === null);
  const lines: string[] = [];
  if (cell.people_gaining > 0)
    lines.push(
      capability || delta <= 0
        ? t("impact.gainCapability", { count: cell.people_gaining, ...names })
        : t("impact.gain", { count: cell.people_gaining, rows: fmt(delta), ...names }),
    );
  if (cell.people_losing > 0)
    lines.push(
      capability || delta >= 0
        ? t("impact.loseCapability", { count: cell.people_losing, ...names })
        : t("impact.lose", { count: cell.people_losing, rows: fmt(-delta), ...names }),
    );
  if (lines.length === 0) lines.push(t("impact.noChange", names));
  return lines;
}

export function ImpactList({ changes }: { changes: CellChange[] }) {
  const { t, i18n } = useTranslation();
  const labels = useAccessLabels();
  const query = useImpact(changes);
  if (changes.length === 0) return null;
  if (query.isLoading) return <Skeleton active paragraph={{ rows: 2 }} data-testid="impact-loading" />;
  if (query.isError)
    return (
      <Alert type="error" showIcon role="alert" message={toAppError(query.error).message} data-testid="impact-error" />
    );
  const tr = (key: string, values?: Record<string, unknown>) => t(key, values ?? {});
  return (
    <List
      size="small"
      bordered
      header={<Typography.Text strong>{t("impact.title")}</Typography.Text>}
      dataSource={query.data ?? []}
      data-testid="matrix-impact"
      renderItem={(cell) => {
        const names = {
          role: labelOf(
            labels.roles.find((r) => r.code === cell.role_code),
            i18n.language,
            cell.role_code,
          ),
          resource: labelOf(
            labels.resources.find((r) => r.code === cell.resource),
            i18n.language,
            cell.resource,
          ),
          action: labelOf(
            labels.actions.find((a) => a.code === cell.action),
            i18n.language,
            cell.action,
          ).toLocaleLowerCase(i18n.language),
        };
        return (
          <List.Item data-testid={`impact-${cell.role_code}-${cell.resource}-${cell.action}`}>
            <div style={{ width: "100%" }}>
              <Tag>{`${names.role} · ${names.resource} · ${names.action}`}</Tag>
              {impactLine(cell, tr, names, i18n.language).map((line) => (
                <div key={line} data-testid="impact-line">
                  {line}
                </div>
              ))}
              {cell.people.length > 0 && (
                <Collapse
                  ghost
                  size="small"
                  items={[
                    {
                      key: "people",
                      label: t("impact.people", { count: cell.people.length }),
                      children: (
                        <ul style={{ margin: 0 }}>
                          {cell.people.map((p) => (
                            <li key={p.user_id}>
                              {p.name}:{" "}
                              {p.scope_before
                                ? t(`role_permissions.scopes.${p.scope_before}`)
                                : t("role_permissions.scopes.none")}{" "}
                              →{" "}
                              {p.scope_after
                                ? t(`role_permissions.scopes.${p.scope_after}`)
                                : t("role_permissions.scopes.none")}
                              {p.rows_before !== null && p.rows_after !== null
                                ? ` (${p.rows_before.toLocaleString(i18n.language)} → ${p.rows_after.toLocaleString(i18n.language)})`
                                : ""}
                            </li>
                          ))}
                        </ul>
                      ),
                    },
                  ]}
                />
              )}
            </div>
          </List.Item>
        );
      }}
    />
  );
}
