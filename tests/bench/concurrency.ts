// Throughput with 20 concurrent clients: the staff list as a territory manager, and next to
// it PostgREST's own figure on a one-row read, each for the same number of seconds.
import type { Stack } from "../../supabase/local/stack.ts";
import { percentile, send } from "./measure.ts";
import type { BenchRequest, PageQuery, Session } from "./queries.ts";

export interface ConcurrencyRow {
  name: string;
  clients: number;
  seconds: number;
  requests: number;
  rps: number;
  p95: number;
  errors: number;
}

export const clients = 20;

async function hammer(stack: Stack, name: string, request: BenchRequest, token: string, seconds: number): Promise<ConcurrencyRow> {
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t = await send(stack, request, token);
      latencies.push(t.ms);
      if (!t.ok) errors++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, worker));
  const took = (performance.now() - t0) / 1000;
  return { name, clients, seconds, requests: latencies.length, rps: latencies.length / took, p95: percentile(latencies, 95), errors };
}

export async function runConcurrency(stack: Stack, manager: Session, queries: PageQuery[], seconds: number): Promise<ConcurrencyRow[]> {
  const staff = queries.find((q) => q.name === "staff list")!;
  return [
    await hammer(stack, "staff list as a territory manager", staff.request(manager), manager.token, seconds),
    await hammer(stack, "reference: one-row read (app_roles by key)", { method: "GET", path: "/rest/v1/app_roles?select=code&code=eq.manager" }, manager.token, seconds),
  ];
}
