// The nightly detector run at the reference size, as HR starts it through PostgREST (role
// `authenticated` with HR's claims), in a transaction rolled back: every switched-on check over
// the last 31 days, each finding written as a draft violation; then the same run again at once,
// which finds the same events and writes nothing (the cost of looking).
import pg from "pg";
import type { Stack } from "../../supabase/local/stack.ts";

export interface DetectorTiming {
  runMs: number;
  againMs: number;
  found: Record<string, number>;
  foundAgain: number;
}

export async function measureDetectors(stack: Stack, hrUserId: string): Promise<DetectorTiming> {
  const client = new pg.Client({ connectionString: stack.dbUrl });
  await client.connect();
  try {
    await client.query("begin");
    try {
      await client.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify({ sub: hrUserId, role: "authenticated" }),
      ]);
      await client.query("set local role authenticated");
      const run = async () => {
        const t0 = performance.now();
        const { rows } = await client.query<{ code: string; found: number }>("select * from public.run_detectors(31)");
        return { took: performance.now() - t0, rows };
      };
      const first = await run();
      const again = await run();
      return {
        runMs: first.took,
        againMs: again.took,
        found: Object.fromEntries(first.rows.map((r) => [r.code, r.found])),
        foundAgain: again.rows.reduce((n, r) => n + r.found, 0),
      };
    } finally {
      await client.query("rollback");
    }
  } finally {
    await client.end();
  }
}
