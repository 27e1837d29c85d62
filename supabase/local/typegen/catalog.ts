// What the type generator reads from the catalog: relations, columns, foreign keys, functions
// and types of the API schemas, in one round of queries.
import pg from "pg";

export const SCHEMAS = ["graphql_public", "public"];

export interface Column {
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
export interface Relation {
  oid: number;
  schema: string;
  name: string;
  kind: string;
  updatable: boolean;
}
export interface Fk {
  schema: string;
  relation: string;
  name: string;
  columns: string[];
  referenced_schema: string;
  referenced_relation: string;
  referenced_columns: string[];
  one_to_one: boolean;
}
export interface Fn {
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
export interface TypeInfo {
  schema: string;
  name: string;
  enum_values: string[] | null;
  attributes: { name: string; type: string; type_schema: string }[] | null;
}

export interface Catalog {
  relations: Relation[];
  columns: Column[];
  fks: Fk[];
  functions: Fn[];
  types: TypeInfo[];
}

export async function readCatalog(client: pg.Client): Promise<Catalog> {
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
  return { relations, columns, fks, functions, types };
}
