// An engine's outage as the watcher sees it (engine-watch.ts). Pure: unit-tested beside it.

export type Outage = { since: number; notified: boolean } | null;

/** `VOLDECK_ENGINE_DOWN_MINUTES`: how long an engine must stay unreachable before "engine.down" (default 5; fractions allowed). */
export function downAfterMs(env: string | undefined = process.env.VOLDECK_ENGINE_DOWN_MINUTES): number {
  const n = Number(env);
  return (env && Number.isFinite(n) && n > 0 && n <= 24 * 60 ? n : 5) * 60_000;
}

/**
 * How often the watcher asks every engine: a fifth of the wait (so an outage is told close to on time), 5 s to
 * 30 s. Not more often: each question to an SSH engine is a new SSH connection that starts the docker CLI on the
 * host, and a busy host answers that slowly.
 */
export const checkEveryMs = (downMs: number): number => Math.min(30_000, Math.max(5_000, Math.round(downMs / 5)));

/**
 * The next state after one check, and whether to raise "engine.down" now: once per outage, when it has lasted
 * `downMs`; an engine that answers again ends the outage (the next one is told again).
 */
export function nextOutage(prev: Outage, up: boolean, now: number, downMs: number): { outage: Outage; alert: boolean } {
  if (up) return { outage: null, alert: false };
  const outage = prev ?? { since: now, notified: false };
  const alert = !outage.notified && now - outage.since >= downMs;
  return { outage: alert ? { ...outage, notified: true } : outage, alert };
}
