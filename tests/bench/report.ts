// BENCHMARKS.md: the numbers of one `npm run bench` run, the machine, the date, the commit
// and each target with pass/fail. Generated; nobody edits it by hand.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../../supabase/local/config.ts";
import type { AuditOverhead } from "./audit-overhead.ts";
import type { BundleSizes } from "./bundle.ts";
import { slices, type ConcurrencyRow, type EditPairsRow } from "./concurrency.ts";
import type { DetectorTiming } from "./detectors.ts";
import type { HandbookRender } from "./handbook-render.ts";
import type { CycleTiming } from "./evaluations.ts";
import type { ImportTiming } from "./import-sales.ts";
import type { PairRow } from "./measure.ts";

export interface Report {
  lists: PairRow[];
  concurrency: ConcurrencyRow[];
  editPairs: EditPairsRow | null;
  bundle: BundleSizes | null;
  audit: AuditOverhead | null;
  salesImport: ImportTiming | null;
  cycle: CycleTiming | null;
  detectors?: DetectorTiming | null;
  handbook?: HandbookRender | null;
  requests: number;
  seconds: number;
  /** The audit ratios of the runs before this one (from the BENCHMARKS.md it replaces). */
  previousAuditRatios?: number[];
}

export const limits = {
  p95Ms: 50,
  ratio: 1.5,
  loginKb: 350,
  auditRatio: 1.3,
  /** The three latest runs' audit ratios lie within this of their mean. */
  auditSpread: 0.05,
  /** The staff list under load, as a share of the one-row read's requests per second. */
  throughputShare: 1 / 3,
  importSeconds: 60,
  splitSeconds: 5,
  evaluationRunSeconds: 2,
  detectorRunSeconds: 10,
  // A month with no statistics yet is planned as empty; its runs must not go quadratic (27 s and 63 s before).
  quietMonthSeconds: 5,
  /** The handbook of the reference department on screen, every opening. */
  handbookRenderMs: 2000,
};

const ms = (v: number) => v.toFixed(1);
const mark = (pass: boolean) => (pass ? "pass" : "**FAIL**");

function commit(): string {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repoRoot, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: repoRoot, encoding: "utf8" }).trim() !== "";
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return "unknown";
  }
}

export interface Target {
  name: string;
  value: string;
  pass: boolean;
}

export function targetsOf(report: Report): Target[] {
  const targets: Target[] = [];
  for (const row of report.lists.filter((r) => r.list)) {
    const p95Ms = row.p95Ms ?? limits.p95Ms;
    targets.push({
      name: `${row.query} as ${row.role}: p95 < ${p95Ms} ms`,
      value: `${ms(row.rls.p95)} ms`,
      pass: row.rls.p95 < p95Ms,
    });
    if (row.ratio !== null)
      targets.push({
        name: `${row.query} as ${row.role}: RLS/bypass ≤ ${limits.ratio}`,
        value: row.ratio.toFixed(2),
        pass: row.ratio <= limits.ratio,
      });
  }
  const staff = report.concurrency[0];
  if (staff)
    targets.push({
      name: `${staff.clients} concurrent clients on the staff list: 0 errors`,
      value: String(staff.errors),
      pass: staff.errors === 0,
    });
  const reference = report.concurrency[1];
  if (staff && reference)
    targets.push({
      name: `staff list under ${staff.clients} clients: at least a third of the one-row read's requests/s`,
      value: `${staff.rps.toFixed(0)} of ${reference.rps.toFixed(0)} (${((staff.rps / reference.rps) * 100).toFixed(0)}%)`,
      pass: staff.rps >= reference.rps * limits.throughputShare,
    });
  if (report.editPairs) {
    const e = report.editPairs;
    targets.push({
      name: `${e.pairs} pairs of simultaneous saves: exactly one winner and a conflict, never a silent overwrite`,
      value: `${e.oneWinner} one-winner, ${e.conflicts} conflicts, ${e.silentOverwrites} overwrites`,
      pass: e.oneWinner === e.pairs && e.conflicts === e.pairs && e.silentOverwrites === 0,
    });
  }
  if (report.bundle)
    targets.push({
      name: `login page JS+CSS < ${limits.loginKb} KB gzip`,
      value: `${report.bundle.loginKb.toFixed(1)} KB`,
      pass: report.bundle.loginKb < limits.loginKb,
    });
  if (report.handbook) {
    const h = report.handbook;
    targets.push({
      name: `the handbook (${h.rules} rules in force, 200 positions) on screen in the browser < ${limits.handbookRenderMs / 1000} s, every opening`,
      value: `slowest ${Math.max(...h.renderMs).toFixed(0)} ms of ${h.renderMs.length}`,
      pass: h.renderMs.length > 0 && Math.max(...h.renderMs) < limits.handbookRenderMs && h.rules >= 200,
    });
  }
  if (report.audit)
    targets.push({
      name: `audit trigger overhead on ${report.audit.rows.toLocaleString("en")} inserted rows < ${limits.auditRatio}`,
      value: report.audit.ratio.toFixed(2),
      pass: report.audit.ratio < limits.auditRatio,
    });
  if (report.audit) {
    const runs = auditRuns(report);
    const mean = runs.reduce((a, b) => a + b, 0) / runs.length;
    const spread = Math.max(...runs.map((r) => Math.abs(r - mean)));
    targets.push({
      name: `audit trigger overhead steady: the last three runs within ±${limits.auditSpread} of their mean`,
      value:
        runs.length < 3
          ? `${runs.length} run(s) so far`
          : `${runs.map((r) => r.toFixed(2)).join(", ")} (±${spread.toFixed(2)})`,
      pass: runs.length === 3 && spread <= limits.auditSpread,
    });
  }
  if (report.salesImport)
    targets.push({
      name: `import of ${report.salesImport.rows.toLocaleString("en")} sales lines < ${limits.importSeconds} s`,
      value: `${(report.salesImport.importMs / 1000).toFixed(1)} s`,
      pass:
        report.salesImport.importMs < limits.importSeconds * 1000 &&
        report.salesImport.inserted === report.salesImport.rows,
    });
  if (report.detectors) {
    const d = report.detectors;
    const found = Object.values(d.found).reduce((n, f) => n + f, 0);
    targets.push({
      name: `the nightly detector run over the last 31 days (${found.toLocaleString("en")} findings written) < ${limits.detectorRunSeconds} s`,
      value: `${(d.runMs / 1000).toFixed(1)} s`,
      pass: d.runMs < limits.detectorRunSeconds * 1000 && found > 0 && d.foundAgain === 0,
    });
  }
  if (report.cycle) {
    const c = report.cycle;
    targets.push({
      name: `splitting a year's targets for everyone (${c.annualTargets.toLocaleString("en")} annual targets) < ${limits.splitSeconds} s`,
      value: `${(c.splitMs / 1000).toFixed(1)} s`,
      pass: c.splitMs < limits.splitSeconds * 1000 && c.rowsWritten > 0,
    });
    targets.push({
      name: `computing one month's evaluations for everyone from nothing (${c.people.toLocaleString("en")} people) < ${limits.evaluationRunSeconds} s`,
      value: `${(c.runMs / 1000).toFixed(1)} s`,
      pass: c.runMs < limits.evaluationRunSeconds * 1000 && c.computed === c.people,
    });
    targets.push({
      name: `computing a month nobody evaluated yet (${c.quietMonth}) twice in a row: each run < ${limits.quietMonthSeconds} s`,
      value: `${(c.quietMs / 1000).toFixed(1)} s`,
      pass: c.quietMs < limits.quietMonthSeconds * 1000,
    });
  }
  return targets;
}

/** This run's audit ratio after the previous runs' (at most three in all, oldest first). */
export function auditRuns(report: Report): number[] {
  return [...(report.previousAuditRatios ?? []), ...(report.audit ? [report.audit.ratio] : [])].slice(-3);
}

const historyMark = "<!-- audit ratios of the latest runs: ";

/** The audit ratios an earlier BENCHMARKS.md recorded (its last line), for the steadiness target. */
export function previousAuditRatios(markdown: string): number[] {
  const line = markdown.split("\n").find((l) => l.startsWith(historyMark));
  if (!line) return [];
  return line
    .slice(historyMark.length)
    .replace("-->", "")
    .split(",")
    .map((v) => Number(v.trim()))
    .filter((v) => Number.isFinite(v) && v > 0);
}

export function renderReport(report: Report, machine: string, date: string, sha: string): string {
  const lines: string[] = [];
  /** A section: its heading, a paragraph saying what was measured, then (after a blank line) its rows or notes. */
  const section = (title: string, text: string, ...rest: string[]) =>
    lines.push("", `## ${title}`, "", text, ...(rest.length ? ["", ...rest] : []));
  lines.push("# Benchmarks", "");
  lines.push(
    "Generated by `npm run bench` against the reference department of `npm run seed:large`",
    "(5,000 staff, 1,000 territories on 5 levels, 200 positions, 200 rules x 3 versions, 50,000",
    "acknowledgements, 1,000,000 audit rows, 100,000 customers, 500,000 visits and 1,000,000 sales",
    "lines over 24 months; for everyone with a territory, targets and actuals of 10 KPIs and an",
    "evaluation for each of the last 24 months, about 39,000 rewards, 100,000 violations and 20,000",
    "meetings with 200,000 attendance marks, 20,000 discount requests). Do not edit by hand.",
    "",
  );
  lines.push(`- Date: ${date}`, `- Commit: ${sha}`, `- Machine: ${machine}`, "");
  lines.push("## Targets", "", "| Target | Measured | Result |", "| --- | --- | --- |");
  for (const t of targetsOf(report)) lines.push(`| ${t.name} | ${t.value} | ${mark(t.pass)} |`);
  lines.push("", `## Page queries (${report.requests} requests each, through the gateway)`, "");
  lines.push(
    "Each round sends the request with the person's JWT (RLS on) and the same request with the",
    "service role (RLS bypassed), which goes first alternating by round. The ratio is p50 RLS / p50",
    'bypass. "—": no service-role equivalent',
    "(functions only people may call, and the audit log, which no API key reads past RLS).",
    "Rows: the total the page's count reports; for a page that asks no count (the audit log, paged",
    "by key), the rows it received.",
    "",
  );
  lines.push(
    "| Query | As | Rows | p50 ms | p95 ms | Bypass p50 ms | Bypass p95 ms | RLS/bypass |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const r of report.lists) {
    lines.push(
      `| ${r.query} | ${r.role} | ${r.rows.toLocaleString("en")} | ${ms(r.rls.p50)} | ${ms(r.rls.p95)} | ${r.bypass ? ms(r.bypass.p50) : "—"} | ${r.bypass ? ms(r.bypass.p95) : "—"} | ${r.ratio === null ? "—" : r.ratio.toFixed(2)} |`,
    );
  }
  lines.push(
    "",
    "## Throughput",
    "",
    `The two loads take turns in ${slices} slices each, which goes first alternating; requests/s is over the seconds each load ran.`,
    "",
    "| Load | Clients | Seconds | Requests | Requests/s | p95 ms | Errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const c of report.concurrency)
    lines.push(
      `| ${c.name} | ${c.clients} | ${c.seconds} | ${c.requests.toLocaleString("en")} | ${c.rps.toFixed(0)} | ${ms(c.p95)} | ${c.errors} |`,
    );
  if (report.bundle) {
    const b = report.bundle;
    lines.push("", "## Production bundle (gzip)", "", "| What loads | Files | KB |", "| --- | ---: | ---: |");
    lines.push(`| Login page (entry, its imports, the login route) | ${b.loginFiles} | ${b.loginKb.toFixed(1)} |`);
    lines.push(`| Staff list, after the login page | ${b.staffFiles} | ${b.staffKb.toFixed(1)} |`);
    lines.push(`| Whole app (every chunk) | | ${b.totalKb.toFixed(1)} |`);
  }
  if (report.handbook) {
    const h = report.handbook;
    section(
      "The handbook in the browser",
      `HR opens the handbook of the reference department (${h.rules} rules in force, each with its ladder; 200 positions) by a client-side navigation, as from the menu; timed from the navigation to the last chapter's table on screen. Openings: ${h.renderMs.map((v) => `${v.toFixed(0)} ms`).join(", ")}.`,
      `"Download PDF" (every chapter laid out on A4 in the browser, fonts embedded): ${(h.pdfMs / 1000).toFixed(1)} s from the click to the file, ${(h.pdfBytes / 1024).toFixed(0)} KB.`,
    );
  }
  if (report.audit) {
    const a = report.audit;
    section(
      "Audit trigger overhead",
      `Insert of ${a.rows.toLocaleString("en")} staff rows in one statement, ${a.rounds} pairs (with and without, back to back, which goes first alternating), each rolled back, each pair right after a checkpoint. Times are medians; the ratio is the median of the pairs' own ratios.`,
      "| With audit trigger ms | Without ms | Ratio |",
      "| ---: | ---: | ---: |",
      `| ${a.withMs.toFixed(0)} | ${a.withoutMs.toFixed(0)} | ${a.ratio.toFixed(2)} |`,
    );
  }
  if (report.salesImport) {
    const i = report.salesImport;
    section(
      "Sales import",
      `${i.rows.toLocaleString("en")} lines of the ERP's sales file for the reference customers, imported by HR through import_sales with the function's 60 s statement_timeout (each run rolled back).`,
      "| Dry run s | Import s | Lines written |",
      "| ---: | ---: | ---: |",
      `| ${(i.dryRunMs / 1000).toFixed(1)} | ${(i.importMs / 1000).toFixed(1)} | ${i.inserted.toLocaleString("en")} |`,
    );
  }
  if (report.cycle) {
    const c = report.cycle;
    section(
      "Evaluation cycle",
      "As HR through split_targets and run_evaluations (role authenticated, RLS on), each in a transaction rolled back. The split follows a change to every annual amount of the year, so it rewrites every person's months and rolls every territory up; the evaluations are last month's, computed from nothing (its drafts and computed actuals removed first, outside the timing) and then once more over the drafts just computed. The month before the first evaluated one is then computed twice in a row: nobody evaluated it, so the planner's statistics count it as empty while its rows are written.",
      "| Annual targets | Split s | Rows written | People evaluated | Evaluations s (from nothing) | Evaluations s (again) |",
      "| ---: | ---: | ---: | ---: | ---: | ---: |",
      `| ${c.annualTargets.toLocaleString("en")} | ${(c.splitMs / 1000).toFixed(1)} | ${c.rowsWritten.toLocaleString("en")} | ${c.people.toLocaleString("en")} | ${(c.runMs / 1000).toFixed(1)} | ${(c.rerunMs / 1000).toFixed(1)} |`,
    );
  }
  if (report.detectors) {
    const d = report.detectors;
    section(
      "Detectors",
      "As HR through run_detectors(31) (role authenticated, RLS on), in a transaction rolled back: every switched-on check over the last 31 days (discounts above authority and work outside the territory among the month's sales, credits and visits; visits overdue past 7 days' grace among all customers), each finding written as a draft violation with its rule's version and repeat count; then the same run again at once, which finds the same events and writes nothing.",
      "| Discounts above authority | Outside the territory | Overdue visits | Run s | Again s | Written again |",
      "| ---: | ---: | ---: | ---: | ---: | ---: |",
      `| ${(d.found.discount_above_authority ?? 0).toLocaleString("en")} | ${(d.found.outside_territory ?? 0).toLocaleString("en")} | ${(d.found.overdue_visit ?? 0).toLocaleString("en")} | ${(d.runMs / 1000).toFixed(1)} | ${(d.againMs / 1000).toFixed(1)} | ${d.foundAgain} |`,
    );
  }
  if (report.audit)
    lines.push(
      "",
      `${historyMark}${auditRuns(report)
        .map((r) => r.toFixed(3))
        .join(", ")} -->`,
    );
  return `${lines.join("\n")}\n`;
}

export async function writeReport(report: Report): Promise<string> {
  const cpu = os.cpus();
  const machine = `${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB memory, ${os.type()} ${os.release()}, Node ${process.version}`;
  const file = path.join(repoRoot, "BENCHMARKS.md");
  report.previousAuditRatios = existsSync(file) ? previousAuditRatios(readFileSync(file, "utf8")) : [];
  writeFileSync(file, renderReport(report, machine, new Date().toISOString(), commit()));
  for (const t of targetsOf(report)) process.stdout.write(`${t.pass ? "pass" : "FAIL"}  ${t.name}: ${t.value}\n`);
  return file;
}
