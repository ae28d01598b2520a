import "server-only";
import fs from "node:fs/promises";
import type { Backup } from "@/lib/api/types";
import { listBackups } from "@/lib/backup/catalog";
import { backupsDir } from "@/lib/backup/settings";

// The catalog reads one manifest file per backup; a scrape every 15 s must not. Kept until the backups directory
// changes: every commit or removal renames a file there, which moves the directory's mtime (as last-backup.ts).
type Archive = Pick<Backup, "engine" | "volume" | "createdAt">;
const g = globalThis as typeof globalThis & { __voldeckMetricsArchives?: { key: string; list: Promise<Archive[]> } };

export async function cachedArchives(): Promise<Archive[]> {
  const key = await fs.stat(backupsDir()).then(
    (st) => String(st.mtimeMs),
    () => "none",
  );
  const kept = g.__voldeckMetricsArchives;
  if (kept?.key === key) return kept.list;
  const list = listBackups().then((all) => all.map(({ engine, volume, createdAt }) => ({ engine, volume, createdAt })));
  g.__voldeckMetricsArchives = { key, list };
  // A failed read is not kept: the next scrape tries again.
  list.catch(() => {
    if (g.__voldeckMetricsArchives?.list === list) g.__voldeckMetricsArchives = undefined;
  });
  return list;
}
