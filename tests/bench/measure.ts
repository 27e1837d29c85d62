// Timing one request, percentiles, and the RLS-vs-bypass pair measured side by side (each
// round sends the person's request, then the same request as the service role), so drift on
// a shared machine hits both sides alike.
import type { Stack } from "../../supabase/local/stack.ts";
import type { BenchRequest, PageQuery, Session } from "./queries.ts";

export interface Timing {
  ms: number;
  ok: boolean;
  status: number;
  rows: number;
  /** The response body of a failed request (for the error message). */
  error?: string;
}

export async function send(stack: Stack, request: BenchRequest, token: string): Promise<Timing> {
  const headers: Record<string, string> = { apikey: stack.anonKey, Authorization: `Bearer ${token}` };
  if (request.count && request.count !== "none") headers.Prefer = `count=${request.count}`;
  if (request.body !== undefined) headers["Content-Type"] = "application/json";
  const t0 = performance.now();
  try {
    const response = await fetch(`${stack.apiUrl}${request.path}`, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    const text = await response.text();
    const ms = performance.now() - t0;
    const total = response.headers.get("content-range")?.split("/")[1];
    let rows = 0;
    if (total && total !== "*") rows = Number(total);
    else if (response.ok) {
      // A function returning one JSON document (the handbook) is one row.
      const body = JSON.parse(text) as unknown;
      rows = Array.isArray(body) ? body.length : 1;
    }
    return {
      ms,
      ok: response.ok,
      status: response.status,
      rows,
      ...(response.ok ? {} : { error: text.slice(0, 300) }),
    };
  } catch {
    return { ms: performance.now() - t0, ok: false, status: 0, rows: 0 };
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Stats {
  p50: number;
  p95: number;
}

export interface PairRow {
  query: string;
  list: boolean;
  /** The query's own p95 target, when it has one. */
  p95Ms?: number;
  role: string;
  rows: number;
  rls: Stats;
  /** Null where the service role cannot run the same request (functions only people may call). */
  bypass: Stats | null;
  ratio: number | null;
}

const warmup = 10;

export async function measurePair(
  stack: Stack,
  query: PageQuery,
  session: Session,
  service: Session,
  requests: number,
): Promise<PairRow> {
  const request = query.request(session);
  const equivalent = query.bypass ? query.bypass(session) : request;
  const bypassRequest = equivalent ?? request;
  const first = await send(stack, request, session.token);
  if (!first.ok)
    throw new Error(`${query.name} as ${session.label} failed with HTTP ${first.status}: ${first.error ?? ""}`);
  const bypassFirst = await send(stack, bypassRequest, service.token);
  const bypassWorks = bypassFirst.ok && equivalent !== null;
  // The service role's request must reach the same rows, or the ratio compares different work.
  if (equivalent !== null && query.bypass && bypassFirst.rows !== first.rows)
    throw new Error(
      `${query.name}: ${session.label} reads ${first.rows} rows, the service role's equivalent ${bypassFirst.rows}`,
    );
  for (let i = 0; i < warmup; i++) {
    await send(stack, request, session.token);
    if (bypassWorks) await send(stack, bypassRequest, service.token);
  }
  const rls: number[] = [];
  const bypass: number[] = [];
  // Which of the two goes first alternates round by round: a request that always follows the
  // other (or always leads) would carry whatever the order costs into the ratio.
  const sendRls = async () => {
    const a = await send(stack, request, session.token);
    if (!a.ok) throw new Error(`${query.name} as ${session.label} failed with HTTP ${a.status}`);
    rls.push(a.ms);
  };
  const sendBypass = async () => {
    if (bypassWorks) bypass.push((await send(stack, bypassRequest, service.token)).ms);
  };
  for (let i = 0; i < requests; i++) {
    if (i % 2 === 0) {
      await sendRls();
      await sendBypass();
    } else {
      await sendBypass();
      await sendRls();
    }
  }
  const rlsStats = { p50: percentile(rls, 50), p95: percentile(rls, 95) };
  const bypassStats = bypassWorks ? { p50: percentile(bypass, 50), p95: percentile(bypass, 95) } : null;
  return {
    query: query.name,
    list: query.list,
    p95Ms: query.p95Ms,
    role: session.label,
    rows: first.rows,
    rls: rlsStats,
    bypass: bypassStats,
    ratio: bypassStats ? rlsStats.p50 / bypassStats.p50 : null,
  };
}
