// Every route of the app, with a real record for the ones that show or edit one: what the
// accessibility walk visits. Built from the same resource list the menu and routes use, so a
// route added later is walked too.
import { resources } from "../../../src/resources.tsx";
import type { Client } from "../../support/clients.ts";
import { sql } from "../../support/sql.ts";

/** Routes outside the resource list (auth pages are walked signed out). */
export const extraRoutes = ["/not-allowed", "/no-such-page"];
export const signedOutRoutes = ["/login", "/forgot-password", "/update-password"];

const keyColumn: Record<string, string> = { app_roles: "code" };

/**
 * A record of the table the person can read (their own view of it), else any record: the
 * oldest, so a seeded one rather than one another test file just made.
 */
async function sampleKey(table: string, reader?: Client): Promise<string> {
  const key = keyColumn[table] ?? "id";
  if (reader) {
    const { data } = await reader
      .from(table as "staff")
      .select(key)
      .order("created_at")
      .order(key)
      .limit(1);
    const first = (data as Record<string, unknown>[] | null)?.[0];
    if (first) return String(first[key]);
  }
  const [row] = await sql<{ key: string }>(
    `select ${key}::text as key from public.${table} order by created_at, ${key} limit 1`,
  );
  if (!row) throw new Error(`no ${table} row to visit`);
  return row.key;
}

/** The matrix action a page needs: reading for lists and records, creating, updating. */
const pageAction = { list: "read", show: "read", create: "create", edit: "update" } as const;

/**
 * Every signed-in route, with :id replaced by a record of the resource (one `reader` may read,
 * when it may read any). With `reader`, the create and edit pages of resources the reader may
 * not create or change are left out but one: each shows the same "not allowed" page, which one
 * visit checks. With `forms: false`, every create and edit page is left out but that one (the
 * walk has another role go through each form: a form is the same for everyone who may use it);
 * with `records: false`, the record (show) pages too.
 */
export async function appRoutes(
  reader?: Client,
  { forms = true, records = true }: { forms?: boolean; records?: boolean } = {},
): Promise<string[]> {
  const granted = reader
    ? new Set(((await reader.rpc("my_permissions")).data ?? []).map((p) => `${p.resource}:${p.action}`))
    : null;
  let refusedKept = false;
  const routes: string[] = [];
  for (const resource of resources) {
    for (const action of ["list", "create", "edit", "show"] as const) {
      const path = resource[action];
      if (typeof path !== "string") continue;
      if (!records && action === "show") continue;
      const permissionResource = String(resource.meta?.permissionResource ?? resource.name);
      if (
        granted &&
        (action === "create" || action === "edit") &&
        (!forms || !granted.has(`${permissionResource}:${pageAction[action]}`))
      ) {
        if (refusedKept) continue;
        refusedKept = true;
      }
      routes.push(
        path.includes(":id") ? path.replace(":id", encodeURIComponent(await sampleKey(resource.name, reader))) : path,
      );
    }
  }
  return [...new Set([...routes, ...extraRoutes])];
}
