import "server-only";
import { randomBytes } from "node:crypto";
import { ApiError } from "@/lib/api/error";
import { SCHEDULE_ID_PATTERN } from "@/lib/api/schedule-schemas";
import type { ScheduleTarget } from "@/lib/api/repository-maintenance-schemas";
import type { Schedule, ScheduleRun, ScheduleRunState } from "@/lib/api/schedule-types";
import { db } from "@/lib/store/db";

// Schedules and their runs in the embedded database (migration 3; targets and snapshot ids: migration 10). `handledUntil` is the latest due time the
// scheduler has dealt with: what is due after it and not later than now is a run to start (due.ts).

/** A schedule as stored: the API's Schedule without what is computed per answer, plus the scheduler's mark. */
export type ScheduleRecord = Omit<Schedule, "nextRuns" | "lastRun" | "description"> & { handledUntil: string };

type Row = Omit<
  ScheduleRecord,
  "stopContainers" | "enabled" | "keepLast" | "keepDays" | "createdBy" | "createdAt" | "updatedAt" | "handledUntil" | "target"
> & {
  target: string | null;
  stop_containers: number;
  enabled: number;
  keep_last: number | null;
  keep_days: number | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  handled_until: string;
};

const fromRow = (r: Row): ScheduleRecord => ({
  id: r.id,
  engine: r.engine,
  volume: r.volume,
  cron: r.cron,
  compression: r.compression,
  stopContainers: r.stop_containers === 1,
  keepLast: r.keep_last,
  keepDays: r.keep_days,
  enabled: r.enabled === 1,
  target: r.target ? (JSON.parse(r.target) as ScheduleTarget) : { kind: "tar" },
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  handledUntil: r.handled_until,
});

export function listScheduleRecords(): ScheduleRecord[] {
  return (db().prepare("SELECT * FROM schedules ORDER BY engine, volume, created_at").all() as Row[]).map(fromRow);
}

export function findSchedule(id: string): ScheduleRecord | null {
  const row = db().prepare("SELECT * FROM schedules WHERE id = ?").get(id) as Row | undefined;
  return row ? fromRow(row) : null;
}

const noSuchSchedule = (id: string) => new ApiError("not_found", `There is no schedule "${id}".`, { schedule: id });

/** A path's id that no schedule can have is refused before anything else is read (as not found). */
export function checkScheduleId(id: string): void {
  if (!SCHEDULE_ID_PATTERN.test(id)) throw noSuchSchedule(id);
}

export function getSchedule(id: string): ScheduleRecord {
  const found = findSchedule(id);
  if (!found) throw noSuchSchedule(id);
  return found;
}

export type NewSchedule = Omit<ScheduleRecord, "id" | "createdAt" | "updatedAt" | "handledUntil">;

export function insertSchedule(s: NewSchedule, now = new Date()): ScheduleRecord {
  const id = `sch-${randomBytes(5).toString("hex")}`;
  const at = now.toISOString();
  db()
    .prepare(
      `INSERT INTO schedules (id, engine, volume, cron, compression, stop_containers, keep_last, keep_days, enabled, created_by, created_at, updated_at, handled_until, target)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      s.engine,
      s.volume,
      s.cron,
      s.compression,
      s.stopContainers ? 1 : 0,
      s.keepLast,
      s.keepDays,
      s.enabled ? 1 : 0,
      s.createdBy,
      at,
      at,
      at,
      targetText(s.target),
    );
  return getSchedule(id);
}

export function saveSchedule(s: ScheduleRecord): void {
  db()
    .prepare(
      `UPDATE schedules SET engine = ?, volume = ?, cron = ?, compression = ?, stop_containers = ?, keep_last = ?, keep_days = ?,
       enabled = ?, updated_at = ?, handled_until = ?, target = ? WHERE id = ?`,
    )
    .run(
      s.engine,
      s.volume,
      s.cron,
      s.compression,
      s.stopContainers ? 1 : 0,
      s.keepLast,
      s.keepDays,
      s.enabled ? 1 : 0,
      s.updatedAt,
      s.handledUntil,
      targetText(s.target),
      s.id,
    );
}

// A tar target is stored as NULL, as the schedules made before targets existed.
const targetText = (t: ScheduleTarget): string | null => (t.kind === "tar" ? null : JSON.stringify(t));

export function setHandledUntil(id: string, at: string): void {
  db().prepare("UPDATE schedules SET handled_until = ? WHERE id = ?").run(at, id);
}

/**
 * Pauses every enabled schedule of an engine (when the engine is removed from the console): the schedules
 * stay for the record, and an engine added later under the same id, perhaps another machine, is not backed
 * up until someone resumes them. Answers the ids paused.
 */
export function pauseSchedulesOf(engine: string, now = new Date()): string[] {
  const conn = db();
  return conn.transaction(() => {
    const ids = (conn.prepare("SELECT id FROM schedules WHERE engine = ? AND enabled = 1").all(engine) as { id: string }[]).map((r) => r.id);
    conn.prepare("UPDATE schedules SET enabled = 0, updated_at = ? WHERE engine = ? AND enabled = 1").run(now.toISOString(), engine);
    return ids;
  })();
}

export function deleteSchedule(id: string): void {
  db().prepare("DELETE FROM schedules WHERE id = ?").run(id);
}

// ---- runs ----

type RunRow = {
  id: number;
  schedule_id: string;
  due_at: string | null;
  started_at: string;
  finished_at: string | null;
  state: ScheduleRunState;
  trigger: "schedule" | "manual";
  actor: string | null;
  job_id: string | null;
  backup_id: string | null;
  verified: number | null;
  size_bytes: number | null;
  error: string | null;
  deleted: string | null;
  snapshot_id: string | null;
};

const runFromRow = (r: RunRow): ScheduleRun => ({
  id: r.id,
  at: r.started_at,
  state: r.state,
  backupId: r.backup_id,
  dueAt: r.due_at,
  finishedAt: r.finished_at,
  trigger: r.trigger,
  actor: r.actor,
  jobId: r.job_id,
  verified: r.verified === null ? null : r.verified === 1,
  sizeBytes: r.size_bytes,
  error: r.error,
  deleted: r.deleted ? (JSON.parse(r.deleted) as string[]) : [],
  ...(r.snapshot_id ? { snapshotId: r.snapshot_id } : {}),
});

export function insertRun(scheduleId: string, run: { dueAt: string | null; trigger: "schedule" | "manual"; actor: string | null }): number {
  const info = db()
    .prepare("INSERT INTO schedule_runs (schedule_id, due_at, started_at, state, trigger, actor) VALUES (?, ?, ?, 'running', ?, ?)")
    .run(scheduleId, run.dueAt, new Date().toISOString(), run.trigger, run.actor);
  return Number(info.lastInsertRowid);
}

export type RunPatch = Partial<
  Pick<ScheduleRun, "state" | "jobId" | "backupId" | "verified" | "sizeBytes" | "error" | "deleted" | "finishedAt" | "snapshotId">
>;

export function updateRun(id: number, p: RunPatch): void {
  const columns: [string, unknown][] = [
    ["state", p.state],
    ["job_id", p.jobId],
    ["backup_id", p.backupId],
    ["verified", p.verified === undefined || p.verified === null ? p.verified : p.verified ? 1 : 0],
    ["size_bytes", p.sizeBytes],
    ["error", p.error],
    ["deleted", p.deleted === undefined ? undefined : JSON.stringify(p.deleted)],
    ["finished_at", p.finishedAt],
    ["snapshot_id", p.snapshotId],
  ];
  const set = columns.filter(([, v]) => v !== undefined);
  if (!set.length) return;
  db()
    .prepare(`UPDATE schedule_runs SET ${set.map(([c]) => `${c} = ?`).join(", ")} WHERE id = ?`)
    .run(...set.map(([, v]) => v), id);
}

export function lastRuns(): Map<string, ScheduleRun> {
  const rows = db()
    .prepare("SELECT r.* FROM schedule_runs r WHERE r.id = (SELECT MAX(id) FROM schedule_runs WHERE schedule_id = r.schedule_id)")
    .all() as RunRow[];
  return new Map(rows.map((r) => [r.schedule_id, runFromRow(r)]));
}

export function runsOf(scheduleId: string, limit = 20): ScheduleRun[] {
  return (db().prepare("SELECT * FROM schedule_runs WHERE schedule_id = ? ORDER BY id DESC LIMIT ?").all(scheduleId, limit) as RunRow[]).map(runFromRow);
}

/** Start-up: a run the previous process left "running" ended with it. */
export function failInterruptedRuns(): number {
  return db()
    .prepare("UPDATE schedule_runs SET state = 'failed', error = 'The console stopped during this run.', finished_at = ? WHERE state = 'running'")
    .run(new Date().toISOString()).changes;
}
