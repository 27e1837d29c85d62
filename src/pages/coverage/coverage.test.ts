import { describe, expect, it } from "vitest";
import { groupByChild, missingRows, percent, summary, type CoveragePerson, type TerritoryRef } from "./coverage";

const t = (id: string, code: string, parent: string | null, path: string): TerritoryRef => ({ id, code, name: code, parent_id: parent, path });
const territories = [t("eu", "EU", null, "a"), t("es", "ES", "eu", "a.b"), t("fr", "FR", "eu", "a.c"), t("nor", "NOR", "es", "a.b.d"), t("us", "US", null, "e")];
const p = (name: string, path: string | null, acknowledged: boolean): CoveragePerson => ({
  staff_id: name, full_name: name, email: `${name}@x.test`, territory_id: null, territory_code: path ? path.toUpperCase() : null, territory_path: path, acknowledged, acknowledged_at: null,
});

describe("coverage arithmetic", () => {
  it("percent rounds to one decimal and is 0 for nobody", () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBe(0);
  });

  it("groups people under the child territory whose subtree holds them, plus a direct group", () => {
    const people = [p("ana", "a.b.d", true), p("bo", "a.b", false), p("cy", "a.c", true), p("di", "a", false)];
    const groups = groupByChild(people, territories, "eu");
    expect(groups.map((g) => [g.territory?.code ?? "direct", g.acknowledged, g.total, g.percent])).toEqual([
      ["ES", 1, 2, 50],
      ["FR", 1, 1, 100],
      ["direct", 0, 1, 0],
    ]);
  });

  it("without a chosen territory groups by the top-level territories", () => {
    const groups = groupByChild([p("ana", "a.b", true), p("ed", "e", false), p("no", null, false)], territories, null);
    expect(groups.map((g) => g.territory?.code ?? "direct")).toEqual(["EU", "US", "direct"]);
  });

  it("does not count a sibling whose path merely starts with the same characters", () => {
    const ts = [t("r", "R", null, "r"), t("x", "X", "r", "r.x"), t("x2", "X2", "r", "r.x2")];
    const groups = groupByChild([p("a", "r.x2", true)], ts, "r");
    expect(groups.map((g) => g.territory?.code)).toEqual(["X2"]);
  });

  it("summarises and exports only the missing people, formula-safe", () => {
    const people = [p("ana", "a", true), p("=cmd", "a", false)];
    expect(summary(people)).toEqual({ total: 2, acknowledged: 1, missing: 1, percent: 50 });
    expect(missingRows(people, { code: "MTG-01", version: 2 })).toEqual([
      { rule: "MTG-01", version: 2, full_name: "'=cmd", email: "'=cmd@x.test", territory: "A" },
    ]);
  });
});
