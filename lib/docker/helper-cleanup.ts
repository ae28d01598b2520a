import "server-only";
import { registerEngineState } from "@/lib/engine-state/registry";
import { docker } from "./clients";
import { engineStatus } from "./errors";
import { HELPER_LABEL } from "./mapping";

// What a job could not finish because its engine went away: helper containers to remove, containers it had
// stopped to start again, scratch volumes to remove. Retried in the background until the engine answers
// (so after an engine restart the helpers are gone and the stopped containers run again), for up to a day.

/** Which console process made a helper: another process's helpers are a crash's leftovers. */
export const INSTANCE_LABEL = "io.voldeck.instance";

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 5_000;
const GIVE_UP_MS = 24 * 3600_000;

type Pending = {
  helpers: Set<string>;
  starts: Map<string, string>; // container id → name (for the log)
  volumes: Set<string>;
  since: number;
  delay: number;
  timer: NodeJS.Timeout | null;
};
const g = globalThis as typeof globalThis & { __voldeckPending?: Map<string, Pending> };
const pendingByEngine: Map<string, Pending> = (g.__voldeckPending ??= new Map());

// Ids and names of the old engine mean nothing, or something else, at a new address: a scratch volume's name
// there may be somebody's data. What was still to do is dropped, and said so in the log.
registerEngineState("deferred cleanup", (id, why) => {
  const p = pendingByEngine.get(id);
  if (!p) return;
  if (p.timer) clearTimeout(p.timer);
  pendingByEngine.delete(id);
  console.error(
    `voldeck: ${why} on engine "${id}"; not done there: helpers ${[...p.helpers]}, containers ${[...p.starts.values()]}, volumes ${[...p.volumes]}`,
  );
});

function pending(engineId: string): Pending {
  let p = pendingByEngine.get(engineId);
  if (!p) {
    p = { helpers: new Set(), starts: new Map(), volumes: new Set(), since: Date.now(), delay: FIRST_RETRY_MS, timer: null };
    pendingByEngine.set(engineId, p);
  }
  return p;
}

export function deferHelperRemoval(engineId: string, id: string): void {
  pending(engineId).helpers.add(id);
  schedule(engineId);
}

export function deferStart(engineId: string, id: string, name: string): void {
  pending(engineId).starts.set(id, name);
  schedule(engineId);
}

/** Whether a helper of this engine is still to be removed (it may be what holds a job's scratch volume). */
export const helpersPending = (engineId: string): boolean => (pendingByEngine.get(engineId)?.helpers.size ?? 0) > 0;

/** Only for volumes the job created itself and that hold nothing anyone needs. */
export function deferVolumeRemoval(engineId: string, name: string): void {
  pending(engineId).volumes.add(name);
  schedule(engineId);
}

function schedule(engineId: string): void {
  const p = pending(engineId);
  if (p.timer) return;
  p.timer = setTimeout(() => {
    p.timer = null;
    void retry(engineId, p);
  }, p.delay);
  p.timer.unref?.();
}

/**
 * Answers true when there is nothing more to do (done, or the engine refused for good: 4xx), false to try again
 * later (unreachable, a 5xx while it is still starting up, or one of `later`).
 */
async function attempt(what: string, fn: () => Promise<unknown>, quiet: number[], later: number[] = []): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (e) {
    const status = engineStatus(e);
    if (status === undefined || status >= 500 || later.includes(status)) return false;
    if (!quiet.includes(status)) console.error(`voldeck: ${what} failed: ${(e as Error).message}`);
    return true;
  }
}

async function retry(engineId: string, p: Pending): Promise<void> {
  const client = docker(engineId);
  for (const id of [...p.starts.keys()]) {
    // 304: already running; 404: gone. Either way nothing more to do.
    if (await attempt(`starting ${p.starts.get(id)} again`, () => client.getContainer(id).start(), [304, 404])) {
      console.log(`voldeck: started container ${p.starts.get(id)} again on engine "${engineId}"`);
      p.starts.delete(id);
    }
  }
  for (const id of [...p.helpers]) {
    if (await attempt(`removing helper ${id}`, () => client.getContainer(id).remove({ force: true, v: false }), [404])) p.helpers.delete(id);
  }
  // A helper still to remove may be what holds a scratch volume: while one is, the engine's 409 "in use" means
  // "later", not "never" (seen on a restarting engine: the helper's removal failed with a 5xx, the volume's with a
  // 409, and the scratch volume stayed for good). With no helper left, a 409 is final, as before.
  const inUseLater = p.helpers.size ? [409] : [];
  for (const name of [...p.volumes]) {
    if (await attempt(`removing scratch volume ${name}`, () => client.getVolume(name).remove(), [404], inUseLater)) p.volumes.delete(name);
  }
  const left = p.helpers.size + p.starts.size + p.volumes.size;
  if (!left) {
    pendingByEngine.delete(engineId);
    return;
  }
  if (Date.now() - p.since > GIVE_UP_MS) {
    console.error(`voldeck: gave up on engine "${engineId}": helpers ${[...p.helpers]}, containers ${[...p.starts.values()]}, volumes ${[...p.volumes]}`);
    pendingByEngine.delete(engineId);
    return;
  }
  p.delay = Math.min(p.delay * 2, MAX_RETRY_MS);
  schedule(engineId);
}

/**
 * Removes helper containers left by a crash: every container with the helper label that another console
 * process made (`instance` is this process's; its own helpers are removed by their jobs, or retried above).
 * Answers how many were removed; throws when the engine cannot be reached.
 */
export async function sweepHelpers(engineId: string, instance: string): Promise<number> {
  const client = docker(engineId);
  const list = await client.listContainers({ all: true, filters: { label: [HELPER_LABEL] } });
  let removed = 0;
  for (const c of list) {
    if (c.Labels?.[INSTANCE_LABEL] === instance) continue;
    try {
      await client.getContainer(c.Id).remove({ force: true, v: false });
      removed++;
    } catch (e) {
      if (engineStatus(e) !== 404) deferHelperRemoval(engineId, c.Id);
    }
  }
  return removed;
}
