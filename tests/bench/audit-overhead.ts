// The audit trigger's cost on a bulk write: 10,000 staff rows inserted in one statement,
// with the audit trigger and with it disabled (every other trigger runs in both), each in a
// transaction that is rolled back. Each round is a pair run back to back (which of the two goes
// first alternates), and the ratio is the median of the pairs' own ratios: drift on a shared
// machine (a slower minute) hits both halves of a pair alike, so it cancels within the pair.
import pg from "pg";
import type { Stack } from "../../supabase/local/stack.ts";
import { percentile } from "./measure.ts";

export interface AuditOverhead {
  rows: number;
  rounds: number;
  withMs: number;
  withoutMs: number;
  ratio: number;
}

const rows = 10_000;
// Twenty-one pairs: one bulk insert drifts by tens of percent on a shared machine. A median of
// fifteen pair ratios still moved by up to 0.1 between runs (1.11, 1.19, 1.21): a checkpoint
// (timed, every five minutes, spread over four and a half) landing in some pairs and not others
// weighs on the half that writes more WAL, the audited one. Each pair now starts right after a
// checkpoint, with nothing left to flush, so no pair shares its time with one.
const rounds = 21;

const insert = `
  insert into public.staff (full_name, email, position_id, hire_date, custom_fields)
  select 'Bulk person ' || i, 'bulk.person' || i || '@example.com',
         (select p.id from public.positions p where p.code = 'sales_assistant'), date '2024-01-01',
         jsonb_build_object('birthday', '1990-05-01', 'hobbies', jsonb_build_array('chess'))
    from generate_series(1, ${rows}) i`;

async function once(client: pg.Client, withAudit: boolean): Promise<number> {
  await client.query("begin");
  try {
    if (!withAudit) await client.query("alter table public.staff disable trigger audit_insert");
    const t0 = performance.now();
    await client.query(insert);
    return performance.now() - t0;
  } finally {
    await client.query("rollback");
  }
}

export async function measureAuditOverhead(stack: Stack): Promise<AuditOverhead> {
  const client = new pg.Client({ connectionString: stack.dbUrl });
  await client.connect();
  try {
    await once(client, true); // warm caches
    await once(client, false);
    const withAudit: number[] = [];
    const without: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < rounds; i++) {
      await client.query("checkpoint");
      let a: number;
      let b: number;
      if (i % 2 === 0) {
        a = await once(client, true);
        b = await once(client, false);
      } else {
        b = await once(client, false);
        a = await once(client, true);
      }
      withAudit.push(a);
      without.push(b);
      ratios.push(a / b);
    }
    const withMs = percentile(withAudit, 50);
    const withoutMs = percentile(without, 50);
    // Rolled-back inserts leave dead rows behind, and their index entries leave the staff
    // indexes ten times their size (vacuum empties index pages but keeps them, and the
    // planner prices an index by its pages): clear both so the next run starts as this one did.
    await client.query("vacuum (analyze) public.staff");
    await client.query("reindex table public.staff");
    return { rows, rounds, withMs, withoutMs, ratio: percentile(ratios, 50) };
  } finally {
    await client.end();
  }
}
