import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { ApiError } from "@/lib/api/error";
import { removeVolume } from "@/lib/docker/volumes";
import { ownJobIds } from "@/lib/jobs/registry";
import { settleSwap } from "./rename-swap";
import { dropJournal, readJournals, type RestoreJournal, type SwapPaths } from "./restore-journal";
import { backupsDir } from "./settings";
import { findVolume } from "./volume-spec";

// Start-up, after a crash: every replace-restore this console's journals name is finished or rolled back, and
// its scratch volume removed once proven unneeded. Until then the volume stays labelled, never a prune
// candidate, and listed as held by an interrupted restore (lib/docker/scratch-hold.ts). Scratch volumes no
// journal of ours names (another console's, or made before journals) are left alone: nothing proves them unneeded.

const what = (j: RestoreJournal) => `the interrupted restore of "${j.target}" on engine "${j.engine}" (job ${j.jobId})`;

/** Step 1, files only (no engine needed): puts every half-done swap back into a consistent state. */
export async function settleInterruptedSwaps(): Promise<string[]> {
  const lines: string[] = [];
  const { journals, unreadable } = await readJournals();
  for (const name of unreadable) lines.push(`could not read restore journal ${name}; its scratch volume is kept`);
  // Only this process's jobs: the stored history (lib/jobs/history) also names the dead process's.
  const live = ownJobIds();
  for (const j of journals.filter((j) => j.phase === "swap" && j.paths && !live.has(j.jobId))) {
    try {
      const done = await settleSwap(j.paths!);
      if (done) lines.push(`${what(j)}: ${done}`);
    } catch (e) {
      // Not settled: step 2 tries again, fails the same way, and keeps the scratch volume.
      lines.push(`${what(j)}: could not settle the swap: ${(e as Error).message}; scratch volume "${j.scratch}" is kept`);
    }
  }
  lines.push(...(await settleLegacySwaps()));
  return lines;
}

/** Step 2, once leftover helpers are gone: removes the scratch volumes proven unneeded; keeps the others. */
export async function removeRecoveredScratch(): Promise<string[]> {
  const lines: string[] = [];
  // A job of this process (one started since start-up) owns its journal: only a dead process's are recovered.
  const live = ownJobIds();
  for (const j of (await readJournals()).journals.filter((j) => !live.has(j.jobId))) {
    try {
      const line = await recoverOne(j);
      if (line) lines.push(line);
    } catch (e) {
      lines.push(`${what(j)}: scratch volume "${j.scratch}" is kept for now (${(e as Error).message})`);
    }
  }
  return lines;
}

async function recoverOne(j: RestoreJournal): Promise<string | null> {
  if (j.phase === "recreate") {
    // The target was removed: the scratch volume may hold the only complete restored copy. Never removed here.
    if (await findVolume(j.engine, j.scratch)) {
      return `${what(j)} had removed the target to create it again: the restored data is kept in volume "${j.scratch}" (held); restore again, then remove it`;
    }
    await dropJournal(j.jobId);
    return null;
  }
  // "filling": the target was never touched. "swap": settled (idempotent; a failure above throws again here).
  if (j.phase === "swap") {
    if (!j.paths) throw new Error("its journal has no swap paths");
    await settleSwap(j.paths);
  }
  try {
    await removeVolume(j.engine, j.scratch);
  } catch (e) {
    if (!(e instanceof ApiError && e.code === "not_found")) throw e;
  }
  await dropJournal(j.jobId);
  return `${what(j)}: removed its scratch volume "${j.scratch}" (the target holds ${j.phase === "swap" ? "its old or the restored data, whole" : "its old data, untouched"})`;
}

/** Journals of consoles before restore-journal.ts (`.swap-<job>.json`, paths only): settled and dropped. */
async function settleLegacySwaps(): Promise<string[]> {
  const lines: string[] = [];
  const names = (await fs.readdir(backupsDir()).catch(() => [] as string[])).filter((n) => /^\.swap-[a-z0-9-]+\.json$/.test(n));
  for (const name of names) {
    const file = path.join(backupsDir(), name);
    try {
      const done = await settleSwap(JSON.parse(await fs.readFile(file, "utf8")) as SwapPaths);
      if (done) lines.push(done);
      await fs.rm(file, { force: true });
    } catch (e) {
      lines.push(`could not recover ${name}: ${(e as Error).message}`);
    }
  }
  return lines;
}
