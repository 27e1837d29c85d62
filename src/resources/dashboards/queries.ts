// Dashboards: each card is one database function that reads through the caller's RLS (a
// salesperson's own figures, a manager's subtree, everything for HR and the auditor); here
// are the calls, the shaping of their rows for charts and tables, and the CSV of a card.
import { supabaseClient } from "../../providers/supabaseClient";
import type { Database, Tables } from "../../types/database";
import { neutralizeRecord, saveRows } from "../../utils/csv";

type Fns = Database["public"]["Functions"];
export type Row<F extends keyof Fns> = Fns[F]["Returns"] extends (infer R)[] ? R : never;

export type AchievementRow = Row<"dashboard_achievement">;
export type MonthRow = Row<"dashboard_months">;
export type BandRow = Row<"dashboard_bands">;
export type PlansRow = Row<"dashboard_plans">;
export type OverdueRow = Row<"dashboard_overdue">;
export type ComplianceRow = Row<"dashboard_visit_compliance">;
export type SalesRow = Row<"dashboard_sales">;
export type OutstandingRow = Row<"dashboard_outstanding">;
export type ViolationRow = Row<"dashboard_violations">;
export type AcknowledgementRow = Row<"dashboard_acknowledgements">;
export type RankingRow = Row<"dashboard_ranking">;
export type DashboardSettings = Pick<Tables<"dashboard_settings">, "id" | "show_ranking" | "version">;

/** What every card is computed for: the page's year, months, KPI and territory (null: all you may read). */
export interface DashboardScope {
  year: number;
  fromMonth: number;
  toMonth: number;
  kpiId: string;
  territoryId: string | null;
}

async function call<F extends keyof Fns & string>(fn: F, args: Fns[F]["Args"]): Promise<Row<F>[]> {
  const { data, error } = await supabaseClient.rpc(fn, args as never);
  if (error) throw error;
  return (data ?? []) as unknown as Row<F>[];
}

const territory = (s: DashboardScope) => s.territoryId ?? undefined;

/** The first and last day of the scope's months (YYYY-MM-DD). */
export function periodDays(s: Pick<DashboardScope, "year" | "fromMonth" | "toMonth">): { from: string; to: string } {
  const pad = (n: number) => String(n).padStart(2, "0");
  const last = new Date(Date.UTC(s.year, s.toMonth, 0)).getUTCDate();
  return { from: `${s.year}-${pad(s.fromMonth)}-01`, to: `${s.year}-${pad(s.toMonth)}-${pad(last)}` };
}

export const dashboardQueries = {
  achievement: (s: DashboardScope) =>
    call("dashboard_achievement", {
      p_kpi: s.kpiId,
      p_year: s.year,
      p_from_month: s.fromMonth,
      p_to_month: s.toMonth,
      p_parent: territory(s),
    }),
  months: (s: DashboardScope) =>
    call("dashboard_months", { p_kpi: s.kpiId, p_year: s.year, p_territory: territory(s) }),
  bands: (s: DashboardScope) => call("dashboard_bands", { p_territory: territory(s) }),
  plans: (s: DashboardScope) => call("dashboard_plans", { p_territory: territory(s) }),
  overdue: (s: DashboardScope) => call("dashboard_overdue", { p_territory: territory(s) }),
  compliance: (s: DashboardScope) => {
    const { from, to } = periodDays(s);
    return call("dashboard_visit_compliance", { p_from: from, p_to: to, p_territory: territory(s) });
  },
  sales: (s: DashboardScope) => call("dashboard_sales", { p_year: s.year, p_territory: territory(s) }),
  outstanding: (s: DashboardScope) => call("dashboard_outstanding", { p_territory: territory(s) }),
  violations: (s: DashboardScope) => {
    const { from, to } = periodDays(s);
    return call("dashboard_violations", { p_from: from, p_to: to, p_territory: territory(s) });
  },
  acknowledgements: (s: DashboardScope) => call("dashboard_acknowledgements", { p_territory: territory(s) }),
  ranking: (s: DashboardScope) =>
    call("dashboard_ranking", {
      p_kpi: s.kpiId,
      p_year: s.year,
      p_from_month: s.fromMonth,
      p_to_month: s.toMonth,
      p_territory: territory(s),
    }),
};

export type CardName = keyof typeof dashboardQueries;

export async function fetchDashboardSettings(): Promise<DashboardSettings | null> {
  const { data, error } = await supabaseClient
    .from("dashboard_settings")
    .select("id, show_ranking, version")
    .maybeSingle();
  if (error) throw error;
  return data;
}

/** Switches the ranking on or off from the version read: someone's change meanwhile is a 409, never overwritten. */
export async function saveShowRanking(settings: DashboardSettings, show: boolean): Promise<DashboardSettings> {
  const { data, error } = await supabaseClient
    .from("dashboard_settings")
    .update({ show_ranking: show, version: settings.version })
    .eq("id", true)
    .select("id, show_ranking, version")
    .single();
  if (error) throw error;
  return data;
}

/** One series point of a chart: a category on the x axis, the series it belongs to, its value. */
export interface Point {
  x: string;
  series: string;
  value: number;
}

/** Long-form points (one per row and measure) from wide rows, skipping empty values. */
export function toPoints<R>(
  rows: R[],
  x: (row: R) => string,
  measures: { label: string; value: (row: R) => number | null | undefined }[],
): Point[] {
  return rows.flatMap((row) =>
    measures.flatMap((m) => {
      const value = m.value(row);
      return value === null || value === undefined ? [] : [{ x: x(row), series: m.label, value: Number(value) }];
    }),
  );
}

/** A column of a card's table, which is also a column of its CSV. */
export interface CardColumn<R> {
  key: string;
  title: string;
  value: (row: R) => string | number | null;
  /** How the table shows the value (the CSV keeps the plain value). */
  render?: (row: R) => React.ReactNode;
  align?: "left" | "right";
}

/** A card's rows as CSV records, headed by the columns' titles, formula-safe. */
export function csvRecords<R>(rows: R[], columns: CardColumn<R>[]): Record<string, unknown>[] {
  return rows.map((row) => neutralizeRecord(Object.fromEntries(columns.map((c) => [c.title, c.value(row)]))));
}

export function downloadCard<R>(filename: string, rows: R[], columns: CardColumn<R>[]): void {
  saveRows(filename, csvRecords(rows, columns));
}

/** Violations per month as one row per month with a count per rule code (the table's shape). */
export function violationsByMonth(rows: ViolationRow[]): { month: string; counts: Record<string, number> }[] {
  const months = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const month = String(r.month).slice(0, 7);
    const counts = months.get(month) ?? {};
    counts[r.code] = (counts[r.code] ?? 0) + Number(r.violations);
    months.set(month, counts);
  }
  return [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, counts]) => ({ month, counts }));
}

/** The acknowledgement coverage of every rule together: acknowledged / applicable in percent. */
export function overallCoverage(rows: AcknowledgementRow[]): number | null {
  const applicable = rows.reduce((sum, r) => sum + Number(r.applicable), 0);
  const acknowledged = rows.reduce((sum, r) => sum + Number(r.acknowledged), 0);
  return applicable === 0 ? null : Math.round((acknowledged * 1000) / applicable) / 10;
}

/** Chart colours with at least 3:1 contrast against the card background in each mode. */
export const chartPalette = {
  light: ["#1668dc", "#d4380d", "#237804", "#722ed1", "#c41d7f", "#006d75"],
  dark: ["#4096ff", "#ff7a45", "#73d13d", "#b37feb", "#ff85c0", "#36cfc9"],
} as const;
export const cardBackground = { light: "#ffffff", dark: "#141414" } as const;

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
