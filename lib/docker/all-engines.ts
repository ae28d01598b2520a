import "server-only";
import { ApiError } from "@/lib/api/error";
import type { AllVolumes, EngineListing, EngineVolume } from "@/lib/api/all-engines-types";
import { engineConfig, listEngineConfigs } from "./engines";
import { engineMessage } from "./errors";
import { followEngine } from "./events";
import { listVolumesWithSource } from "./volumes";

// Every engine's volumes at once. Each engine is asked in parallel with its own short deadline, so the answer
// takes as long as the slowest engine that answers in time, never longer than the deadline: an engine that
// is slow or unreachable (a TCP address nobody answers waits for the connect timeout) is reported, not awaited.
// An engine whose event stream already says it is down answers at once from that knowledge; the stream keeps
// reconnecting with backoff (lib/docker/events.ts), and its "up" makes the next request ask the engine again.
const ENGINE_DEADLINE_MS = 2_500;
// Engines stay followed this long after the last all-engines request, as the live index does for one engine.
const FOLLOW_IDLE_MS = 10 * 60_000;

type Watch = { down: string | null; unfollow: () => void; idle: NodeJS.Timeout | null };
const g = globalThis as typeof globalThis & { __voldeckAllEngineWatches?: Map<string, Watch> };
const watches: Map<string, Watch> = (g.__voldeckAllEngineWatches ??= new Map());

function watch(engineId: string): Watch {
  let w = watches.get(engineId);
  if (!w) {
    const created: Watch = { down: null, unfollow: () => {}, idle: null };
    created.unfollow = followEngine(engineId, (event) => {
      if (event.kind === "engine") created.down = event.state === "down" ? (event.error ?? "unreachable") : null;
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

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not answer within ${ms / 1000} s`)), ms);
  });
  // The engine's own call goes on in the background; its late answer (or error) is simply dropped.
  promise.catch(() => {});
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function reason(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return engineMessage(e);
}

async function listOne(engineId: string): Promise<{ listing: EngineListing; volumes: EngineVolume[] }> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const known = watch(engineId).down;
  if (known) {
    return { listing: { id: engineId, ok: false, error: `The Docker engine "${engineId}" cannot be reached: ${known}`, source: "events", ms: ms() }, volumes: [] };
  }
  try {
    const { volumes, source } = await withDeadline(listVolumesWithSource(engineId), ENGINE_DEADLINE_MS);
    // Tagged in place: the list is this request's own, and thousands of copies would cost more than the rest.
    const tagged = volumes as EngineVolume[];
    for (const v of tagged) v.engine = engineId;
    return { listing: { id: engineId, ok: true, source, ms: ms() }, volumes: tagged };
  } catch (e) {
    const error = e instanceof ApiError ? reason(e) : `The Docker engine "${engineId}" ${reason(e)}`;
    return { listing: { id: engineId, ok: false, error, ms: ms() }, volumes: [] };
  }
}

/**
 * The volumes of the given engines (all of them by default), each tagged with its engine, and each engine's
 * outcome. Never throws for an engine that fails; 404 `not_found` for an engine id that does not exist.
 */
export async function listAllVolumes(only?: string[]): Promise<AllVolumes> {
  const ids = only?.length ? only.map((id) => engineConfig(id).id) : listEngineConfigs().map((c) => c.id);
  // Engines removed from the console are no longer followed.
  const known = new Set(listEngineConfigs().map((c) => c.id));
  for (const id of watches.keys()) if (!known.has(id)) unwatch(id);
  const results = await Promise.all(ids.map(listOne));
  return {
    volumes: results.flatMap((r) => r.volumes),
    engines: results.map((r) => r.listing),
  };
}
