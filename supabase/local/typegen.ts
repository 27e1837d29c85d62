// `npm run db:types`: writes src/types/database.ts from the live schema, in the shape
// `supabase gen types typescript --local` produces (postgres-meta's template). Uses the
// running dev database when it is up; otherwise builds a throwaway one from the migrations.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { loadConfig, repoRoot } from "./config.ts";
import { fail } from "./cli.ts";
import { withMigratedDatabase } from "./scratch-db.ts";

const SCHEMAS = ["graphql_public", "public"];

interface Column {
  table_oid: number;
  name: string;
  type: string;
  type_schema: string;
  nullable: boolean;
  has_default: boolean;
  identity: string;
  generated: boolean;
  updatable: boolean;
}
interface Relation {
  oid: number;
  schema: string;
  name: string;
  kind: string;
  updatable: boolean;
}
interface Fk {
  schema: string;
  relation: string;
  name: string;
  columns: string[];
  referenced_schema: string;
  referenced_relation: string;
  referenced_columns: string[];
  one_to_one: boolean;
}
interface Fn {
  schema: string;
  name: string;
  arg_names: string[] | null;
  arg_modes: string[] | null;
  arg_types: string[];
  arg_type_schemas: string[];
  in_defaults: number;
  in_count: number;
  return_type: string;
  return_type_schema: string;
  return_relation: number | null;
  returns_set: boolean;
}
interface TypeInfo {
  schema: string;
  name: string;
  enum_values: string[] | null;
  attributes: { name: string; type: string; type_schema: string }[] | null;
}

const stringTypes = new Set([
  "bytea",
  "bpchar",
  "varchar",
  "date",
  "text",
  "citext",
  "time",
  "timetz",
  "timestamp",
  "timestamptz",
  "uuid",
  "vector",
  "ltree",
  "lquery",
  "inet",
  "cidr",
  "macaddr",
  "interval",
  "tsvector",
  "tsquery",
  "name",
  "char",
]);

function tsType(type: string, typeSchema: string, types: TypeInfo[], relations: Relation[]): string {
  if (type.startsWith("_")) return `${tsType(type.slice(1), typeSchema, types, relations)}[]`;
  if (type === "bool") return "boolean";
  if (["int2", "int4", "int8", "float4", "float8", "numeric", "oid"].includes(type)) return "number";
  if (stringTypes.has(type)) return "string";
  if (type === "json" || type === "jsonb") return "Json";
  if (type === "void") return "undefined";
  if (type === "record") return "Record<string, unknown>";
  const known = types.find((t) => t.name === type && t.schema === typeSchema);
  if (known && SCHEMAS.includes(known.schema)) {
    if (known.enum_values) return `Database[${JSON.stringify(known.schema)}]["Enums"][${JSON.stringify(known.name)}]`;
    if (known.attributes) {
      return `Database[${JSON.stringify(known.schema)}]["CompositeTypes"][${JSON.stringify(known.name)}]`;
    }
  }
  const relation = relations.find((r) => r.name === type && r.schema === typeSchema);
  if (relation) {
    const section = relation.kind === "v" || relation.kind === "m" ? "Views" : "Tables";
    return `Database[${JSON.stringify(relation.schema)}][${JSON.stringify(section)}][${JSON.stringify(relation.name)}]["Row"]`;
  }
  return "unknown";
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

function indent(lines: string[], depth: number): string {
  return lines.map((l) => (l ? "  ".repeat(depth) + l : l)).join("\n");
}

export async function generateTypes(connectionString: string): Promise<string> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const relations = (
      await client.query<Relation>(
        `select c.oid::int as oid, n.nspname as schema, c.relname as name, c.relkind as kind,
                (pg_relation_is_updatable(c.oid, false) & 20) = 20 as updatable
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = any($1) and c.relkind in ('r', 'p', 'v', 'm', 'f')`,
        [SCHEMAS],
      )
    ).rows;
    const columns = (
      await client.query<Column>(
        `select a.attrelid::int as table_oid, a.attname as name, t.typname as type, tn.nspname as type_schema,
                case when c.relkind in ('v', 'm') then true else not a.attnotnull end as nullable,
                a.atthasdef as has_default, a.attidentity as identity, a.attgenerated <> '' as generated,
                pg_column_is_updatable(c.oid, a.attnum, false) as updatable
           from pg_attribute a
           join pg_class c on c.oid = a.attrelid
           join pg_namespace n on n.oid = c.relnamespace
           join pg_type t on t.oid = a.atttypid
           join pg_namespace tn on tn.oid = t.typnamespace
          where n.nspname = any($1) and c.relkind in ('r', 'p', 'v', 'm', 'f') and a.attnum > 0 and not a.attisdropped`,
        [SCHEMAS],
      )
    ).rows;
    const fks = (
      await client.query<Fk>(
        `select n.nspname as schema, c.relname as relation, con.conname as name,
                array(select a.attname from unnest(con.conkey) with ordinality k(attnum, i)
                        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.i)::text[] as columns,
                rn.nspname as referenced_schema, rc.relname as referenced_relation,
                array(select a.attname from unnest(con.confkey) with ordinality k(attnum, i)
                        join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum order by k.i)::text[] as referenced_columns,
                exists (select 1 from pg_index i where i.indrelid = con.conrelid and i.indisunique
                          and (i.indkey::int2[] @> con.conkey and i.indkey::int2[] <@ con.conkey)) as one_to_one
           from pg_constraint con
           join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
           join pg_class rc on rc.oid = con.confrelid join pg_namespace rn on rn.oid = rc.relnamespace
          where con.contype = 'f' and n.nspname = any($1)`,
        [SCHEMAS],
      )
    ).rows;
    const functions = (
      await client.query<Fn>(
        `select n.nspname as schema, p.proname as name, p.proargnames as arg_names, p.proargmodes::text[] as arg_modes,
                array(select t.typname from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality x(oid, i)
                        join pg_type t on t.oid = x.oid order by x.i)::text[] as arg_types,
                array(select tn.nspname from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality x(oid, i)
                        join pg_type t on t.oid = x.oid join pg_namespace tn on tn.oid = t.typnamespace order by x.i)::text[] as arg_type_schemas,
                p.pronargdefaults as in_defaults, p.pronargs as in_count,
                rt.typname as return_type, rtn.nspname as return_type_schema,
                nullif(rt.typrelid, 0)::int as return_relation, p.proretset as returns_set
           from pg_proc p
           join pg_namespace n on n.oid = p.pronamespace
           join pg_type rt on rt.oid = p.prorettype
           join pg_namespace rtn on rtn.oid = rt.typnamespace
          where n.nspname = any($1) and p.prokind = 'f' and rt.typname not in ('trigger', 'event_trigger')
            and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
        [SCHEMAS],
      )
    ).rows;
    const types = (
      await client.query<TypeInfo>(
        `select n.nspname as schema, t.typname as name,
                case when t.typtype = 'e' then array(select e.enumlabel from pg_enum e where e.enumtypid = t.oid order by e.enumsortorder)::text[] end as enum_values,
                case when t.typtype = 'c' and c.relkind = 'c' then (
                  select json_agg(json_build_object('name', a.attname, 'type', at.typname, 'type_schema', atn.nspname) order by a.attnum)
                    from pg_attribute a join pg_type at on at.oid = a.atttypid join pg_namespace atn on atn.oid = at.typnamespace
                   where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped) end as attributes
           from pg_type t join pg_namespace n on n.oid = t.typnamespace
           left join pg_class c on c.oid = t.typrelid
          where t.typtype in ('e', 'c', 'b', 'd')`,
      )
    ).rows;
    const { rows: versionRows } = await client.query<{ v: string }>("show server_version");
    void versionRows;

    const out: string[] = [];
    out.push("// Generated by `npm run db:types` from the live schema. Do not edit by hand.");
    out.push("export type Json =");
    out.push("  | string");
    out.push("  | number");
    out.push("  | boolean");
    out.push("  | null");
    out.push("  | { [key: string]: Json | undefined }");
    out.push("  | Json[]");
    out.push("");
    out.push("export type Database = {");
    for (const schema of [...SCHEMAS].sort()) {
      const lines: string[] = [];
      const colsOf = (oid: number) => columns.filter((c) => c.table_oid === oid).sort(byName);
      const ts = (c: { type: string; type_schema: string }) => tsType(c.type, c.type_schema, types, relations);
      const relationshipLines = (rel: Relation) => {
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
      };
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
        lines.push(...relationshipLines(table).map((l) => `    ${l}`));
        lines.push("  }");
      }
      lines.push("}");
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
        lines.push(...relationshipLines(view).map((l) => `    ${l}`));
        lines.push("  }");
      }
      lines.push("}");
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
      out.push(`  ${schema}: {`);
      out.push(indent(lines, 2));
      out.push("  }");
    }
    out.push("}");
    out.push(HELPERS);
    const constants: string[] = ["export const Constants = {"];
    for (const schema of [...SCHEMAS].sort()) {
      const enums = types.filter((t) => t.schema === schema && t.enum_values).sort(byName);
      constants.push(`  ${schema}: {`);
      constants.push("    Enums: {");
      for (const e of enums)
        constants.push(`      ${e.name}: [${e.enum_values!.map((v) => JSON.stringify(v)).join(", ")}],`);
      constants.push("    },");
      constants.push("  },");
    }
    constants.push("} as const");
    out.push(constants.join("\n"));
    return `${out.join("\n")}\n`;
  } finally {
    await client.end();
  }
}

const HELPERS = `
type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never
`;

/** Connects to the dev database, or builds a throwaway one from the migrations. */
async function main(): Promise<void> {
  const outFile = path.join(repoRoot, "src", "types", "database.ts");
  const dev = loadConfig("dev");
  const devUrl = `postgresql://postgres:${dev.dbPassword}@127.0.0.1:${dev.ports.db}/postgres`;
  const probe = new pg.Client({ connectionString: devUrl, connectionTimeoutMillis: 1000 });
  let text: string;
  const devUp = await probe.connect().then(
    () => true,
    () => false,
  );
  await probe.end().catch(() => undefined);
  const check = process.argv.includes("--check");
  if (devUp && !check) {
    text = await generateTypes(devUrl);
  } else {
    text = await withMigratedDatabase(generateTypes);
  }
  if (check) {
    const { readFile } = await import("node:fs/promises");
    const current = await readFile(outFile, "utf8").catch(() => "");
    if (current !== text) {
      process.stderr.write("src/types/database.ts is out of date with supabase/migrations: run npm run db:types\n");
      process.exit(1);
    }
    process.stdout.write("src/types/database.ts matches the migrations\n");
    return;
  }
  await writeFile(outFile, text);
  process.stdout.write(`wrote ${path.relative(repoRoot, outFile)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch(fail);
}
