// Refine's accessControlProvider answering from the same matrix rows the database
// enforces (my_permissions). Menus, buttons and routes hide or disable what the person
// may not use; the database still decides every request.
import type { AccessControlProvider } from "@refinedev/core";
import { permissionStore, type Scope } from "./permissions";

/** Refine resource names whose matrix resource has another name. */
const resourceAliases: Record<string, string> = {
  role_permissions: "permissions",
  matrix: "permissions",
  users: "profiles",
  effective_permissions: "permissions",
  custom_field_definitions: "custom_fields",
  org_chart: "positions",
};

/** Refine actions -> matrix actions. Other actions (publish, approve...) keep their name. */
const actionAliases: Record<string, string> = {
  list: "read",
  show: "read",
  create: "create",
  clone: "create",
  edit: "update",
  delete: "delete",
  export: "read",
  import: "create",
};

/** Pages whose action is governed by another matrix cell (creating a user = creating a login). */
const cellOverrides: Record<string, Record<string, MatrixKey>> = {
  profiles: { create: { resource: "logins", action: "create" } },
};

export interface MatrixKey {
  resource: string;
  action: string;
}

/** Maps a Refine (resource, action) pair to the matrix (resource, action) it needs. */
export function toMatrixKey(resource: string, action: string, metaResource?: string): MatrixKey {
  const override = cellOverrides[resource]?.[action];
  if (override) return override;
  return {
    resource: metaResource ?? resourceAliases[resource] ?? resource,
    action: actionAliases[action] ?? action,
  };
}

/** Pages every signed-in person may open whatever their roles. */
const openResources = new Set(["me", "handbook", "administration", "organisation", "rulebook", "my_rules", "team"]);

const scopeRank: Record<Scope, number> = { own: 1, territory: 2, all: 3 };

/**
 * Allowed when the person holds the cell, at least at `minScope` when a page asks for one
 * (the coverage page is for people who see others' acknowledgements, not only their own).
 */
export function decide(scope: Scope | undefined, minScope?: Scope): { can: boolean; reason?: string } {
  if (!scope) return { can: false, reason: "not_allowed" };
  if (minScope && scopeRank[scope] < scopeRank[minScope]) return { can: false, reason: "not_allowed" };
  return { can: true };
}

export const accessControlProvider: AccessControlProvider = {
  can: async ({ resource, action, params }) => {
    if (!resource || openResources.has(resource)) return { can: true };
    const meta = (params?.resource?.meta ?? {}) as { permissionResource?: string; minScope?: Scope };
    const key = toMatrixKey(resource, action, meta.permissionResource);
    return decide(await permissionStore.scopeFor(key.resource, key.action), meta.minScope);
  },
  options: {
    buttons: { enableAccessControl: true, hideIfUnauthorized: true },
    queryOptions: { staleTime: 30_000 },
  },
};
