// A Postgres type as the TypeScript type supabase-js expects (postgres-meta's mapping).
import { SCHEMAS, type Relation, type TypeInfo } from "./catalog.ts";

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

export function tsType(type: string, typeSchema: string, types: TypeInfo[], relations: Relation[]): string {
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
