import "server-only";
import { randomUUID } from "node:crypto";
import { ApiError } from "@/lib/api/error";
import type { Job } from "@/lib/api/types";
import { jobEnded } from "@/lib/notify/job-ended";
import { diskFullMessage, isDiskFull } from "@/lib/store/disk-full";
import { copyJob as copy, JobEmitter } from "./emitter";
import { failInterrupted, storedJob, storedJobs, storeJob } from "./history";
import { blocks, type Lock } from "./locks";
import { queuedJob, type NewJob } from "./new-job";

export type { Lock } from "./locks";

// Long work runs as a job, in this process: at most MAX_RUNNING at once (the rest wait, "queued"), each with
// an AbortController that cancel() fires, progress that listeners receive a few times a second (emitter.ts),
// and locks so that two jobs never write the same volume, or read one being written (locks.ts). Every job is also
// kept in the database (history.ts), so finished ones are still listed after a restart; the ones in memory are
// the live ones (with their listeners) and the recently finished.

const MAX_RUNNING = Math.max(1, Number(process.env.VOLDECK_MAX_JOBS) || 2);
const KEEP_FINISHED = 200;
// A stream that moves no byte for this long is stuck (a hung engine): the job fails instead of waiting forever.
const STALL_MS = Number(process.env.VOLDECK_STALL_MS) || 120_000;

export class Cancelled extends Error {
  constructor() {
    super("cancelled");
  }
}

/** What a job's code gets: its record, a signal, and ways to report. */
export type JobControl = {
  readonly job: Readonly<Job>;
  readonly signal: AbortSignal;
  update(patch: Partial<Job>): void;
  progress(bytesDone: number): void;
  warn(message: string): void;
};

type Entry = {
  job: Job;
  abort: AbortController;
  run: (ctl: JobControl) => Promise<void>;
  locks: Lock[];
  emit: JobEmitter;
  lastMove: number;
  done: Promise<void>;
  settle: () => void;
};

type Registry = { entries: Map<string, Entry>; queue: Entry[]; running: number; recovered: boolean };
const g = globalThis as typeof globalThis & { __voldeckJobs?: Registry };
const reg: Registry = (g.__voldeckJobs ??= { entries: new Map(), queue: [], running: 0, recovered: false });

/**
 * The stored history, once per process first cleared of jobs the previous process left unfinished. Done on first
 * use rather than at import, so that building the app never opens the database.
 */
function history(): void {
  if (reg.recovered) return;
  const failed = failInterrupted();
  reg.recovered = true;
  if (failed) console.warn(`voldeck: ${failed} job(s) were cut short when the console stopped; recorded as failed`);
}

/** A job's record after it started or ended; it is in memory either way, so a failed write is only logged. */
function persist(job: Job): void {
  try {
    storeJob(job);
  } catch (e) {
    console.error(`voldeck: could not record job ${job.id} (${job.state}) in the database`, e);
  }
}

const now = () => new Date().toISOString();
const isActive = (e: Entry) => e.job.state === "queued" || e.job.state === "running";

/** The active job holding a lock that conflicts with `locks`, if any. */
export function busyWith(locks: Lock[]): Job | null {
  for (const e of reg.entries.values()) if (isActive(e) && blocks(e.locks, locks)) return e.job;
  return null;
}

/** 409 when a running job holds a lock that conflicts with `locks`. */
export function assertFree(locks: Lock[]): void {
  const busy = busyWith(locks);
  if (busy) {
    throw new ApiError("conflict", `Job ${busy.id} (${busy.kind} of "${busy.volume}") is using this volume or backup; try again when it is done.`, {
      job: busy.id,
    });
  }
}

/** Registers a job and queues it; refuses (409) when a running job holds a conflicting lock. */
export function startJob(init: NewJob, locks: Lock[], run: (ctl: JobControl) => Promise<void>): Job {
  assertFree(locks);
  history();
  const job = queuedJob(init, randomUUID(), now());
  // Recorded before it is queued: when the database cannot take it (disk full), the job is refused, not run.
  storeJob(job);
  let settle = () => {};
  const done = new Promise<void>((r) => (settle = r));
  const entry: Entry = { job, abort: new AbortController(), run, locks, emit: new JobEmitter(job), lastMove: Date.now(), done, settle };
  reg.entries.set(job.id, entry);
  reg.queue.push(entry);
  prune();
  pump();
  return copy(job);
}

function pump(): void {
  while (reg.running < MAX_RUNNING && reg.queue.length) {
    const entry = reg.queue.shift()!;
    reg.running++;
    void execute(entry).finally(() => {
      reg.running--;
      pump();
    });
  }
}

async function execute(e: Entry): Promise<void> {
  const { job } = e;
  Object.assign(job, { state: "running", phase: "preparing", startedAt: now() });
  persist(job);
  e.emit.now();
  const ctl: JobControl = {
    job,
    signal: e.abort.signal,
    update: (patch) => {
      const phaseChange = Boolean(patch.phase && patch.phase !== job.phase);
      const stateChange = phaseChange || patch.dataPath !== undefined || (patch.phaseDetail !== undefined && patch.phaseDetail !== job.phaseDetail);
      if (patch.phase) e.lastMove = Date.now();
      // A phase's detail ("Stopping web…") belongs to that phase only.
      if (phaseChange && patch.phaseDetail === undefined) job.phaseDetail = null;
      Object.assign(job, patch);
      if (stateChange) e.emit.now();
      else e.emit.soon();
    },
    progress: (bytes) => {
      if (bytes !== job.bytesDone) e.lastMove = Date.now();
      job.bytesDone = bytes;
      job.rate = e.emit.rate(bytes);
      e.emit.soon();
    },
    warn: (message) => {
      job.warnings.push(message);
      e.emit.soon();
    },
  };
  const watchdog = setInterval(() => {
    if (job.phase === "streaming" && Date.now() - e.lastMove > STALL_MS) {
      e.abort.abort(new Error(`no data moved for ${Math.round(STALL_MS / 1000)} s; the engine seems stuck`));
    }
  }, 5_000);
  watchdog.unref?.();
  try {
    await e.run(ctl);
    Object.assign(job, { state: "succeeded", phase: "done", phaseDetail: null, error: null });
  } catch (err) {
    const cancelled = e.abort.signal.aborted && e.abort.signal.reason instanceof Cancelled;
    const message = cancelled ? "cancelled" : messageOf(e.abort.signal.aborted ? e.abort.signal.reason : err, err);
    Object.assign(job, { state: "failed", phase: "done", phaseDetail: null, error: message, cancelled });
  } finally {
    clearInterval(watchdog);
    Object.assign(job, { finishedAt: now(), rate: null });
    persist(job);
    e.emit.close();
    e.settle();
    jobEnded(copy(job)); // notifications (a failed backup, storage running low): in the background
  }
}

function messageOf(reason: unknown, err: unknown): string {
  const r = reason as Error | undefined;
  if (r && r.name !== "AbortError" && r.message) return isDiskFull(r) ? diskFullMessage(r) : r.message;
  return isDiskFull(err) ? diskFullMessage(err) : (err as Error)?.message || String(err);
}

function prune(): void {
  const finished = [...reg.entries.values()].filter((e) => !isActive(e));
  for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) reg.entries.delete(e.job.id);
}

const notFound = (id: string) => new ApiError("not_found", `There is no job "${id}" (finished jobs are kept for 30 days, the last 500 of them).`, { job: id });

/** A job of this process (live, or finished lately), if it is one. */
const live = (id: string): Entry | undefined => reg.entries.get(id);

/** A finished job of an earlier process, from the database. */
function stored(id: string): Job {
  history();
  const job = storedJob(id);
  if (!job) throw notFound(id);
  return job;
}

export function getJob(id: string): Job {
  const e = live(id);
  return e ? copy(e.job) : stored(id);
}

/** Most recent first: the stored history, with the live state of this process's jobs. */
export function listJobs(): Job[] {
  history();
  const jobs = new Map(storedJobs().map((j) => [j.id, j]));
  for (const e of reg.entries.values()) jobs.set(e.job.id, copy(e.job));
  return [...jobs.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The jobs this process started (any state): a journal of one of them is not a dead process's to recover. */
export function ownJobIds(): Set<string> {
  return new Set(reg.entries.keys());
}

/** Listens to a job's changes; answers an unsubscribe function. The listener is not called for the past. */
export function subscribe(id: string, listener: (job: Job) => void): () => void {
  const e = live(id);
  if (!e) {
    stored(id); // 404 for an unknown id; a job of an earlier run has finished, nothing more will happen
    return () => {};
  }
  if (!isActive(e)) return () => {};
  e.emit.listeners.add(listener);
  return () => e.emit.listeners.delete(listener);
}

/**
 * Cancels a job: a queued one at once; a running one has its streams stopped, and its cleanup (partial file,
 * helpers, containers started again) runs before it reports "failed" with error "cancelled". Waits up to
 * `waitMs` for that.
 */
export async function cancelJob(id: string, waitMs = 10_000): Promise<Job> {
  const e = live(id);
  if (!e) return stored(id);
  if (!isActive(e)) return copy(e.job);
  if (e.job.state === "queued") {
    reg.queue = reg.queue.filter((q) => q !== e);
    Object.assign(e.job, { state: "failed", phase: "done", phaseDetail: null, error: "cancelled", cancelled: true, finishedAt: now() });
    persist(e.job);
    e.emit.close();
    e.settle();
    return copy(e.job);
  }
  e.abort.abort(new Cancelled());
  await Promise.race([e.done, new Promise((r) => setTimeout(r, waitMs))]);
  return copy(e.job);
}

/** Resolves when the job has finished (for tests and scripts in-process). */
export function jobDone(id: string): Promise<void> {
  const e = live(id);
  if (e) return e.done;
  stored(id);
  return Promise.resolve();
}
