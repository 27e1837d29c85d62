// Violations: the list's select, recording one (the database sets its version in force, the
// person's territory that day, the repeat count and the ladder's proposal) and the case's steps
// (decide_violation: confirm at a level, dismiss with a reason, close; add_violation_statement:
// the person's own words while it is a draft).
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables, TablesInsert } from "../../types/database";

type Enums = Database["public"]["Enums"];
export type ViolationStatus = Enums["violation_status"];
export type ViolationSeverity = Enums["violation_severity"];
export type SanctionKind = Enums["sanction_kind"];
export const violationStatuses: ViolationStatus[] = ["draft", "confirmed", "closed", "dismissed"];
export const violationSeverities: ViolationSeverity[] = ["minor", "major", "severe"];

export type ViolationRow = Tables<"violations"> & {
  person: Pick<Tables<"staff">, "full_name"> | null;
  rule: Pick<Tables<"regulations">, "code"> | null;
  decider: Pick<Tables<"profiles">, "full_name"> | null;
};
export const violationSelect = "*, person:staff_id(full_name), rule:regulation_id(code), decider:decided_by(full_name)";

export type ViolationDetailRow = ViolationRow & {
  recorder: Pick<Tables<"profiles">, "full_name"> | null;
  customer: Pick<Tables<"customers">, "id" | "code" | "name"> | null;
  // The records that show the breach (each only when the reader may read it).
  visit:
    | (Pick<Tables<"visits">, "visited_on" | "customer_id"> & { customer: Pick<Tables<"customers">, "code"> | null })
    | null;
  sale: Pick<Tables<"sales">, "id" | "sale_date" | "amount" | "discount_percent"> | null;
  request: Pick<Tables<"discount_requests">, "created_at" | "discount_percent" | "status"> | null;
  attendance:
    | (Pick<Tables<"meeting_attendance">, "mark"> & {
        meeting: Pick<Tables<"meetings">, "id" | "title" | "held_on"> | null;
      })
    | null;
};
export const violationDetailSelect = `${violationSelect}, recorder:recorded_by(full_name), customer:customer_id(id, code, name), visit:visit_id(visited_on, customer_id, customer:customer_id(code)), sale:sale_id(id, sale_date, amount, discount_percent), request:discount_request_id(created_at, discount_percent, status), attendance:attendance_id(mark, meeting:meeting_id(id, title, held_on))`;

/** Whether an earlier violation counted as a repeat on a day: decided and still live then. */
export function liveOn(row: Pick<ViolationRow, "status" | "occurred_on" | "live_until">, day: string): boolean {
  return (
    (row.status === "confirmed" || row.status === "closed") &&
    row.occurred_on <= day &&
    row.live_until !== null &&
    row.live_until > day
  );
}

/** A level of a version's sanction ladder, as the rulebook freezes it. */
export interface LadderLevel {
  level_order: number;
  kind: SanctionKind;
  fine_amount: number | null;
  live_months: number;
  note_en: string;
  note_es: string;
  note_zh: string;
}

export interface ViolationValues {
  staff_id: string | null;
  regulation_id: string | null;
  occurred_on: string;
  severity: ViolationSeverity;
  description: string;
  evidence_note: string;
}

export function toViolationPayload(v: ViolationValues) {
  return {
    staff_id: v.staff_id ?? "",
    regulation_id: v.regulation_id ?? "",
    occurred_on: v.occurred_on,
    severity: v.severity,
    description: v.description.trim(),
    evidence_note: v.evidence_note.trim(),
  };
}

export async function recordViolation(v: ViolationValues) {
  // Version, territory and proposal are set by the database (the generated insert type still
  // lists them as required).
  const { error } = await supabaseClient.from("violations").insert(toViolationPayload(v) as TablesInsert<"violations">);
  if (error) throw error;
}

/** The ladder of the version a violation falls under (levels in order). */
export async function ladderOf(row: Pick<ViolationRow, "regulation_id" | "version_number">): Promise<LadderLevel[]> {
  const { data, error } = await supabaseClient
    .from("regulation_versions")
    .select("sanctions")
    .eq("regulation_id", row.regulation_id)
    .eq("version_number", row.version_number)
    .maybeSingle();
  if (error) throw error;
  return ((data?.sanctions ?? []) as unknown as LadderLevel[]).slice().sort((a, b) => a.level_order - b.level_order);
}

export type Decision = "confirm" | "dismiss" | "close";

export async function decideViolation(
  row: Pick<ViolationRow, "id" | "version">,
  decision: Decision,
  options: { level?: number | null; reason?: string } = {},
) {
  const { data, error } = await supabaseClient.rpc("decide_violation", {
    p_violation: row.id,
    p_version: row.version,
    p_decision: decision,
    ...(options.level ? { p_level: options.level } : {}),
    p_reason: (options.reason ?? "").trim(),
  });
  if (error) throw error;
  return data;
}

export async function addStatement(row: Pick<ViolationRow, "id" | "version">, statement: string) {
  const { data, error } = await supabaseClient.rpc("add_violation_statement", {
    p_violation: row.id,
    p_version: row.version,
    p_statement: statement.trim(),
  });
  if (error) throw error;
  return data;
}

/** Whether a chosen level needs a reason: it is lighter than the ladder's proposal. */
export function lighterThanProposed(level: number | null, proposed: number | null): boolean {
  return level !== null && proposed !== null && level < proposed;
}
