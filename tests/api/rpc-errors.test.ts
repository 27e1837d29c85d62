// Every RPC the API exposes, called as every role with missing, wrong-typed, unknown and
// well-typed-but-made-up arguments: a user's mistake is a 4xx with a message, never a 500
// (PostgREST answers 500 for P0002 and other unmapped errors, so functions must not raise them).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, appRoles, signInDemo, type Client } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

interface Rpc {
  name: string;
  args: { name: string; type: string; hasDefault: boolean }[];
}

let rpcs: Rpc[];
const callers: Record<string, Client> = {};

beforeAll(async () => {
  const rows = await sql<{
    name: string;
    arg: string | null;
    type: string | null;
    position: number | null;
    required: number;
  }>(`
    select r.routine_name as name, p.parameter_name as arg, p.udt_name as type, p.ordinal_position as position,
           (select f.pronargs - f.pronargdefaults from pg_proc f where f.oid = substring(r.specific_name from '_(\\d+)$')::oid) as required
      from information_schema.routines r
      left join information_schema.parameters p
        on p.specific_schema = r.specific_schema and p.specific_name = r.specific_name and p.parameter_mode = 'IN'
     where r.routine_schema = 'public' and r.routine_type = 'FUNCTION'
       and has_function_privilege('authenticated', substring(r.specific_name from '_(\\d+)$')::oid, 'EXECUTE')
     order by 1, 4`);
  const byName = new Map<string, Rpc>();
  for (const row of rows) {
    const rpc = byName.get(row.name) ?? { name: row.name, args: [] };
    if (row.arg) rpc.args.push({ name: row.arg, type: row.type!, hasDefault: row.position! > row.required });
    byName.set(row.name, rpc);
  }
  rpcs = [...byName.values()];
  callers.anon = anonClient();
  for (const role of appRoles) callers[role] = await signInDemo(role);
}, 60_000);

/** A value of another type than the argument's. */
function wrongTyped(type: string): unknown {
  if (type === "uuid" || type.startsWith("_")) return "not-a-uuid-or-array";
  if (["int4", "int8", "numeric"].includes(type)) return "twelve";
  if (type === "bool") return "maybe";
  if (type === "date" || type === "timestamptz") return "not a date";
  if (type === "jsonb" || type === "json") return "{not json";
  return { not: "text" };
}

/** A well-typed value naming nothing that exists. */
function madeUp(type: string): unknown {
  if (type === "uuid") return randomUUID();
  if (type === "_uuid") return [randomUUID()];
  if (["int4", "int8", "numeric"].includes(type)) return 987654;
  if (type === "bool") return true; // dry runs and the like: nothing is written for made-up rows
  if (type === "date") return "2031-02-03";
  if (type === "timestamptz") return "2031-02-03T00:00:00Z";
  if (type === "jsonb" || type === "json") return [];
  if (type.startsWith("_")) return [];
  return "zz-made-up";
}

describe("every exposed RPC answers bad arguments with a 4xx", () => {
  it("as every role, with missing, wrong-typed, unknown and made-up arguments", async () => {
    expect(rpcs.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const [role, client] of Object.entries(callers)) {
      for (const rpc of rpcs) {
        const cases: Record<string, Record<string, unknown>> = {
          missing: {},
          unknown: { ...Object.fromEntries(rpc.args.map((a) => [a.name, madeUp(a.type)])), p_no_such_argument: 1 },
          made_up: Object.fromEntries(rpc.args.map((a) => [a.name, madeUp(a.type)])),
        };
        rpc.args.forEach((arg) => {
          cases[`wrong ${arg.name}`] = { ...cases.made_up, [arg.name]: wrongTyped(arg.type) };
        });
        for (const [label, args] of Object.entries(cases)) {
          const { status, error } = await client.rpc(rpc.name as "can", args as never);
          if (status >= 500)
            failures.push(`${role} ${rpc.name} (${label}): ${status} ${error?.code} ${error?.message}`);
          else if (label === "missing" && rpc.args.some((a) => !a.hasDefault) && status < 400) {
            failures.push(`${role} ${rpc.name} (missing a required argument): accepted with ${status}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
