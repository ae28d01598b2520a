import "server-only";
import { ApiError } from "@/lib/api/error";
import { busyWith } from "@/lib/jobs/registry";
import { parseCron } from "@/lib/schedule/cron";
import { decide } from "@/lib/schedule/due";
import { serverTimeZone } from "@/lib/schedule/next-runs";
import { SCHEDULER_ACTOR } from "@/lib/schedule/run";
import { ticker, type TickerState } from "@/lib/schedule/ticker";
import { startCheck } from "./check-job";
import { recordLastCheck } from "./last-check";
import { repoWrite } from "./repo-jobs";
import { listRepoRows, setCheckHandledUntil } from "./store";

// Runs each repository's scheduled check (migration 14) on the loop the schedules use (lib/schedule/ticker.ts)
// with their due-time rules (lib/schedule/due.ts): checks missed while the console was down make one check.
// A check needs the repository to itself (restic check locks it exclusively): while another job holds the
// repository's lock the due check waits, and the next tick looks again; nothing is queued. Started once per
// process (instrumentation.ts), guarded on globalThis.

const g = globalThis as typeof globalThis & { __voldeckCheckScheduler?: TickerState };
const state: TickerState = (g.__voldeckCheckScheduler ??= { started: false, timer: null, ticking: false });

export function startCheckScheduler(): void {
  if (state.started) return;
  state.started = true;
  loop.tick();
}

/** Looks at every repository now (after a check schedule was set). */
export function wakeCheckScheduler(): void {
  if (state.started) loop.arm(0);
}

const loop = ticker(state, "check scheduler", (now, willBeDue) => {
  const timeZone = serverTimeZone();
  for (const r of listRepoRows()) {
    const s = r.checkSchedule;
    if (!s) continue;
    let decision;
    try {
      const busy = busyWith([repoWrite(r.id)]) !== null;
      decision = decide(parseCron(s.cron), { enabled: true, handledUntil: Date.parse(s.handledUntil) }, now, timeZone, busy);
    } catch (e) {
      console.error(`voldeck: the check schedule of repository ${r.id} has an unreadable cron expression:`, e);
      continue;
    }
    if (decision.action === "idle") {
      if (decision.nextAt !== null) willBeDue(decision.nextAt);
      continue;
    }
    if (decision.action === "wait") continue; // busy: the next tick looks again
    // Recorded before the check starts, so a crash right after does not check twice for one due time. A check
    // refused because a job took the repository in between gets its due time back: the next tick tries again.
    // Any other refusal (restic missing) is the check's result until the next due time.
    setCheckHandledUntil(r.id, new Date(decision.dueAt).toISOString());
    void startCheck(r.id, { readDataSubset: s.readDataSubset }, SCHEDULER_ACTOR).catch((e: Error) => {
      if (e instanceof ApiError && e.code === "conflict") return setCheckHandledUntil(r.id, s.handledUntil);
      if (e instanceof ApiError && e.code === "not_found") return; // removed meanwhile
      recordLastCheck(r.id, { at: new Date().toISOString(), ok: false, error: `The scheduled check did not start: ${e.message}` });
    });
  }
});
