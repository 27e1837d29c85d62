import { localizedLabel } from "../../providers/i18n";
import { supabaseClient } from "../../providers/supabaseClient";
import type { Tables, TablesInsert } from "../../types/database";

export type PositionRow = Tables<"positions">;
export interface Responsibility {
  en: string;
  es?: string;
  zh?: string;
}
export type PositionFormValues = Pick<
  TablesInsert<"positions">,
  | "code"
  | "title_en"
  | "title_es"
  | "title_zh"
  | "parent_id"
  | "default_role_code"
  | "headcount"
  | "sort_order"
  | "max_discount_percent"
> & {
  responsibilities: Responsibility[];
  version?: number;
};

export const positionSelect =
  "id, code, title_en, title_es, title_zh, parent_id, default_role_code, headcount, max_discount_percent, responsibilities, sort_order, version, created_at, updated_at";
export const positionCodePattern = /^[a-z][a-z0-9_]{1,39}$/;

export function responsibilityText(r: Responsibility, locale: string): { text: string; fallback: boolean } {
  const own = locale === "es" ? r.es : locale === "zh-CN" ? r.zh : r.en;
  return own && own.trim() ? { text: own, fallback: false } : { text: r.en, fallback: locale !== "en" };
}

export interface PositionNode extends PositionRow {
  children: PositionNode[];
}

/** Positions as a reports-to tree (pure; unit-tested). */
export function positionTree(rows: PositionRow[]): PositionNode[] {
  const nodes = new Map(rows.map((r) => [r.id, { ...r, children: [] as PositionNode[] }]));
  const roots: PositionNode[] = [];
  for (const row of [...rows].sort((a, b) => a.sort_order - b.sort_order || a.code.localeCompare(b.code))) {
    const node = nodes.get(row.id)!;
    const parent = row.parent_id ? nodes.get(row.parent_id) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** A position's title in the reader's language (English when missing), or a dash. */
export function positionTitle(
  p: { title_en: string; title_es: string; title_zh: string } | null | undefined,
  locale: string,
): string {
  if (!p) return "—";
  return localizedLabel({ label_en: p.title_en, label_es: p.title_es, label_zh: p.title_zh }, locale);
}

/** The org chart's people: per position, how many the viewer may see and the first of them. */
export interface OrgChartMember {
  id: string;
  full_name: string;
  status: "active" | "on_leave" | "left";
  territory_code: string | null;
}
export interface OrgChartGroup {
  filled: number;
  members: OrgChartMember[];
}
export const orgChartPerPosition = 12;

export async function fetchOrgChartMembers(): Promise<Map<string, OrgChartGroup>> {
  const { data, error } = await supabaseClient.rpc("org_chart_members", { p_per_position: orgChartPerPosition });
  if (error) throw error;
  return new Map(
    (data ?? []).map((row) => [
      row.position_id,
      { filled: Number(row.filled), members: row.members as unknown as OrgChartMember[] },
    ]),
  );
}
