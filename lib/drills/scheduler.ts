import "server-only";
import { parseCron } from "@/lib/schedule/cron";
import { decide } from "@/lib/schedule/due";
import { SCHEDULER_ACTOR } from "@/lib/schedule/run";
import type { PolicyRecord } from "@/lib/policies/store";
import { drillRunning, startDrill } from "./run";
import { drillHandledUntil, markDrillHandled } from "./store";

// Drills on their own cron, looked at in the policy scheduler's loop (lib/policies/scheduler.ts) with the same
// due-time rules (lib/schedule/due.ts): missed drills make one catch-up drill, a drill still running makes the
// next wait. The due time is marked handled before the drill starts: after a crash a drill is skipped rather
// than run twice (a drill changes nothing; the next one comes on its schedule).

export function lookAtDrills(policies: PolicyRecord[], now: number, timeZone: string, willBeDue: (at: number) => void): void {
  for (const p of policies) {
    if (!p.drill) continue;
    let decision;
    try {
      const handledUntil = Date.parse(drillHandledUntil(p.id, p.drill.cron, new Date(now)));
      decision = decide(parseCron(p.drill.cron), { enabled: p.enabled, handledUntil }, now, timeZone, drillRunning(p.id));
    } catch (e) {
      console.error(`voldeck: the drill of policy ${p.id} could not be scheduled:`, e);
      continue;
    }
    if (decision.action === "idle") {
      if (decision.nextAt !== null) willBeDue(decision.nextAt);
      continue;
    }
    if (decision.action === "wait") continue;
    markDrillHandled(p.id, p.drill.cron, new Date(decision.dueAt).toISOString());
    void startDrill(p, { trigger: "schedule", actor: SCHEDULER_ACTOR }).catch((e) => console.error(`voldeck: the drill of policy ${p.id} could not start:`, e));
  }
}
