import "server-only";
import { ApiError } from "@/lib/api/error";
import type { PrunePreview, PruneResult, Volume } from "@/lib/api/types";
import { registerEngineState } from "@/lib/engine-state/registry";
import { listRawContainers } from "./containers";
import { docker, engineConfig, listEngineConfigs } from "./clients";
import { engineStatus, outcomeUnknown, toApiError } from "./errors";
import {
  buildServiceIndex,
  buildVolumeIndex,
  lastUse,
  normaliseTime,
  pruneCandidates,
  toVolume,
  unusedForAtLeast,
  type RawContainer,
  type RawService,
  type RawVolume,
} from "./mapping";
import { inspectRawVolume, noteVolumeChanged, snapshot, type Snapshot } from "./live-index";
import { declaredError, rawServices } from "./services";
import { instanceId } from "./helper";
import { HELD_REASON, heldBy } from "./scratch-hold";
import { knownSizes, markSizesStale, sizesWithin } from "./sizes";
import { trackUsage, usageOf } from "./usage";

// A list answer is pure CPU once the live index holds the engine: the mapped volumes are kept per engine and
// made again only when the index or the known sizes change, and each volume's last-use object is kept while
// its last use stays the same. The objects are shared between requests: callers must not change them.
type Mapped = {
  version: number;
  sizes: Map<string, number>;
  /** Sorted by name, without last use. */
  volumes: Volume[];
  /** The same volumes with last use, from the previous answer (reused while their last use is unchanged). */
  withUse: (Volume | undefined)[];
};
const gm = globalThis as typeof globalThis & { __voldeckMappedVolumes?: Map<string, Mapped> };
const mappedCache: Map<string, Mapped> = (gm.__voldeckMappedVolumes ??= new Map());
registerEngineState("mapped volumes", (id) => mappedCache.delete(id));

function mapped(engineId: string, snap: Snapshot, sizes: Map<string, number>): Mapped {
  const kept = mappedCache.get(engineId);
  if (kept && kept.version === snap.version && kept.sizes === sizes) return kept;
  const index = buildVolumeIndex(snap.containers);
  const declared = snap.services ? buildServiceIndex(snap.services) : undefined;
  const volumes = snap.volumes.map((r) => withHold(toVolume(r, index, sizes.get(r.Name), declared))).sort((a, b) => a.name.localeCompare(b.name));
  const made: Mapped = { version: snap.version, sizes, volumes, withUse: [] };
  // Versions are never reused, so an engine changed or added back under the same id cannot hit an old entry;
  // entries of engines removed from the console are let go here.
  const known = new Set(listEngineConfigs().map((c) => c.id));
  for (const id of mappedCache.keys()) if (!known.has(id)) mappedCache.delete(id);
  mappedCache.set(engineId, made);
  return made;
}

/** Every volume with the containers that mount it (and, on a Swarm manager, the services that declare it): the lists from the live index, joined in one pass. */
export async function listVolumesWithSource(engineId: string): Promise<{ volumes: Volume[]; source: "index" | "engine"; usageTrackedSince: string | null }> {
  trackUsage(engineId);
  const snap = await snapshot(engineId);
  const m = mapped(engineId, snap, knownSizes(engineId));
  const usage = usageOf(engineId);
  const now = new Date().toISOString();
  const volumes = m.volumes.map((v, i) => {
    const use = lastUse(v, usage.byVolume.get(v.name), now);
    const before = m.withUse[i];
    if (before && before.lastUsedAt === use.lastUsedAt && before.lastUsedBy === use.lastUsedBy) return before;
    return (m.withUse[i] = { ...v, ...use });
  });
  return { volumes, source: snap.source, usageTrackedSince: usage.since };
}

/** Scratch volumes of a replace-restore say so (and are never prune candidates). */
function withHold(v: Volume): Volume {
  const held = heldBy(v.labels, instanceId());
  return held ? { ...v, heldBy: held } : v;
}

function notFound(engineId: string, name: string): ApiError {
  return new ApiError("not_found", `There is no volume "${name}" on engine "${engineId}".`, { engine: engineId, volume: name });
}

export async function getVolume(engineId: string, name: string): Promise<Volume> {
  const [raw, { containers, services }] = await Promise.all([inspectRawVolume(engineId, name), snapshot(engineId)]);
  if (!raw) throw notFound(engineId, name);
  trackUsage(engineId);
  const v = withHold(toVolume(raw, buildVolumeIndex(containers), knownSizes(engineId).get(name), services ? buildServiceIndex(services) : undefined));
  return { ...v, ...lastUse(v, usageOf(engineId).byVolume.get(name), new Date().toISOString()) };
}

export type CreateVolumeInput = {
  name?: string;
  driver?: string;
  driverOpts?: Record<string, string>;
  labels?: Record<string, string>;
};

export async function createVolume(engineId: string, input: CreateVolumeInput): Promise<Volume> {
  // The engine answers 201 with the existing volume when the name is taken; we refuse instead.
  if (input.name && (await inspectRawVolume(engineId, input.name))) {
    throw new ApiError("conflict", `A volume named "${input.name}" already exists.`, { engine: engineId, volume: input.name });
  }
  let raw: RawVolume;
  let created: { name: string; inspect: () => Promise<unknown> } | undefined;
  try {
    // dockerode resolves a Volume handle, not the engine's answer: read the volume back.
    created = await docker(engineId).createVolume({
      Name: input.name ?? "",
      Driver: input.driver || "local",
      DriverOpts: input.driverOpts ?? {},
      Labels: input.labels ?? {},
    });
    raw = (await created.inspect()) as unknown as RawVolume;
  } catch (e) {
    const error = toApiError(e, engineId);
    if (created) {
      changed(engineId, [created.name]);
      throw new ApiError(error.code, `The volume "${created.name}" was created, but reading it back failed: ${error.message}`, {
        ...error.details,
        outcome: "created",
      });
    }
    const what = input.name ? `whether the volume "${input.name}" was created` : "whether a volume was created";
    throw outcomeUnknown(error, what, "the volumes list shows it once the engine answers again");
  }
  changed(engineId, [raw.Name]);
  return toVolume(raw, new Map(), undefined);
}

/** Our own changes: sizes are measured again, and the next list shows them even before the engine's event. */
function changed(engineId: string, names: string[]): void {
  if (!names.length) return;
  markSizesStale(engineId);
  for (const name of names) noteVolumeChanged(engineId, name);
}

function holders(containers: RawContainer[], name: string) {
  return (buildVolumeIndex(containers).get(name) ?? []).map((c) => ({ id: c.containerId, name: c.containerName, state: c.state }));
}

function inUseError(engineId: string, name: string, containers: RawContainer[]): ApiError {
  const list = holders(containers, name);
  const names = list.map((c) => c.name).join(", ");
  return new ApiError("in_use", `Volume "${name}" is in use by ${names || "a Voldeck job (backup, restore or clone) under way"}; nothing was removed.`, {
    engine: engineId,
    volume: name,
    containers: list,
  });
}

/** The services (read from the engine now, not the index) whose spec mounts the volume. */
function declaring(services: RawService[] | null, name: string) {
  if (!services) return [];
  return (buildServiceIndex(services).get(name) ?? []).map((s) => ({ id: s.serviceId, name: s.serviceName }));
}

/**
 * Removes a volume; the engine itself refuses (409) one that any container references. Never forced.
 * A volume a Swarm service declares is refused first: the engine would remove it while no task runs.
 */
export async function removeVolume(engineId: string, name: string): Promise<void> {
  const services = declaring(await rawServices(engineId), name);
  if (services.length) throw declaredError(engineId, name, services);
  try {
    await docker(engineId).getVolume(name).remove();
  } catch (e) {
    const status = engineStatus(e);
    if (status === 404) throw notFound(engineId, name);
    if (status === 409) throw inUseError(engineId, name, await listRawContainers(engineId));
    throw outcomeUnknown(toApiError(e, engineId), `whether the volume "${name}" was removed`, "the volumes list shows it once the engine answers again");
  }
  changed(engineId, [name]);
}

const PREVIEW_SIZE_WAIT_MS = 8_000;

/** `unusedForDays`: only volumes not seen in use for at least that many days. */
export async function prunePreview(engineId: string, all: boolean, unusedForDays?: number): Promise<PrunePreview> {
  engineConfig(engineId); // 404 before any size state is kept for an unknown engine id
  // The preview is an explicit action, so it may wait a little for fresh sizes.
  await sizesWithin(engineId, PREVIEW_SIZE_WAIT_MS);
  const { volumes: listed, usageTrackedSince } = await listVolumesWithSource(engineId);
  const now = Date.now();
  const old = unusedForDays === undefined ? listed : listed.filter((v) => unusedForAtLeast(v, unusedForDays, usageTrackedSince, now));
  const volumes = pruneCandidates(old, all);
  return {
    usageTrackedSince,
    volumes,
    totalBytes: volumes.reduce((sum, v) => sum + (v.sizeBytes ?? 0), 0),
    sizesComplete: volumes.every((v) => v.sizeStatus === "measured"),
  };
}

export type PruneTarget = { name: string; createdAt?: string | null };

/**
 * Removes exactly the named volumes, one by one, each only if it still exists as previewed and is unused;
 * the engine's own prune is never called (its meaning changed in API 1.42). A volume put in use meanwhile
 * is refused by the engine itself and reported as skipped.
 */
export async function pruneVolumes(engineId: string, targets: PruneTarget[]): Promise<PruneResult> {
  engineConfig(engineId); // 404 for an unknown engine, even when there is nothing to remove
  const sizes = knownSizes(engineId);
  const result: PruneResult = { removed: [], skipped: [], reclaimedBytes: 0 };
  const seen = new Set<string>();
  // Read now, once: a service declared since the preview keeps its volume.
  let services: RawService[] | null = null;
  try {
    if (targets.length) services = await rawServices(engineId);
  } catch (e) {
    // An engine that does not answer: the same 503 as mid-prune, with (empty) removed/skipped lists.
    throw new ApiError("engine_unreachable", (e as ApiError).message, { ...(e instanceof ApiError ? e.details : {}), engine: engineId, ...result });
  }
  for (const target of targets) {
    if (seen.has(target.name)) continue;
    seen.add(target.name);
    let reason: string | null;
    try {
      reason = await pruneOne(engineId, target, declaring(services, target.name));
    } catch (e) {
      // The engine went away mid-prune: say so (503), with what was already removed.
      throw new ApiError("engine_unreachable", (e as ApiError).message, { ...(e instanceof ApiError ? e.details : {}), engine: engineId, ...result });
    }
    if (reason) {
      result.skipped.push({ name: target.name, reason });
    } else {
      result.removed.push(target.name);
      result.reclaimedBytes += Math.max(0, sizes.get(target.name) ?? 0);
    }
  }
  changed(engineId, result.removed);
  return result;
}

/** Removes one previewed volume; answers why it was skipped, or null when it was removed. Throws only when the engine is unreachable. */
async function pruneOne(engineId: string, target: PruneTarget, services: { name: string }[]): Promise<string | null> {
  if (services.length) return `Swarm service ${services.map((s) => s.name).join(", ")} declares it`;
  // Only once the removal was sent may its outcome be unknown; a check before it that meets the deadline removed nothing.
  let removing = false;
  try {
    const raw = await inspectRawVolume(engineId, target.name);
    if (!raw) return "it no longer exists";
    if (heldBy(raw.Labels, instanceId())) return HELD_REASON;
    const created = normaliseTime(raw.CreatedAt);
    if (target.createdAt && created && created !== target.createdAt) return "it was re-created after the preview";
    removing = true;
    await docker(engineId).getVolume(target.name).remove();
    return null;
  } catch (e) {
    const status = engineStatus(e);
    if (status === 409) return "it is in use";
    if (status === 404) return "it no longer exists";
    const apiError = toApiError(e, engineId);
    const error = removing
      ? outcomeUnknown(apiError, `whether "${target.name}" was removed`, "the volumes list shows it once the engine answers again")
      : apiError;
    if (error.code === "engine_unreachable") throw error;
    return error.message;
  }
}
