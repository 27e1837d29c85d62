// `npm run seed:large`: a reference department in a separate local database (the "bench"
// stack: its own data folder and ports, so dev and test data are untouched). Starts from a
// fresh cluster with the migrations and the demo seed, then adds, deterministically (every
// "random" choice is a hash of a fixed key), with progress:
//   1,000 territories on 5 levels, 200 positions, 5,000 staff with custom-field values,
//   200 regulations with 3 published versions each in three languages (besides the demo's),
//   50,000 acknowledgements, 100,000 customers with 500,000 visits and 1,000,000 sales lines
//   over 24 months (credits, payments, this month's visit plans), 2,000 training sessions with
//   100,000 participants, 20,000 suggestions, 60,000 monthly summaries, and 1,000,000 audit rows
//   (hash-chained like real ones).
// Ordinary rows go through the tables' triggers (paths, assignments, audit); the audit
// log is then topped up to a million rows in set-based batches that extend the same chain.
import { rmSync } from "node:fs";
import pg from "pg";
import { loadConfig } from "../../supabase/local/config.ts";
import { fail, onShutdown } from "../../supabase/local/cli.ts";
import { startStack, type Stack } from "../../supabase/local/stack.ts";
import { steps, targets } from "./dataset.ts";

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const say = (line: string) => process.stdout.write(`\x1b[2m[seed ${elapsed()}]\x1b[0m ${line}\n`);

const config = loadConfig("bench");
let stack: Stack | undefined;
let client: pg.Client | undefined;
const shutdown = onShutdown(async () => {
  await client?.end().catch(() => undefined);
  await stack?.stop();
});

try {
  say(`fresh database in ${config.dataDir}`);
  rmSync(config.dataDir, { recursive: true, force: true });
  stack = await startStack(config, { log: (line) => say(line), withFunctions: false });
  client = new pg.Client({ connectionString: stack.dbUrl });
  await client.connect();
  await client.query("set statement_timeout = 0");
  for (const step of steps) {
    const t0 = Date.now();
    await step.run(client, (line) => say(`  ${line}`));
    say(`${step.label} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  }
  const counts = await client.query<Record<keyof typeof targets, string>>(`
    select (select count(*) from public.territories) as territories,
           (select max(nlevel(path)) from public.territories) as levels,
           (select count(*) from public.positions) as positions,
           (select count(*) from public.staff) as staff,
           (select count(*) from public.regulations r
             where (select count(*) from public.regulation_versions v where v.regulation_id = r.id and v.published_at is not null) >= 3) as regulations,
           (select count(*) from public.regulations) as all_regulations,
           (select count(*) from public.regulation_versions) as versions,
           (select count(*) from public.acknowledgements) as acknowledgements,
           (select count(*) from public.audit_log) as audit_rows,
           (select count(*) from public.customers where code like 'BC-%') as customers,
           (select count(*) from public.visits v join public.customers c on c.id = v.customer_id where c.code like 'BC-%') as visits,
           (select count(*) from public.sales where external_id like 'BS-%') as sales,
           (select count(*) from public.violations where description like 'Breach %') as violations,
           (select count(*) from public.meetings where title like 'Meeting %') as meetings,
           (select count(*) from public.meeting_attendance a join public.meetings m on m.id = a.meeting_id
             where m.title like 'Meeting %') as attendance,
           (select count(*) from public.discount_requests where reason = 'Asked to match an offer') as discount_requests,
           (select count(*) from public.meetings where title like 'Training %') as training_sessions,
           (select count(*) from public.meeting_attendance a join public.meetings m on m.id = a.meeting_id
             where m.title like 'Training %') as training_attendance,
           (select count(*) from public.suggestions where title like 'Suggestion %') as suggestions,
           (select count(*) from public.summaries where period = 'month' and results = 'Month closed.') as summaries,
           (select count(*) from public.sales where external_id like 'BS-%' and discount_percent > 0
               and discount_granted_by = owner_id) as discounts_above_authority,
           (select count(*) from public.visits where purpose = 'Visit outside the territory') as visits_outside_territory`);
  const row = counts.rows[0]!;
  for (const [key, want] of Object.entries(targets)) {
    const got = Number(row[key as keyof typeof targets]);
    if (got !== want) throw new Error(`expected ${want} ${key}, got ${got}`);
  }
  say(
    `done: ${Object.entries(row)
      .map(([k, v]) => `${k} ${Number(v).toLocaleString("en")}`)
      .join(", ")}`,
  );
  say("run `npm run bench` to measure it");
  await shutdown(0);
} catch (error) {
  await client?.end().catch(() => undefined);
  await stack?.stop().catch(() => undefined);
  fail(error);
}
