// The audit trigger's cost on a bulk write: 10,000 staff rows inserted in one statement,
// with the audit trigger and with it disabled (every other trigger runs in both), each in a
// transaction that is rolled back. Rounds alternate; the medians give the ratio.
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
// Nine pairs: a single bulk insert takes seconds on a shared machine and drifts; the medians hold.
const rounds = 9;

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
    const withAudit: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < rounds; i++) {
      withAudit.push(await once(client, true));
      without.push(await once(client, false));
    }
    const withMs = percentile(withAudit, 50);
    const withoutMs = percentile(without, 50);
    // Rolled-back inserts leave dead rows behind, and their index entries leave the staff
    // indexes ten times their size (vacuum empties index pages but keeps them, and the
    // planner prices an index by its pages): clear both so the next run starts as this one did.
    await client.query("vacuum (analyze) public.staff");
    await client.query("reindex table public.staff");
    return { rows, rounds, withMs, withoutMs, ratio: withMs / withoutMs };
  } finally {
    await client.end();
  }
}
