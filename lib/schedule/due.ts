// What the scheduler does with one schedule at one moment. Pure (the clock is an argument), unit-tested:
// due times, missed runs (several missed while the console was down make ONE catch-up run), no overlap.
import type { Cron } from "./cron";
import { nextRun } from "./next-runs";

export type DueState = { enabled: boolean; handledUntil: number };

export type Decision =
  /** Start a run now for the due time `dueAt` (runs missed before it are folded into it); then handledUntil = dueAt. */
  | { action: "run"; dueAt: number }
  /** A due run has to wait: another job uses the volume. Try again on the next tick (nothing is recorded). */
  | { action: "wait"; dueAt: number }
  /** Nothing due; the next run is at `nextAt` (null: never, or paused). */
  | { action: "idle"; nextAt: number | null };

export function decide(cron: Cron, s: DueState, now: number, timeZone: string, volumeBusy: boolean): Decision {
  if (!s.enabled) return { action: "idle", nextAt: null };
  const first = nextRun(cron, s.handledUntil, timeZone);
  if (first === null || first > now) return { action: "idle", nextAt: first };
  const dueAt = latestDue(cron, first, now, timeZone);
  return volumeBusy ? { action: "wait", dueAt } : { action: "run", dueAt };
}

/**
 * The latest due time in (from, now], knowing `first` is one: looks back from now over a window that doubles
 * until it holds a due time, so a console down for a year with a per-minute schedule still decides quickly.
 */
function latestDue(cron: Cron, first: number, now: number, timeZone: string): number {
  for (let window = 3_600_000; ; window *= 2) {
    const start = Math.max(first, now - window);
    let at = start === first ? first : nextRun(cron, start - 1, timeZone);
    if (at === null || at > now) continue;
    for (let next = nextRun(cron, at, timeZone); next !== null && next <= now; next = nextRun(cron, at, timeZone)) at = next;
    return at;
  }
}
