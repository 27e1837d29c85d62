// `npm run bench`: measures the reference department (`npm run seed:large`) through the
// gateway with real JWTs, RLS on, side by side with the same request as the service role
// (RLS bypassed); then 20 concurrent clients, the production bundle and the audit
// trigger's overhead. Prints a table and writes BENCHMARKS.md (never edit it by hand).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { demoLogins } from "../../supabase/local/demo-logins.ts";

const demo = (role: (typeof demoLogins)[number]["role"]) => demoLogins.find((l) => l.role === role)!;
import { fail, onShutdown } from "../../supabase/local/cli.ts";
import { loadConfig } from "../../supabase/local/config.ts";
import { describeSchema, filesOnDisk, schemaDir, staleFiles } from "../../supabase/local/schema.ts";
import { startStack, type Stack } from "../../supabase/local/stack.ts";
import { measureAuditOverhead } from "./audit-overhead.ts";
import { measureBundle } from "./bundle.ts";
import { measureDetectors } from "./detectors.ts";
import { measureHandbookRender } from "./handbook-render.ts";
import { measureCycle } from "./evaluations.ts";
import { importRows, measureSalesImport } from "./import-sales.ts";
import { runConcurrency, runEditPairs } from "./concurrency.ts";
import { pageQueries, signIn, staffInRegion, type Session } from "./queries.ts";
import { measurePair } from "./measure.ts";
import { writeReport, type Report } from "./report.ts";

const started = Date.now();
const say = (line: string) =>
  process.stdout.write(`\x1b[2m[bench ${((Date.now() - started) / 1000).toFixed(0)}s]\x1b[0m ${line}\n`);
const requests = Number(process.env.BENCH_REQUESTS ?? 200);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);

const config = loadConfig("bench");
let stack: Stack | undefined;
const shutdown = onShutdown(async () => {
  await stack?.stop();
});

try {
  if (!existsSync(config.dataDir))
    throw new Error(`no reference database in ${config.dataDir}: run \`npm run seed:large\` first`);
  stack = await startStack(config, { log: say, withFunctions: false });
  // Measure a settled database (earlier runs' edits and rolled-back inserts leave dead rows).
  say("vacuum and analyze");
  const db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
  await db.query("vacuum (analyze)");
  await db.end();
  // Measure what the migrations build: a reference database changed by hand since (an index
  // tried out, a function patched) would give figures for code that is not in the repository.
  const drift = staleFiles(await describeSchema(stack.dbUrl), filesOnDisk(schemaDir));
  if (drift.length)
    throw new Error(
      `the reference database differs from supabase/schema in ${drift.length} file(s) (${drift.slice(0, 5).join(", ")}): ` +
        "rebuild it with `npm run seed:large`, or put the change in a migration",
    );
  say("the reference database matches supabase/schema");
  const service: Session = { label: "service role (RLS bypassed)", token: stack.serviceRoleKey, userId: null };
  const sessions: Session[] = [
    await signIn(stack, demo("manager").email, demo("manager").password, "territory manager"),
    await signIn(stack, demo("hr_admin").email, demo("hr_admin").password, "HR"),
    await signIn(stack, demo("salesperson").email, demo("salesperson").password, "salesperson"),
  ];
  const report: Report = {
    lists: [],
    concurrency: [],
    editPairs: null,
    bundle: null,
    audit: null,
    salesImport: null,
    cycle: null,
    detectors: null,
    handbook: null,
    requests,
    seconds,
  };
  const queries = await pageQueries(stack);
  for (const session of sessions) {
    for (const query of queries) {
      if (!(query.sessions ?? sessions.slice(0, 2).map((x) => x.label)).includes(session.label)) continue;
      const row = await measurePair(stack, query, session, service, query.requests ?? requests);
      report.lists.push(row);
      say(
        `${session.label.padEnd(17)} ${query.name.padEnd(30)} p50 ${row.rls.p50.toFixed(1)} ms  p95 ${row.rls.p95.toFixed(1)} ms  ratio ${row.ratio === null ? "—" : row.ratio.toFixed(2)}  (${row.rows} rows)`,
      );
    }
  }
  say(`20 concurrent clients for ${seconds} s`);
  report.concurrency = await runConcurrency(stack, sessions[0]!, queries, seconds);
  for (const c of report.concurrency)
    say(`${c.name}: ${c.rps.toFixed(0)} req/s, p95 ${c.p95.toFixed(1)} ms, ${c.errors} errors`);
  say("200 pairs of simultaneous saves of one staff record (HR and the manager)");
  report.editPairs = await runEditPairs(stack, sessions[1]!, sessions[0]!, await staffInRegion(stack));
  say(
    `${report.editPairs.oneWinner}/${report.editPairs.pairs} pairs with exactly one winner, ${report.editPairs.conflicts} conflicts reported, ${report.editPairs.silentOverwrites} silent overwrites`,
  );
  say("building the production bundle");
  const appDir = mkdtempSync(path.join(tmpdir(), "bench-app-"));
  try {
    report.bundle = await measureBundle(stack, appDir);
    say(
      `login page ${report.bundle.loginKb.toFixed(1)} KB gzip, staff list adds ${report.bundle.staffKb.toFixed(1)} KB`,
    );
    say("the handbook in the browser as HR (five openings, then its PDF)");
    report.handbook = await measureHandbookRender(appDir, config.ports.vite);
    say(
      `opened in ${report.handbook.renderMs.map((v) => v.toFixed(0)).join(", ")} ms (${report.handbook.rules} rules); PDF in ${(report.handbook.pdfMs / 1000).toFixed(1)} s (${(report.handbook.pdfBytes / 1024).toFixed(0)} KB)`,
    );
  } finally {
    rmSync(appDir, { recursive: true, force: true });
  }
  say("audit trigger overhead on a 10,000-row staff insert");
  report.audit = await measureAuditOverhead(stack);
  say(
    `with ${report.audit.withMs.toFixed(0)} ms, without ${report.audit.withoutMs.toFixed(0)} ms, ratio ${report.audit.ratio.toFixed(2)}`,
  );
  say(`import of ${importRows.toLocaleString("en")} sales lines as HR (dry run, then the import; rolled back)`);
  report.salesImport = await measureSalesImport(stack, sessions[1]!.userId!);
  say(
    `dry run ${(report.salesImport.dryRunMs / 1000).toFixed(1)} s, import ${(report.salesImport.importMs / 1000).toFixed(1)} s (${report.salesImport.inserted} lines)`,
  );
  say("splitting this year's targets and computing last month's evaluations for everyone, as HR (rolled back)");
  report.cycle = await measureCycle(stack, sessions[1]!.userId!);
  say(
    `split ${(report.cycle.splitMs / 1000).toFixed(1)} s (${report.cycle.rowsWritten} rows), evaluations ${(report.cycle.runMs / 1000).toFixed(1)} s from nothing, ${(report.cycle.rerunMs / 1000).toFixed(1)} s again (${report.cycle.computed} of ${report.cycle.people} people)`,
  );
  say("the nightly detector run over the last 31 days, as HR (rolled back)");
  report.detectors = await measureDetectors(stack, sessions[1]!.userId!);
  say(
    `run ${(report.detectors.runMs / 1000).toFixed(1)} s (${Object.entries(report.detectors.found)
      .map(([code, n]) => `${code} ${n}`)
      .join(", ")}), again ${(report.detectors.againMs / 1000).toFixed(1)} s (${report.detectors.foundAgain} written)`,
  );
  const file = await writeReport(report);
  say(`wrote ${file}`);
  await shutdown(0);
} catch (error) {
  await stack?.stop().catch(() => undefined);
  fail(error);
}
