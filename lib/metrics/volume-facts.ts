// Pure: what /metrics says of each volume's backups, from the backup catalog, the job history and the schedules.
// Unit-tested. Everything here is one pass over its input (maps by "engine/volume"), so a scrape stays linear in
// the number of volumes, backups and jobs.
import type { Backup, Job } from "@/lib/api/types";
import { volumeKey } from "@/lib/coverage/evaluate";

export type BackupFacts = {
  /** Unix ms of the newest successful backup (tar archive or restic snapshot); null when none is known. */
  lastSuccessMs: number | null;
  /** Of the newest successful backup job still in the job history (tar or snapshot). */
  lastDurationSeconds: number | null;
  /** Volume content bytes that job read. */
  lastBytes: number | null;
};

type DoneJob = Pick<Job, "kind" | "state" | "engine" | "volume" | "startedAt" | "finishedAt" | "bytesDone">;
type Archive = Pick<Backup, "engine" | "volume" | "createdAt">;

const isBackupKind = (kind: Job["kind"]) => kind === "backup" || kind === "snapshot";

/**
 * Facts by volume key. A tar archive in the catalog counts as a success at its creation time (it was only
 * committed once complete); a succeeded snapshot job at its end (restic snapshots are not listed per scrape:
 * that would run restic each time). The duration and bytes come from the newest succeeded job, when the history
 * (30 days, 500 jobs) still holds it.
 */
export function backupFacts(archives: Archive[], jobs: DoneJob[]): Map<string, BackupFacts> {
  const facts = new Map<string, BackupFacts & { jobEndMs: number }>();
  const entry = (key: string) => {
    let f = facts.get(key);
    if (!f) facts.set(key, (f = { lastSuccessMs: null, lastDurationSeconds: null, lastBytes: null, jobEndMs: -Infinity }));
    return f;
  };
  for (const a of archives) {
    if (a.engine === null) continue; // an upload is no engine's volume's backup
    const at = Date.parse(a.createdAt);
    const f = entry(volumeKey(a.engine, a.volume));
    if (Number.isFinite(at) && (f.lastSuccessMs === null || at > f.lastSuccessMs)) f.lastSuccessMs = at;
  }
  for (const j of jobs) {
    if (!isBackupKind(j.kind) || j.state !== "succeeded" || !j.finishedAt) continue;
    const end = Date.parse(j.finishedAt);
    if (!Number.isFinite(end)) continue;
    const f = entry(volumeKey(j.engine, j.volume));
    if (j.kind === "snapshot" && (f.lastSuccessMs === null || end > f.lastSuccessMs)) f.lastSuccessMs = end;
    if (end <= f.jobEndMs) continue;
    f.jobEndMs = end;
    const start = j.startedAt ? Date.parse(j.startedAt) : NaN;
    f.lastDurationSeconds = Number.isFinite(start) ? Math.max(0, (end - start) / 1000) : null;
    f.lastBytes = j.bytesDone;
  }
  return new Map([...facts].map(([k, { jobEndMs: _drop, ...f }]) => [k, f]));
}

/**
 * Stale: scheduled, and no success within twice the schedule's interval (the gap between its next two runs).
 * A schedule younger than that is not stale yet without a success: it has not had its chance.
 */
export function isStale(lastSuccessMs: number | null, intervalMs: number, scheduledSinceMs: number, now: number): boolean {
  const since = lastSuccessMs ?? scheduledSinceMs;
  return now - since > 2 * intervalMs;
}
