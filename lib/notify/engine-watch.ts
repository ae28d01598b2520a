import "server-only";
import { listEngineConfigs, statusDocker } from "@/lib/docker/clients";
import { engineMessage } from "@/lib/docker/errors";
import { registerEngineState } from "@/lib/engine-state/registry";
import { notify } from "./notify";
import { checkEveryMs, downAfterMs, nextOutage, type Outage } from "./outage";

// "engine.down": every engine is asked (a ping, answered within the status timeout) every so often, whether or
// not a page follows it — the console's event streams are open only while someone looks. An engine that has
// not answered for VOLDECK_ENGINE_DOWN_MINUTES raises the event once per outage.

type Watch = { timer: NodeJS.Timeout | null; outages: Map<string, Outage> };
const g = globalThis as typeof globalThis & { __voldeckEngineOutages?: Watch };
const watch: Watch = (g.__voldeckEngineOutages ??= { timer: null, outages: new Map() });

// An engine changed or removed starts afresh (an old address's outage is not the new one's).
registerEngineState("engine outages (notifications)", (engineId) => void watch.outages.delete(engineId));

async function checkEngine(id: string, downMs: number): Promise<void> {
  let error: string | null = null;
  try {
    await statusDocker(id).ping();
  } catch (e) {
    error = engineMessage(e);
  }
  const { outage, alert } = nextOutage(watch.outages.get(id) ?? null, error === null, Date.now(), downMs);
  watch.outages.set(id, outage);
  if (alert) {
    const minutes = Math.round((downMs / 60_000) * 10) / 10;
    notify({ event: "engine.down", engine: id, message: `Engine ${id} has not answered for ${minutes} min: ${error}` });
  }
}

let checking = false;

async function checkAll(downMs: number): Promise<void> {
  if (checking) return; // a slow round is not doubled by the next tick
  checking = true;
  try {
    const ids = listEngineConfigs().map((c) => c.id);
    for (const id of watch.outages.keys()) if (!ids.includes(id)) watch.outages.delete(id);
    await Promise.all(ids.map((id) => checkEngine(id, downMs)));
  } catch (e) {
    console.error("voldeck: checking the engines for notifications failed:", e);
  } finally {
    checking = false;
  }
}

/** Starts the watcher (once per process; instrumentation.ts). */
export function startEngineWatch(): void {
  if (watch.timer) return;
  const downMs = downAfterMs();
  watch.timer = setInterval(() => void checkAll(downMs), checkEveryMs(downMs));
  watch.timer.unref?.();
  void checkAll(downMs);
}
