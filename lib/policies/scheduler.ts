import "server-only";
import { parseCron } from "@/lib/schedule/cron";
import { decide } from "@/lib/schedule/due";
import { serverTimeZone } from "@/lib/schedule/next-runs";
import { SCHEDULER_ACTOR } from "@/lib/schedule/run";
import { ticker, type TickerState } from "@/lib/schedule/ticker";
import { lookAtDrills } from "@/lib/drills/scheduler";
import { startPolicyRun } from "./run";
import { hasRunningRun, interruptUnfinishedRuns, listPolicyRecords } from "./store";

// Fires due policies the way lib/schedule/scheduler.ts fires schedules: the same loop (lib/schedule/ticker.ts)
// and due-time rules (lib/schedule/due.ts); missed runs make one catch-up run. A policy whose previous run is still
// going waits for it (runs of one policy never overlap). Started once per process (instrumentation.ts), guarded
// on globalThis.

const g = globalThis as typeof globalThis & { __voldeckPolicyScheduler?: TickerState };
const state: TickerState = (g.__voldeckPolicyScheduler ??= { started: false, timer: null, ticking: false });

export function startPolicyScheduler(): void {
  if (state.started) return;
  state.started = true;
  const interrupted = interruptUnfinishedRuns();
  if (interrupted) console.warn(`voldeck: ${interrupted} policy run(s) were cut off by the last stop`);
  loop.tick();
}

export function wakePolicyScheduler(): void {
  if (state.started) loop.arm(0);
}

const loop = ticker(state, "policy scheduler", (now, willBeDue) => {
  const timeZone = serverTimeZone();
  const policies = listPolicyRecords();
  // Drills (lib/drills/scheduler.ts) run on the policy's drill cron, in this same loop.
  lookAtDrills(policies, now, timeZone, willBeDue);
  for (const p of policies) {
    let decision;
    try {
      decision = decide(parseCron(p.cron), { enabled: p.enabled, handledUntil: Date.parse(p.handledUntil) }, now, timeZone, hasRunningRun(p.id));
    } catch (e) {
      console.error(`voldeck: policy ${p.id} has an unreadable cron expression:`, e);
      continue;
    }
    if (decision.action === "idle") {
      if (decision.nextAt !== null) willBeDue(decision.nextAt);
      continue;
    }
    if (decision.action === "wait") continue;
    // startPolicyRun records the run and its due time (one transaction) before it selects or starts anything.
    const dueAt = new Date(decision.dueAt).toISOString();
    void startPolicyRun(p, { dueAt, trigger: "schedule", actor: SCHEDULER_ACTOR }).catch(() => {});
  }
});
