import "server-only";
import type { Duplex, Readable } from "node:stream";
import { ApiError } from "@/lib/api/error";
import type { Volume } from "@/lib/api/types";
import { isUnreachable } from "@/lib/docker/errors";
import { deferVolumeRemoval, helpersPending } from "@/lib/docker/helper-cleanup";
import { getVolume, removeVolume, type CreateVolumeInput } from "@/lib/docker/volumes";
import { gunzipOffThread } from "@/lib/io/gunzip-off-thread";
import { sha256OffThread } from "@/lib/io/sha256-off-thread";
import type { JobControl } from "@/lib/jobs/registry";
import { archivePath, type Manifest } from "./catalog";
import { labelsForNewVolume } from "./new-volume-labels";
import { pooledFileStream } from "./pooled-read";

// Shared by restore and clone: whether a target volume exists, how a new volume is made from a backed-up (or
// cloned) one, how a backup's archive is read back as a tar stream, and how a volume the job made is removed
// again after a failure.

/**
 * The new volume gets the labels and driver back. The `local` driver's options describe where the data
 * lives (a bind to a host path, an NFS share, a tmpfs): re-applying them would write into that same place
 * (or into memory, lost at once), so they are left out and the data lands in an ordinary local volume.
 * Compose's labels come along only with `keepComposeLabels` (new-volume-labels.ts).
 */
export function newVolumeSpec(
  ctl: JobControl,
  name: string,
  from: Pick<Volume, "labels" | "driver" | "options">,
  keepComposeLabels = false,
): CreateVolumeInput {
  const options = from.options ?? {};
  const dropped = from.driver === "local" && Object.keys(options).length > 0;
  if (dropped) {
    const shown = Object.entries(options)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ");
    ctl.warn(
      `The source's driver options (${shown}) were not applied to "${name}": they point at storage outside the engine; the data went into an ordinary local volume.`,
    );
  }
  return { name, driver: from.driver || "local", driverOpts: dropped ? {} : options, labels: labelsForNewVolume(from.labels, keepComposeLabels) };
}

/** The volume, or null when the engine has none of that name (a target that must not exist yet, or must). */
export async function findVolume(engineId: string, name: string): Promise<Volume | null> {
  try {
    return await getVolume(engineId, name);
  } catch (e) {
    if (e instanceof ApiError && e.code === "not_found") return null;
    throw e;
  }
}

/** Removes a volume this job created; when the engine is down, later (helper-cleanup.ts). Never throws. */
export async function removeOwnVolume(engineId: string, name: string): Promise<void> {
  try {
    await removeVolume(engineId, name);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "not_found") return;
    // Later, too, when the engine failed (a 5xx while it restarts: said once here, the retries are quiet), or when
    // a container holds it while a helper of ours is still to be removed (a Swarm service's claim is final).
    const failed = code === "engine_error";
    const heldByOurHelper = code === "in_use" && !(e as ApiError).details?.services && helpersPending(engineId);
    if (failed) console.error(`voldeck: removing volume "${name}" on "${engineId}" failed; trying again later: ${(e as Error).message}`);
    if (code === "engine_unreachable" || isUnreachable(e) || failed || heldByOurHelper) deferVolumeRemoval(engineId, name);
    else console.error(`voldeck: could not remove volume "${name}" on "${engineId}": ${(e as Error).message}`);
  }
}

/** The backup's archive as a tar stream: read, checked against its sha256 (on a worker thread), gunzipped when gzip. */
export function archiveStreams(m: Manifest): [Readable, ...Duplex[]] {
  const file = pooledFileStream(archivePath(m));
  const check = (actual: string) =>
    actual === m.sha256 ? null : new Error(`The archive file has changed since it was written (sha256 ${actual}, recorded ${m.sha256}); nothing was replaced.`);
  return [file, m.compression === "gzip" ? gunzipOffThread(check) : sha256OffThread(check)];
}

/** Checks a restored tree's counts against the backup's. */
export function checkCounts(m: Pick<Manifest, "entries" | "bytes">, got: { entries: number; bytes: number }, where: string): void {
  if (got.entries !== m.entries || got.bytes !== m.bytes) {
    throw new Error(`${where} streamed ${got.entries} entries and ${got.bytes} bytes; the backup has ${m.entries} entries and ${m.bytes} bytes.`);
  }
}
