// What the matrix editor reads: roles, resources, actions, which actions each resource has,
// and the saved cells; the rows it draws (one per resource x action, grouped by resource).
import { useList } from "@refinedev/core";
import { useMemo } from "react";
import type { Tables } from "../../types/database";
import { cellKey, cellSelect, type ActionRow, type CellRow, type ResourceActionRow, type ResourceRow } from "./queries";

export interface MatrixRow {
  key: string;
  resource: ResourceRow;
  action: ActionRow;
  first: boolean;
  span: number;
}

const off = { pagination: { mode: "off" as const } };

export function useMatrixData() {
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
  const loaded = useMemo(
    () => new Map((cells.result?.data ?? []).map((c) => [cellKey(c.role_code, c.resource, c.action), c.scope])),
    [cells.result?.data],
  );
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
  return {
    roles: roles.result?.data,
    rows,
    loaded,
    queries,
    failed: queries.find((q) => q.isError),
    loading: queries.some((q) => q.isLoading),
  };
}
