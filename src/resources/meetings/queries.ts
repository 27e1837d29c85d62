// Meetings and their attendance sheet: the selects, the form's payload, inviting (a territory
// subtree or hand-picked people: invite_to_meeting, one statement), taking a mark (the database
// keeps who took it and when, and only what the mark needs), marking everyone still unmarked
// present in one statement, and turning a late, left-early or absent mark into a draft
// violation (attendance_to_violation: once per mark).
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables } from "../../types/database";

type Enums = Database["public"]["Enums"];
export type MeetingKind = Enums["meeting_kind"];
export type AttendanceMark = Enums["attendance_mark"];
export const meetingKinds: MeetingKind[] = ["weekly_sales", "monthly_summary", "training", "experience_exchange"];
export const attendanceMarks: AttendanceMark[] = ["present", "late", "left_early", "absent", "excused"];
/** Marks that break the attendance rule. */
export const breachMarks: AttendanceMark[] = ["late", "left_early", "absent"];

export type MeetingRow = Tables<"meetings"> & {
  territory: Pick<Tables<"territories">, "code" | "name"> | null;
  organiser: Pick<Tables<"staff">, "full_name"> | null;
  topic: Pick<Tables<"training_topics">, "code" | "name_en" | "name_es" | "name_zh"> | null;
};
export const meetingSelect =
  "*, territory:territory_id(code, name), organiser:organiser_id(full_name), topic:topic_id(code, name_en, name_es, name_zh)";

export type AttendanceRow = Tables<"meeting_attendance"> & {
  person: Pick<Tables<"staff">, "full_name"> | null;
  violations: Pick<Tables<"violations">, "id" | "status">[];
};
export const attendanceSelect = "*, person:staff_id(full_name), violations!attendance_id(id, status)";

export interface MeetingValues {
  kind: MeetingKind;
  title: string;
  held_on: string | null;
  starts_at: string;
  duration_minutes: number | null;
  location: string;
  territory_id: string | null;
  organiser_id: string | null;
  minutes: string;
  /** A training session's topic, trainer, material and pass score (none for other meetings). */
  topic_id: string | null;
  trainer: string;
  material: string;
  pass_score: number | null;
}

export const meetingDefaults = (today: string): MeetingValues => ({
  kind: "weekly_sales",
  title: "",
  held_on: today,
  starts_at: "09:00",
  duration_minutes: 60,
  location: "",
  territory_id: null,
  organiser_id: null,
  minutes: "",
  topic_id: null,
  trainer: "",
  material: "",
  pass_score: null,
});

/** What a meeting's form sends: trimmed, the time as HH:MM. */
export function toMeetingPayload(v: MeetingValues): MeetingValues {
  return {
    kind: v.kind,
    title: v.title.trim(),
    held_on: v.held_on,
    starts_at: v.starts_at.slice(0, 5),
    duration_minutes: v.duration_minutes,
    location: v.location.trim(),
    territory_id: v.territory_id,
    organiser_id: v.organiser_id,
    minutes: v.minutes.trim(),
    // Only a training session has them (the database refuses them on any other meeting).
    topic_id: v.kind === "training" ? v.topic_id : null,
    trainer: v.kind === "training" ? v.trainer.trim() : "",
    material: v.kind === "training" ? v.material.trim() : "",
    pass_score: v.kind === "training" ? v.pass_score : null,
  };
}

export interface MarkValues {
  mark: AttendanceMark;
  minutes: number | null;
  excuse: string;
  /** A training session's assessment (0-100), for someone who attended. */
  score: number | null;
}

/** Marks of someone who attended (and so may be assessed at a training session). */
export const attendedMarks: AttendanceMark[] = ["present", "late", "left_early"];

/** The columns a mark writes: minutes only for late or left early, a reason only for excused. */
export function toMarkPayload(v: MarkValues) {
  return {
    mark: v.mark,
    minutes_late: v.mark === "late" ? v.minutes : null,
    minutes_early: v.mark === "left_early" ? v.minutes : null,
    excuse: v.mark === "excused" ? v.excuse.trim() : "",
    assessment_score: attendedMarks.includes(v.mark) ? v.score : null,
  };
}

/** What a mark still needs before it is saved (an i18n key), or null. */
export function markProblem(v: MarkValues): "minutes" | "excuse" | "score" | null {
  if ((v.mark === "late" || v.mark === "left_early") && !(v.minutes && v.minutes >= 1 && v.minutes <= 720))
    return "minutes";
  if (v.mark === "excused" && v.excuse.trim().length < 3) return "excuse";
  if (v.score !== null && attendedMarks.includes(v.mark) && !(v.score >= 0 && v.score <= 100)) return "score";
  return null;
}

export async function takeMark(row: Pick<AttendanceRow, "id" | "version">, v: MarkValues) {
  const { error } = await supabaseClient
    .from("meeting_attendance")
    .update({ ...toMarkPayload(v), version: row.version })
    .eq("id", row.id);
  if (error) throw error;
}

/** Everyone on the sheet not yet marked is marked present (one statement). */
export async function markRestPresent(meetingId: string) {
  const { error } = await supabaseClient
    .from("meeting_attendance")
    .update({ mark: "present" })
    .eq("meeting_id", meetingId)
    .is("mark", null);
  if (error) throw error;
}

export async function invite(meetingId: string, territoryId: string | null, staffIds: string[]): Promise<number> {
  const { data, error } = await supabaseClient.rpc("invite_to_meeting", {
    p_meeting: meetingId,
    ...(territoryId ? { p_territory: territoryId } : {}),
    p_staff: staffIds,
  });
  if (error) throw error;
  return data ?? 0;
}

export async function uninvite(row: Pick<AttendanceRow, "id">) {
  const { error } = await supabaseClient.from("meeting_attendance").delete().eq("id", row.id);
  if (error) throw error;
}

export async function toViolation(row: Pick<AttendanceRow, "id">) {
  const { data, error } = await supabaseClient.rpc("attendance_to_violation", { p_attendance: row.id }).single();
  if (error) throw error;
  return data;
}
