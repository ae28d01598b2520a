import "server-only";
import fs from "node:fs/promises";
import type { Job, LastBackup } from "@/lib/api/types";
import { registerEngineState } from "@/lib/engine-state/registry";
import { db } from "@/lib/store/db";
import { listBackups } from "./catalog";
import { lastBackupsOf } from "./last-backup-map";
import { backupsDir } from "./settings";

// The volumes list shows each volume's last backup. Reading every manifest per list request would not stay fast
// with thousands of volumes and backups, so the answer is kept per engine and made again only when the catalog
// or the jobs' history changed: every commit or removal renames a file in the backups directory (its mtime
// moves), and every failed job gets a finished_at (the newest one moves). Two cheap reads decide.
type Kept = { key: string; map: Promise<Map<string, LastBackup>> };
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

/** Volume name → its newest backup attempt on this engine (absent: never backed up). Shared: do not change it. */
export async function lastBackups(engineId: string): Promise<Map<string, LastBackup>> {
  const key = await changeKey();
  const entry = kept.get(engineId);
  if (entry?.key === key) return entry.map;
  const map = listBackups().then((backups) => lastBackupsOf(engineId, backups, failedBackupJobs()));
  kept.set(engineId, { key, map });
  // A failed read is not kept: the next request tries again.
  map.catch(() => {
    if (kept.get(engineId)?.map === map) kept.delete(engineId);
  });
  return map;
}
