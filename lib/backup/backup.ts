import "server-only";
import type { Transform, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { HooksSpec } from "@/lib/api/hook-schemas";
import type { Compression, Job, Volume } from "@/lib/api/types";
import { createHelper, removeHelper, type Helper } from "@/lib/docker/helper";
import { getVolume } from "@/lib/docker/volumes";
import { jobHookLog } from "@/lib/hooks/job-log";
import { beginHooks, type HookSession } from "@/lib/hooks/run";
import { startJob, type JobControl } from "@/lib/jobs/registry";
import { ArchiveFile } from "./archive-file";
import { describeFailure } from "./failure";
import { archiveName, downloadName, newBackupId, writeManifest, type Manifest } from "./catalog";
import { startAgain, stopHolders, type Stopped } from "./containers";
import { parallelGzip } from "./gzip";
import { tarMeter, throttle } from "./meter";
import { backupsDir, defaultDataPath, defaultStopTimeout, gzipLevel, type DataPathChoice } from "./settings";
import { engineVolumeSize, openVolumeSource } from "./source";
import { TarScanner } from "./tar/scan";
import { unverifiedReason } from "./verdict";

export type BackupRequest = {
  compression: Compression;
  stopContainers: boolean;
  dataPath?: DataPathChoice;
  rateLimit?: number;
  stopTimeout?: number;
  /** The schedule this run belongs to, recorded in the manifest. */
  scheduleId?: string;
  /** Pre/post commands around the copy (lib/hooks); the volume's containers' hook labels apply too. */
  hooks?: HooksSpec;
};

/** Checks the volume now (404, 503), then backs it up as a job. */
export async function startBackup(engineId: string, name: string, req: BackupRequest): Promise<Job> {
  const volume = await getVolume(engineId, name);
  return startJob(
    { kind: "backup", engine: engineId, volume: name, compression: req.compression, bytesTotal: volume.sizeBytes },
    [`read:${engineId}/${name}`],
    (ctl) => runBackup(ctl, volume, req),
  );
}

async function runBackup(ctl: JobControl, volume: Volume, req: BackupRequest): Promise<void> {
  const engine = ctl.job.engine;
  const id = newBackupId();
  const createdAt = new Date().toISOString();
  const stopped: Stopped[] = [];
  let helper: Helper | null = null;
  let file: ArchiveFile | null = null;
  let hooks: HookSession | null = null;
  try {
    helper = await createHelper(engine, volume.name, { readOnly: true, jobId: ctl.job.id });
    // Pre-hooks before anything is stopped or read (a failing one ends the job here); post-hooks once it is read.
    hooks = await beginHooks(engine, volume.name, req.hooks, jobHookLog(ctl), ctl.signal);
    if (req.stopContainers) await stopHolders(ctl, engine, volume.name, req.stopTimeout ?? defaultStopTimeout(), stopped);
    const source = await openVolumeSource(volume, helper, req.dataPath ?? defaultDataPath(), ctl.signal);
    if (source.directReason) ctl.update({ warnings: [...ctl.job.warnings, `Read through the engine's archive API: ${source.directReason}.`] });
    ctl.update({ dataPath: source.dataPath, phase: "streaming" });
    // The engine's own size of the volume, measured while the data streams (it walks every volume: on a big
    // host it takes a while, and stopped containers should not wait for it). The archive API may skip files.
    const engineSizeP = source.dataPath === "archive" ? engineVolumeSize(engine, volume.name) : Promise.resolve(null);
    file = new ArchiveFile(backupsDir(), archiveName(id, req.compression), req.compression === "gzip");
    await file.open();
    const scanner = new TarScanner();
    // Progress counts what the engine's size (bytesTotal) counts: file bytes and symlink targets.
    const stages: (Transform | Writable)[] = [tarMeter(scanner, (b) => ctl.progress(b + scanner.linkBytes))];
    if (req.rateLimit) stages.push(throttle(req.rateLimit, ctl.signal));
    if (req.compression === "gzip") stages.push(parallelGzip(gzipLevel()));
    stages.push(file.writable());
    await pipeline([source.stream, ...stages], { signal: ctl.signal });
    const streamed = scanner.end();
    const engineSize = await engineSizeP;
    await startAgain(ctl, engine, stopped);
    await hooks.end();
    await removeHelper(helper);
    helper = null;
    ctl.update({ phase: "verifying" });
    const back = await file.commit(streamed);
    const reason = unverifiedReason(streamed, engineSize, source.issues);
    const manifest: Manifest = {
      version: 1,
      id,
      engine,
      volume: volume.name,
      createdAt,
      compression: req.compression,
      sizeBytes: back.size,
      sha256: back.sha256,
      entries: back.entries,
      verified: reason === null,
      verifyReason: reason,
      bytes: back.bytes,
      labels: volume.labels,
      driver: volume.driver,
      options: volume.options,
      dataPath: source.dataPath,
      fileName: downloadName(volume.name, createdAt, req.compression),
      engineSizeBytes: engineSize,
      archive: archiveName(id, req.compression),
      ...(req.scheduleId ? { scheduleId: req.scheduleId } : {}),
    };
    await writeManifest(manifest);
    ctl.update({ backupId: id });
  } catch (e) {
    await file?.discard();
    throw describeFailure(e, engine, "backup");
  } finally {
    await startAgain(ctl, engine, stopped);
    await hooks?.end();
    if (helper) await removeHelper(helper);
  }
}
