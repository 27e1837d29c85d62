// Failed sign-ins per e-mail: more than `limit` failures inside `windowMs` answer 429 until
// the oldest of them leaves the window.
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

  record(key: string): void {
    this.attempts.set(key, [...this.recent(key), this.now()]);
  }

  /** Milliseconds until sign-in is allowed again (0 when it is allowed now). */
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
