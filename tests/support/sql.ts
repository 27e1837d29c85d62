// Direct SQL for database tests: run statements as an API role with JWT claims set,
// the way PostgREST does, inside a transaction that is rolled back.
import pg from "pg";
import { env } from "./env.ts";

let pool: pg.Pool | undefined;
export function superuserPool(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: env.dbUrl, max: 4 });
  return pool;
}

export async function closePools(): Promise<void> {
  await pool?.end();
  pool = undefined;
}

export interface Claims {
  sub?: string;
  role: "anon" | "authenticated" | "service_role";
  [key: string]: unknown;
}

/** Runs `work` as `claims.role` with request.jwt.claims set; always rolls back. */
export async function asRole<T>(claims: Claims, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await superuserPool().connect();
  try {
    await client.query("begin");
    await client.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
    await client.query(`set local role ${claims.role}`);
    return await work(client);
  } finally {
    await client.query("rollback").catch(() => undefined);
    client.release();
  }
}

/** Runs SQL as the superuser (arranging and inspecting only). */
export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const { rows } = await superuserPool().query<T>(text, params);
  return rows;
}
