// Targets: the grid's rows (a person's or a territory's months with quarters and the year,
// made by the database from each KPI's rule), the tree they are shown in (read level by level
// on screen, whole for the export), and the sums the editor shows while typing.
import { supabaseClient } from "../../providers/supabaseClient";
import type { Tables } from "../../types/database";
import { sumOfHundredths } from "../../utils/format";

export type TargetRow = Omit<Tables<"target_totals">, "id"> & {
  id: string;
  person: Pick<Tables<"staff">, "full_name"> | null;
};
export const targetGridSelect =
  "id, kpi_id, year, territory_id, staff_id, months, overridden, override_reason, version, q1, q2, q3, q4, year_total, person:staff_id(full_name)";

/** The grid's lines, level by level: the key the page caches them under (edits refresh it). */
export const targetGridKey = (year: number, kpiId: string | null, opened: string[]) =>
  ["target_grid", year, kpiId, opened] as const;

/**
 * The lines of the grid read level by level (target_grid): the top territories the reader sees
 * and the opened territories' child territories with their own rows, and the people of the top
 * and opened territories.
 */
export async function fetchTargetGrid(year: number, kpiId: string, opened: string[]): Promise<TargetRow[]> {
  const { data, error } = await supabaseClient
    .rpc("target_grid", { p_year: year, p_kpi: kpiId, p_opened: opened })
    .select(targetGridSelect);
  if (error) throw error;
  return (data ?? []) as unknown as TargetRow[];
}

export type Months = (number | null)[];
export const monthIndexes = Array.from({ length: 12 }, (_, i) => i);

interface TerritoryLike {
  id: string;
  code: string;
  name: string;
  parent_id: string | null;
}

export interface TargetNode {
  key: string;
  /** "pending": the line a territory not opened yet holds while its children are unread. */
  kind: "territory" | "person" | "pending";
  label: string;
  territoryId: string;
  /** The stored row (a territory of a KPI that does not add up has none). */
  row: TargetRow | null;
  /** A territory whose child territories and people are read (always, in a whole tree). */
  opened?: boolean;
  children?: TargetNode[];
}

const numbers = (months: unknown): Months =>
  monthIndexes.map((i) => {
    const v = Array.isArray(months) ? (months as unknown[])[i] : null;
    return v === null || v === undefined ? null : Number(v);
  });

export const monthsOf = (row: TargetRow | null): Months => numbers(row?.months);

/** Each territory's own row, and its people's rows. */
function rowsByTerritory(rows: TargetRow[]) {
  const own = new Map<string, TargetRow>();
  const people = new Map<string, TargetRow[]>();
  for (const r of rows) {
    if (!r.territory_id) continue;
    if (r.staff_id) people.set(r.territory_id, [...(people.get(r.territory_id) ?? []), r]);
    else own.set(r.territory_id, r);
  }
  return { own, people };
}

const byCode = (a: TerritoryLike, b: TerritoryLike) => a.code.localeCompare(b.code);

/** A territory's people as lines, by name. */
const personNodes = (rows: TargetRow[] | undefined, territoryId: string): TargetNode[] =>
  (rows ?? [])
    .map<TargetNode>((r) => ({ key: r.id, kind: "person", label: r.person?.full_name ?? "—", territoryId, row: r }))
    .sort((a, b) => a.label.localeCompare(b.label));

/**
 * The territories that hold targets (theirs or their people's, anywhere below), each with its
 * people and child territories; a territory outside the readable set starts a tree of its own.
 */
export function buildTargetTree(rows: TargetRow[], territories: TerritoryLike[]): TargetNode[] {
  const byId = new Map(territories.map((t) => [t.id, t]));
  const { own, people } = rowsByTerritory(rows);
  const holding = new Set<string>();
  for (const id of [...own.keys(), ...people.keys()]) {
    for (let t = byId.get(id); t && !holding.has(t.id); t = t.parent_id ? byId.get(t.parent_id) : undefined) {
      holding.add(t.id);
    }
  }
  const childrenOf = new Map<string | null, TerritoryLike[]>();
  for (const t of territories) {
    if (!holding.has(t.id)) continue;
    const parent = t.parent_id && holding.has(t.parent_id) ? t.parent_id : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), t]);
  }
  const node = (t: TerritoryLike): TargetNode => {
    const persons = personNodes(people.get(t.id), t.id);
    const subs = (childrenOf.get(t.id) ?? []).sort(byCode).map(node);
    const children = [...subs, ...persons];
    return {
      key: t.id,
      kind: "territory",
      label: `${t.code} · ${t.name}`,
      territoryId: t.id,
      row: own.get(t.id) ?? null,
      opened: true,
      ...(children.length > 0 ? { children } : {}),
    };
  };
  return (childrenOf.get(null) ?? []).sort(byCode).map(node);
}

/** The territories a tree starts from: those whose parent the reader cannot see. */
export function topTerritories(territories: TerritoryLike[]): string[] {
  const seen = new Set(territories.map((t) => t.id));
  return territories.filter((t) => !t.parent_id || !seen.has(t.parent_id)).map((t) => t.id);
}

/**
 * The grid read level by level: every territory the reader sees from the top down to the opened
 * ones, each with its own row; an opened territory with its child territories first, then its
 * people; one not opened yet holds a single pending line, so that it can be opened. `rows` are
 * what target_grid reads for the same opened territories.
 */
export function buildOpenedTree(
  rows: TargetRow[],
  territories: TerritoryLike[],
  opened: ReadonlySet<string>,
  pendingLabel: string,
): TargetNode[] {
  const { own, people } = rowsByTerritory(rows);
  const childrenOf = new Map<string, TerritoryLike[]>();
  for (const t of territories) {
    if (t.parent_id) childrenOf.set(t.parent_id, [...(childrenOf.get(t.parent_id) ?? []), t]);
  }
  const node = (t: TerritoryLike): TargetNode => {
    const base = { key: t.id, kind: "territory" as const, label: `${t.code} · ${t.name}`, territoryId: t.id };
    const row = own.get(t.id) ?? null;
    if (!opened.has(t.id)) {
      const pending: TargetNode = {
        key: `${t.id}:pending`,
        kind: "pending",
        label: pendingLabel,
        territoryId: t.id,
        row: null,
      };
      return { ...base, row, opened: false, children: [pending] };
    }
    const persons = personNodes(people.get(t.id), t.id);
    const children = [...(childrenOf.get(t.id) ?? []).sort(byCode).map(node), ...persons];
    return { ...base, row, opened: true, ...(children.length > 0 ? { children } : {}) };
  };
  const tops = new Set(topTerritories(territories));
  return territories
    .filter((t) => tops.has(t.id))
    .sort(byCode)
    .map(node);
}

/** Month by month, the sum of the given months (a month nobody has a figure for is 0). */
export function addMonths(list: Months[]): number[] {
  return monthIndexes.map((i) => sumOfHundredths(list.map((m) => m[i] ?? 0)));
}

/** What a territory's children add up to: its people's and its child territories' months. */
export function childrenMonths(node: TargetNode): number[] {
  return addMonths((node.children ?? []).map((c) => monthsOf(c.row)));
}

/** A year's figure from months that add up (the grid's live totals). */
export const yearOf = (months: Months): number => sumOfHundredths(months.map((m) => m ?? 0));

/**
 * A person's months changed in the editor: what their territory then adds up to, next to what
 * it holds now (un-overridden territories follow their people; overridden ones keep their figure).
 */
export function parentAfterEdit(
  parent: TargetNode,
  personKey: string,
  edited: Months,
): { now: number; after: number; overridden: boolean } {
  const others = (parent.children ?? []).filter((c) => c.key !== personKey).map((c) => monthsOf(c.row));
  const after = yearOf(addMonths([...others, edited]));
  return { now: yearOf(monthsOf(parent.row)), after, overridden: Boolean(parent.row?.overridden) };
}

/** Finds a node and its parent in the tree. */
export function findNode(
  tree: TargetNode[],
  key: string,
  parent: TargetNode | null = null,
): { node: TargetNode; parent: TargetNode | null } | null {
  for (const n of tree) {
    if (n.key === key) return { node: n, parent };
    const found = n.children ? findNode(n.children, key, n) : null;
    if (found) return found;
  }
  return null;
}
