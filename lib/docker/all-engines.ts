import "server-only";
import { ApiError } from "@/lib/api/error";
import type { EngineListing } from "@/lib/api/all-engines-types";
import type { Volume } from "@/lib/api/types";
import { registerEngineState } from "@/lib/engine-state/registry";
import { engineConfig, listEngineConfigs } from "./clients";
import { engineMessage } from "./errors";
import { followEngine } from "./events";
import { listVolumesWithSource } from "./volumes";

// Every engine's volumes at once. Each engine is asked in parallel with its own short deadline, so the answer
// takes as long as the slowest engine that answers in time, never longer than the deadline: an engine that
// is slow or unreachable (a TCP address nobody answers waits for the connect timeout) is reported, not awaited.
// An engine whose event stream already says it is down answers at once from that knowledge; the stream keeps
// reconnecting with backoff (lib/docker/events.ts), and its "up" makes the next request ask the engine again.
const ENGINE_DEADLINE_MS = 2_500;
// An engine that missed the deadline (a host that accepts connections but does not answer) is not waited for
// again: it is asked in the background (at most every so often), and listed again once it has answered.
const SLOW_RETRY_MS = 5_000;
// Engines stay followed this long after the last all-engines request, as the live index does for one engine.
const FOLLOW_IDLE_MS = 10 * 60_000;
// A caller that needs each engine's real list (a policy run must not take "too slow to wait for" as "holds no
// volumes") waits for the engine's own answer; the engine client's deadline (lib/docker/deadline.ts, 10 s)
// ends a hung call, and this only bounds the whole read should that ever fail.
const PATIENT_DEADLINE_MS = 30_000;

type Watch = {
  down: string | null;
  /** Why and until when the engine is not waited for (it missed the deadline); a probe runs meanwhile. */
  slow: { reason: string; until: number; probing: boolean } | null;
  unfollow: () => void;
  idle: NodeJS.Timeout | null;
};
const g = globalThis as typeof globalThis & { __voldeckAllEngineWatches?: Map<string, Watch> };
const watches: Map<string, Watch> = (g.__voldeckAllEngineWatches ??= new Map());

function watch(engineId: string): Watch {
  let w = watches.get(engineId);
  if (!w) {
    const created: Watch = { down: null, slow: null, unfollow: () => {}, idle: null };
    created.unfollow = followEngine(engineId, (event) => {
      if (event.kind !== "engine") return;
      created.down = event.state === "down" ? (event.error ?? "unreachable") : null;
      // Missing the deadline is forgotten with an outage: the engine may have been moved to a new address
      // (lib/engines changes it, or removes it and adds it back, under the same id); it is waited for again.
      if (event.state === "down") created.slow = null;
    });
    watches.set(engineId, (w = created));
  }
  const current = w;
  if (current.idle) clearTimeout(current.idle);
  current.idle = setTimeout(() => unwatch(engineId), FOLLOW_IDLE_MS);
  current.idle.unref?.();
  return current;
}

function unwatch(engineId: string): void {
  const w = watches.get(engineId);
  if (!w) return;
  if (w.idle) clearTimeout(w.idle);
  w.unfollow();
  watches.delete(engineId);
}

// Down or slow was said of the old engine; the new one is watched afresh on the next request.
registerEngineState("all-engines watch", (id) => unwatch(id));

class DeadlineError extends Error {}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`did not answer within ${ms / 1000} s`)), ms);
  });
  // The engine's own call goes on in the background; its late answer (or error) is simply dropped.
  promise.catch(() => {});
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function reason(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return engineMessage(e);
}

/** Asks a slow engine again without anyone waiting; its first answer makes the next request list it again. */
function probe(engineId: string, w: Watch): void {
  const slow = w.slow;
  if (!slow || slow.probing || Date.now() < slow.until) return;
  slow.probing = true;
  listVolumesWithSource(engineId).then(
    () => {
      if (w.slow === slow) w.slow = null;
    },
    (e: unknown) => {
      slow.probing = false;
      slow.until = Date.now() + SLOW_RETRY_MS;
      slow.reason = `${reason(e)} (asked again in the background)`;
    },
  );
}

type EngineResult = { listing: EngineListing; volumes: Volume[] };

/** `patient`: wait for the engine's own answer, even when it missed the short deadline before. */
export type ListOptions = { patient?: boolean };

async function listOne(engineId: string, { patient = false }: ListOptions): Promise<EngineResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const w = watch(engineId);
  if (w.down) {
    return {
      listing: { id: engineId, ok: false, error: `The Docker engine "${engineId}" cannot be reached: ${w.down}`, source: "events", ms: ms() },
      volumes: [],
    };
  }
  if (w.slow && !patient) {
    probe(engineId, w);
    return { listing: { id: engineId, ok: false, error: w.slow.reason, source: "slow", ms: ms() }, volumes: [] };
  }
  try {
    const deadline = patient ? PATIENT_DEADLINE_MS : ENGINE_DEADLINE_MS;
    const { volumes, source } = await withDeadline(listVolumesWithSource(engineId), deadline).catch((e: unknown) => {
      if (e instanceof DeadlineError && !patient) {
        w.slow = { reason: `The Docker engine "${engineId}" ${e.message} (asked again in the background)`, until: Date.now() + SLOW_RETRY_MS, probing: false };
      }
      throw e;
    });
    w.slow = null;
    return { listing: { id: engineId, ok: true, source, ms: ms() }, volumes };
  } catch (e) {
    const error = e instanceof ApiError ? reason(e) : `The Docker engine "${engineId}" ${reason(e)}`;
    return { listing: { id: engineId, ok: false, error, ms: ms() }, volumes: [] };
  }
}

/**
 * The volumes of the given engines (all of them by default) and each engine's outcome. Never throws for an
 * engine that fails; 404 `not_found` for an engine id that does not exist.
 */
export async function listAllVolumes(only?: string[], options: ListOptions = {}): Promise<EngineResult[]> {
  const ids = only?.length ? only.map((id) => engineConfig(id).id) : listEngineConfigs().map((c) => c.id);
  // Engines removed from the console are no longer followed.
  const known = new Set(listEngineConfigs().map((c) => c.id));
  for (const id of watches.keys()) if (!known.has(id)) unwatch(id);
  return Promise.all(ids.map((id) => listOne(id, options)));
}

/**
 * The answer, `{"volumes": [Volume + {"engine"}], "engines": [...]}`, written volume by volume with the engine
 * put in front: the volume objects are shared with the engine's own list (lib/docker/volumes.ts), so they are
 * neither changed nor copied, and the text costs one serialisation as `JSON.stringify` of the whole would.
 */
export function allVolumesJson(results: EngineResult[]): string {
  const rows: string[] = [];
  for (const { listing, volumes } of results) {
    const tag = `{"engine":${JSON.stringify(listing.id)},`;
    for (const v of volumes) rows.push(tag + JSON.stringify(v).slice(1));
  }
  return `{"volumes":[${rows.join(",")}],"engines":${JSON.stringify(results.map((r) => r.listing))}}`;
}
