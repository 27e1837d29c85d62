// Coverage arithmetic (pure; unit-tested): who acknowledged the version in force, grouped by
// the child territories of the chosen subtree, and the CSV rows of the people still missing.
import { neutralizeRecord } from "../../utils/csv";

export interface CoveragePerson {
  staff_id: string;
  full_name: string;
  email: string;
  territory_id: string | null;
  territory_code: string | null;
  territory_path: string | null;
  acknowledged: boolean;
  acknowledged_at: string | null;
}

export interface TerritoryRef {
  id: string;
  code: string;
  name: string;
  parent_id: string | null;
  path: string;
}

export interface CoverageGroup {
  key: string;
  /** null for people placed directly in the chosen territory (or without a territory). */
  territory: TerritoryRef | null;
  total: number;
  acknowledged: number;
  percent: number;
}

export function percent(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 1000) / 10;
}

const inside = (path: string | null, root: string) => !!path && (path === root || path.startsWith(`${root}.`));

/**
 * One group per child of `rootId` (per top-level territory when rootId is null) that has
 * people, plus a group for people directly in the root or without a territory.
 */
export function groupByChild(people: CoveragePerson[], territories: TerritoryRef[], rootId: string | null): CoverageGroup[] {
  const children = territories.filter((t) => (rootId ? t.parent_id === rootId : !t.parent_id || !territories.some((p) => p.id === t.parent_id)));
  const groups = new Map<string, CoverageGroup>();
  for (const person of people) {
    const child = children.find((c) => inside(person.territory_path, c.path));
    const key = child?.id ?? "direct";
    const group = groups.get(key) ?? { key, territory: child ?? null, total: 0, acknowledged: 0, percent: 0 };
    group.total += 1;
    if (person.acknowledged) group.acknowledged += 1;
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, percent: percent(g.acknowledged, g.total) }))
    .sort((a, b) => (a.territory && b.territory ? a.territory.code.localeCompare(b.territory.code) : a.territory ? -1 : 1));
}

export function summary(people: CoveragePerson[]): { total: number; acknowledged: number; missing: number; percent: number } {
  const acknowledged = people.filter((p) => p.acknowledged).length;
  return { total: people.length, acknowledged, missing: people.length - acknowledged, percent: percent(acknowledged, people.length) };
}

/** The export of people who have not acknowledged, spreadsheet-safe. */
export function missingRows(people: CoveragePerson[], rule: { code: string; version: number }) {
  return people
    .filter((p) => !p.acknowledged)
    .map((p) =>
      neutralizeRecord({ rule: rule.code, version: rule.version, full_name: p.full_name, email: p.email, territory: p.territory_code ?? "" }),
    );
}
