import "server-only";
import { coverage } from "@/lib/coverage/coverage";
import { registerEngineState } from "@/lib/engine-state/registry";
import { notify } from "@/lib/notify/notify";
import { parseCron } from "@/lib/schedule/cron";
import { nextRuns, serverTimeZone } from "@/lib/schedule/next-runs";
import { ticker, type TickerState } from "@/lib/schedule/ticker";
import { overdueVolumes, staleMessage, staleTransitions, type PolicyTiming } from "./stale-alerts";
import { listPolicyRecords } from "./store";

// Raises "policy.stale" (lib/notify) from a periodic look at the coverage, on the schedulers' loop
// (lib/schedule/ticker.ts, every TICK_MS). What was alerted lives in memory on globalThis: after a restart a
// volume still overdue is alerted once more, which we prefer to a table that could keep an alert silent forever.

type StaleCheck = TickerState & { alerted: Set<string>; checking: boolean };
const g = globalThis as typeof globalThis & { __voldeckStaleCheck?: StaleCheck };
const state: StaleCheck = (g.__voldeckStaleCheck ??= { started: false, timer: null, ticking: false, alerted: new Set(), checking: false });

// An engine added again under the same id is another engine: its volumes' alerts start afresh (keys: "policy engine/volume").
registerEngineState("stale alerts (policy.stale)", (engineId) => {
  for (const key of state.alerted) if (key.slice(key.indexOf(" ") + 1).split("/")[0] === engineId) state.alerted.delete(key);
});

function timings(now: number): Map<string, PolicyTiming> {
  const timeZone = serverTimeZone();
  const out = new Map<string, PolicyTiming>();
  for (const p of listPolicyRecords()) {
    const [a, b] = nextRuns(parseCron(p.cron), now, timeZone, 2);
    out.set(p.id, { name: p.name, createdAt: Date.parse(p.createdAt), intervalMs: a !== undefined && b !== undefined ? b - a : null });
  }
  return out;
}

async function check(): Promise<void> {
  if (state.checking) return; // a slow look (engines answering slowly) is not doubled by the next tick
  // Without a policy nothing can be overdue. Skipping the coverage pass also lets the all-engines list stop
  // following engines nobody looks at (each pass would keep every engine's event stream followed).
  if (!listPolicyRecords().length) {
    state.alerted.clear();
    return;
  }
  state.checking = true;
  try {
    const answer = await coverage();
    const now = Date.now();
    const unanswered = new Set(answer.engines.filter((e) => !e.ok).map((e) => e.id));
    const { send, remember } = staleTransitions(state.alerted, overdueVolumes(answer.volumes, timings(now), now), unanswered);
    state.alerted = remember;
    for (const a of send) notify({ event: "policy.stale", engine: a.engine, volume: a.volume, policy: a.policy, message: staleMessage(a) });
  } catch (e) {
    console.error("voldeck: the policy stale check failed:", e);
  } finally {
    state.checking = false;
  }
}

const loop = ticker(state, "policy stale check", () => void check());

/** Starts the check (once per process; instrumentation.ts). */
export function startStaleCheck(): void {
  if (state.started) return;
  state.started = true;
  loop.tick();
}
