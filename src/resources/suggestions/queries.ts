// Suggestions: the list's select, submitting one (submit_suggestion: the database sets the
// author and territory, or keeps a hidden author apart), answering (status and answer; the
// database keeps who answered and when) and opening a draft rule from an adopted one
// (suggestion_to_rule, linked back to it).
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables } from "../../types/database";

type Enums = Database["public"]["Enums"];
export type SuggestionStatus = Enums["suggestion_status"];
export type SuggestionArea = Enums["suggestion_area"];
export const suggestionStatuses: SuggestionStatus[] = ["received", "under_review", "adopted", "declined"];
export const suggestionAreas: SuggestionArea[] = [
  "sales",
  "customers",
  "products",
  "training",
  "rules",
  "workplace",
  "company",
  "other",
];
/** What an answer may move a suggestion to (never back to received). */
export const answerStatuses: SuggestionStatus[] = ["under_review", "adopted", "declined"];

export type SuggestionRow = Tables<"suggestions"> & {
  author: Pick<Tables<"staff">, "id" | "full_name"> | null;
  territory: Pick<Tables<"territories">, "code" | "name"> | null;
  answerer: Pick<Tables<"profiles">, "full_name"> | null;
  rule: Pick<Tables<"regulations">, "id" | "code" | "status"> | null;
};
export const suggestionSelect =
  "*, author:staff_id(id, full_name), territory:territory_id(code, name), answerer:answered_by(full_name), rule:regulation_id(id, code, status)";

export interface SuggestionValues {
  title: string;
  body: string;
  area: SuggestionArea;
  hide_author: boolean;
}
export const suggestionDefaults: SuggestionValues = { title: "", body: "", area: "sales", hide_author: false };

export async function submitSuggestion(v: SuggestionValues): Promise<string> {
  const { data, error } = await supabaseClient.rpc("submit_suggestion", {
    p_title: v.title.trim(),
    p_body: v.body.trim(),
    p_area: v.area,
    p_hide_author: v.hide_author,
  });
  if (error) throw error;
  return data;
}

export interface AnswerValues {
  status: SuggestionStatus;
  answer: string;
}

/** A decision (adopted or declined) needs an answer of at least 3 characters, as the database says. */
export function answerProblem(v: AnswerValues): boolean {
  return (v.status === "adopted" || v.status === "declined") && v.answer.trim().length < 3;
}

export async function answerSuggestion(row: Pick<SuggestionRow, "id" | "version">, v: AnswerValues) {
  const { data, error } = await supabaseClient
    .from("suggestions")
    .update({ status: v.status, answer: v.answer.trim(), version: row.version })
    .eq("id", row.id)
    .select("id")
    .maybeSingle();
  if (error) throw error;
  // No row back: changed by someone else since it was read (or no longer in scope).
  if (!data) throw new Error("stale");
}

export async function openRuleFromSuggestion(id: string, code: string, category: string): Promise<string> {
  const { data, error } = await supabaseClient.rpc("suggestion_to_rule", {
    p_suggestion: id,
    p_code: code.trim().toUpperCase(),
    p_category: category,
  });
  if (error) throw error;
  return data;
}

/** Who the hidden author is: HR reads it (the database answers nobody else). */
export async function fetchHiddenAuthor(id: string): Promise<string | null> {
  const { data, error } = await supabaseClient
    .from("suggestion_authors")
    .select("person:staff_id(full_name)")
    .eq("suggestion_id", id)
    .maybeSingle<{ person: { full_name: string } | null }>();
  if (error) throw error;
  return data?.person?.full_name ?? null;
}
