import "server-only";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ApiError } from "@/lib/api/error";
import type { SnapshotRestoreBody } from "@/lib/api/repository-schemas";
import type { Job, Volume } from "@/lib/api/types";
import { volumeHolders } from "@/lib/backup/containers";
import { describeFailure } from "@/lib/backup/failure";
import { fillFromBackup } from "@/lib/backup/restore-fill";
import { tarMeter } from "@/lib/backup/meter";
import { replaceContents } from "@/lib/backup/replace";
import { defaultDataPath } from "@/lib/backup/settings";
import { TarScanner } from "@/lib/backup/tar/scan";
import { checkCounts, findVolume, removeOwnVolume } from "@/lib/backup/volume-spec";
import { engineConfig } from "@/lib/docker/clients";
import { createVolume, removeVolume } from "@/lib/docker/volumes";
import { assertFree, startJob, type JobControl, type Lock } from "@/lib/jobs/registry";
import type { Invocation } from "./invocation";
import { STDIN_FILE } from "./nodes";
import { restorePaths, checkRestorePaths } from "./paths-restore";
import { resticStream } from "./process";
import { repoInvocation } from "./repositories";
import { restoreSnapshotDirect } from "./restore-direct";
import { lsNodes, snapshotOr404 } from "./snapshots";
import type { RepoSnapshot } from "@/lib/api/repository-types";

// A snapshot back into a volume. `new`: `restic restore` straight into the fresh volume where the console can
// write it (restore-direct.ts). Otherwise, and for `replace`, the snapshot as one tar (`restic dump`) through the
// same paths as a backup's archive (direct where possible, lib/backup/restore-fill.ts): into a fresh volume
// (new), or into a scratch volume that is swapped in only once it is complete and checked (replace:
// lib/backup/replace.ts) — a failure never touches the target.
// `paths` writes only the chosen paths (paths-restore.ts).

export async function startSnapshotRestore(repository: string, sid: string, body: SnapshotRestoreBody): Promise<Job> {
  const inv = repoInvocation(repository);
  engineConfig(body.engine);
  const locks: Lock[] = [`read:repo/${repository}`, `write:${body.engine}/${body.volume}`];
  assertFree(locks);
  const snap = await snapshotOr404(inv, sid);
  const target = await findVolume(body.engine, body.volume);
  const base = {
    kind: "snapshot-restore" as const,
    engine: body.engine,
    volume: body.volume,
    targetEngine: body.engine,
    targetVolume: body.volume,
    repository,
    snapshotId: snap.id,
    mode: body.mode === "paths" ? null : body.mode,
  };
  if (body.mode === "new") {
    if (target)
      throw new ApiError("conflict", `A volume named "${body.volume}" already exists on engine "${body.engine}"; restore into a new name, or replace it.`);
    return startJob(base, locks, (ctl) => restoreNew(ctl, inv, snap, body.volume));
  }
  if (!target) throw new ApiError("not_found", `There is no volume "${body.volume}" on engine "${body.engine}" to restore into.`);
  await assertNotInUse(body.engine, target, body.stopContainers);
  if (body.mode === "paths") {
    if (snap.source === "archive")
      throw new ApiError(
        "invalid_input",
        "This snapshot holds the volume as one tar (taken from the engine's archive stream); restore it whole (new or replace).",
      );
    const paths = await checkRestorePaths(inv, snap.id, body.paths ?? []);
    return startJob({ ...base, paths } as typeof base, locks, (ctl) => restorePaths(ctl, inv, snap.id, target, paths, body.stopContainers));
  }
  if (target.driver !== "local" || Object.keys(target.options).length) {
    throw new ApiError(
      "invalid_input",
      `Replace works on local volumes without driver options; "${body.volume}" keeps its data elsewhere. Restore into a new volume instead.`,
    );
  }
  return startJob(base, locks, async (ctl) => {
    const counts = await expectedCounts(ctl, inv, snap);
    await replaceContents(ctl, counts, target, { stopContainers: body.stopContainers }, () => [dumpOf(inv, snap, ctl.signal)]);
  });
}

async function assertNotInUse(engine: string, target: Volume, stopContainers: boolean): Promise<void> {
  const holders = await volumeHolders(engine, target.name);
  if (holders.length && !stopContainers) {
    throw new ApiError(
      "in_use",
      `Volume "${target.name}" is in use by ${holders.map((c) => c.containerName).join(", ")}; nothing was changed. Stop them, or ask to stop them (stopContainers).`,
      {
        engine,
        volume: target.name,
        containers: holders.map((c) => ({ id: c.containerId, name: c.containerName, state: c.state })),
      },
    );
  }
}

/** The snapshot as one tar: the tree's dump, or the tar file a stream snapshot holds. */
export const dumpOf = (inv: Invocation, snap: RepoSnapshot, signal: AbortSignal) =>
  resticStream(inv, ["dump", "--no-lock", snap.id, snap.source === "archive" ? `/${STDIN_FILE}` : "/"], { signal });

/**
 * What the restored tree must hold, known before anything is written: from the snapshot's nodes (a tree), or
 * by reading its tar once (a stream snapshot; restic checks every blob as it reads).
 */
async function expectedCounts(ctl: JobControl, inv: Invocation, snap: RepoSnapshot): Promise<{ entries: number; bytes: number }> {
  ctl.update({ phase: "verifying" });
  if (snap.source === "direct") {
    const nodes = await lsNodes(inv, snap.id, null, ctl.signal);
    return { entries: nodes.length, bytes: nodes.reduce((n, x) => n + (x.type === "file" ? (x.size ?? 0) : 0), 0) };
  }
  const scanner = new TarScanner();
  const sink = new Writable({ write: (_c, _e, done) => done() });
  await pipeline(
    dumpOf(inv, snap, ctl.signal),
    tarMeter(scanner, () => {}),
    sink,
    { signal: ctl.signal },
  );
  const c = scanner.end();
  return { entries: c.entries, bytes: c.bytes };
}

/**
 * `mode: new`. A tree snapshot is written by `restic restore` itself where the console can write the new
 * volume's mountpoint (restore-direct.ts: about twice as fast as the tar below, bench:repo). Otherwise, as a
 * backup's restore into a new volume: the snapshot's tar extracted directly where possible, else through the
 * engine's archive API. Whatever fails, the new volume goes again.
 */
async function restoreNew(ctl: JobControl, inv: Invocation, snap: RepoSnapshot, name: string): Promise<void> {
  const engine = ctl.job.engine;
  const spec = { name, driver: "local", labels: {} };
  await createVolume(engine, spec);
  try {
    if (snap.source === "direct" && defaultDataPath() !== "archive") {
      const direct = await restoreSnapshotDirect(ctl, inv, snap.id, name);
      if (direct.ok) return;
      if (defaultDataPath() === "direct") throw new Error(`The direct data path is not available for this restore: ${direct.reason}.`);
    }
    const counts = await expectedCounts(ctl, inv, snap);
    ctl.update({ bytesTotal: counts.bytes });
    const remake = async () => {
      await removeVolume(engine, name);
      await createVolume(engine, spec);
    };
    checkCounts(counts, await fillFromBackup(ctl, name, () => [dumpOf(inv, snap, ctl.signal)], {}, remake), "The snapshot");
  } catch (e) {
    await removeOwnVolume(engine, name);
    throw describeFailure(e, engine, "restore");
  }
}
