import "server-only";
import fs from "node:fs/promises";
import type { Duplex, Readable } from "node:stream";
import path from "node:path";
import { ApiError } from "@/lib/api/error";
import type { Volume } from "@/lib/api/types";
import { createHelper, getVolumeArchive, instanceId, JOB_LABEL, removeHelper, type Helper } from "@/lib/docker/helper";
import { INSTANCE_LABEL } from "@/lib/docker/helper-cleanup";
import { RESTORE_OF_LABEL, SCRATCH_LABEL, SCRATCH_RESTORE } from "@/lib/docker/scratch-hold";
import { createVolume, getVolume, removeVolume } from "@/lib/docker/volumes";
import type { JobControl } from "@/lib/jobs/registry";
import type { Manifest } from "./catalog";
import { startAgain, stopHolders, volumeHolders, type Stopped } from "./containers";
import { directAccess } from "./direct";
import { describeFailure } from "./failure";
import { fillVolume } from "./fill";
import { renameSwap, settleSwap, swapPaths } from "./rename-swap";
import { dropJournal, writeJournal, type RestoreJournal, type SwapPaths } from "./restore-journal";
import { fillFromBackup } from "./restore-fill";
import type { RestoreRequest } from "./restore-types";
import { defaultDataPath, defaultStopTimeout } from "./settings";
import { testPause } from "./test-pause";
import { checkCounts, findVolume, removeOwnVolume } from "./volume-spec";

// Restore `mode: replace` — never lose data:
//
// 1. The archive is restored into a fresh scratch volume, and checked there (counts; the tree itself when the
//    console can read it). Until this succeeds the target is not touched at all: a bad archive, a cancel or a
//    dead engine leaves it exactly as it was, and only the scratch volume is removed.
// 2. Only then are the target's running containers stopped (when asked), so they are down for the swap only.
// 3. The swap, by one of two means:
//    - "rename" (preferred): when the console can reach both mountpoints on the engine's host (the direct
//      path), the two `_data` directories trade places by three renames on the same filesystem, journalled
//      so that a crash between them is rolled back or forward at start-up. The target keeps its name,
//      labels, driver and options, and containers that reference it (even stopped ones) see the new data.
//    - "recreate": otherwise (a remote engine, or forced with dataPath "archive") — the engine cannot delete
//      files through its archive API, so the target is removed and created again (same labels, driver,
//      options) and the checked scratch copy is streamed into it helper to helper. The engine refuses to
//      remove a volume any container references, so this needs a target no container references; such a
//      request fails before anything changed. If the copy back fails, the scratch volume is kept — it then
//      holds the only restored copy (besides the archive) — and the error names it.
// 4. The scratch volume, now holding the old data (rename) or a spare copy (recreate), is removed; stopped
//    containers are started again whatever happened.

/** `streams` gives the tar to restore (a backup's archive, a restic snapshot's dump); `m` its expected counts. */
export async function replaceContents(
  ctl: JobControl,
  m: Pick<Manifest, "entries" | "bytes">,
  target: Volume,
  req: Pick<RestoreRequest, "stopContainers" | "stopTimeout" | "dataPath" | "rateLimit" | "allowDevices">,
  streams: () => [Readable, ...Duplex[]],
): Promise<void> {
  const engine = ctl.job.engine;
  const scratch = `voldeck-restore-${ctl.job.id.slice(0, 8)}`;
  const journal: RestoreJournal = { jobId: ctl.job.id, engine, target: target.name, scratch, phase: "filling" };
  const stopped: Stopped[] = [];
  const helpers: Helper[] = [];
  let scratchMade = false;
  let scratchPrecious = false;
  let paths: SwapPaths | null = null;
  let swapOpen = false; // the journal says "swap" and the directories may be half swapped
  try {
    // Holding the target with a helper keeps anyone from removing it meanwhile.
    helpers.push(await createHelper(engine, target.name, { readOnly: true, jobId: ctl.job.id }));
    // Journalled before it exists, labelled from birth: after a crash start-up finds it, and prune never offers it.
    await writeJournal(journal);
    await createVolume(engine, { name: scratch, driver: "local", labels: scratchLabels(target.name, ctl.job.id) });
    scratchMade = true;
    const remakeScratch = async () => {
      await removeVolume(engine, scratch);
      await createVolume(engine, { name: scratch, driver: "local", labels: scratchLabels(target.name, ctl.job.id) });
    };
    checkCounts(m, await fillFromBackup(ctl, scratch, streams, req, remakeScratch), "The archive");

    ctl.update({ phase: "swapping" });
    if (req.stopContainers) await stopHolders(ctl, engine, target.name, req.stopTimeout ?? defaultStopTimeout(), stopped);
    const running = (await volumeHolders(engine, target.name)).filter((c) => c.state === "running" || c.state === "restarting");
    if (running.length)
      throw new ApiError("in_use", `Volume "${target.name}" is in use by ${running.map((c) => c.containerName).join(", ")}; nothing was replaced.`);

    const choice = req.dataPath ?? defaultDataPath();
    const scratchHelper = await createHelper(engine, scratch, { readOnly: true, jobId: ctl.job.id });
    helpers.push(scratchHelper);
    const why = choice === "archive" ? "the archive path was asked for" : await renameBlocker(engine, target.name, helpers[0], scratch, scratchHelper);
    if (!why) {
      ctl.update({ swap: "rename" });
      paths = swapPaths(ctl.job.id, (await getVolume(engine, target.name)).mountpoint, (await getVolume(engine, scratch)).mountpoint);
      await writeJournal({ ...journal, phase: "swap", paths });
      swapOpen = true;
      await renameSwap(paths);
      await writeJournal(journal); // settled: the scratch volume now holds the old data, which nobody needs
      swapOpen = false;
    } else {
      if (choice === "direct") throw new Error(`The direct swap is not available: ${why}. Nothing was replaced.`);
      ctl.update({ swap: "recreate" });
      const holders = await volumeHolders(engine, target.name);
      if (holders.length) {
        throw new ApiError(
          "in_use",
          `Volume "${target.name}" is referenced by ${holders.map((c) => c.containerName).join(", ")}: the engine cannot remove it, and the console cannot swap its data directly (${why}). Nothing was replaced.`,
        );
      }
      await removeHelper(helpers.shift()!);
      await writeJournal({ ...journal, phase: "recreate" });
      await removeVolume(engine, target.name); // refused (409) if a container took it meanwhile: still untouched
      scratchPrecious = true;
      await testPause("recreate");
      await createVolume(engine, { name: target.name, driver: target.driver, driverOpts: target.options, labels: target.labels });
      const copy = await fillVolume(ctl, engine, target.name, [await getVolumeArchive(scratchHelper, ctl.signal)], req.rateLimit);
      // The scratch volume's own tar also lists its root and any directory the archive only implied.
      if (copy.bytes !== m.bytes || copy.entries < m.entries - 1) checkCounts(m, copy, "The copy back");
      scratchPrecious = false;
      await writeJournal(journal);
    }
  } catch (err) {
    // renameSwap rolls back itself; if even that failed, try once more, else leave it all to start-up.
    if (swapOpen && paths)
      swapOpen = !(await settleSwap(paths).then(
        () => true,
        () => false,
      ));
    const e = describeFailure(err, engine, "restore");
    if (scratchPrecious) {
      throw new Error(`${(e as Error).message} — volume "${target.name}" was already removed; the restored data is kept in volume "${scratch}".`);
    }
    throw e;
  } finally {
    for (const h of helpers) await removeHelper(h);
    // A precious or half-swapped scratch volume is kept, and so is its journal (start-up recovers it). Else the
    // journal goes once the volume is gone; an engine that did not answer keeps both for start-up.
    if (!scratchPrecious && !swapOpen) {
      if (scratchMade) await removeOwnVolume(engine, scratch);
      const gone =
        !scratchMade ||
        (await findVolume(engine, scratch).then(
          (v) => v === null,
          () => false,
        ));
      if (gone) await dropJournal(ctl.job.id).catch(() => {});
    }
    await startAgain(ctl, engine, stopped);
  }
}

/** Why the `_data` directories cannot trade places here, or null when they can. */
async function renameBlocker(engine: string, targetName: string, targetHelper: Helper, scratchName: string, scratchHelper: Helper): Promise<string | null> {
  const [target, scratch] = await Promise.all([getVolume(engine, targetName), getVolume(engine, scratchName)]);
  const [t, s] = await Promise.all([directAccess(target, targetHelper, true), directAccess(scratch, scratchHelper, true)]);
  if (!t.ok) return t.reason;
  if (!s.ok) return s.reason;
  const [td, sd] = await Promise.all([fs.stat(path.dirname(t.mountpoint)), fs.stat(path.dirname(s.mountpoint))]);
  return td.dev === sd.dev ? null : "the two volumes are on different filesystems";
}

/** Marks the scratch volume as a restore's from its creation (lib/docker/scratch-hold.ts). */
function scratchLabels(target: string, jobId: string): Record<string, string> {
  return { [SCRATCH_LABEL]: SCRATCH_RESTORE, [RESTORE_OF_LABEL]: target, [JOB_LABEL]: jobId, [INSTANCE_LABEL]: instanceId() };
}
