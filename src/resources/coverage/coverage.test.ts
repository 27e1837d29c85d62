import { describe, expect, it } from "vitest";
import { missingRows, percent, summary, toGroups, type CoverageCount } from "./coverage";

const count = (code: string | null, acknowledged: number, total: number): CoverageCount => ({
  territory_id: code ? `id-${code}` : null,
  territory_code: code,
  territory_name: code ? `${code} name` : null,
  total,
  acknowledged,
});

describe("coverage arithmetic", () => {
  it("percent rounds to one decimal and is 0 for nobody", () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBe(0);
  });

  it("shows territories by code with their percentage, and the people placed directly there last", () => {
    const groups = toGroups([count(null, 0, 1), count("FR", 1, 1), count("ES", 1, 2)]);
    expect(groups.map((g) => [g.territory?.code ?? "direct", g.acknowledged, g.total, g.percent])).toEqual([
      ["ES", 1, 2, 50],
      ["FR", 1, 1, 100],
      ["direct", 0, 1, 0],
    ]);
    expect(groups[0]!.territory).toEqual({ id: "id-ES", code: "ES", name: "ES name" });
  });

  it("sums the groups into the page's totals", () => {
    const groups = toGroups([count("ES", 1, 2), count("FR", 2, 3)]);
    expect(summary(groups)).toEqual({ total: 5, acknowledged: 3, missing: 2, percent: 60 });
    expect(summary([])).toEqual({ total: 0, acknowledged: 0, missing: 0, percent: 0 });
  });

  it("exports the missing people formula-safe, with the rule and version on every row", () => {
    expect(
      missingRows(
        [
          { full_name: "=cmd", email: "=cmd@x.test", territory_code: null },
          { full_name: "Ana", email: "ana@x.test", territory_code: "ES" },
        ],
        { code: "MTG-01", version: 2 },
      ),
    ).toEqual([
      { rule: "MTG-01", version: 2, full_name: "'=cmd", email: "'=cmd@x.test", territory: "" },
      { rule: "MTG-01", version: 2, full_name: "Ana", email: "ana@x.test", territory: "ES" },
    ]);
  });
});
