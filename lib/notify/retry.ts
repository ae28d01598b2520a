// When to try a failed delivery again. Pure: unit-tested beside it.

/** Attempts per delivery: the first, then one after each delay. */
export const ATTEMPTS = 4;

/**
 * The waits before the 2nd, 3rd and 4th attempt: base, 4×base, 16×base (1 s, 4 s, 16 s by default), so a
 * receiver that restarts is reached within half a minute without hammering one that is down.
 * `VOLDECK_NOTIFY_RETRY_MS` sets the base (tests use a few milliseconds); out-of-range values mean the default.
 */
export function retryDelays(env: string | undefined = process.env.VOLDECK_NOTIFY_RETRY_MS): number[] {
  const n = Number(env);
  const base = env && Number.isFinite(n) && n >= 1 && n <= 60_000 ? n : 1_000;
  return Array.from({ length: ATTEMPTS - 1 }, (_, i) => base * 4 ** i);
}
