import "server-only";
import type { Job } from "@/lib/api/types";
import { startBackup } from "@/lib/backup/backup";
import { forgetAndWait } from "@/lib/restic/forget-job";
import { startSnapshot } from "@/lib/restic/snapshot-job";
import { findSchedule, updateRun, type ScheduleRecord } from "./store";

// A schedule's run by its target: a tar backup (run.ts does the rest) or a snapshot into a repository, after
// which — only when the snapshot is confirmed — the target's keep rules forget older snapshots of this volume
// (never its newest: lib/restic/forget.ts), as a forget job of its own, so it waits for nothing and holds the
// repository like any other forget.

type Outcome = { ok: boolean } & Record<string, unknown>;

export function startScheduledJob(s: ScheduleRecord): Promise<Job> {
  if (s.target.kind === "repository") return startSnapshot(s.engine, s.volume, { repository: s.target.repository, stopContainers: s.stopContainers });
  return startBackup(s.engine, s.volume, { compression: s.compression, stopContainers: s.stopContainers, scheduleId: s.id });
}

/** Ends the run of a repository target; answers what its audit line says. */
export async function finishSnapshotRun(s: ScheduleRecord, runId: number, job: Job, actor: string): Promise<Outcome> {
  const finishedAt = () => new Date().toISOString();
  if (job.state !== "succeeded" || !job.snapshotId) {
    const error = job.error ?? "The snapshot did not finish.";
    updateRun(runId, { state: "failed", error, finishedAt: finishedAt() });
    return { ok: false, job: job.id, error };
  }
  const made = { job: job.id, snapshot: job.snapshotId, repository: job.repository };
  // The schedule as it is now: its rules may have changed meanwhile; moved elsewhere or deleted, none apply.
  const current = findSchedule(s.id);
  const target = current?.target;
  const same = current && current.engine === s.engine && current.volume === s.volume && target?.kind === "repository" && target.repository === job.repository;
  if (!same || target.kind !== "repository" || !target.keep) {
    updateRun(runId, { state: "succeeded", snapshotId: job.snapshotId, finishedAt: finishedAt() });
    return { ok: true, ...made };
  }
  try {
    const forget = await forgetAndWait(target.repository, { keep: target.keep, engine: s.engine, volume: s.volume, prune: true, dryRun: false }, actor);
    const deleted = forget.removed;
    updateRun(runId, { state: "succeeded", snapshotId: job.snapshotId, deleted, finishedAt: finishedAt() });
    return { ok: true, ...made, forgetJob: forget.job, deleted };
  } catch (e) {
    // The snapshot is made and confirmed; only retention is behind (a busy repository: the next run catches up).
    const error = `The snapshot was made, but the keep rules were not applied: ${(e as Error).message}`;
    updateRun(runId, { state: "succeeded", snapshotId: job.snapshotId, error, finishedAt: finishedAt() });
    return { ok: false, ...made, error };
  }
}
