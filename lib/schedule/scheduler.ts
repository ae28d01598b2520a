import "server-only";
import { parseCron } from "./cron";
import { decide } from "./due";
import { serverTimeZone } from "./next-runs";
import { SCHEDULER_ACTOR, startRun, volumeBusy } from "./run";
import { failInterruptedRuns, listScheduleRecords, setHandledUntil } from "./store";
import { ticker, type TickerState } from "./ticker";

// The in-process scheduler: a tick every 15 s, and a timer to the next due time when that is sooner
// (lib/schedule/ticker.ts). Each tick asks due.ts what to do with every schedule. The first tick after start-up
// is the catch-up: runs missed while the console was down make one run per schedule. Started once per process
// (instrumentation.ts), guarded on globalThis against a second start.

const g = globalThis as typeof globalThis & { __voldeckScheduler?: TickerState };
const state: TickerState = (g.__voldeckScheduler ??= { started: false, timer: null, ticking: false });

export function startScheduler(): void {
  if (state.started) return;
  state.started = true;
  const interrupted = failInterruptedRuns();
  if (interrupted) console.warn(`voldeck: ${interrupted} scheduled run(s) were cut off by the last stop`);
  loop.tick();
}

/** Looks at every schedule now (also after a schedule was created or changed). */
export function wakeScheduler(): void {
  if (state.started) loop.arm(0);
}

const loop = ticker(state, "scheduler", (now, willBeDue) => {
  const timeZone = serverTimeZone();
  for (const s of listScheduleRecords()) {
    let decision;
    try {
      decision = decide(parseCron(s.cron), { enabled: s.enabled, handledUntil: Date.parse(s.handledUntil) }, now, timeZone, volumeBusy(s) !== null);
    } catch (e) {
      console.error(`voldeck: schedule ${s.id} has an unreadable cron expression:`, e);
      continue;
    }
    if (decision.action === "idle") {
      if (decision.nextAt !== null) willBeDue(decision.nextAt);
      continue;
    }
    if (decision.action === "wait") continue; // the volume is busy: the next tick looks again
    // Recorded before the run starts: a crash right after never runs the same due time twice.
    const dueAt = new Date(decision.dueAt).toISOString();
    setHandledUntil(s.id, dueAt);
    // A run that cannot start (engine down, volume gone) is recorded and audited as failed by startRun.
    void startRun(s, { dueAt, trigger: "schedule", actor: SCHEDULER_ACTOR }).catch(() => {});
  }
});
