import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { syncDir, writeFileAtomic } from "./archive-file";
import { backupsDir } from "./settings";

// A replace-restore's journal: written before its scratch volume is made and kept up to date before every step
// that start-up must know about, removed once the scratch volume is gone. It is the console's proof of which
// scratch volumes are its own and what each one holds, after a crash (restore-recovery.ts):
//   filling  — the scratch volume holds (part of) the restored data; the target is untouched.
//   swap     — the two `_data` directories are trading places by rename (`paths`): roll back or forward.
//   recreate — the target was (or is being) removed and created again: the scratch volume holds the only
//              complete restored copy besides the archive.

export type SwapPaths = { target: string; old: string; scratch: string };

export type RestoreJournal = {
  jobId: string;
  engine: string;
  /** The volume being replaced. */
  target: string;
  /** The scratch volume's name. */
  scratch: string;
  phase: "filling" | "swap" | "recreate";
  paths?: SwapPaths;
};

const PREFIX = ".restore-";
const journalPath = (jobId: string) => path.join(backupsDir(), `${PREFIX}${jobId}.json`);

export async function writeJournal(j: RestoreJournal): Promise<void> {
  await fs.mkdir(backupsDir(), { recursive: true, mode: 0o700 });
  await writeFileAtomic(journalPath(j.jobId), JSON.stringify(j));
}

export async function dropJournal(jobId: string): Promise<void> {
  await fs.rm(journalPath(jobId), { force: true });
  await syncDir(backupsDir()).catch(() => {});
}

/** Every journal left in the data directory (a crash's), with the file name of any that cannot be read. */
export async function readJournals(): Promise<{ journals: RestoreJournal[]; unreadable: string[] }> {
  const names = await fs.readdir(backupsDir()).catch(() => [] as string[]);
  const journals: RestoreJournal[] = [];
  const unreadable: string[] = [];
  for (const name of names.filter((n) => n.startsWith(PREFIX) && n.endsWith(".json"))) {
    try {
      journals.push(JSON.parse(await fs.readFile(path.join(backupsDir(), name), "utf8")) as RestoreJournal);
    } catch {
      unreadable.push(name);
    }
  }
  return { journals, unreadable };
}
