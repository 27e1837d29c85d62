// Throughput with 20 concurrent clients: the staff list as a territory manager, and next to
// it PostgREST's own figure on a one-row read, each for the same number of seconds, taken in
// alternating slices.
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

interface Load {
  name: string;
  request: BenchRequest;
  latencies: number[];
  errors: number;
  busySeconds: number;
}

/** One slice: `clients` workers send the load's request back to back until the slice ends. */
async function slice(stack: Stack, load: Load, token: string, seconds: number): Promise<void> {
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t = await send(stack, load.request, token);
      load.latencies.push(t.ms);
      if (!t.ok) load.errors++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, worker));
  load.busySeconds += (performance.now() - t0) / 1000;
}

/** How many slices each load's seconds are cut into. */
export const slices = 8;

/**
 * The two loads take turns in short slices (staff list, one-row read, staff list, ...), so a
 * burst of noise on a shared machine falls on both rather than on whichever ran during it: the
 * ratio between them is what the target judges.
 */
export async function runConcurrency(
  stack: Stack,
  manager: Session,
  queries: PageQuery[],
  seconds: number,
): Promise<ConcurrencyRow[]> {
  const staff = queries.find((q) => q.name === "staff list")!;
  const loads: Load[] = [
    {
      name: "staff list as a territory manager",
      request: staff.request(manager),
      latencies: [],
      errors: 0,
      busySeconds: 0,
    },
    {
      name: "reference: one-row read (app_roles by key)",
      request: { method: "GET", path: "/rest/v1/app_roles?select=code&code=eq.manager" },
      latencies: [],
      errors: 0,
      busySeconds: 0,
    },
  ];
  for (let i = 0; i < slices; i++) {
    // Which load goes first alternates, so neither always follows the other's wake.
    const order = i % 2 === 0 ? loads : [...loads].reverse();
    for (const load of order) await slice(stack, load, manager.token, seconds / slices);
  }
  return loads.map((load) => ({
    name: load.name,
    clients,
    seconds,
    requests: load.latencies.length,
    rps: load.latencies.length / load.busySeconds,
    p95: percentile(load.latencies, 95),
    errors: load.errors,
  }));
}

export interface EditPairsRow {
  pairs: number;
  oneWinner: number;
  conflicts: number;
  silentOverwrites: number;
}

/**
 * 200 pairs of simultaneous saves of one staff record (HR and the territory manager, both
 * sending the version they read): each pair must have exactly one winner and one 409.
 */
export async function runEditPairs(
  stack: Stack,
  hr: Session,
  manager: Session,
  staffId: string,
  pairs = 200,
): Promise<EditPairsRow> {
  const read = async () => {
    const response = await fetch(`${stack.apiUrl}/rest/v1/staff?select=version,notes&id=eq.${staffId}`, {
      headers: { apikey: stack.anonKey, Authorization: `Bearer ${stack.serviceRoleKey}` },
    });
    return ((await response.json()) as Array<{ version: number; notes: string }>)[0]!;
  };
  const save = async (who: Session, version: number, notes: string) => {
    const response = await fetch(`${stack.apiUrl}/rest/v1/staff?id=eq.${staffId}&select=id`, {
      method: "PATCH",
      headers: {
        apikey: stack.anonKey,
        Authorization: `Bearer ${who.token}`,
        "Content-Type": "application/json",
        Prefer: "return=representation",
      },
      body: JSON.stringify({ notes, version }),
    });
    const rows = response.ok ? ((await response.json()) as unknown[]).length : 0;
    return { won: response.ok && rows === 1, conflict: response.status === 409 };
  };
  const row: EditPairsRow = { pairs, oneWinner: 0, conflicts: 0, silentOverwrites: 0 };
  for (let i = 0; i < pairs; i++) {
    const { version } = await read();
    const [a, b] = await Promise.all([save(hr, version, `HR ${i}`), save(manager, version, `Manager ${i}`)]);
    if (Number(a.won) + Number(b.won) === 1) row.oneWinner++;
    if (a.won && b.won) row.silentOverwrites++;
    if (a.conflict || b.conflict) row.conflicts++;
    const stored = await read();
    if (stored.version !== version + 1 || (stored.notes !== `HR ${i}` && stored.notes !== `Manager ${i}`))
      row.silentOverwrites++;
  }
  return row;
}
