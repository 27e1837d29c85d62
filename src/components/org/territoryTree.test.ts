import { describe, expect, it } from "vitest";
import { buildTerritoryTree, subtreeIds } from "./territoryTree";

const rows = [
  { id: "n", code: "NOR", name: "North", parent_id: null, path: "n" },
  { id: "ne", code: "NOR-E", name: "North East", parent_id: "n", path: "n.ne" },
  { id: "ne1", code: "NOR-E-1", name: "Area 1", parent_id: "ne", path: "n.ne.ne1" },
  { id: "s", code: "SOU", name: "South", parent_id: null, path: "s" },
];

describe("territory tree", () => {
  it("nests children under parents, sorted by code", () => {
    const tree = buildTerritoryTree(rows);
    expect(tree.map((n) => n.code)).toEqual(["NOR", "SOU"]);
    expect(tree[0]!.children[0]!.children[0]!.code).toBe("NOR-E-1");
  });
  it("shows a territory whose parent is not readable as a root", () => {
    const tree = buildTerritoryTree(rows.slice(1));
    expect(tree.map((n) => n.code)).toEqual(["NOR-E", "SOU"]);
  });
  it("lists a subtree's ids", () => {
    expect(subtreeIds(buildTerritoryTree(rows), "n")).toEqual(["n", "ne", "ne1"]);
    expect(subtreeIds(buildTerritoryTree(rows), "x")).toEqual([]);
  });
});
