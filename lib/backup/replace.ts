import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { ApiError } from "@/lib/api/error";
import type { Volume } from "@/lib/api/types";
import { createHelper, getVolumeArchive, removeHelper, type Helper } from "@/lib/docker/helper";
import { createVolume, getVolume, removeVolume } from "@/lib/docker/volumes";
import type { JobControl } from "@/lib/jobs/registry";
import { syncDir, writeFileAtomic } from "./archive-file";
import type { Manifest } from "./catalog";
import { startAgain, stopHolders, volumeHolders, type Stopped } from "./containers";
import { directAccess } from "./direct";
import { describeFailure } from "./failure";
import { fillVolume } from "./fill";
import type { RestoreRequest } from "./restore-types";
import { backupsDir, defaultDataPath, defaultStopTimeout } from "./settings";
import { archiveStreams, checkCounts, removeOwnVolume } from "./volume-spec";

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

export async function replaceContents(ctl: JobControl, m: Manifest, target: Volume, req: RestoreRequest): Promise<void> {
  const engine = ctl.job.engine;
  const scratch = `voldeck-restore-${ctl.job.id.slice(0, 8)}`;
  const stopped: Stopped[] = [];
  const helpers: Helper[] = [];
  let scratchMade = false;
  let scratchPrecious = false;
  try {
    // Holding the target with a helper keeps anyone from removing it meanwhile.
    helpers.push(await createHelper(engine, target.name, { readOnly: true, jobId: ctl.job.id }));
    await createVolume(engine, { name: scratch, driver: "local", labels: { "io.voldeck.restore-of": target.name, "io.voldeck.job": ctl.job.id } });
    scratchMade = true;
    ctl.update({ phase: "streaming", dataPath: "archive" });
    checkCounts(m, await fillVolume(ctl, engine, scratch, archiveStreams(m), req.rateLimit), "The archive");

    ctl.update({ phase: "swapping" });
    if (req.stopContainers) await stopHolders(ctl, engine, target.name, req.stopTimeout ?? defaultStopTimeout(), stopped);
    const running = (await volumeHolders(engine, target.name)).filter((c) => c.state === "running" || c.state === "restarting");
    if (running.length) throw new ApiError("in_use", `Volume "${target.name}" is in use by ${running.map((c) => c.containerName).join(", ")}; nothing was replaced.`);

    const choice = req.dataPath ?? defaultDataPath();
    const scratchHelper = await createHelper(engine, scratch, { readOnly: true, jobId: ctl.job.id });
    helpers.push(scratchHelper);
    const why = choice === "archive" ? "the archive path was asked for" : await renameBlocker(engine, target.name, helpers[0], scratch, scratchHelper);
    if (!why) {
      ctl.update({ swap: "rename" });
      await renameSwap(ctl.job.id, (await getVolume(engine, target.name)).mountpoint, (await getVolume(engine, scratch)).mountpoint);
    } else {
      if (choice === "direct") throw new Error(`The direct swap is not available: ${why}. Nothing was replaced.`);
      ctl.update({ swap: "recreate" });
      const holders = await volumeHolders(engine, target.name);
      if (holders.length) {
        throw new ApiError("in_use", `Volume "${target.name}" is referenced by ${holders.map((c) => c.containerName).join(", ")}: the engine cannot remove it, and the console cannot swap its data directly (${why}). Nothing was replaced.`);
      }
      await removeHelper(helpers.shift()!);
      await removeVolume(engine, target.name); // refused (409) if a container took it meanwhile: still untouched
      scratchPrecious = true;
      await createVolume(engine, { name: target.name, driver: target.driver, driverOpts: target.options, labels: target.labels });
      const copy = await fillVolume(ctl, engine, target.name, [await getVolumeArchive(scratchHelper, ctl.signal)], req.rateLimit);
      // The scratch volume's own tar also lists its root and any directory the archive only implied.
      if (copy.bytes !== m.bytes || copy.entries < m.entries - 1) checkCounts(m, copy, "The copy back");
      scratchPrecious = false;
    }
  } catch (err) {
    const e = describeFailure(err, engine, "restore");
    if (scratchPrecious) {
      throw new Error(`${(e as Error).message} — volume "${target.name}" was already removed; the restored data is kept in volume "${scratch}".`);
    }
    throw e;
  } finally {
    for (const h of helpers) await removeHelper(h);
    if (scratchMade && !scratchPrecious) await removeOwnVolume(engine, scratch);
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

type Journal = { target: string; old: string; scratch: string };
const journalPath = (jobId: string) => path.join(backupsDir(), `.swap-${jobId}.json`);

/** target/_data ⇄ scratch/_data, journalled (see recoverSwaps). */
async function renameSwap(jobId: string, target: string, scratch: string): Promise<void> {
  const journal: Journal = { target, old: `${target}.voldeck-old-${jobId.slice(0, 8)}`, scratch };
  await fs.mkdir(backupsDir(), { recursive: true, mode: 0o700 });
  await writeFileAtomic(journalPath(jobId), JSON.stringify(journal));
  await fs.rename(journal.target, journal.old);
  try {
    await fs.rename(journal.scratch, journal.target);
  } catch (e) {
    await fs.rename(journal.old, journal.target);
    throw e;
  }
  await fs.rename(journal.old, journal.scratch);
  await syncDir(path.dirname(target));
  await syncDir(path.dirname(scratch));
  await fs.rm(journalPath(jobId), { force: true });
}

const exists = (p: string) => fs.lstat(p).then(() => true, () => false);

/** Start-up: finishes or rolls back a swap a crash interrupted. Answers what it did, for the log. */
export async function recoverSwaps(): Promise<string[]> {
  const done: string[] = [];
  const names = await fs.readdir(backupsDir()).catch(() => [] as string[]);
  for (const name of names.filter((n) => /^\.swap-[a-z0-9-]+\.json$/.test(n))) {
    const file = path.join(backupsDir(), name);
    try {
      const j = JSON.parse(await fs.readFile(file, "utf8")) as Journal;
      if ((await exists(j.old)) && !(await exists(j.target))) {
        await fs.rename(j.old, j.target);
        done.push(`rolled back an interrupted swap of ${j.target}`);
      } else if ((await exists(j.old)) && !(await exists(j.scratch))) {
        await fs.rename(j.old, j.scratch);
        done.push(`finished an interrupted swap of ${j.target}`);
      }
      await fs.rm(file, { force: true });
    } catch (e) {
      done.push(`could not recover ${name}: ${(e as Error).message}`);
    }
  }
  return done;
}
