// One function per section of a schema in database.ts: Tables, Views, Functions, then Enums
// and CompositeTypes, each returning its lines (unindented).
import type { Catalog, Fn, Relation } from "./catalog.ts";
import { tsType } from "./ts-type.ts";

export const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

function relationshipLines(c: Catalog, rel: Relation): string[] {
  const { fks } = c;
  const items = fks
    .filter((fk) => fk.schema === rel.schema && fk.relation === rel.name && fk.referenced_schema === rel.schema)
    .sort((a, b) => a.name.localeCompare(b.name) || a.referenced_relation.localeCompare(b.referenced_relation));
  if (items.length === 0) return ["Relationships: []"];
  const result = ["Relationships: ["];
  for (const fk of items) {
    result.push("  {");
    result.push(`    foreignKeyName: ${JSON.stringify(fk.name)}`);
    result.push(`    columns: ${JSON.stringify(fk.columns)}`);
    result.push(`    isOneToOne: ${fk.one_to_one}`);
    result.push(`    referencedRelation: ${JSON.stringify(fk.referenced_relation)}`);
    result.push(`    referencedColumns: ${JSON.stringify(fk.referenced_columns)}`);
    result.push("  },");
  }
  result.push("]");
  return result;
}

/** Tables: Row, Insert and Update shapes, and foreign keys. */
export function tablesSection(c: Catalog, schema: string): string[] {
  const { relations, columns, types } = c;
  const lines: string[] = [];
  const colsOf = (oid: number) => columns.filter((col) => col.table_oid === oid).sort(byName);
  const ts = (col: { type: string; type_schema: string }) => tsType(col.type, col.type_schema, types, relations);
  // Tables
  const tables = relations.filter((r) => r.schema === schema && ["r", "p", "f"].includes(r.kind)).sort(byName);
  lines.push("Tables: {");
  if (tables.length === 0) lines.push("  [_ in never]: never");
  for (const table of tables) {
    const cols = colsOf(table.oid);
    lines.push(`  ${table.name}: {`);
    lines.push("    Row: {");
    for (const c of cols) lines.push(`      ${c.name}: ${ts(c)}${c.nullable ? " | null" : ""}`);
    lines.push("    }");
    lines.push("    Insert: {");
    for (const c of cols) {
      if (c.identity === "a" || c.generated) lines.push(`      ${c.name}?: never`);
      else {
        const optional = c.nullable || c.has_default || c.identity === "d";
        lines.push(`      ${c.name}${optional ? "?" : ""}: ${ts(c)}${c.nullable ? " | null" : ""}`);
      }
    }
    lines.push("    }");
    lines.push("    Update: {");
    for (const c of cols) {
      if (c.identity === "a" || c.generated) lines.push(`      ${c.name}?: never`);
      else lines.push(`      ${c.name}?: ${ts(c)}${c.nullable ? " | null" : ""}`);
    }
    lines.push("    }");
    lines.push(...relationshipLines(c, table).map((l) => `    ${l}`));
    lines.push("  }");
  }
  lines.push("}");
  return lines;
}

/** Views: Row, and Insert/Update for updatable views. */
export function viewsSection(c: Catalog, schema: string): string[] {
  const { relations, columns, types } = c;
  const lines: string[] = [];
  const colsOf = (oid: number) => columns.filter((col) => col.table_oid === oid).sort(byName);
  const ts = (col: { type: string; type_schema: string }) => tsType(col.type, col.type_schema, types, relations);
  // Views
  const views = relations.filter((r) => r.schema === schema && ["v", "m"].includes(r.kind)).sort(byName);
  lines.push("Views: {");
  if (views.length === 0) lines.push("  [_ in never]: never");
  for (const view of views) {
    const cols = colsOf(view.oid);
    lines.push(`  ${view.name}: {`);
    lines.push("    Row: {");
    for (const c of cols) lines.push(`      ${c.name}: ${ts(c)} | null`);
    lines.push("    }");
    if (view.updatable) {
      for (const section of ["Insert", "Update"]) {
        lines.push(`    ${section}: {`);
        for (const c of cols) {
          lines.push(c.updatable ? `      ${c.name}?: ${ts(c)} | null` : `      ${c.name}?: never`);
        }
        lines.push("    }");
      }
    }
    lines.push(...relationshipLines(c, view).map((l) => `    ${l}`));
    lines.push("  }");
  }
  lines.push("}");
  return lines;
}

/** Functions: Args (one variant per overload) and Returns. */
export function functionsSection(c: Catalog, schema: string): string[] {
  const { relations, columns, functions, types } = c;
  const lines: string[] = [];
  const colsOf = (oid: number) => columns.filter((col) => col.table_oid === oid).sort(byName);
  const ts = (col: { type: string; type_schema: string }) => tsType(col.type, col.type_schema, types, relations);
  // Functions
  const fns = functions.filter((f) => f.schema === schema).sort(byName);
  lines.push("Functions: {");
  if (fns.length === 0) lines.push("  [_ in never]: never");
  const grouped = new Map<string, Fn[]>();
  for (const fn of fns) grouped.set(fn.name, [...(grouped.get(fn.name) ?? []), fn]);
  for (const [name, overloads] of grouped) {
    const argVariants = overloads.map((fn) => {
      const modes = fn.arg_modes ?? fn.arg_types.map(() => "i");
      const inArgs = modes
        .map((mode, i) => ({
          mode,
          name: fn.arg_names?.[i] ?? "",
          type: fn.arg_types[i]!,
          schema: fn.arg_type_schemas[i]!,
        }))
        .filter((a) => a.mode === "i" || a.mode === "b" || a.mode === "v");
      if (inArgs.length === 0) return "never";
      const firstDefault = inArgs.length - fn.in_defaults;
      return `{ ${inArgs
        .map((a, i) => `${a.name}${i >= firstDefault ? "?" : ""}: ${tsType(a.type, a.schema, types, relations)}`)
        .join("; ")} }`;
    });
    const fn = overloads[0]!;
    const modes = fn.arg_modes ?? [];
    const tableArgs = modes
      .map((mode, i) => ({
        mode,
        name: fn.arg_names?.[i] ?? "",
        type: fn.arg_types[i]!,
        schema: fn.arg_type_schemas[i]!,
      }))
      .filter((a) => a.mode === "t");
    let returns: string[];
    if (tableArgs.length > 0) {
      returns = ["{", ...tableArgs.map((a) => `  ${a.name}: ${tsType(a.type, a.schema, types, relations)}`), "}"];
    } else if (fn.return_relation) {
      const rel = relations.find((r) => r.oid === fn.return_relation);
      returns = rel
        ? ["{", ...colsOf(rel.oid).map((c) => `  ${c.name}: ${ts(c)}${c.nullable ? " | null" : ""}`), "}"]
        : [tsType(fn.return_type, fn.return_type_schema, types, relations)];
    } else {
      returns = [tsType(fn.return_type, fn.return_type_schema, types, relations)];
    }
    if (fn.returns_set) returns[returns.length - 1] += "[]";
    lines.push(`  ${name}: {`);
    lines.push(`    Args: ${argVariants.join(" | ")}`);
    lines.push(`    Returns: ${returns[0]}`);
    for (const r of returns.slice(1)) lines.push(`    ${r}`);
    lines.push("  }");
  }
  lines.push("}");
  return lines;
}

/** Enums and CompositeTypes. */
export function typesSection(c: Catalog, schema: string): string[] {
  const { types, relations } = c;
  const lines: string[] = [];
  // Enums and composite types
  const enums = types.filter((t) => t.schema === schema && t.enum_values).sort(byName);
  lines.push("Enums: {");
  if (enums.length === 0) lines.push("  [_ in never]: never");
  for (const e of enums) lines.push(`  ${e.name}: ${e.enum_values!.map((v) => JSON.stringify(v)).join(" | ")}`);
  lines.push("}");
  const composites = types.filter((t) => t.schema === schema && t.attributes).sort(byName);
  lines.push("CompositeTypes: {");
  if (composites.length === 0) lines.push("  [_ in never]: never");
  for (const c of composites) {
    lines.push(`  ${c.name}: {`);
    for (const a of c.attributes!)
      lines.push(`    ${a.name}: ${tsType(a.type, a.type_schema, types, relations)} | null`);
    lines.push("  }");
  }
  lines.push("}");
  return lines;
}
