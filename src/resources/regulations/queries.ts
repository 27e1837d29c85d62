// Rules: selects, the workflow and search RPCs, and language fallback.
import { isPastTheEnd, toAppError, type AppError } from "../../providers/errors";
import { maxRowsPerRequest, supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables } from "../../types/database";

export type RegulationStatus = Database["public"]["Enums"]["regulation_status"];
export type RegulationRow = Tables<"regulations">;
export type DraftRow = Tables<"regulation_drafts">;
export type VersionRow = Tables<"regulation_versions">;
export type SanctionRow = Tables<"sanction_levels">;
export type SanctionKind = Database["public"]["Enums"]["sanction_kind"];
export const sanctionKinds: SanctionKind[] = ["verbal_warning", "written_warning", "fine", "demotion", "dismissal"];
export const statuses: RegulationStatus[] = ["draft", "in_review", "published", "retired"];

export type RegulationListRow = RegulationRow & {
  regulation_categories: Pick<Tables<"regulation_categories">, "code" | "label_en" | "label_es" | "label_zh"> | null;
  regulation_drafts: Pick<DraftRow, "title_en" | "title_es" | "title_zh"> | null;
  regulation_versions: Pick<VersionRow, "version_number" | "title_en" | "title_es" | "title_zh">[];
};

export const regulationListSelect =
  "id, code, status, current_version, draft_number, effective_date, category_id, applies_to_all_positions, version, updated_at, regulation_categories(code, label_en, label_es, label_zh), regulation_drafts(title_en, title_es, title_zh), regulation_versions(version_number, title_en, title_es, title_zh)";
export const regulationSelect = `${regulationListSelect}, owner_id, submitted_by, submitted_at, retired_at, created_at`;
export const versionSelect =
  "id, regulation_id, version_number, title_en, title_es, title_zh, body_en, body_es, body_zh, sanctions, positions, effective_date, submitted_by, published_by, published_at, category_id";

export type Lang = "en" | "es" | "zh";
export const langOf = (locale: string): Lang => (locale === "es" ? "es" : locale === "zh-CN" ? "zh" : "en");

/** The text in the user's language, or the English original with fallback = true. */
export function localized(
  row: Record<string, unknown>,
  base: string,
  locale: string,
): { text: string; fallback: boolean } {
  const lang = langOf(locale);
  const own = row[`${base}_${lang}`];
  if (typeof own === "string" && own.trim()) return { text: own, fallback: false };
  return { text: String(row[`${base}_en`] ?? ""), fallback: lang !== "en" };
}

/** Title of a list row: the version in force, else (for HR) the working draft. */
export function listTitle(row: RegulationListRow, locale: string): { text: string; fallback: boolean } {
  const current = row.regulation_versions.find((v) => v.version_number === row.current_version);
  const source = current ?? row.regulation_drafts;
  return source ? localized(source as Record<string, unknown>, "title", locale) : { text: row.code, fallback: false };
}

export async function transition(id: string, to: RegulationStatus, version: number): Promise<{ error?: AppError }> {
  const { error, status } = await supabaseClient.rpc("transition_regulation", {
    p_regulation: id,
    p_to: to,
    p_version: version,
  });
  return error ? { error: toAppError(error, status) } : {};
}

export type SearchHit = Database["public"]["Functions"]["search_regulations"]["Returns"][number];
export async function searchRegulations(query: string): Promise<SearchHit[]> {
  const { data, error } = await supabaseClient.rpc("search_regulations", { p_query: query, p_limit: 50 });
  if (error) throw error;
  return data ?? [];
}

export type MyRule = Database["public"]["Functions"]["my_rules"]["Returns"][number];
export async function fetchMyRules(): Promise<MyRule[]> {
  const { data, error } = await supabaseClient.rpc("my_rules");
  if (error) throw error;
  return data ?? [];
}

export async function acknowledge(regulationId: string, version: number): Promise<{ error?: AppError }> {
  const { error, status } = await supabaseClient.rpc("acknowledge_regulation", {
    p_regulation: regulationId,
    p_version: version,
  });
  return error ? { error: toAppError(error, status) } : {};
}

export type CoverageRow = Database["public"]["Functions"]["regulation_coverage"]["Returns"][number];
export type CoverageGroupRow = Database["public"]["Functions"]["regulation_coverage_groups"]["Returns"][number];

/** What the coverage page shows: one rule, optionally one territory subtree, a name or email, only those missing. */
export interface CoverageFilter {
  ruleId: string;
  territoryId: string | null;
  search: string;
  onlyMissing: boolean;
}

/** People per page on the coverage page; missing first, then by name (the id breaks ties so pages never overlap). */
export const coveragePageSize = 50;
export const coverageOrder = ["acknowledged", "full_name", "staff_id"] as const;

function coverageArgs(filter: CoverageFilter) {
  return {
    p_regulation: filter.ruleId,
    ...(filter.territoryId ? { p_territory: filter.territoryId } : {}),
    ...(filter.search.trim() ? { p_search: filter.search.trim() } : {}),
    ...(filter.onlyMissing ? { p_only_missing: true } : {}),
  };
}

async function coverageRange(filter: CoverageFilter, from: number, size: number, count: boolean) {
  let query = supabaseClient.rpc("regulation_coverage", coverageArgs(filter), count ? { count: "exact" } : {});
  for (const column of coverageOrder) query = query.order(column, { ascending: true });
  const { data, error, count: total } = await query.range(from, from + size - 1);
  if (error) throw error;
  return { rows: data ?? [], total: total ?? 0 };
}

/** One page (1-based) of the people the rule applies to, with how many match in all. */
export async function fetchCoveragePage(
  filter: CoverageFilter,
  page: number,
): Promise<{ rows: CoverageRow[]; total: number }> {
  const from = (Math.max(1, page) - 1) * coveragePageSize;
  try {
    return await coverageRange(filter, from, coveragePageSize, true);
  } catch (error) {
    // Past the end (an old link, or fewer people since): no rows, and the count, so the page can move to the last one.
    if (from > 0 && isPastTheEnd(error)) return { rows: [], total: (await coverageRange(filter, 0, 1, true)).total };
    throw error;
  }
}

/** Every person still missing (read page by page: one request returns at most max_rows). */
export async function fetchAllMissing(filter: Omit<CoverageFilter, "onlyMissing">): Promise<CoverageRow[]> {
  const all: CoverageRow[] = [];
  for (let from = 0; ; from += maxRowsPerRequest) {
    const { rows } = await coverageRange({ ...filter, onlyMissing: true }, from, maxRowsPerRequest, false);
    all.push(...rows);
    if (rows.length < maxRowsPerRequest) return all;
  }
}

/** Coverage counted per child territory of the chosen one (per topmost visible territory when none). */
export async function fetchCoverageGroups(ruleId: string, territoryId: string | null): Promise<CoverageGroupRow[]> {
  const { data, error } = await supabaseClient.rpc("regulation_coverage_groups", {
    p_regulation: ruleId,
    ...(territoryId ? { p_territory: territoryId } : {}),
  });
  if (error) throw error;
  return data ?? [];
}

export interface CreateRegulationInput {
  code: string;
  category_id: string;
  title_en: string;
  title_es: string;
  title_zh: string;
  body_en: string;
  body_es: string;
  body_zh: string;
  effective_date: string | null;
  applies_to_all_positions: boolean;
  positions: string[];
}

export async function createRegulation(input: CreateRegulationInput): Promise<{ id?: string; error?: AppError }> {
  const { data, error, status } = await supabaseClient.rpc("create_regulation", {
    p_code: input.code,
    p_category: input.category_id,
    p_title_en: input.title_en,
    p_title_es: input.title_es,
    p_title_zh: input.title_zh,
    p_body_en: input.body_en,
    p_body_es: input.body_es,
    p_body_zh: input.body_zh,
    ...(input.effective_date ? { p_effective_date: input.effective_date } : {}),
    p_applies_to_all: input.applies_to_all_positions,
    p_positions: input.positions,
  });
  if (error) return { error: toAppError(error, status) };
  return { id: (data as RegulationRow).id };
}

/** Saves a rule's working copy; both versions read with it must still be current (else 409). */
export async function saveRegulation(
  id: string,
  versions: { rule: number; draft: number },
  v: CreateRegulationInput,
): Promise<{ error?: AppError }> {
  const { error, status } = await supabaseClient.rpc("save_regulation", {
    p_regulation: id,
    p_version: versions.rule,
    p_draft_version: versions.draft,
    p_category: v.category_id,
    // Generated RPC types do not mark arguments nullable; null clears the date.
    p_effective_date: (v.effective_date || null) as string,
    p_applies_to_all: v.applies_to_all_positions,
    p_positions: v.positions ?? [],
    p_title_en: v.title_en,
    p_title_es: v.title_es,
    p_title_zh: v.title_zh,
    p_body_en: v.body_en,
    p_body_es: v.body_es,
    p_body_zh: v.body_zh,
  });
  return error ? { error: toAppError(error, status) } : {};
}

/** Wraps every case-insensitive occurrence of `term` in text as marked parts (for highlighting). */
export function highlightParts(text: string, term: string): { text: string; match: boolean }[] {
  if (!term.trim()) return [{ text, match: false }];
  const lower = text.toLowerCase();
  const needle = term.trim().toLowerCase();
  const parts: { text: string; match: boolean }[] = [];
  let at = 0;
  for (;;) {
    const found = lower.indexOf(needle, at);
    if (found < 0) break;
    if (found > at) parts.push({ text: text.slice(at, found), match: false });
    parts.push({ text: text.slice(found, found + needle.length), match: true });
    at = found + needle.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}
