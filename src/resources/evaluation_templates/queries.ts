// Evaluation templates: a position's KPIs with weights from a month on. The editor keeps the
// lines as a draft, shows the weight total against 100 as you type, and saves them in one
// RPC (the database refuses a total that is not exactly 100, naming the difference).
import { supabaseClient } from "../../providers/supabaseClient";
import type { Tables } from "../../types/database";
import { sumOfHundredths } from "../../utils/format";

export type TemplateRow = Tables<"evaluation_templates">;
export type TemplateKpiRow = Tables<"evaluation_template_kpis">;

export const templateSelect =
  "*, position:position_id(code, title_en, title_es, title_zh), lines:evaluation_template_kpis(id, kpi_id, weight, cap_percent, floor_percent, sort_order)";
export type TemplateWithLines = TemplateRow & {
  position: Pick<Tables<"positions">, "code" | "title_en" | "title_es" | "title_zh"> | null;
  lines: Pick<TemplateKpiRow, "id" | "kpi_id" | "weight" | "cap_percent" | "floor_percent" | "sort_order">[];
};

export interface TemplateLine {
  kpi_id: string;
  weight: number;
  cap_percent: number;
  floor_percent: number | null;
}

export function weightTotal(lines: Pick<TemplateLine, "weight">[]): number {
  return sumOfHundredths(lines.map((l) => l.weight));
}

/** What keeps a draft from being saved, as an i18n key (null: it can be saved). */
export function lineProblem(lines: TemplateLine[]): string | null {
  if (lines.some((l) => !l.kpi_id)) return "evaluation_templates.errors.kpiMissing";
  if (new Set(lines.map((l) => l.kpi_id)).size !== lines.length) return "evaluation_templates.errors.kpiTwice";
  if (lines.some((l) => l.floor_percent !== null && l.floor_percent >= 100)) return "evaluation_templates.errors.floor";
  if (lines.length > 0 && weightTotal(lines) !== 100) return "evaluation_templates.errors.weights";
  return null;
}

export function linesOf(template: Pick<TemplateWithLines, "lines">): TemplateLine[] {
  return [...template.lines]
    .sort((a, b) => a.sort_order - b.sort_order)
    .map((l) => ({
      kpi_id: l.kpi_id,
      weight: Number(l.weight),
      cap_percent: Number(l.cap_percent),
      floor_percent: l.floor_percent === null ? null : Number(l.floor_percent),
    }));
}

export async function saveTemplateKpis(template: string, version: number, lines: TemplateLine[]) {
  const { data, error } = await supabaseClient.rpc("save_template_kpis", {
    p_template: template,
    p_version: version,
    p_lines: lines.map((l) => ({ ...l })),
  });
  if (error) throw error;
  return data;
}

export async function publishTemplate(template: string) {
  const { data, error } = await supabaseClient.rpc("publish_evaluation_template", { p_template: template });
  if (error) throw error;
  return data;
}

export async function copyTemplate(template: string, validFrom: string) {
  const { data, error } = await supabaseClient.rpc("copy_evaluation_template", {
    p_template: template,
    p_valid_from: validFrom,
  });
  if (error) throw error;
  return data;
}
