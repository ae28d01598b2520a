// Pure: each volume's last backup, from the catalog and the failed backup jobs. Unit-tested.
import type { Backup, Job, LastBackup } from "@/lib/api/types";

type Failure = Pick<Job, "kind" | "state" | "engine" | "volume" | "finishedAt" | "cancelled" | "error">;

/**
 * For one engine: volume name → its newest backup attempt. A failed backup job newer than the newest archive
 * makes it `ok: false` (a cancelled one is not a failure: it changed nothing). `backupId` is always the newest
 * archive in the catalog (the one a restore would start from), also after a failure. Uploads (no engine) are
 * not any engine's volume's backups.
 */
export function lastBackupsOf(engine: string, backups: Backup[], jobs: Failure[]): Map<string, LastBackup> {
  const newest = new Map<string, Backup>();
  for (const b of backups) {
    if (b.engine !== engine) continue;
    const kept = newest.get(b.volume);
    if (!kept || b.createdAt > kept.createdAt) newest.set(b.volume, b);
  }
  const failed = new Map<string, string>();
  for (const j of jobs) {
    if (j.kind !== "backup" || j.state !== "failed" || j.engine !== engine || !j.finishedAt || j.cancelled || j.error === "cancelled") continue;
    const kept = failed.get(j.volume);
    if (!kept || j.finishedAt > kept) failed.set(j.volume, j.finishedAt);
  }
  const result = new Map<string, LastBackup>();
  for (const [volume, b] of newest) result.set(volume, { at: b.createdAt, ok: true, verified: b.verified, backupId: b.id });
  for (const [volume, at] of failed) {
    const good = result.get(volume);
    if (!good || at > good.at) result.set(volume, { at, ok: false, verified: false, backupId: good?.backupId ?? null });
  }
  return result;
}
