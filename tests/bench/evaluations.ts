// The evaluation cycle's two computations at the reference size, as HR runs them through
// PostgREST (role `authenticated` with HR's claims), each in a transaction rolled back:
// splitting this year's annual targets for everyone (after a change to every amount, so the
// split rewrites every person's months and rolls every territory up again), and computing
// last month's evaluations for everyone (actuals from the field data, lines, totals, bands):
// first from nothing (the month's drafts and computed actuals removed in the same transaction,
// outside the timing), then once more over the drafts just computed; and a month nobody has
// evaluated (the one before the reference set's first), run twice in a row, as a manager does
// before the statistics know the month has rows.
import pg from "pg";
import type { Stack } from "../../supabase/local/stack.ts";

export interface CycleTiming {
  annualTargets: number;
  splitMs: number;
  rowsWritten: number;
  people: number;
  /** The month computed from nothing: every draft, actual and line written. */
  runMs: number;
  /** The same month computed again at once: the drafts are there and nothing changed. */
  rerunMs: number;
  computed: number;
  /** A month never evaluated, computed twice in a row: the slower of the two runs. */
  quietMonth: string;
  quietMs: number;
}

export async function measureCycle(stack: Stack, hrUserId: string): Promise<CycleTiming> {
  const client = new pg.Client({ connectionString: stack.dbUrl });
  await client.connect();
  const asHr = async () => {
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub: hrUserId, role: "authenticated" }),
    ]);
    await client.query("set local role authenticated");
  };
  try {
    const year = new Date().getFullYear();
    await client.query("begin");
    let split: { took: number; written: number; annual: number };
    try {
      const { rowCount } = await client.query(
        "update public.annual_targets set amount = amount + 12, version = version where year = $1",
        [year],
      );
      await asHr();
      const t0 = performance.now();
      const { rows } = await client.query<{ rows_written: number }>("select * from public.split_targets($1)", [year]);
      split = { took: performance.now() - t0, written: rows[0]!.rows_written, annual: rowCount ?? 0 };
    } finally {
      await client.query("rollback");
    }
    const month = new Date(Date.UTC(year, new Date().getMonth() - 1, 1)).toISOString().slice(0, 10);
    await client.query("begin");
    let run: { took: number; again: number; people: number; computed: number };
    try {
      await client.query("delete from public.evaluations where month = $1", [month]);
      await client.query("delete from public.kpi_actuals where month = $1 and source = 'computed'", [month]);
      await asHr();
      const evaluate = async () => {
        const t0 = performance.now();
        const { rows } = await client.query<{ people: number; computed: number }>(
          "select * from public.run_evaluations($1)",
          [month],
        );
        return { took: performance.now() - t0, people: rows[0]!.people, computed: rows[0]!.computed };
      };
      const first = await evaluate();
      run = { ...first, again: (await evaluate()).took };
    } finally {
      await client.query("rollback");
    }
    const first = await client.query<{ month: string }>("select min(month)::text as month from public.evaluations");
    const quietMonth = new Date(`${first.rows[0]!.month}T00:00:00Z`);
    quietMonth.setUTCMonth(quietMonth.getUTCMonth() - 1);
    const quiet = quietMonth.toISOString().slice(0, 10);
    await client.query("begin");
    let quietMs = 0;
    try {
      await asHr();
      for (let i = 0; i < 2; i++) {
        const t0 = performance.now();
        await client.query("select * from public.run_evaluations($1)", [quiet]);
        quietMs = Math.max(quietMs, performance.now() - t0);
      }
    } finally {
      await client.query("rollback");
    }
    return {
      quietMonth: quiet.slice(0, 7),
      quietMs,
      annualTargets: split.annual,
      splitMs: split.took,
      rowsWritten: split.written,
      people: run.people,
      runMs: run.took,
      rerunMs: run.again,
      computed: run.computed,
    };
  } finally {
    await client.end();
  }
}
