// The audit trail: the History of one record and the global log.
import { supabaseClient } from "../../providers/supabaseClient";
import type { Tables } from "../../types/database";

export type AuditRow = Tables<"audit_log">;

/** A million-row log is counted exactly only up to PostgREST's row cap, estimated beyond it. */
export const auditListCount = "estimated" as const;
export const auditListSelect = "id, occurred_at, table_name, record_id, operation, changed_fields, old_row, new_row, actor_id, actor_name, actor_kind, actor_roles";

/** Audited tables, for the table filter. */
export async function fetchAuditedTables(): Promise<string[]> {
  const { data, error } = await supabaseClient.rpc("audited_table_names");
  if (error) throw error;
  return (data ?? []).map((r) => r.table_name);
}

export async function verifyAuditChain() {
  const { data, error } = await supabaseClient.rpc("verify_audit_chain");
  if (error) throw error;
  return data?.[0];
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const bookkeeping = new Set(["updated_at", "version", "created_at"]);

/** The field-by-field changes an audit row describes (pure; unit-tested). */
export function fieldChanges(row: Pick<AuditRow, "operation" | "changed_fields" | "old_row" | "new_row">): FieldChange[] {
  const before = (row.old_row ?? {}) as Record<string, unknown>;
  const after = (row.new_row ?? {}) as Record<string, unknown>;
  if (row.operation === "UPDATE") {
    return row.changed_fields.map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
  }
  const source = row.operation === "INSERT" ? after : before;
  return Object.keys(source)
    .filter((field) => !bookkeeping.has(field) && source[field] !== null && source[field] !== "")
    .sort()
    .map((field) => ({
      field,
      before: row.operation === "INSERT" ? null : source[field],
      after: row.operation === "INSERT" ? source[field] : null,
    }));
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
