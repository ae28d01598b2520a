// Containers whose list entry is read again after an event. The engine announces a change before its list view
// always shows it: on a busy host a "die" can be followed, for more than a second, by lists that still say
// running (the container's state is written to disk before the list view is updated). A container is read
// again 1 s after its last event, then, while the list still contradicts that event, after 2, 4, 8 and 16 s.

export const RECHECK_DELAY_MS = 1_000;
export const RECHECK_TRIES = 5;

export type Recheck = {
  /** When the container is read again next. */
  due: number;
  /** The state the last event implies, when it implies one. */
  expect: ((state: string) => boolean) | null;
  /** Reads done so far because of this event. */
  tries: number;
};

const running = (s: string) => s === "running";
// After a "die" the container is exited, dead, or restarting (a restart policy); never still running.
const notRunning = (s: string) => s !== "running";
const paused = (s: string) => s === "paused";

const IMPLIED: Record<string, (state: string) => boolean> = {
  start: running,
  restart: running,
  unpause: running,
  die: notRunning,
  pause: paused,
};

export function recheckAfter(action: string, now: number): Recheck {
  return { due: now + RECHECK_DELAY_MS, expect: IMPLIED[action] ?? null, tries: 0 };
}

/** Marks a due recheck as read now, and when the next one would be. */
export function startRead(r: Recheck, now: number): void {
  r.tries += 1;
  r.due = now + RECHECK_DELAY_MS * 2 ** r.tries;
}

/**
 * Whether a recheck is over, given the container's state in a list just read (undefined: the container is
 * gone). It is over once it was read again at least once and the list agrees with the event, or after
 * RECHECK_TRIES reads (a state that never comes is not waited for endlessly).
 */
export function recheckDone(r: Recheck, state: string | undefined): boolean {
  if (r.tries >= RECHECK_TRIES) return true;
  if (r.tries === 0) return false;
  return state === undefined || !r.expect || r.expect(state);
}
