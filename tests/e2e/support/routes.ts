// Every route of the app, with a real record for the ones that show or edit one: what the
// accessibility walk visits. Built from the same resource list the menu and routes use, so a
// route added later is walked too.
import { resources } from "../../../src/resources.tsx";
import { sql } from "../../support/sql.ts";

/** Routes outside the resource list (auth pages are walked signed out). */
export const extraRoutes = ["/not-allowed", "/no-such-page"];
export const signedOutRoutes = ["/login", "/forgot-password", "/update-password"];

const keyColumn: Record<string, string> = { app_roles: "code" };

async function sampleKey(table: string): Promise<string> {
  const key = keyColumn[table] ?? "id";
  const [row] = await sql<{ key: string }>(`select ${key}::text as key from public.${table} order by ${key} limit 1`);
  if (!row) throw new Error(`no ${table} row to visit`);
  return row.key;
}

/** Every signed-in route, with :id replaced by an existing record of the resource. */
export async function appRoutes(): Promise<string[]> {
  const routes: string[] = [];
  for (const resource of resources) {
    for (const action of ["list", "create", "edit", "show"] as const) {
      const path = resource[action];
      if (typeof path !== "string") continue;
      routes.push(path.includes(":id") ? path.replace(":id", encodeURIComponent(await sampleKey(resource.name))) : path);
    }
  }
  return [...new Set([...routes, ...extraRoutes])];
}
