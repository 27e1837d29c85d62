// Is the API reachable? Set to "down" when a request fails because the service is
// unavailable (gateway 502/503/504, or the network); while down, the health endpoint is
// polled until it answers, then listeners are told it is back (pages refetch by themselves).
import { supabaseAnonKey, supabaseUrl } from "./supabaseClient";

export type Health = "up" | "down";

export class ServiceHealth {
  private state: Health = "up";
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly recoveries = new Set<() => void>();
  private readonly probe: () => Promise<boolean>;
  private readonly intervalMs: number;

  constructor(probe: () => Promise<boolean>, intervalMs = 2000) {
    this.probe = probe;
    this.intervalMs = intervalMs;
  }

  get current(): Health {
    return this.state;
  }

  /** A request just failed because the service could not be reached. */
  reportDown(): void {
    if (this.state === "down") return;
    this.set("down");
    this.schedule();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called once each time the service comes back. */
  onRecovery(listener: () => void): () => void {
    this.recoveries.add(listener);
    return () => this.recoveries.delete(listener);
  }

  getSnapshot = (): Health => this.state;

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.check();
    }, this.intervalMs);
  }

  private async check(): Promise<void> {
    const ok = await this.probe().catch(() => false);
    if (!ok) {
      this.schedule();
      return;
    }
    this.set("up");
    for (const recovered of this.recoveries) recovered();
  }

  private set(state: Health): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

/** The database API answers (PostgREST's root, through the gateway). */
async function apiAnswers(): Promise<boolean> {
  const response = await fetch(`${supabaseUrl}/rest/v1/`, { headers: { apikey: supabaseAnonKey } });
  return response.status < 500;
}

export const serviceHealth = new ServiceHealth(apiAnswers);
