import "server-only";
import fs from "node:fs/promises";
import type { Job, LastBackup, Volume } from "@/lib/api/types";
import { registerEngineState } from "@/lib/engine-state/registry";
import { db } from "@/lib/store/db";
import { listBackups } from "./catalog";
import { lastBackupsOf } from "./last-backup-map";
import { backupsDir } from "./settings";

// The volumes list shows each volume's last backup. Reading every manifest per list request would not stay fast
// with thousands of volumes and backups, so the answer is kept per engine and made again only when the catalog
// or the jobs' history changed: every commit or removal renames a file in the backups directory (its mtime
// moves), and every failed job gets a finished_at (the newest one moves). Two cheap reads decide.
// `made`: the volumes answered with their last backup, by the list's own object, so that an unchanged volume is
// the same object in the next answer too (the list keeps unchanged volumes' objects; rows re-render by identity).
type Kept = { key: string; map: Promise<Map<string, LastBackup>>; made: WeakMap<Volume, Volume> };
const g = globalThis as typeof globalThis & { __voldeckLastBackups?: Map<string, Kept> };
const kept: Map<string, Kept> = (g.__voldeckLastBackups ??= new Map());
registerEngineState("last backups", (id) => kept.delete(id));

async function changeKey(): Promise<string> {
  const dir = await fs.stat(backupsDir()).then(
    (st) => String(st.mtimeMs),
    () => "none",
  );
  const lastJob = db().prepare("SELECT max(finished_at) FROM jobs").pluck().get() as string | null;
  return `${dir}|${lastJob ?? ""}`;
}

function failedBackupJobs(): Job[] {
  const rows = db().prepare("SELECT job FROM jobs WHERE state = 'failed'").pluck().all() as string[];
  return rows.map((j) => JSON.parse(j) as Job).filter((j) => j.kind === "backup");
}

async function current(engineId: string): Promise<Kept> {
  const key = await changeKey();
  const entry = kept.get(engineId);
  if (entry?.key === key) return entry;
  const map = listBackups().then((backups) => lastBackupsOf(engineId, backups, failedBackupJobs()));
  const made: Kept = { key, map, made: new WeakMap() };
  kept.set(engineId, made);
  // A failed read is not kept: the next request tries again.
  map.catch(() => {
    if (kept.get(engineId)?.map === map) kept.delete(engineId);
  });
  return made;
}

/**
 * The volumes list's extra: each volume with `lastBackup` (null: never backed up). The catalog unreadable (its
 * directory's permissions), the list still answers, without the field, and the log says why.
 */
export async function withLastBackups(engineId: string, volumes: Volume[]): Promise<Volume[]> {
  let entry: Kept;
  let map: Map<string, LastBackup>;
  try {
    entry = await current(engineId);
    map = await entry.map;
  } catch (e) {
    console.error(`voldeck: the volumes list of engine "${engineId}" goes without last backups:`, e);
    return volumes;
  }
  return volumes.map((v) => {
    const lastBackup = map.get(v.name) ?? null;
    const before = entry.made.get(v);
    if (before && before.lastBackup === lastBackup) return before;
    const made = { ...v, lastBackup };
    entry.made.set(v, made);
    return made;
  });
}
