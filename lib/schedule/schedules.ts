import "server-only";
import { ApiError } from "@/lib/api/error";
import type { ScheduleTarget } from "@/lib/api/repository-maintenance-schemas";
import type { CreateScheduleBody, UpdateScheduleBody } from "@/lib/api/schedule-schemas";
import type { Schedule, ScheduleRun } from "@/lib/api/schedule-types";
import { engineConfig } from "@/lib/docker/clients";
import { getVolume } from "@/lib/docker/volumes";
import { findRepoRow } from "@/lib/restic/store";
import { parseCron } from "./cron";
import { describeCron } from "./describe";
import { nextRuns, serverTimeZone } from "./next-runs";
import { wakeScheduler } from "./scheduler";
import { deleteSchedule, getSchedule, insertSchedule, runsOf, saveSchedule, type ScheduleRecord } from "./store";

// The schedules API's work: records in, Schedules (with words, next runs and the last run) out.

export function toSchedule(s: ScheduleRecord, lastRun: ScheduleRun | null, now = Date.now(), timeZone = serverTimeZone()): Schedule {
  const cron = parseCron(s.cron);
  return {
    id: s.id,
    engine: s.engine,
    volume: s.volume,
    cron: s.cron,
    compression: s.compression,
    stopContainers: s.stopContainers,
    keepLast: s.keepLast,
    keepDays: s.keepDays,
    enabled: s.enabled,
    target: s.target,
    nextRuns: nextRuns(cron, now, timeZone).map((ms) => new Date(ms).toISOString()),
    lastRun,
    description: describeCron(cron),
    createdBy: s.createdBy,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/**
 * The engine must be known (404) and the volume must exist there (404). An engine that does not answer is
 * accepted: the schedule is kept, and its runs fail (and say so) until the engine is back.
 */
async function checkTarget(engine: string, volume: string): Promise<void> {
  engineConfig(engine);
  try {
    await getVolume(engine, volume);
  } catch (e) {
    if (e instanceof ApiError && e.code === "engine_unreachable") return;
    throw e;
  }
}

/** A repository target names a repository the console knows (400 otherwise: the body is wrong, not the path). */
function checkRepositoryTarget(target: ScheduleTarget | undefined): void {
  if (target?.kind === "repository" && !findRepoRow(target.repository)) {
    throw new ApiError("invalid_input", `There is no repository "${target.repository}" to snapshot into.`, { repository: target.repository });
  }
}

export async function createSchedule(body: CreateScheduleBody & { cron: string; engine: string; volume: string }, createdBy: string | null): Promise<Schedule> {
  checkRepositoryTarget(body.target);
  await checkTarget(body.engine, body.volume);
  const s = insertSchedule({
    engine: body.engine,
    volume: body.volume,
    cron: parseCron(body.cron).source,
    compression: body.compression ?? "gzip",
    stopContainers: body.stopContainers ?? false,
    keepLast: body.keepLast ?? null,
    keepDays: body.keepDays ?? null,
    enabled: body.enabled ?? true,
    target: body.target ?? { kind: "tar" },
    createdBy,
  });
  wakeScheduler();
  return toSchedule(s, null);
}

export async function updateSchedule(id: string, patch: UpdateScheduleBody): Promise<Schedule> {
  const old = getSchedule(id);
  checkRepositoryTarget(patch.target);
  const next: ScheduleRecord = { ...old };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
  if (patch.cron !== undefined) next.cron = parseCron(patch.cron).source;
  if (next.engine !== old.engine || next.volume !== old.volume) await checkTarget(next.engine, next.volume);
  const now = new Date().toISOString();
  next.updatedAt = now;
  // A new expression, or a resumed schedule, starts from now: runs missed while paused are not caught up.
  if (next.cron !== old.cron || (next.enabled && !old.enabled)) next.handledUntil = now;
  saveSchedule(next);
  wakeScheduler();
  return toSchedule(next, runsOf(id, 1)[0] ?? null);
}

export function removeSchedule(id: string): void {
  getSchedule(id); // 404 first
  deleteSchedule(id);
}
