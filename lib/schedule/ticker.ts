import "server-only";

// The loop both schedulers run (schedules, lib/schedule/scheduler.ts; policies, lib/policies/scheduler.ts): a look
// at everything every TICK_MS, or sooner when something is due sooner; one look at a time. The state lives on
// globalThis in each caller (one scheduler per process, whatever module copies the bundler makes).

export const TICK_MS = 15_000;

export type TickerState = { started: boolean; timer: NodeJS.Timeout | null; ticking: boolean };

/**
 * `look(now, willBeDue)` looks at everything once and calls `willBeDue` with each time something will be due; the
 * next look is then at the soonest of those, within TICK_MS (and not sooner than 50 ms). `what` names the loop in
 * the log when a look throws. Answers `tick` (look now) and `arm` (look in `ms`).
 */
export function ticker(state: TickerState, what: string, look: (now: number, willBeDue: (at: number) => void) => void) {
  const arm = (inMs: number): void => {
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(tick, Math.min(TICK_MS, Math.max(50, inMs)));
    state.timer.unref?.();
  };
  function tick(): void {
    if (state.ticking) return;
    state.ticking = true;
    const now = Date.now();
    let soonest = now + TICK_MS;
    try {
      look(now, (at) => (soonest = Math.min(soonest, at)));
    } catch (e) {
      console.error(`voldeck: the ${what}'s tick failed:`, e);
    } finally {
      state.ticking = false;
      arm(soonest - Date.now());
    }
  }
  return { tick, arm };
}
