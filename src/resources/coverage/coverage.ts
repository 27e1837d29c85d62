// Coverage arithmetic (pure; unit-tested): the database counts people per child territory;
// this turns those counts into percentages and a summary, and builds the CSV rows of the
// people still missing.
import { neutralizeRecord } from "../../utils/csv";

export interface CoverageCount {
  territory_id: string | null;
  territory_code: string | null;
  territory_name: string | null;
  total: number;
  acknowledged: number;
}

export interface CoverageGroup {
  key: string;
  /** null for people placed directly in the chosen territory (or without a territory). */
  territory: { id: string; code: string; name: string } | null;
  total: number;
  acknowledged: number;
  percent: number;
}

export interface MissingPerson {
  full_name: string;
  email: string;
  territory_code: string | null;
}

export function percent(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 1000) / 10;
}

/** The groups as the page shows them: territories by code, the "directly here" group last. */
export function toGroups(counts: CoverageCount[]): CoverageGroup[] {
  return counts
    .map((c) => ({
      key: c.territory_id ?? "direct",
      territory: c.territory_id
        ? { id: c.territory_id, code: c.territory_code ?? "", name: c.territory_name ?? "" }
        : null,
      total: c.total,
      acknowledged: c.acknowledged,
      percent: percent(c.acknowledged, c.total),
    }))
    .sort((a, b) =>
      a.territory && b.territory
        ? a.territory.code.localeCompare(b.territory.code)
        : a.territory
          ? -1
          : b.territory
            ? 1
            : 0,
    );
}

export function summary(groups: CoverageGroup[]): {
  total: number;
  acknowledged: number;
  missing: number;
  percent: number;
} {
  const total = groups.reduce((sum, g) => sum + g.total, 0);
  const acknowledged = groups.reduce((sum, g) => sum + g.acknowledged, 0);
  return { total, acknowledged, missing: total - acknowledged, percent: percent(acknowledged, total) };
}

/** The export of people who have not acknowledged, spreadsheet-safe. */
export function missingRows(people: MissingPerson[], rule: { code: string; version: number }) {
  return people.map((p) =>
    neutralizeRecord({
      rule: rule.code,
      version: rule.version,
      full_name: p.full_name,
      email: p.email,
      territory: p.territory_code ?? "",
    }),
  );
}
