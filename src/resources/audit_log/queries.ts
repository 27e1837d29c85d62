// The audit trail: the History of one record and the global log.
import type { CrudFilter, CrudSort } from "@refinedev/core";
import { FunctionsHttpError } from "@supabase/supabase-js";
import dayjs from "dayjs";
import { noCount } from "../../providers/dataProvider";
import { supabaseClient } from "../../providers/supabaseClient";
import type { Tables } from "../../types/database";

export type AuditRow = Tables<"audit_log">;

/**
 * The log is paged by key, newest first, and never counted: a count (even PostgREST's
 * "estimated" one reads up to 1,001 rows) of a million rows read through RLS costs more
 * than the page, and a total of "about 600,000" helps nobody read a log. Each page asks for
 * one row more than it shows, to know whether older entries follow; "older" and "newer"
 * are `id < first` and `id > last`, so page 1,000 costs what page 1 does.
 */
export const auditListCount = noCount;
export const auditPageSize = 25;
export const auditListSelect =
  "id, occurred_at, table_name, record_id, operation, changed_fields, old_row, new_row, actor_id, actor_name, actor_email, actor_kind, actor_roles";

/** Audited tables, for the table filter. */
export async function fetchAuditedTables(): Promise<string[]> {
  const { data, error } = await supabaseClient.rpc("audited_table_names");
  if (error) throw error;
  return (data ?? []).map((r) => r.table_name);
}

// ---------------------------------------------------------------------------
// Integrity: the chain check and the signed checkpoints (audit-integrity Edge Function)
// ---------------------------------------------------------------------------

export type CheckpointMismatch = "bad_signature" | "row_missing" | "hash_changed" | "count_changed";

export interface IntegrityReport {
  chain: { ok: boolean; rows_checked: number; first_broken_id: number | null; reason: string | null } | null;
  checkpoints: {
    checked: number;
    first_mismatch: { id: number; created_at: string; last_id: number; reason: CheckpointMismatch } | null;
  } | null;
  configured: boolean;
}

/** Calls audit-integrity ("verify" or "checkpoint"); a refusal becomes an Error carrying the function's sentence. */
export async function auditIntegrity<T>(action: "verify" | "checkpoint"): Promise<T> {
  const { data, error } = await supabaseClient.functions.invoke<T>("audit-integrity", { body: { action } });
  if (!error) return data as T;
  if (error instanceof FunctionsHttpError) {
    const payload = (await (error.context as Response).json().catch(() => ({}))) as { message?: string };
    throw new Error(payload.message ?? error.message);
  }
  throw error;
}

export type IntegrityVerdict =
  | { ok: true; key: "audit_log.verify.ok"; values: { count: number; checkpoints: number } }
  | { ok: true; key: "audit_log.verify.okUnanchored"; values: { count: number } }
  | { ok: false; key: "audit_log.verify.broken"; values: { id: number | null; reason: string | null } }
  | {
      ok: false;
      key: "audit_log.verify.checkpointBroken";
      values: { id: number; at: string; reason: CheckpointMismatch };
    };

/** What "Verify integrity" tells: the chain first, then the first checkpoint that no longer holds (pure). */
export function integrityVerdict(report: IntegrityReport): IntegrityVerdict {
  const count = Number(report.chain?.rows_checked ?? 0);
  if (!report.chain?.ok) {
    return {
      ok: false,
      key: "audit_log.verify.broken",
      values: { id: report.chain?.first_broken_id ?? null, reason: report.chain?.reason ?? null },
    };
  }
  const mismatch = report.checkpoints?.first_mismatch;
  if (mismatch)
    return {
      ok: false,
      key: "audit_log.verify.checkpointBroken",
      values: { id: mismatch.id, at: mismatch.created_at, reason: mismatch.reason },
    };
  if (!report.configured || !report.checkpoints)
    return { ok: true, key: "audit_log.verify.okUnanchored", values: { count } };
  return { ok: true, key: "audit_log.verify.ok", values: { count, checkpoints: report.checkpoints.checked } };
}

// ---------------------------------------------------------------------------
// A record's label: what the row was called (name, code), from the logged row itself
// ---------------------------------------------------------------------------

const labelFields = ["full_name", "title_en", "name", "label_en", "reason", "role_code", "email", "key"];

/** The record's name and code as the log saw it (new row, else old row); the id when it has neither (pure). */
export function recordLabel(row: Pick<AuditRow, "record_id" | "old_row" | "new_row">): {
  label: string;
  code?: string;
} {
  const source = ((row.new_row ?? row.old_row ?? {}) as Record<string, unknown>) ?? {};
  const text = (field: string) =>
    typeof source[field] === "string" && (source[field] as string).trim() ? (source[field] as string) : undefined;
  const name = labelFields.map(text).find(Boolean);
  const code = text("code");
  if (name) return { label: name, code: code && code !== name ? code : undefined };
  if (code) return { label: code };
  const version = source.version_number ?? source.level_order;
  const short = row.record_id.length > 14 ? `${row.record_id.slice(0, 8)}…` : row.record_id;
  return { label: version !== undefined && version !== null ? `#${String(version)} · ${short}` : short };
}

/**
 * A computation run's entry (a split, an evaluation run): the run stands for the rows it
 * derived, so its entry names the computation and how many rows one statement wrote (pure).
 */
export function runSummary(
  row: Pick<AuditRow, "record_id" | "old_row" | "new_row">,
): { computation: string; rows: number } | null {
  const source = (row.new_row ?? row.old_row ?? {}) as Record<string, unknown>;
  const run = source.run as Record<string, unknown> | undefined;
  if (!run || typeof run !== "object" || typeof run.computation !== "string") return null;
  return { computation: run.computation, rows: Number(source.rows ?? 0) };
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const bookkeeping = new Set(["updated_at", "version", "created_at"]);

/** The field-by-field changes an audit row describes (pure; unit-tested). */
export function fieldChanges(
  row: Pick<AuditRow, "operation" | "changed_fields" | "old_row" | "new_row">,
): FieldChange[] {
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

// ---------------------------------------------------------------------------
// The log page's state, kept in the address (shareable, Back works)
// ---------------------------------------------------------------------------

export const auditOperations = ["INSERT", "UPDATE", "DELETE"] as const;

export interface AuditQuery {
  table?: string;
  actor?: string;
  operation?: (typeof auditOperations)[number];
  /** Whole local days, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Entries older than this id (the next page), or newer than this id (the previous page). */
  before?: number;
  after?: number;
}

const day = /^\d{4}-\d{2}-\d{2}$/;
const positiveId = (value: string | null) =>
  value && /^\d{1,18}$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
const validDay = (value: string | null) =>
  value && day.test(value) && dayjs(value).format("YYYY-MM-DD") === value ? value : undefined;

/** Reads the page's state from the address; anything malformed is ignored, not sent. */
export function readAuditQuery(params: URLSearchParams): AuditQuery {
  const operation = params.get("operation");
  const query: AuditQuery = {
    table: params.get("table") || undefined,
    actor: params.get("actor") || undefined,
    operation: auditOperations.find((op) => op === operation),
    from: validDay(params.get("from")),
    to: validDay(params.get("to")),
    before: positiveId(params.get("before")),
  };
  if (query.before === undefined) query.after = positiveId(params.get("after"));
  return query;
}

export function writeAuditQuery(query: AuditQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["table", "actor", "operation", "from", "to", "before", "after"] as const) {
    const value = query[key];
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params;
}

/** The same filters from the newest entries on (a filter change, Newest, the top reached). */
export function withoutCursor({ before: _before, after: _after, ...filters }: AuditQuery): AuditQuery {
  return filters;
}

/** The filters alone (what the export reads): dates are whole days in the reader's time zone. */
export function auditFilters(query: AuditQuery): CrudFilter[] {
  const filters: CrudFilter[] = [];
  if (query.table) filters.push({ field: "table_name", operator: "eq", value: query.table });
  if (query.actor) filters.push({ field: "actor_id", operator: "eq", value: query.actor });
  if (query.operation) filters.push({ field: "operation", operator: "eq", value: query.operation });
  if (query.from)
    filters.push({ field: "occurred_at", operator: "gte", value: dayjs(query.from).startOf("day").toISOString() });
  if (query.to)
    filters.push({ field: "occurred_at", operator: "lte", value: dayjs(query.to).endOf("day").toISOString() });
  return filters;
}

/** What one page asks the server for: the filters, the key bound, and one row more than it shows. */
export function auditPageRequest(
  query: AuditQuery,
  pageSize = auditPageSize,
): { filters: CrudFilter[]; sorters: CrudSort[]; pageSize: number } {
  const filters = auditFilters(query);
  if (query.before !== undefined) filters.push({ field: "id", operator: "lt", value: query.before });
  if (query.after !== undefined) filters.push({ field: "id", operator: "gt", value: query.after });
  return {
    filters,
    sorters: [{ field: "id", order: query.after !== undefined ? "asc" : "desc" }],
    pageSize: pageSize + 1,
  };
}

export interface AuditPage {
  /** Newest first. */
  rows: AuditRow[];
  /** Where Newer and Older lead (null: nothing there). */
  newer: AuditQuery | null;
  older: AuditQuery | null;
  /** Newer was followed to the newest entries: show the first page instead of a short one. */
  atNewest: boolean;
}

/** Turns what the server returned for `query` into the page shown and its neighbours. */
export function auditPage(query: AuditQuery, fetched: AuditRow[], pageSize = auditPageSize): AuditPage {
  const filters = withoutCursor(query);
  const forward = query.after !== undefined;
  const more = fetched.length > pageSize;
  const shown = fetched.slice(0, pageSize);
  const rows = forward ? shown.reverse() : shown;
  const newest = rows[0]?.id;
  const oldest = rows[rows.length - 1]?.id;
  const hasNewer = forward ? more : query.before !== undefined;
  const hasOlder = forward ? true : more;
  return {
    rows,
    newer: hasNewer && newest !== undefined ? { ...filters, after: newest } : null,
    older: hasOlder && oldest !== undefined ? { ...filters, before: oldest } : null,
    atNewest: forward && !more,
  };
}
