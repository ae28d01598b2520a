import "server-only";
import { registerEngineState } from "@/lib/engine-state/registry";
import { listenerCount, publish } from "./bus";
import { docker, streamingDocker } from "./clients";
import { sizesFromDf, type DfVolume } from "./df-sizes";

// Volume sizes come only from /system/df, which walks every volume on disk: it runs in the background,
// at most one at a time per engine and at most once per MIN_INTERVAL, and requests only read the cache.
const MIN_INTERVAL_MS = 10_000;
// Writes inside running containers raise no event: even a followed engine is measured again each minute.
const MAX_AGE_MS = 60_000;
const DF_TIMEOUT_MS = 10 * 60_000;

type SizeState = {
  /** bytes by volume name; -1 where the engine measured but cannot tell (non-local drivers, tmpfs). */
  sizes: Map<string, number>;
  startedAt: number;
  finishedAt: number;
  stale: boolean;
  running: Promise<void> | null;
  timer: NodeJS.Timeout | null;
};
const g = globalThis as typeof globalThis & { __voldeckSizes?: Map<string, SizeState> };
const states: Map<string, SizeState> = (g.__voldeckSizes ??= new Map());

function state(engineId: string): SizeState {
  let s = states.get(engineId);
  if (!s) {
    s = { sizes: new Map(), startedAt: 0, finishedAt: 0, stale: true, running: null, timer: null };
    states.set(engineId, s);
  }
  return s;
}

function dialDf(engineId: string): Promise<DfVolume[]> {
  const signal = AbortSignal.timeout(DF_TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    // dockerode's df() drops its options; dial directly to pass type=volume (honoured from API 1.42).
    streamingDocker(engineId).modem.dial(
      {
        path: "/system/df?",
        method: "GET",
        options: { type: "volume" },
        abortSignal: signal,
        statusCodes: { 200: true, 400: "bad parameter", 500: "server error" },
      },
      (err: unknown, data: unknown) => {
        if (err) reject(err);
        else resolve(((data as { Volumes?: DfVolume[] | null })?.Volumes ?? []) as DfVolume[]);
      },
    );
  });
}

async function runDf(engineId: string, s: SizeState): Promise<void> {
  s.startedAt = Date.now();
  s.stale = false;
  try {
    // Listed before the df starts: a volume the df then leaves out is one it will never measure (tmpfs or NFS
    // options, other drivers) and becomes "n/a" now, instead of "measuring…" for ever.
    const before = ((await docker(engineId).listVolumes()).Volumes ?? []).map((v) => v.Name);
    s.sizes = sizesFromDf(await dialDf(engineId), before);
    s.finishedAt = Date.now();
    publish(engineId, { kind: "sizes", time: Date.now() });
  } catch {
    // Sizes stay as they were (or unknown); the next request or change tries again.
    s.stale = true;
  } finally {
    s.running = null;
  }
}

/**
 * Starts a background refresh when the cache is stale, never more often than MIN_INTERVAL unless
 * `urgent` (a person asked for it, as with a prune preview). Never two at once.
 */
export function refreshSizesSoon(engineId: string, urgent = false): Promise<void> | null {
  const s = state(engineId);
  if (s.running) return s.running;
  // Only a followed event stream marks the cache stale (events.ts); unfollowed, changes made elsewhere
  // (the CLI) would stay unseen for MAX_AGE, so the cache ages out after MIN_INTERVAL instead.
  const maxAge = listenerCount(engineId) > 0 ? MAX_AGE_MS : MIN_INTERVAL_MS;
  const old = Date.now() - s.finishedAt > maxAge;
  if (!s.stale && !old) return null;
  const wait = urgent ? 0 : s.startedAt + MIN_INTERVAL_MS - Date.now();
  if (wait > 0) {
    s.timer ??= setTimeout(() => {
      s.timer = null;
      refreshSizesSoon(engineId);
    }, wait);
    s.timer.unref?.();
    return null;
  }
  if (s.timer) clearTimeout(s.timer);
  s.timer = null;
  s.running = runDf(engineId, s);
  return s.running;
}

/** Sizes known now (bytes by volume name, -1 = the engine cannot tell); never waits for the engine. */
export function knownSizes(engineId: string): Map<string, number> {
  refreshSizesSoon(engineId);
  return state(engineId).sizes;
}

// The engine was changed or removed from the console: nothing measured there applies any more. A run still
// under way writes into the state dropped here, never into the new one.
registerEngineState("volume sizes", (id) => {
  const s = states.get(id);
  if (s?.timer) clearTimeout(s.timer);
  states.delete(id);
});

/** Something changed on the engine: sizes will be measured again (not at once). */
export function markSizesStale(engineId: string): void {
  state(engineId).stale = true;
}

/** For the prune preview: waits up to `ms` for a refresh in progress or due, then answers what is known. */
export async function sizesWithin(engineId: string, ms: number): Promise<Map<string, number>> {
  const pending = refreshSizesSoon(engineId, true);
  if (pending) await Promise.race([pending, new Promise((r) => setTimeout(r, ms))]);
  return state(engineId).sizes;
}
