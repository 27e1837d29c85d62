// The handbook: everything "the sales department management system" shows, as in force on a
// day, in one database call read through the caller's RLS; and the shaping of it into chapters.
import { supabaseClient } from "../../providers/supabaseClient";
import type { LadderStep } from "../../components/rulebook/RuleBits";
import type { Database } from "../../types/database";

type Enums = Database["public"]["Enums"];
type Localized<K extends string> = Record<`${K}_en` | `${K}_es` | `${K}_zh`, string>;

export interface HandbookPosition extends Localized<"title"> {
  id: string;
  code: string;
  parent_id: string | null;
  headcount: number;
  responsibilities: { en: string; es: string; zh: string }[];
  max_discount_percent: number;
}
export interface HandbookCategory extends Localized<"label"> {
  id: string;
  code: string;
}
export interface HandbookRule extends Localized<"title">, Localized<"body"> {
  code: string;
  category_id: string;
  version_number: number;
  effective_date: string;
  sanctions: LadderStep[];
  applies_to_all_positions: boolean;
  positions: string[];
}
export interface HandbookKpi extends Localized<"name">, Localized<"description"> {
  id: string;
  code: string;
  unit: Enums["kpi_unit"];
  direction: Enums["kpi_direction"];
  kind: Enums["kpi_kind"];
  measure_code: string | null;
  scale_max: number | null;
  year_aggregation: Enums["kpi_year_aggregation"];
}
export interface HandbookMeasure extends Localized<"name"> {
  code: string;
}
export interface HandbookTemplate {
  position_id: string;
  name: string;
  valid_from: string;
  kpis: { kpi_id: string; weight: number; cap_percent: number; floor_percent: number | null }[];
}
export interface HandbookBand extends Localized<"name"> {
  code: string;
  lower_bound: number;
  outcome: Enums["band_outcome"];
}
export interface HandbookTier extends Localized<"name"> {
  code: string;
  visit_interval_days: number | null;
  min_previous_year_sales: number;
}
export interface Handbook {
  as_of: string;
  positions: HandbookPosition[];
  categories: HandbookCategory[];
  rules: HandbookRule[];
  kpis: HandbookKpi[];
  measures: HandbookMeasure[];
  templates: HandbookTemplate[];
  bands: HandbookBand[];
  tiers: HandbookTier[];
}

export async function fetchHandbook(asOf: string): Promise<Handbook> {
  const { data, error } = await supabaseClient.rpc("handbook", { p_as_of: asOf });
  if (error) throw error;
  return data as unknown as Handbook;
}

/** The chapters, in order: each an anchor of the table of contents. */
export const chapters = [
  "purpose",
  "organisation",
  "responsibilities",
  "rules",
  "evaluation",
  "visits",
  "discounts",
] as const;
export type Chapter = (typeof chapters)[number];

/** A row's text in the reader's language (English where a translation is missing). */
export function pick<K extends string>(row: Localized<K>, key: K, language: string): string {
  const lang = language === "es" ? "es" : language === "zh-CN" ? "zh" : "en";
  return row[`${key}_${lang}`] || row[`${key}_en`];
}

/** A responsibility in the reader's language. */
export function pickText(text: { en: string; es: string; zh: string }, language: string): string {
  const lang = language === "es" ? "es" : language === "zh-CN" ? "zh" : "en";
  return text[lang] || text.en;
}

export interface PositionNode {
  position: HandbookPosition;
  children: PositionNode[];
}

/** The org chart: positions under their parents (a position whose parent is not shown is a root). */
export function positionTree(positions: HandbookPosition[]): PositionNode[] {
  const ids = new Set(positions.map((p) => p.id));
  const nodes = new Map(positions.map((p) => [p.id, { position: p, children: [] as PositionNode[] }]));
  const roots: PositionNode[] = [];
  for (const p of positions) {
    const node = nodes.get(p.id)!;
    if (p.parent_id && ids.has(p.parent_id)) nodes.get(p.parent_id)!.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Rules grouped by chapter (category) in the categories' order; categories without rules left out. */
export function rulesByCategory(handbook: Pick<Handbook, "categories" | "rules">) {
  return handbook.categories
    .map((category) => ({ category, rules: handbook.rules.filter((r) => r.category_id === category.id) }))
    .filter((g) => g.rules.length > 0);
}

export interface EditionRow {
  id: string;
  number: number;
  as_of: string;
  note: string;
  published_at: string;
}
export const editionListSelect = "id, number, as_of, note, published_at";

/** An edition's frozen content. */
export async function fetchEdition(id: string): Promise<Handbook> {
  const { data, error } = await supabaseClient.from("handbook_editions").select("content").eq("id", id).single();
  if (error) throw error;
  return data.content as unknown as Handbook;
}

/** Publishes the handbook as in force on a day as the next edition (HR). */
export async function publishEdition(asOf: string, note: string): Promise<EditionRow> {
  const { data, error } = await supabaseClient
    .from("handbook_editions")
    .insert({ as_of: asOf, note })
    .select(editionListSelect)
    .single();
  if (error) throw error;
  return data;
}

export type EditionChange = Database["public"]["Functions"]["handbook_edition_diff"]["Returns"][number];

export async function compareEditions(from: string, to: string): Promise<EditionChange[]> {
  const { data, error } = await supabaseClient.rpc("handbook_edition_diff", { p_from: from, p_to: to });
  if (error) throw error;
  return data ?? [];
}

/** A changed item's name for people: a rule's code and title, a position's title, and so on. */
export function changeLabel(
  change: Pick<EditionChange, "chapter" | "item" | "before" | "after">,
  language: string,
): string {
  const body = (change.after ?? change.before) as Record<string, unknown> | null;
  if (!body) return change.item;
  // A template is known by its name (its key is the position's id).
  if (change.chapter === "templates") return String(body.name ?? change.item);
  const lang = language === "es" ? "es" : language === "zh-CN" ? "zh" : "en";
  const named = (key: string) =>
    (body[`${key}_${lang}`] as string | undefined) || (body[`${key}_en`] as string | undefined);
  const name = named("title") ?? named("name") ?? named("label") ?? (body.name as string | undefined);
  return name ? `${change.item} ${name}` : change.item;
}
