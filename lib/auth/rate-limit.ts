// Pure (clock passed in): failed sign-ins, counted three ways, so that no one can lock everyone out.
// On a local console every browser is 127.0.0.1: a limit per address alone would let anyone with ten bad
// guesses lock out every user, admin included. So:
// - per (name, address) pair: slowed, then refused (429) — this is what stops guessing one account;
// - per name (from anywhere): only ever slowed, never refused;
// - per address: a much higher ceiling, a safety valve against a flood of guesses over many names;
// - an address a user has signed in from before is "known" for that user: neither refusal applies to it, so
//   the right password from there always gets in (slowed at worst). Known addresses are remembered per user,
//   a few each, and only after a successful sign-in. All of this is in memory and resets with the process,
//   counters and known addresses together. Unit-tested.
export const FREE_FAILURES = 3;
export const PAIR_LIMIT = 10;
export const ADDRESS_LIMIT = 100;
export const WINDOW_MS = 15 * 60_000;
/** Hard cap on counted keys: a flood of distinct names or addresses cannot grow memory without bound. */
export const MAX_RECORDS = 10_000;
export const KNOWN_PER_USER = 8;
export const MAX_KNOWN_USERS = 1_000;
const STEP_MS = 150;
export const MAX_DELAY_MS = 3_000;

export type Attempt = { name: string; ip: string };
type Count = { failures: number; first: number };

const pairKey = (a: Attempt) => `pair:${a.name.toLowerCase()}|${a.ip}`;
const nameKey = (a: Attempt) => `name:${a.name.toLowerCase()}`;
const addressKey = (a: Attempt) => `ip:${a.ip}`;
const allKeys = (a: Attempt) => [pairKey(a), nameKey(a), addressKey(a)];

export class LoginLimiter {
  private records = new Map<string, Count>();
  private known = new Map<string, string[]>();

  private current(key: string, now: number): Count | undefined {
    const r = this.records.get(key);
    if (r && now - r.first > WINDOW_MS) {
      this.records.delete(key);
      return undefined;
    }
    return r;
  }

  private failures(key: string, now: number): number {
    return this.current(key, now)?.failures ?? 0;
  }

  /** Whether this user has signed in from this address before. */
  isKnown(a: Attempt): boolean {
    return this.known.get(a.name.toLowerCase())?.includes(a.ip) ?? false;
  }

  /** Refused until this time (ms), or null when the attempt may go ahead. */
  blockedUntil(a: Attempt, now: number): number | null {
    if (this.isKnown(a)) return null;
    let until: number | null = null;
    for (const [key, limit] of [
      [pairKey(a), PAIR_LIMIT],
      [addressKey(a), ADDRESS_LIMIT],
    ] as const) {
      const r = this.current(key, now);
      if (r && r.failures >= limit) until = Math.max(until ?? 0, r.first + WINDOW_MS);
    }
    return until;
  }

  /** How long to hold the answer, growing with the failures of the pair and of the name (not the address). */
  delayMs(a: Attempt, now: number): number {
    const failures = Math.max(this.failures(pairKey(a), now), this.failures(nameKey(a), now));
    return Math.min(MAX_DELAY_MS, Math.max(0, failures - FREE_FAILURES + 1) * STEP_MS);
  }

  fail(a: Attempt, now: number): void {
    for (const key of allKeys(a)) {
      const r = this.current(key, now);
      if (r) r.failures++;
      else this.add(key, now);
    }
  }

  /**
   * The right password: the pair starts afresh, the failure counted in advance for this attempt is taken
   * back from the name and the address (their other failures stay: a valid account does not reset an
   * attacker's count), and the address becomes known for this user.
   */
  succeed(a: Attempt, now: number): void {
    this.records.delete(pairKey(a));
    for (const key of [nameKey(a), addressKey(a)]) {
      const r = this.current(key, now);
      if (r && r.failures > 0) r.failures--;
    }
    this.remember(a);
  }

  private add(key: string, now: number): void {
    // Full: drop the oldest. Records are added in time order (an expired one is deleted before it is
    // counted again), so the oldest are the expired ones first, then the least recent live ones. An
    // attacker could push a pair's count out this way only with MAX_RECORDS fresh failures, which the
    // address ceiling and the delays make slow.
    while (this.records.size >= MAX_RECORDS) this.records.delete(this.records.keys().next().value!);
    this.records.set(key, { failures: 1, first: now });
  }

  private remember(a: Attempt): void {
    const name = a.name.toLowerCase();
    const list = (this.known.get(name) ?? []).filter((ip) => ip !== a.ip);
    list.push(a.ip);
    this.known.delete(name); // re-inserted last: the least recently successful user is evicted first
    this.known.set(name, list.slice(-KNOWN_PER_USER));
    while (this.known.size > MAX_KNOWN_USERS) this.known.delete(this.known.keys().next().value!);
  }

  /** For tests and diagnostics: how many keys are counted. */
  get size(): number {
    return this.records.size;
  }
}
