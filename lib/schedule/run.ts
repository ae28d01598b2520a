import "server-only";
import { ApiError } from "@/lib/api/error";
import type { Backup, Job } from "@/lib/api/types";
import { recordAudit } from "@/lib/auth/audit";
import { deleteBackup, getManifest, listBackups } from "@/lib/backup/catalog";
import { busyWith, getJob, jobDone } from "@/lib/jobs/registry";
import { backupsToDelete } from "./retention";
import { finishSnapshotRun, startScheduledJob } from "./run-repository";
import { findSchedule, insertRun, updateRun, type ScheduleRecord } from "./store";

// One run of a schedule, whether the scheduler started it or a user pressed "run now": a backup job tagged with
// the schedule (or, for a repository target, a snapshot job: run-repository.ts), then — only if it succeeded and is verified — retention over the schedule's own backups. The
// run is recorded (schedule_runs) and audited under the actor "scheduler" when it ends.

export const SCHEDULER_ACTOR = "scheduler";

type Trigger = { dueAt: string | null; trigger: "schedule" | "manual"; actor: string | null };

const g = globalThis as typeof globalThis & { __voldeckScheduleStarting?: Set<string> };
/** Volumes whose run is being started (between the busy check and the job holding its lock). */
const starting = (g.__voldeckScheduleStarting ??= new Set());

const volumeKey = (s: Pick<ScheduleRecord, "engine" | "volume">) => `${s.engine}/${s.volume}`;

/** Any job that reads or writes the volume (a manual backup too), or a run being started for it. */
export function volumeBusy(s: Pick<ScheduleRecord, "engine" | "volume">): Job | "starting" | null {
  if (starting.has(volumeKey(s))) return "starting";
  return busyWith([`write:${volumeKey(s)}`]);
}

/** Starts a run; answers its job. Refuses (409) when the volume is busy: runs never overlap. */
export async function startRun(s: ScheduleRecord, how: Trigger): Promise<Job> {
  const busy = volumeBusy(s);
  if (busy) {
    const by = busy === "starting" ? "another run of a schedule" : `job ${busy.id} (${busy.kind})`;
    throw new ApiError("conflict", `The volume "${s.volume}" is busy with ${by}; try again when it is done.`, busy === "starting" ? {} : { job: busy.id });
  }
  starting.add(volumeKey(s));
  const runId = insertRun(s.id, how);
  let job: Job;
  try {
    job = await startScheduledJob(s);
  } catch (e) {
    const error = e instanceof ApiError ? e.message : `The ${s.target.kind === "repository" ? "snapshot" : "backup"} could not start: ${(e as Error).message}`;
    updateRun(runId, { state: "failed", error, finishedAt: new Date().toISOString() });
    auditRun(s, how, { ok: false, error });
    throw e;
  } finally {
    starting.delete(volumeKey(s));
  }
  updateRun(runId, { jobId: job.id });
  void finishRun(s, how, runId, job.id).catch((e) => console.error("voldeck: a scheduled run could not be finished:", e));
  return job;
}

async function finishRun(s: ScheduleRecord, how: Trigger, runId: number, jobId: string): Promise<void> {
  await jobDone(jobId);
  const job = getJob(jobId);
  if (s.target.kind === "repository") return auditRun(s, how, await finishSnapshotRun(s, runId, job, SCHEDULER_ACTOR));
  const finishedAt = new Date().toISOString();
  if (job.state !== "succeeded" || !job.backupId) {
    const error = job.error ?? "The backup did not finish.";
    updateRun(runId, { state: "failed", error, finishedAt });
    auditRun(s, how, { ok: false, job: jobId, error });
    return;
  }
  try {
    const backup = await getManifest(job.backupId);
    // The schedule as it is now: its retention may have been edited while the backup ran, or the schedule
    // deleted (then its rules no longer apply, and nothing is deleted). If it was moved to another volume or
    // engine meanwhile, this backup says nothing about that volume's backups: nothing is deleted either.
    const current = findSchedule(s.id);
    const same = current && current.engine === backup.engine && current.volume === backup.volume;
    const { deleted, kept } = same ? await applyRetention(current, backup) : { deleted: [], kept: [] };
    updateRun(runId, { state: "succeeded", backupId: backup.id, verified: backup.verified, sizeBytes: backup.sizeBytes, deleted, finishedAt });
    auditRun(s, how, { ok: true, job: jobId, backup: backup.id, verified: backup.verified, deleted, ...(kept.length ? { keptBusy: kept } : {}) });
  } catch (e) {
    // The backup was made; what follows failed (its manifest removed meanwhile, a deletion refused by the disk).
    // The run must still end, not stay "running" until the next restart; each deletion done is audited already.
    const error = `The backup was made, but retention was not (fully) applied: ${(e as Error).message}`;
    updateRun(runId, { state: "succeeded", backupId: job.backupId, error, finishedAt });
    auditRun(s, how, { ok: false, job: jobId, backup: job.backupId, error });
  }
}

type Tagged = Backup & { scheduleId?: string };

async function applyRetention(s: ScheduleRecord, made: Backup): Promise<{ deleted: string[]; kept: string[] }> {
  const ofVolume = ((await listBackups()) as Tagged[]).filter((b) => b.engine === s.engine && b.volume === s.volume);
  const doomed = backupsToDelete({
    own: ofVolume.filter((b) => b.scheduleId === s.id),
    lastVerifiedOfVolume: ofVolume.find((b) => b.verified)?.id ?? null, // newest first
    newRun: { succeeded: true, verified: made.verified },
    keepLast: s.keepLast,
    keepDays: s.keepDays,
    now: Date.now(),
  });
  const deleted: string[] = [];
  const kept: string[] = [];
  for (const id of doomed) {
    // A restore reading it right now: keep it this time; a later run deletes it.
    if (busyWith([`write:backup/${id}`])) {
      kept.push(id);
      continue;
    }
    await deleteBackup(id);
    deleted.push(id);
    recordAudit({
      actor: SCHEDULER_ACTOR,
      action: "backup.delete",
      target: id,
      engine: s.engine,
      ip: null,
      ok: true,
      status: null,
      detail: { schedule: s.id, volume: s.volume, reason: "retention" },
    });
  }
  return { deleted, kept };
}

function auditRun(s: ScheduleRecord, how: Trigger, detail: { ok: boolean } & Record<string, unknown>): void {
  const { ok, ...rest } = detail;
  recordAudit({
    actor: SCHEDULER_ACTOR,
    action: "schedule.run",
    target: s.volume,
    engine: s.engine,
    ip: null,
    ok,
    status: null,
    detail: {
      schedule: s.id,
      trigger: how.trigger,
      ...(how.dueAt ? { dueAt: how.dueAt } : {}),
      ...(how.actor !== SCHEDULER_ACTOR ? { requestedBy: how.actor } : {}),
      ...rest,
    },
  });
}
