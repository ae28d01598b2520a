// Pure (clock passed in): failed logins per client and per username. After a few failures each attempt is
// slowed; past the limit the client is refused (429) until the window has passed. Unit-tested.
export const FREE_FAILURES = 3;
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;
const STEP_MS = 150;
const MAX_DELAY_MS = 1_500;

type Record_ = { failures: number; first: number };

export class LoginLimiter {
  private records = new Map<string, Record_>();

  private current(key: string, now: number): Record_ | undefined {
    const r = this.records.get(key);
    if (r && now - r.first > WINDOW_MS) {
      this.records.delete(key);
      return undefined;
    }
    return r;
  }

  /** Refused until this time (ms), or null when the client may try. */
  blockedUntil(keys: string[], now: number): number | null {
    let until: number | null = null;
    for (const key of keys) {
      const r = this.current(key, now);
      if (r && r.failures >= MAX_FAILURES) until = Math.max(until ?? 0, r.first + WINDOW_MS);
    }
    return until;
  }

  /** How long to hold the answer to this attempt, growing with the failures so far. */
  delayMs(keys: string[], now: number): number {
    const failures = Math.max(0, ...keys.map((k) => this.current(k, now)?.failures ?? 0));
    return Math.min(MAX_DELAY_MS, Math.max(0, failures - FREE_FAILURES + 1) * STEP_MS);
  }

  fail(keys: string[], now: number): void {
    for (const key of keys) {
      const r = this.current(key, now);
      if (r) r.failures++;
      else this.records.set(key, { failures: 1, first: now });
    }
    if (this.records.size > 10_000) this.sweep(now);
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.records.delete(key);
  }

  /** Takes back one failure counted in advance for an attempt that then succeeded. */
  forgive(keys: string[], now: number): void {
    for (const key of keys) {
      const r = this.current(key, now);
      if (r && r.failures > 0) r.failures--;
    }
  }

  private sweep(now: number): void {
    for (const [key, r] of this.records) if (now - r.first > WINDOW_MS) this.records.delete(key);
  }
}
