import "server-only";
import { execFile } from "node:child_process";
import { constants } from "node:fs";
import fs from "node:fs/promises";
import type { Duplex, Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { createHelper, removeHelper, type Helper } from "@/lib/docker/helper";
import { getVolume } from "@/lib/docker/volumes";
import type { JobControl } from "@/lib/jobs/registry";
import { extractSink, ExtractUnsupported, TarExtractor } from "@/lib/tar/extract";
import { countTree, directAccess, type DirectAccess } from "./direct";
import type { FillResult } from "./fill";
import { tarMeter, throttle } from "./meter";
import { TarScanner } from "./tar/scan";

// The direct restore path, the mirror of the direct backup path: when the console may write a new volume's
// mountpoint (proven as for reading: the engine's stat of /volume in a helper matches ours, direct.ts), it
// extracts the archive there itself (lib/tar/extract.ts: by directory descriptors, nothing outside the volume
// can be written) instead of streaming it through a helper's `PUT …/archive`, then flushes the filesystem and
// checks what landed. Only into volumes this job just made (a new volume, a restore's scratch volume).

export type DirectFill = { ok: true; result: FillResult } | { ok: false; reason: string; touched: boolean };
export type DirectFillOptions = { rateLimit?: number; allowDevices?: boolean; countLinks?: boolean };

/** Whether this process can extract into `volumeName` itself, as root (owners must be given back). */
export async function extractAccess(engine: string, volumeName: string, helper: Helper): Promise<DirectAccess> {
  if (process.getuid?.() !== 0) return { ok: false, reason: "the console does not run as root, so it could not give files their owners back" };
  const access = await directAccess(await getVolume(engine, volumeName), helper, true);
  if (!access.ok) return access;
  try {
    await fs.access(access.mountpoint, constants.W_OK | constants.X_OK);
  } catch (e) {
    return { ok: false, reason: `the mountpoint is not writable here (${(e as NodeJS.ErrnoException).code})` };
  }
  return access;
}

/**
 * Fills the (new, empty) volume from `source()` directly. `{ ok: false }` when the direct path is not available
 * (`touched`: it had begun, and the volume must be emptied before another try), else the counts, checked.
 */
export async function fillVolumeDirect(
  ctl: JobControl,
  engine: string,
  volumeName: string,
  source: () => [Readable, ...Duplex[]],
  opts: DirectFillOptions = {},
): Promise<DirectFill> {
  // The helper proves the mountpoint is the engine's, and holds the volume so nobody removes it meanwhile.
  const helper = await createHelper(engine, volumeName, { readOnly: true, jobId: ctl.job.id });
  try {
    const access = await extractAccess(engine, volumeName, helper);
    if (!access.ok) return { ok: false, reason: access.reason, touched: false };
    ctl.update({ phase: "streaming", dataPath: "direct" });
    const scanner = new TarScanner();
    const stages: Transform[] = [tarMeter(scanner, (b) => ctl.progress(opts.countLinks ? b + scanner.linkBytes : b))];
    if (opts.rateLimit) stages.push(throttle(opts.rateLimit, ctl.signal));
    const extractor = await TarExtractor.into(access.mountpoint, { allowDevices: opts.allowDevices });
    try {
      await pipeline([...source(), ...stages, extractSink(extractor)], { signal: ctl.signal });
    } catch (e) {
      if (e instanceof ExtractUnsupported) return { ok: false, reason: e.message, touched: true };
      throw volumeFull(e, volumeName);
    }
    const counts = scanner.end();
    ctl.update({ phase: "verifying" });
    // The count reads what the filesystem shows, flushed or not: it runs while the flush does, and the restore
    // goes on only once both are done.
    const [found] = await Promise.all([countTree(access.mountpoint, ctl.signal), syncFilesystem(access.mountpoint)]);
    const expected = counts.entries - (counts.hasRoot ? 1 : 0);
    if (found.bytes !== counts.bytes || found.entries < expected) {
      throw new Error(
        `The volume "${volumeName}" holds ${found.entries} entries and ${found.bytes} bytes after the restore; the archive has ${expected} entries and ${counts.bytes} bytes.`,
      );
    }
    return { ok: true, result: { ...counts, checked: true } };
  } finally {
    await removeHelper(helper);
  }
}

/** A full disk here is the volume's (the engine's disk), not the console's data directory: say so. */
function volumeFull(e: unknown, volumeName: string): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (code !== "ENOSPC" && code !== "EDQUOT") return e;
  return new Error(`No space left on device for volume "${volumeName}" (${code}): the engine's disk is full.`);
}

/**
 * Flushes the volume's filesystem to disk (syncfs(2), through coreutils' `sync -f`: Node has no syncfs). One
 * call after the extraction instead of an fsync per file, as `tar -x && sync` does; the swap that follows
 * (rename-swap.ts) then only ever exposes data that is on disk.
 */
export async function syncFilesystem(dir: string): Promise<void> {
  await promisify(execFile)("sync", ["-f", dir]);
}
