import "server-only";
import { registerEngineState } from "@/lib/engine-state/registry";
import { publish } from "./bus";
import { followEngine } from "./events";
import { docker } from "./clients";
import { engineStatus, toApiError } from "./errors";
import { recheckAfter, recheckDone, startRead, type Recheck } from "./container-recheck";
import { isHelperContainer, sameServices, type RawContainer, type RawService, type RawVolume } from "./mapping";
import { forgetSwarmRole, rawServices } from "./services";

// The volumes and containers of an engine, kept in memory and up to date from its event stream, so a list
// request costs no engine call at all. Changes are applied in small batches (one list call for the
// containers that changed, one inspect per volume that changed); when the stream breaks and comes back, or
// when a request arrives while it is down, everything is read again from the engine. Nothing is served
// from memory unless the stream is up. The index is dropped after a while without requests.
// On a Swarm manager it also keeps the services (their specs say which volumes they mount), read again on
// service and node events, and every SWARM_RECHECK_MS in the background (joining or leaving a swarm sends
// no event).

const FLUSH_DELAY_MS = 25;
const IDLE_DROP_MS = 10 * 60_000;
const SWARM_RECHECK_MS = 30_000;
const INSPECT_CONCURRENCY = 16;
// Container events that change what the list shows (state, mounts, name); exec_*, top, resize… do not.
const CONTAINER_ACTIONS = new Set(["create", "destroy", "start", "die", "stop", "kill", "pause", "unpause", "rename", "update", "restart", "oom"]);

type Index = {
  volumes: Map<string, RawVolume>;
  containers: Map<string, RawContainer>;
  /** null when the engine is not a Swarm manager. */
  services: RawService[] | null;
  servicesReadAt: number;
  /** Changes whenever what the index holds changes (unique across engines and re-created indexes). */
  version: number;
  dirtyServices: boolean;
  streamUp: boolean;
  needsResync: boolean;
  dirtyVolumes: Set<string>;
  dirtyContainers: Set<string>;
  /** Containers that changed, read again a little later (see container-recheck.ts). */
  recheckContainers: Map<string, Recheck>;
  recheckTimer: NodeJS.Timeout | null;
  /** When recheckTimer fires. */
  recheckAt: number;
  work: Promise<void> | null;
  flushTimer: NodeJS.Timeout | null;
  idleTimer: NodeJS.Timeout | null;
  unfollow: () => void;
};

const g = globalThis as typeof globalThis & { __voldeckIndexes?: Map<string, Index> };
const indexes: Map<string, Index> = (g.__voldeckIndexes ??= new Map());
const gv = globalThis as typeof globalThis & { __voldeckIndexVersion?: { last: number } };
const versions = (gv.__voldeckIndexVersion ??= { last: 0 });
const nextVersion = () => ++versions.last;

// The engine was changed or removed: nothing read from the old one is served again; the next request builds
// a new index (versions are never reused, so what was derived from the old one is not mistaken for current).
registerEngineState("live index", (id) => {
  const index = indexes.get(id);
  if (!index) return;
  indexes.delete(id);
  for (const timer of [index.flushTimer, index.recheckTimer, index.idleTimer]) if (timer) clearTimeout(timer);
  index.unfollow();
});

export type Snapshot = {
  volumes: RawVolume[];
  containers: RawContainer[];
  /** The Swarm services, on a manager; null elsewhere. */
  services: RawService[] | null;
  /** "index" when served from memory, "engine" when read from the engine for this request. */
  source: "index" | "engine";
  /** Equal versions mean equal contents: what is derived from a snapshot may be kept until it changes. */
  version: number;
};

async function fetchAll(engineId: string): Promise<Snapshot> {
  try {
    const client = docker(engineId);
    const [v, c, services] = await Promise.all([client.listVolumes(), client.listContainers({ all: true }), rawServices(engineId)]);
    return {
      volumes: (v.Volumes ?? []) as unknown as RawVolume[],
      containers: c as unknown as RawContainer[],
      services,
      source: "engine",
      version: nextVersion(),
    };
  } catch (e) {
    throw toApiError(e, engineId);
  }
}

/** Whether a recheck read (not an event's own) finds a container's state changed since the last read. */
function lateChanges(index: Index, ids: string[], found: RawContainer[]): boolean {
  const now = new Map(found.map((c) => [c.Id, c.State]));
  return ids.some((id) => (index.recheckContainers.get(id)?.tries ?? 0) > 0 && index.containers.get(id)?.State !== now.get(id));
}

/** Ends the rechecks of the containers just read whose list now agrees with their last event. */
function settleRechecks(index: Index, ids: Iterable<string>): void {
  for (const id of ids) {
    const r = index.recheckContainers.get(id);
    if (r && recheckDone(r, index.containers.get(id)?.State)) index.recheckContainers.delete(id);
  }
}

function replaceAll(index: Index, snap: Snapshot): void {
  index.volumes = new Map(snap.volumes.map((v) => [v.Name, v]));
  index.containers = new Map(snap.containers.map((c) => [c.Id, c]));
  settleRechecks(index, [...index.recheckContainers.keys()]);
  index.services = snap.services;
  index.servicesReadAt = Date.now();
  index.version = snap.version;
}

/** The engine's inspect of one volume; null when there is none. */
export async function inspectRawVolume(engineId: string, name: string): Promise<RawVolume | null> {
  try {
    return (await docker(engineId).getVolume(name).inspect()) as unknown as RawVolume;
  } catch (e) {
    if (engineStatus(e) === 404) return null;
    throw toApiError(e, engineId);
  }
}

/** Re-reads what changed since the last flush. */
async function flush(engineId: string, index: Index): Promise<void> {
  const ids = [...index.dirtyContainers];
  const names = [...index.dirtyVolumes];
  const services = index.dirtyServices;
  index.dirtyContainers.clear();
  index.dirtyVolumes.clear();
  index.dirtyServices = false;
  try {
    if (services) {
      const read = await rawServices(engineId);
      index.servicesReadAt = Date.now();
      // The periodic re-read (every SWARM_RECHECK_MS, on any engine) mostly finds nothing new: the version moves
      // only on a change, or every answer kept by version (mapped volumes: 5,000 remapped) would be made again.
      if (!sameServices(index.services, read)) {
        index.services = read;
        index.version = nextVersion();
      }
    }
    if (ids.length) {
      const found = (await docker(engineId).listContainers({ all: true, filters: { id: ids } })) as unknown as RawContainer[];
      const late = lateChanges(index, ids, found);
      for (const id of ids) index.containers.delete(id);
      for (const c of found) index.containers.set(c.Id, c);
      index.version = nextVersion();
      settleRechecks(index, ids);
      // No event will announce this change (its event came before the list showed it): pages are told here.
      if (late) publish(engineId, { kind: "listing", time: Date.now() });
    }
    for (let i = 0; i < names.length; i += INSPECT_CONCURRENCY) {
      const batch = names.slice(i, i + INSPECT_CONCURRENCY);
      const found = await Promise.all(batch.map((n) => inspectRawVolume(engineId, n)));
      batch.forEach((n, j) => (found[j] ? index.volumes.set(n, found[j]) : index.volumes.delete(n)));
      index.version = nextVersion();
    }
  } catch (e) {
    // Could not read the changes: read everything again next time rather than serve a wrong list.
    index.needsResync = true;
    throw e;
  }
}

/** Runs one piece of index work at a time: a resync, else a flush of what changed. */
function settle(engineId: string, index: Index): Promise<void> {
  if (index.work)
    return index.work.then(
      () => settle(engineId, index),
      () => settle(engineId, index),
    );
  if (!index.needsResync && !index.dirtyContainers.size && !index.dirtyVolumes.size && !index.dirtyServices) return Promise.resolve();
  const job = index.needsResync
    ? ((index.needsResync = false),
      index.dirtyContainers.clear(),
      index.dirtyVolumes.clear(),
      (index.dirtyServices = false),
      fetchAll(engineId).then((s) => replaceAll(index, s)))
    : flush(engineId, index);
  index.work = job.finally(() => {
    index.work = null;
  });
  return index.work;
}

function scheduleFlush(engineId: string, index: Index): void {
  index.flushTimer ??= setTimeout(() => {
    index.flushTimer = null;
    settle(engineId, index).catch(() => {});
  }, FLUSH_DELAY_MS);
}

/** Sets the recheck timer to the earliest due recheck (a new event's recheck may be due before the timer). */
function scheduleRecheck(engineId: string, index: Index): void {
  let next = Infinity;
  for (const r of index.recheckContainers.values()) next = Math.min(next, r.due);
  if (next === Infinity || (index.recheckTimer && index.recheckAt <= next)) return;
  if (index.recheckTimer) clearTimeout(index.recheckTimer);
  index.recheckAt = next;
  index.recheckTimer = setTimeout(
    () => {
      index.recheckTimer = null;
      const now = Date.now();
      for (const [id, r] of index.recheckContainers) {
        if (r.due > now) continue;
        index.dirtyContainers.add(id);
        startRead(r, now);
      }
      scheduleFlush(engineId, index);
      scheduleRecheck(engineId, index);
    },
    Math.max(0, next - Date.now()),
  );
}

function create(engineId: string): Index {
  const index: Index = {
    volumes: new Map(),
    containers: new Map(),
    services: null,
    servicesReadAt: 0,
    version: nextVersion(),
    dirtyServices: false,
    streamUp: false,
    needsResync: true,
    dirtyVolumes: new Set(),
    dirtyContainers: new Set(),
    recheckContainers: new Map(),
    recheckTimer: null,
    recheckAt: 0,
    work: null,
    flushTimer: null,
    idleTimer: null,
    unfollow: () => {},
  };
  index.unfollow = followEngine(engineId, (event) => {
    if (event.kind === "engine") {
      index.streamUp = event.state === "up";
      // Whatever happened while the stream was away is unknown: read everything again (the Swarm role too).
      index.needsResync = true;
      forgetSwarmRole(engineId);
      return;
    }
    if (event.kind === "service" || event.kind === "node") {
      if (event.kind === "node") forgetSwarmRole(engineId); // promoted or demoted, perhaps
      index.dirtyServices = true;
    } else if (event.kind === "volume" && (event.action === "create" || event.action === "destroy")) index.dirtyVolumes.add(event.id);
    else if (event.kind === "container" && CONTAINER_ACTIONS.has(event.action)) {
      index.dirtyContainers.add(event.id);
      const recheck = recheckAfter(event.action, Date.now());
      index.recheckContainers.set(event.id, recheck);
      // Dues only grow with time, so a running timer fires first unless it waits for a later read.
      if (!index.recheckTimer || index.recheckAt > recheck.due) scheduleRecheck(engineId, index);
    } else return;
    scheduleFlush(engineId, index);
  });
  return index;
}

function touch(engineId: string, index: Index): void {
  if (index.idleTimer) clearTimeout(index.idleTimer);
  index.idleTimer = setTimeout(() => {
    index.unfollow();
    indexes.delete(engineId);
  }, IDLE_DROP_MS);
  index.idleTimer.unref?.();
}

/** Every volume and container of the engine, as the two list calls would answer them now. */
export async function snapshot(engineId: string): Promise<Snapshot> {
  let index = indexes.get(engineId);
  if (!index) indexes.set(engineId, (index = create(engineId)));
  touch(engineId, index);
  if (!index.streamUp) {
    // Not following the engine (yet, or any more): answer from the engine itself.
    const snap = await fetchAll(engineId);
    replaceAll(index, snap);
    return snap;
  }
  await settle(engineId, index);
  const snap: Snapshot = {
    volumes: [...index.volumes.values()],
    containers: [...index.containers.values()],
    services: index.services,
    source: "index",
    version: index.version,
  };
  if (Date.now() - index.servicesReadAt > SWARM_RECHECK_MS) {
    // Read again for the next request; this one is not kept waiting.
    index.dirtyServices = true;
    scheduleFlush(engineId, index);
  }
  return snap;
}

/**
 * Answers once the engine's index follows its event stream (true), or false after `ms`. The start-up read
 * (warm-start.ts) waits for it and then reads once more: the stream's arrival asks for a full read, which would
 * otherwise fall on the first person's request.
 */
export async function whenFollowing(engineId: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (indexes.get(engineId)?.streamUp) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Whether a list would be answered from the index now, with no full read from the engine first: the index
 * follows the engine's stream and nothing was missed. (Changes announced by events may still be read in small
 * batches: a caller that must not wait bounds its wait.) A page hands the list over with itself only then.
 */
export function followsEngineNow(engineId: string): boolean {
  const index = indexes.get(engineId);
  return !!index && index.streamUp && !index.needsResync;
}

/** Our own writes are seen by the next request even before the engine's event arrives. */
export function noteVolumeChanged(engineId: string, name: string): void {
  indexes.get(engineId)?.dirtyVolumes.add(name);
}

/** A container's name as the index knows it (no engine call); undefined when unknown. */
/** Whether the index knows the container as one of the console's own helpers (by its label). */
export function knownHelper(engineId: string, id: string): boolean {
  const c = indexes.get(engineId)?.containers.get(id);
  return c ? isHelperContainer(c) : false;
}

export function knownContainerName(engineId: string, id: string): string | undefined {
  const c = indexes.get(engineId)?.containers.get(id);
  return c?.Names?.[0]?.replace(/^\//, "");
}
