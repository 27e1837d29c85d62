// Failed attempts per key (an e-mail, a client address, an e-mail and address pair): more
// than `limit` failures inside `windowMs` answer 429 until the oldest of them leaves the window.
export class FailedSignIns {
  private readonly attempts = new Map<string, number[]>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: { limit: number; windowMs: number; now?: () => number }) {
    this.limit = options.limit;
    this.windowMs = options.windowMs;
    this.now = options.now ?? Date.now;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const kept = (this.attempts.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length) this.attempts.set(key, kept);
    else this.attempts.delete(key);
    return kept;
  }

  /** Records a failure; returns how many failures the key now has inside the window. */
  record(key: string): number {
    const kept = [...this.recent(key), this.now()];
    this.attempts.set(key, kept);
    return kept.length;
  }

  /** Milliseconds until attempts are allowed again (0 when they are allowed now). */
  blockedFor(key: string): number {
    const kept = this.recent(key);
    if (kept.length < this.limit) return 0;
    const oldest = kept[kept.length - this.limit]!;
    return Math.max(1, oldest + this.windowMs - this.now());
  }

  clear(key: string): void {
    this.attempts.delete(key);
  }
}

/** The longest wait among several limiters and keys (0 when none blocks). */
export function longestBlock(checks: [FailedSignIns, string][]): number {
  return Math.max(0, ...checks.map(([limiter, key]) => limiter.blockedFor(key)));
}
