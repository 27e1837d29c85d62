// Territory rows -> tree nodes (pure; unit-tested).
export interface TerritoryNodeRow {
  id: string;
  code: string;
  name: string;
  parent_id: string | null;
}

export interface TerritoryTreeNode {
  key: string;
  value: string;
  title: string;
  code: string;
  children: TerritoryTreeNode[];
}

export function buildTerritoryTree(rows: TerritoryNodeRow[]): TerritoryTreeNode[] {
  const nodes = new Map<string, TerritoryTreeNode>();
  for (const row of rows) {
    nodes.set(row.id, { key: row.id, value: row.id, title: `${row.code} · ${row.name}`, code: row.code, children: [] });
  }
  const roots: TerritoryTreeNode[] = [];
  for (const row of [...rows].sort((a, b) => a.code.localeCompare(b.code))) {
    const node = nodes.get(row.id)!;
    const parent = row.parent_id ? nodes.get(row.parent_id) : undefined;
    // A parent outside what the person may read: show the node as a root of their view.
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** All ids in the subtree rooted at `id` (inclusive). */
export function subtreeIds(roots: TerritoryTreeNode[], id: string): string[] {
  const find = (list: TerritoryTreeNode[]): TerritoryTreeNode | undefined => {
    for (const n of list) {
      if (n.key === id) return n;
      const inner = find(n.children);
      if (inner) return inner;
    }
    return undefined;
  };
  const start = find(roots);
  if (!start) return [];
  const out: string[] = [];
  const walk = (n: TerritoryTreeNode) => {
    out.push(n.key);
    n.children.forEach(walk);
  };
  walk(start);
  return out;
}
