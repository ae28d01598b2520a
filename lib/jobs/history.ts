import "server-only";
import type Database from "better-sqlite3";
import type { Job } from "@/lib/api/types";
import { db } from "@/lib/store/db";

// Jobs' history in the embedded database, so GET /api/jobs still answers finished jobs after a restart.
// A job is stored when it is queued and again when it starts and ends; finished ones are kept for HISTORY_DAYS
// and at most the last HISTORY_KEEP of them, pruned whenever one more finishes (queued and running ones are
// never pruned). A job still queued or running in the database when the console starts was cut short by a stop
// or a crash: failInterrupted() says so in its record.

export const HISTORY_KEEP = 500;
export const HISTORY_DAYS = 30;

export const STOPPED_WHILE_RUNNING = "the console stopped while it ran";
export const STOPPED_BEFORE_START = "the console stopped before it started";

export function storeJob(job: Job, conn: Database.Database = db()): void {
  conn
    .prepare(
      `INSERT INTO jobs (id, state, created_at, finished_at, job) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET state = excluded.state, finished_at = excluded.finished_at, job = excluded.job`,
    )
    .run(job.id, job.state, job.createdAt, job.finishedAt, JSON.stringify(job));
  if (job.finishedAt) pruneJobs(conn);
}

/** Drops finished jobs beyond the newest `keep` and those finished more than `days` ago. */
export function pruneJobs(conn: Database.Database = db(), { keep = HISTORY_KEEP, days = HISTORY_DAYS, now = Date.now() } = {}): void {
  const cutoff = new Date(now - days * 86_400_000).toISOString();
  conn
    .prepare(
      `DELETE FROM jobs WHERE finished_at IS NOT NULL AND (finished_at < ?
         OR seq NOT IN (SELECT seq FROM jobs WHERE finished_at IS NOT NULL ORDER BY seq DESC LIMIT ?))`,
    )
    .run(cutoff, keep);
}

/** Every stored job, most recent first. */
export function storedJobs(conn: Database.Database = db()): Job[] {
  return (conn.prepare("SELECT job FROM jobs ORDER BY seq DESC").pluck().all() as string[]).map((j) => JSON.parse(j) as Job);
}

export function storedJob(id: string, conn: Database.Database = db()): Job | null {
  const text = conn.prepare("SELECT job FROM jobs WHERE id = ?").pluck().get(id) as string | undefined;
  return text ? (JSON.parse(text) as Job) : null;
}

/** Start-up: jobs left queued or running by the previous process failed; answers how many. */
export function failInterrupted(conn: Database.Database = db(), now = new Date().toISOString()): number {
  const rows = conn.prepare("SELECT job FROM jobs WHERE state IN ('queued', 'running')").pluck().all() as string[];
  for (const text of rows) {
    const job = JSON.parse(text) as Job;
    const error = job.state === "running" ? STOPPED_WHILE_RUNNING : STOPPED_BEFORE_START;
    storeJob({ ...job, state: "failed", phase: "done", error, rate: null, finishedAt: now }, conn);
  }
  return rows.length;
}
