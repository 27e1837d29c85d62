import { describe, expect, it } from "vitest";
import {
  buildOpenedTree,
  buildTargetTree,
  childrenMonths,
  findNode,
  parentAfterEdit,
  topTerritories,
  type TargetRow,
} from "./queries";

const territories = [
  { id: "root", code: "R", name: "Root", parent_id: null },
  { id: "north", code: "N", name: "North", parent_id: "root" },
  { id: "south", code: "S", name: "South", parent_id: "root" },
  { id: "empty", code: "E", name: "Empty", parent_id: "root" },
];
const months = (v: number | null) => Array<number | null>(12).fill(v);
const row = (id: string, territory: string, staff: string | null, m: (number | null)[], overridden = false) =>
  ({
    id,
    territory_id: territory,
    staff_id: staff,
    months: m,
    overridden,
    person: staff ? { full_name: `Person ${staff}` } : null,
  }) as unknown as TargetRow;

describe("the targets tree", () => {
  const rows = [
    row("t-root", "root", null, months(300)),
    row("t-north", "north", null, months(100)),
    row("p-n1", "north", "n1", months(100)),
    row("t-south", "south", null, months(200), true),
    row("p-s1", "south", "s1", [...months(50).slice(0, 6), ...months(null).slice(0, 6)]),
  ];
  const tree = buildTargetTree(rows, territories);

  it("shows the territories that hold targets with their child territories first, then their people", () => {
    expect(tree.map((n) => n.key)).toEqual(["root"]);
    expect(tree[0]!.children!.map((n) => n.key)).toEqual(["north", "south"]);
    expect(tree[0]!.children![0]!.children!.map((n) => [n.kind, n.label])).toEqual([["person", "Person n1"]]);
  });

  it("adds up a territory's children month by month, a month without a figure as 0", () => {
    expect(childrenMonths(findNode(tree, "south")!.node)).toEqual([
      ...months(50).slice(0, 6),
      ...months(0).slice(0, 6),
    ]);
    expect(childrenMonths(tree[0]!)).toEqual(months(300));
  });

  it("shows what a person's territory becomes while their months are edited", () => {
    const { node, parent } = findNode(tree, "p-n1")!;
    expect(parentAfterEdit(parent!, node.key, months(110))).toEqual({ now: 1200, after: 1320, overridden: false });
    const south = findNode(tree, "p-s1")!;
    expect(parentAfterEdit(south.parent!, "p-s1", months(50))).toEqual({ now: 2400, after: 600, overridden: true });
  });

  it("starts a tree at a territory whose parent the reader cannot see", () => {
    const partial = buildTargetTree([row("p-n1", "north", "n1", months(1))], territories.slice(1));
    expect(partial.map((n) => n.key)).toEqual(["north"]);
  });
});

describe("the targets tree read level by level", () => {
  const rows = [
    row("t-root", "root", null, months(300)),
    row("t-north", "north", null, months(100)),
    row("t-south", "south", null, months(200)),
    row("p-n1", "north", "n1", months(100)),
  ];

  it("starts from the territories whose parent the reader cannot see", () => {
    expect(topTerritories(territories)).toEqual(["root"]);
    expect(topTerritories(territories.slice(1))).toEqual(["north", "south", "empty"]);
  });

  it("gives a territory not opened yet one pending line, and an opened one its territories then its people", () => {
    const closed = buildOpenedTree(rows, territories, new Set(["root"]), "Reading…");
    expect(closed.map((n) => [n.key, n.opened])).toEqual([["root", true]]);
    const north = findNode(closed, "north")!.node;
    expect(north.row?.id).toBe("t-north");
    expect(north.children!.map((n) => [n.kind, n.label])).toEqual([["pending", "Reading…"]]);
    const open = buildOpenedTree(rows, territories, new Set(["root", "north", "empty"]), "Reading…");
    expect(findNode(open, "north")!.node.children!.map((n) => [n.kind, n.label])).toEqual([["person", "Person n1"]]);
    // An opened territory with nothing under it has no children at all (no line to open).
    expect(findNode(open, "empty")!.node.children).toBeUndefined();
    expect(childrenMonths(findNode(open, "root")!.node)).toEqual(months(300));
  });
});
