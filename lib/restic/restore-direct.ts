import "server-only";
import fs from "node:fs/promises";
import { ApiError } from "@/lib/api/error";
import { extractAccess, syncFilesystem } from "@/lib/backup/direct-restore";
import { engineConfig } from "@/lib/docker/clients";
import { engineKind } from "@/lib/docker/engine-config";
import { createHelper, removeHelper, type Helper } from "@/lib/docker/helper";
import type { JobControl } from "@/lib/jobs/registry";
import type { Invocation } from "./invocation";
import { runRestic } from "./process";
import { countRestored, expectedOfNodes, type NodeTally } from "./restore-counts";

// `mode: new` of a tree snapshot where the console can write the new volume's mountpoint (the same proof as the
// direct tar restore: lib/backup/direct-restore.ts): `restic restore` writes the snapshot straight into the
// fresh, empty volume, as a person would by hand. Through `restic dump` and our tar extractor it took about
// twice as long (bench:repo); restic restores owners, modes, times, symlinks, hard links and extended
// attributes itself (it runs as root here). Meanwhile `restic ls` tells what the volume must hold; once restic
// is done the filesystem is flushed and the volume is counted against it before the job may succeed. The
// volume is new: on any failure the caller removes it whole, so nothing needs to be staged and renamed.

export type DirectRestore = { ok: true } | { ok: false; reason: string };

const POLL_MS = 1_000;

export async function restoreSnapshotDirect(ctl: JobControl, inv: Invocation, sid: string, volumeName: string): Promise<DirectRestore> {
  const engine = ctl.job.engine;
  // One signal for both restic runs: the job's cancel, a device node found by ls (refused below), or the end.
  const stop = new AbortController();
  const signal = AbortSignal.any([ctl.signal, stop.signal]);
  const startListing = () =>
    expectedOfNodes(inv, sid, signal).then((tally) => {
      if (tally.devices.length) stop.abort();
      else ctl.update({ bytesTotal: tally.bytes });
      return tally;
    });
  // Listed first where the direct path is to be expected (as root, an engine on this machine's socket): restic's
  // key derivation (about half a second of CPU) then runs beside the helper's start rather than beside the
  // restore. Elsewhere the listing waits for the proof, so a restore that goes the archive way starts no restic
  // run for nothing.
  let listing = process.getuid?.() === 0 && engineKind(engineConfig(engine).url) === "unix" ? startListing() : null;
  listing?.catch(() => {}); // awaited below; not when the direct path turns out unavailable
  let helper: Helper | null = null;
  try {
    // The helper proves the mountpoint is the engine's, and holds the volume so nobody removes it meanwhile.
    helper = await createHelper(engine, volumeName, { readOnly: true, jobId: ctl.job.id });
    const access = await extractAccess(engine, volumeName, helper);
    if (!access.ok) return access;
    listing ??= startListing();
    const root = access.mountpoint;
    ctl.update({ phase: "streaming", dataPath: "direct" });
    const progress = pollWritten(ctl, root);
    let expected: NodeTally;
    try {
      // --no-lock: restic restore only reads, and the job's read:repo lock already keeps prune away; a
      // cancelled restore thus leaves no lock behind.
      const restore = runRestic(inv, ["restore", "--no-lock", sid, "--target", root], { signal });
      const [listed, restored] = await Promise.allSettled([listing, restore]);
      if (listed.status === "fulfilled" && listed.value.devices.length) throw deviceRefusal(listed.value);
      if (restored.status === "rejected") throw restored.reason;
      if (listed.status === "rejected") throw listed.reason;
      expected = listed.value;
    } finally {
      progress.stop();
    }
    ctl.update({ phase: "verifying" });
    // The count reads what the filesystem shows, flushed or not: it runs while the flush does, and the job
    // succeeds only once both are done.
    const [found] = await Promise.all([countRestored(root, ctl.signal), syncFilesystem(root)]);
    if (found.entries !== expected.entries || found.bytes !== expected.bytes) {
      throw new Error(
        `The volume "${volumeName}" holds ${found.entries} entries and ${found.bytes} bytes after restic's restore; the snapshot has ${expected.entries} entries and ${expected.bytes} bytes.`,
      );
    }
    ctl.progress(expected.bytes);
    return { ok: true };
  } finally {
    stop.abort();
    if (helper) await removeHelper(helper);
  }
}

/** As for a backup's archive (lib/backup/special-files.ts): device nodes only on purpose, and snapshots offer no such choice. */
function deviceRefusal(t: NodeTally): ApiError {
  const shown = t.devices.slice(0, 3).join(", ");
  const more = t.deviceCount > 3 ? ` and ${t.deviceCount - 3} more` : "";
  return new ApiError(
    "conflict",
    `The snapshot holds ${t.deviceCount === 1 ? "1 device node" : `${t.deviceCount} device nodes`} (${shown}${more}); restoring them would give the volume's users access to the engine host's devices. Nothing was kept: the new volume is removed.`,
  );
}

/**
 * Progress while restic restore runs: restic 0.14 prints no status for a restore, so the bytes the volume's
 * filesystem gained are polled (statfs: one call, no walk of the tree). Other writers on that filesystem make
 * it approximate; it only ever grows, and the exact count follows once restic is done.
 */
function pollWritten(ctl: JobControl, root: string): { stop(): void } {
  const used = async () => {
    const s = await fs.statfs(root);
    return (s.blocks - s.bfree) * s.bsize;
  };
  let base: number | null = null;
  let best = 0;
  void used().then(
    (u) => (base = u),
    () => {},
  );
  const timer = setInterval(() => {
    void used().then(
      (u) => {
        if (base === null) return;
        base = Math.min(base, u); // another writer freed space there: count the growth from this level
        const total = ctl.job.bytesTotal ?? Infinity;
        best = Math.max(best, Math.min(u - base, total));
        ctl.progress(best);
      },
      () => {},
    );
  }, POLL_MS);
  return { stop: () => clearInterval(timer) };
}
