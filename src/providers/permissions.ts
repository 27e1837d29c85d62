// The signed-in person's effective permissions, read from the database (my_permissions) and
// cached briefly. The UI mirrors them; the database enforces them.
import type { Database } from "../types/database";
import { previewSession, supabaseClient } from "./supabaseClient";

export type Scope = Database["public"]["Enums"]["permission_scope"];
export type PermissionRow = Database["public"]["Functions"]["my_permissions"]["Returns"][number];

const staleAfterMs = 30_000;

export class PermissionStore {
  private rows: PermissionRow[] | null = null;
  private loadedAt = 0;
  private pending: Promise<PermissionRow[]> | null = null;
  private listeners = new Set<() => void>();
  private readonly fetchRows: () => Promise<PermissionRow[]>;

  constructor(fetchRows: () => Promise<PermissionRow[]>) {
    this.fetchRows = fetchRows;
  }

  async load(): Promise<PermissionRow[]> {
    if (this.rows && Date.now() - this.loadedAt < staleAfterMs) return this.rows;
    this.pending ??= this.fetchRows()
      .then((rows) => {
        this.rows = rows;
        this.loadedAt = Date.now();
        return rows;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  /** The widest scope held for resource x action, or undefined when none. */
  async scopeFor(resource: string, action: string): Promise<Scope | undefined> {
    const rows = await this.load();
    return rows.find((r) => r.resource === resource && r.action === action)?.scope;
  }

  /** Forget the cache (after a matrix or role change, a sign-in or a refresh). */
  invalidate(): void {
    this.loadedAt = 0;
    for (const listener of this.listeners) listener();
  }

  clear(): void {
    this.rows = null;
    this.invalidate();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const permissionStore = new PermissionStore(async () => {
  if (!previewSession) {
    const { data: session } = await supabaseClient.auth.getSession();
    if (!session.session) return [];
  }
  const { data, error } = await supabaseClient.rpc("my_permissions");
  if (error) throw error;
  return data ?? [];
});
